import CharterData
import PolicyKit

/// `charter check`: reads a dataset folder and checks it against the data contract.
enum CheckCommand: CharterCommand {
    static let name = "check"
    static let summary: HelpText = "Check a dataset folder against the data contract, naming every problem."

    static let data = Option<String>(required: "data", "DIR", help: "The dataset folder (required).")
    static let asOf = Option<CivilDate?>(
        "as-of", "DATE", .date(showingExample: false),
        help:
            "The run's as-of date, YYYY-MM-DD (default: today, in UTC); a birth or joining date after it is a problem."
    )
    static let options: [any CommandOption] = [data, asOf]

    static let help = CommandHelp(
        usage: [.form([data, asOf])],
        about: """
            Reads the dataset in DIR (communities, members, units, posts, events, bodies, meetings,
            distributions; each as NAME.csv, NAME.json or NAME.jsonl) and checks every column, id and
            reference the data contract lists. Nothing is written anywhere.

            When the dataset is valid, prints one line with the rows read from each file; warnings
            (unknown columns or files, which are ignored) go to standard error. When it is not, prints
            every problem to standard error as FILE:LINE: column COLUMN: what is wrong ('value'), in
            file and line order (the first 200, then a count of the rest).
            """,
        after: "Exit codes: 0 the dataset is valid; 2 it is not, or bad usage.")

    static func run(_ arguments: Arguments) throws -> Int32 {
        guard arguments.operands.isEmpty else {
            throw UsageError(message: "unexpected operand '\(arguments.operands[0])'; name the folder with --data DIR.")
        }
        let folder = try arguments[Self.data]
        let asOf = try arguments[Self.asOf] ?? today()
        let result: DatasetReadResult
        do {
            result = try DatasetReader(hashing: false).read(directory: folder, asOf: asOf)
        } catch {
            var text = error.description
            let count = error.problems.count + error.omitted
            text += "\ncharter check: \(count) \(count == 1 ? "problem" : "problems"); the dataset was refused."
            throw CommandFailure(code: 2, message: text)
        }
        for warning in result.warnings { Console.error("warning: \(warning)") }
        let counts = result.dataset.files.map { "\($0.name) \($0.rows)" }.joined(separator: ", ")
        Console.out("\(folder): valid as of \(asOf): \(counts).")
        return 0
    }
}

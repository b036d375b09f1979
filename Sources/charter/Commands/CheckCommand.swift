import CharterData
import PolicyKit

/// `charter check`: reads a dataset folder and checks it against the data contract.
enum CheckCommand: CharterCommand {
    static let name = "check"
    static let summary = HelpText(
        en: "Check a dataset folder against the data contract, naming every problem.",
        zh: "按数据契约检查数据集文件夹，列出每一个问题。")

    static let data = Option<String>(
        required: "data", "DIR", help: HelpText(en: "The dataset folder (required).", zh: "数据集文件夹（必需）。"))
    static let asOf = Option<CivilDate?>(
        "as-of", "DATE", .date(showingExample: false),
        help: HelpText(
            en:
                "The run's as-of date, YYYY-MM-DD (default: today, in UTC); a birth or joining date after it is a problem.",
            zh: "截至日期，YYYY-MM-DD（默认：今天，按 UTC 计）；出生日期或入党日期晚于它的，列为问题。"))
    static let jobs = Option<Int>(
        "jobs", "N", .wholeNumber(1...1024), default: { SharedOptions.cores },
        help: HelpText(
            en: "Threads reading and checking the files (default: the number of cores); the problems are the same.",
            zh: "同时读取和检查文件的线程数（默认：处理器核数）；列出的问题与单线程相同。"))
    static let lang = SharedOptions.messagesLang
    static let options: [any CommandOption] = [data, asOf, jobs, lang]

    static let help = CommandHelp(
        usage: [.form([data, asOf, jobs, lang])],
        about: HelpText(
            en: """
                Reads the dataset in DIR (communities, members, units, posts, events, bodies, meetings,
                distributions; each as NAME.csv, NAME.json or NAME.jsonl) and checks every column, id and
                reference the data contract lists. Nothing is written anywhere.

                When the dataset is valid, prints one line with the rows read from each file; warnings
                (unknown columns or files, which are ignored) go to standard error. When it is not, prints
                every problem to standard error as FILE:LINE: column COLUMN: what is wrong ('value'), in
                file and line order (the first 200, then a count of the rest).
                """,
            zh: """
                读取 DIR 中的数据集（communities、members、units、posts、events、bodies、meetings、
                distributions，各为 NAME.csv、NAME.json 或 NAME.jsonl），按数据契约检查其中的每一列、
                每个 id 和每个引用。不写出任何文件。

                数据集有效时，输出一行，列出每个文件读到的行数；警告（未知的列或文件，均不读取）写到
                标准错误。数据集无效时，把每个问题按文件和行的顺序写到标准错误，格式为
                FILE:LINE: column COLUMN: 问题所在（'值'）（先列出前 200 个，再给出其余问题的个数）。
                """),
        after: HelpText(
            en: "Exit codes: 0 the dataset is valid; 2 it is not, or bad usage.",
            zh: "退出码：0 数据集有效；2 数据集无效，或用法有误。"))

    static func run(_ arguments: Arguments) throws -> Int32 {
        let language = try arguments[Self.lang]
        guard arguments.operands.isEmpty else {
            let operand = arguments.operands[0]
            throw UsageError(
                en: "unexpected operand '\(operand)'; name the folder with --data DIR.",
                zh: "多余的参数 '\(operand)'；请用 --data DIR 指定数据集文件夹。")
        }
        let folder = try arguments[Self.data]
        let asOf = try arguments[Self.asOf] ?? today()
        let jobs = try arguments[Self.jobs]
        let result: DatasetReadResult
        do {
            result = try DatasetReader(jobs: jobs, hashing: false).read(directory: folder, asOf: asOf)
        } catch {
            let count = error.problems.count + error.omitted
            throw CommandFailure(code: 2) { language in
                localizedMessage(error, in: language)
                    + (language == .chinese
                        ? "\ncharter check：共 \(count) 个问题，数据集未通过检查。"
                        : "\ncharter check: \(count) \(count == 1 ? "problem" : "problems"); the dataset was refused.")
            }
        }
        printWarnings(result.warnings, in: language)
        let counts = result.dataset.files.map { "\($0.name) \($0.rows)" }
        Console.out(
            language == .chinese
                ? "\(folder)：数据集有效（截至\(asOf.chineseText)）：\(counts.joined(separator: "，"))。"
                : "\(folder): valid as of \(asOf): \(counts.joined(separator: ", ")).")
        return 0
    }
}

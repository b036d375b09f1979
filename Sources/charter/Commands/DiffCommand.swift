import CharterData
import CharterEngine
import CharterOutput
import CharterRecords
import CharterSupport
import PolicyKit

/// `charter diff`: what changes, and for whom, if a district swaps a module.
enum DiffCommand: CharterCommand {
    static let name = "diff"
    static let summary: HelpText =
        "Compare two profiles over one dataset: what changes, for whom (exit 1 on changes)."

    static let base = Option<String>(required: "base", "PROFILE", help: "The profile in force. Required.")
    static let candidate = Option<String>(required: "candidate", "PROFILE", help: "The profile proposed. Required.")
    static let data = Option<String>(required: "data", "DIR", help: "The dataset folder. Required.")
    static let asOf = Option<CivilDate?>(
        "as-of", "DATE", .date(),
        help:
            "Default: the base profile's \"as_of\", else today; the candidate is measured to the same date.")
    static let baseAsOf = Option<CivilDate?>(
        "base-as-of", "DATE", .date(),
        help:
            "The base's own date (its dated values in force then), to see what a dated change will do: the same profile at two dates, or a base and its overlay. The dataset is read as of the base's date."
    )
    static let candidateAsOf = Option<CivilDate?>(
        "candidate-as-of", "DATE", .date(),
        help: "The candidate's own date, likewise (default: --as-of, else the base's date).")
    static let out = Option<String?>("out", "DIR", help: "Write diff.jsonl and diff.html into this new folder.")
    static let force = Flag(
        "force",
        help:
            "Replace an existing --out folder that holds an earlier diff (or other output) of Charter and nothing else."
    )
    static let failOn = Option<Set<ExtensionPoint>>(
        "fail-on", "POINTS", .points, default: { Set(ExtensionPoint.allCases) },
        help: "Only changes of these points (comma separated) count for the exit code.")
    static let lang = SharedOptions.lang(help: "Language of the summary, reasons and page.")
    static let jobs = SharedOptions.jobs
    static let modulePath = SharedOptions.modulePath
    static let options: [any CommandOption] =
        [base, candidate, data, asOf, baseAsOf, candidateAsOf, out, force, failOn, lang, jobs, modulePath]
        + SharedOptions.moduleWatch

    static let help = CommandHelp(
        usage: [.form([base, candidate, data, asOf, out, force, failOn, lang, jobs, modulePath])],
        about: """
            Reads the dataset once, runs both profiles over it and pairs their decisions by (point,
            subject). Prints, per point, how many decisions changed and the transitions of outcomes
            (e.g. grid → dual: 120); per community, what changes (organisation, branches, slate);
            members who gain or lose a seat; and grade changes. A decision counts as changed when its
            outcome, rules or details differ.

            With --out, writes diff.jsonl (one record per changed decision: point, subject, both
            outcomes, rules, reasons and details, and the changed detail keys) and diff.html.
            """,
        after: """
            Exit codes: 0 nothing changed (among --fail-on points); 1 something changed; 2 bad input,
            profile or usage; 3 a policy module failed.
            """)

    static func run(_ arguments: Arguments) throws -> Int32 {
        let basePath = try arguments[Self.base]
        let candidatePath = try arguments[Self.candidate]
        let dataPath = try arguments[Self.data]
        let language = try arguments[Self.lang]
        let jobs = try arguments[Self.jobs]
        let failOn = try arguments[Self.failOn]
        try watchModules(arguments, command: name)
        let modulePaths = try arguments[Self.modulePath]
        let common = try arguments[Self.asOf]
        let base = try loadProfile(basePath, modulePaths: modulePaths, asOf: try arguments[Self.baseAsOf] ?? common)
        // The candidate is measured to the same date as the base unless told otherwise.
        let candidate = try loadProfile(
            candidatePath, modulePaths: modulePaths,
            asOf: try arguments[Self.candidateAsOf] ?? common ?? base.asOf)
        // The dataset is read, and checked, as of the earlier of the two dates.
        let asOf = min(base.asOf, candidate.asOf)
        var folder: OutputFolder?
        if let out = try arguments[Self.out] {
            folder = try makeOutputFolder(
                out, command: name, force: arguments[Self.force],
                protected: protectedPaths(data: dataPath, profiles: [base, candidate]))
        }
        let read = try loadDataset(dataPath, asOf: asOf, jobs: jobs, hashing: false)
        let index = DatasetIndex(read.dataset, jobs: jobs)
        func decide(_ loaded: LoadedProfile) throws(CommandFailure) -> RunDecisions {
            do {
                let results = try Engine(plan: loaded.plan, asOf: loaded.asOf, jobs: jobs).run(index)
                return RunDecisions(index: index, results: results, points: loaded.plan.decidedPoints)
            } catch {
                throw CommandFailure(code: 3, message: "charter diff: \(error)")
            }
        }
        let baseDecisions = try decide(base)
        let candidateDecisions = try decide(candidate)
        let diff = PolicyDiff(base: baseDecisions, candidate: candidateDecisions)
        let writer = DiffWriter(
            diff: diff, base: baseDecisions, baseName: basePath, candidateName: candidatePath, language: language)
        Console.out(writer.summary())
        if let folder {
            do {
                try writer.writeJSONL(to: folder.file("diff.jsonl"))
                try writer.writeHTML(to: folder.file("diff.html"))
                try folder.commit()
            } catch {
                throw CommandFailure(code: 2, message: "charter diff: \(folder.describe(error))")
            }
        }
        return diff.changes.contains { failOn.contains($0.point) } ? 1 : 0
    }
}

extension OptionValue where Value == Set<ExtensionPoint> {
    /// Extension points named by their codes, comma separated.
    static var points: OptionValue {
        OptionValue { list, option throws(UsageError) in
            var points: Set<ExtensionPoint> = []
            for name in list.split(separator: ",").map({ String($0).trimmingSpaces() }) where !name.isEmpty {
                guard let point = ExtensionPoint(rawValue: name) else {
                    var message = "'--\(option)' names an unknown point '\(name)'."
                    if let suggestion = closestMatchName(name, ExtensionPoint.allCases.map(\.rawValue)) {
                        message += " Did you mean '\(suggestion)'?"
                    }
                    throw UsageError(
                        message: message
                            + " Points: \(ExtensionPoint.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                points.insert(point)
            }
            return points
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

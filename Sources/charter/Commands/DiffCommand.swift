import CharterData
import CharterEngine
import CharterOutput
import PolicyKit

/// `charter diff`: what changes, and for whom, if a district swaps a module.
enum DiffCommand: CharterCommand {
    static let name = "diff"
    static let summary = "Compare two profiles over one dataset: what changes, for whom (exit 1 on changes)."
    static let usage = """
        Usage: charter diff --base PROFILE --candidate PROFILE --data DIR [--as-of DATE] [--out DIR]
                            [--force] [--fail-on POINT,...] [--lang zh|en] [--jobs N] [--module-path DIR]...

        Reads the dataset once, runs both profiles over it and pairs their decisions by (point,
        subject). Prints, per point, how many decisions changed and the transitions of outcomes
        (e.g. grid → dual: 120); per community, what changes (organisation, branches, slate);
        members who gain or lose a seat; and grade changes. A decision counts as changed when its
        outcome, rules or details differ.

        With --out, writes diff.jsonl (one record per changed decision: point, subject, both
        outcomes, rules, reasons and details, and the changed detail keys) and diff.html.

        Options:
          --base PROFILE       The profile in force. Required.
          --candidate PROFILE  The profile proposed. Required.
          --data DIR           The dataset folder. Required.
          --as-of DATE         Default: the base profile's "as_of", else today; the candidate is
                               measured to the same date.
          --base-as-of DATE    The base's own date (its dated values in force then), to see what a
          --candidate-as-of DATE  dated change will do: the same profile at two dates, or a base
                               and its overlay. The dataset is read as of the base's date.
          --out DIR            Write diff.jsonl and diff.html into this new folder.
          --force              Replace an existing --out folder that holds an earlier diff (or other
                               output) of Charter and nothing else.
          --fail-on POINTS     Only changes of these points (comma separated) count for the exit code.
          --lang zh|en         Language of the summary, reasons and page.
          --jobs N             Communities decided at once (default: the number of cores).
          --module-path DIR    Also look for modules in DIR (repeatable; searched first).
        \(moduleWatchUsage)

        Exit codes: 0 nothing changed (among --fail-on points); 1 something changed; 2 bad input,
        profile or usage; 3 a policy module failed.
        """
    static let valuedOptions: Set<String> = [
        "base", "candidate", "data", "as-of", "out", "fail-on", "lang", "jobs", "module-path", "decision-timeout",
        "base-as-of", "candidate-as-of",
    ]
    static let flagOptions: Set<String> = ["force", "debug"]

    static func run(_ arguments: Arguments) throws -> Int32 {
        let basePath = try arguments.required("base")
        let candidatePath = try arguments.required("candidate")
        let dataPath = try arguments.required("data")
        let language = try outputLanguage(arguments)
        let jobs = try jobsOption(arguments)
        var failOn = Set(ExtensionPoint.allCases)
        if let list = arguments.value("fail-on") {
            failOn = []
            for name in list.split(separator: ",").map({ String($0).trimmingSpaces() }) where !name.isEmpty {
                guard let point = ExtensionPoint(rawValue: name) else {
                    var message = "'--fail-on' names an unknown point '\(name)'."
                    if let suggestion = closestMatchName(name, ExtensionPoint.allCases.map(\.rawValue)) {
                        message += " Did you mean '\(suggestion)'?"
                    }
                    throw UsageError(
                        message: message
                            + " Points: \(ExtensionPoint.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                failOn.insert(point)
            }
        }
        try watchModules(arguments, command: name)
        let modulePaths = arguments.all("module-path")
        let common = try asOfOption(arguments)
        let base = try loadProfile(
            basePath, modulePaths: modulePaths, asOf: try asOfOption(arguments, "base-as-of") ?? common)
        // The candidate is measured to the same date as the base unless told otherwise.
        let candidate = try loadProfile(
            candidatePath, modulePaths: modulePaths,
            asOf: try asOfOption(arguments, "candidate-as-of") ?? common ?? base.asOf)
        // The dataset is read, and checked, as of the earlier of the two dates.
        let asOf = min(base.asOf, candidate.asOf)
        var folder: OutputFolder?
        if let out = arguments.value("out") {
            folder = try makeOutputFolder(
                out, command: name, force: arguments.flag("force"),
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

extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

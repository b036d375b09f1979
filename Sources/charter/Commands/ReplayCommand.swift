import CharterData
import CharterEngine
import CharterModules
import CharterOutput
import CharterRecords
import CharterSupport
import PolicyKit

#if canImport(Glibc)
    import Glibc
#endif

/// `charter replay`: runs again exactly what a `run.json` records, and checks that the decisions
/// come out the same.
///
/// The profile is the one `run.json` holds (resolved: no `extends`, no dated lists), not the
/// profile file as it is now; the as-of date and the language are the run's; each dataset file
/// and each module's library must have the digest the run recorded, or the replay is refused,
/// naming what changed.
enum ReplayCommand: CharterCommand {
    static let name = "replay"
    static let summary: HelpText = "Run again what a run.json records and check the decisions are the same."

    static let data = Option<String?>("data", "DIR", help: "The dataset folder (default: where the run read it).")
    static let modulePath = SharedOptions.modulePath.withHelp(
        "Also look for modules in DIR (repeatable; searched first; the folders the run's modules were loaded from are searched too)."
    )
    static let out = Option<String?>(
        "out", "DIR", help: "Also write the replayed run's output folder (as charter run does).")
    static let force = Flag("force", help: "Replace an --out folder Charter wrote earlier.")
    static let jobs = SharedOptions.jobs
    static let options: [any CommandOption] = [data, modulePath, out, force, jobs] + SharedOptions.moduleWatch

    static let help = CommandHelp(
        usage: [.form("RUN.json", [data, modulePath, out, force, jobs])],
        about: """
            Re-runs exactly what RUN.json records: the profile as resolved then (kept in run.json, not
            read again from disk), its as-of date and language, the same modules and the same dataset,
            and checks that the new decisions.jsonl has the digest the run recorded.

            Refused (exit 2), with what changed and what to do, when a dataset file's or a module
            library's SHA-256 differs from the record, or a file is missing. When the decisions differ
            and decisions.jsonl lies beside RUN.json, the first differing record is named.
            """,
        after: """
            Nothing is written unless --out is given.

            Exit codes: 0 verified (byte-identical decisions); 1 the decisions differ; 2 cannot replay
            (what is missing or changed is named), or bad usage; 3 a policy module failed.
            """)

    static func refuse(_ message: String) -> CommandFailure {
        CommandFailure(code: 2, message: "charter replay: \(message)")
    }

    static func run(_ arguments: Arguments) throws -> Int32 {
        guard arguments.operands.count == 1 else { throw UsageError(message: "name one run.json file.") }
        let recordPath = arguments.operands[0]
        let jobs = try arguments[Self.jobs]
        try watchModules(arguments, command: name)
        let record: JSONValue
        do {
            record = try JSONValue.parse(try readTextFile(recordPath, what: "run record"))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw refuse("\(recordPath) is not valid JSON (\(error)): name the run.json of a charter run.")
        }
        guard case .string? = record["charter_version"], case .string(let asOfText)? = record["as_of"],
            let asOf = CivilDate(asOfText), case .string(let languageCode)? = record["language"],
            let language = Language(rawValue: languageCode)
        else {
            throw refuse(
                "\(recordPath) is not the run.json of a charter run (it lacks charter_version, as_of or language).")
        }
        guard let resolved = record["profile"]?["resolved"],
            case .string(let recorded)? = record["decisions"]?["sha256"],
            !recorded.isEmpty
        else {
            throw refuse(
                "\(recordPath) was written by an earlier Charter that did not record the resolved profile and the decisions' digest; it cannot be replayed. Run it again with this Charter to get a run.json that can."
            )
        }

        // The dataset: every file the run read, with the digest it had.
        guard case .array(let files)? = record["dataset"], !files.isEmpty else {
            throw refuse("\(recordPath) records no dataset file.")
        }
        var recordedFiles: [(name: String, sha256: String)] = []
        var recordedFolder = "."
        for file in files {
            guard case .string(let path)? = file["path"], case .string(let digest)? = file["sha256"] else { continue }
            let name = String(path.split(separator: "/").last ?? Substring(path))
            recordedFiles.append((name, digest))
            recordedFolder = FileSystem.folder(of: path)
        }
        // The folder as the run named it, else its real path then (when replaying from elsewhere).
        let givenData = try arguments[Self.data]
        var data = givenData ?? recordedFolder
        if givenData == nil, !FileSystem.exists(data),
            case .string(let folder)? = record["dataset_folder"],
            !folder.isEmpty
        {
            data = folder
        }
        guard FileSystem.exists(data) else {
            throw refuse(
                "the dataset folder \(data) does not exist. Name the folder that holds the run's dataset with --data.")
        }
        for (name, digest) in recordedFiles {
            let path = data + "/" + name
            guard FileSystem.exists(path) else {
                throw refuse("\(path) is missing: the run read it. Restore it, or name the right folder with --data.")
            }
            let actual = (try? SHA256.hexDigest(ofFile: path)) ?? "unreadable"
            guard actual == digest else {
                throw refuse(
                    "\(path) has changed since the run (SHA-256 \(actual), recorded \(digest)): the replay would not read the same data. Restore the file as it was, or run charter run anew."
                )
            }
        }
        let names = Set(recordedFiles.map(\.name))
        let extensions = [".csv", ".json", ".jsonl"]
        for entry in (FileSystem.entries(of: data) ?? []).sorted()
        where !names.contains(entry)
            && DatasetFile.allCases.contains(where: { file in
                extensions.contains { file.rawValue + $0 == entry }
            })
        {
            throw refuse(
                "\(data)/\(entry) was not part of the run's dataset: the replay would read it. Move it aside, or run charter run anew."
            )
        }

        // The profile as the run resolved it, and the same modules.
        let profile: Profile
        do {
            profile = try ProfileReader.read(resolved, file: recordPath + " (profile.resolved)")
        } catch {
            throw refuse(error.description)
        }
        var modulePaths = try arguments[Self.modulePath]
        var recordedModules: [String: String] = [:]
        if case .array(let modules)? = record["modules"] {
            for module in modules {
                guard case .string(let name)? = module["name"], case .string(let digest)? = module["sha256"] else {
                    continue
                }
                recordedModules[name] = digest
                for key in ["real_path", "file"] {
                    if case .string(let file)? = module[key] { modulePaths.append(FileSystem.folder(of: file)) }
                }
            }
        }
        let loader = ModuleLoader(modulePaths: modulePaths + profile.modulePaths)
        let plan: RunPlan
        do {
            plan = try ProfileResolver(loader: loader) { try? SHA256.hexDigest(ofFile: $0) }
                .resolve(profile, file: recordPath + " (profile.resolved)")
        } catch {
            throw refuse(error.description)
        }
        for module in plan.modules {
            let actual = (try? SHA256.hexDigest(ofFile: module.realPath)) ?? "unreadable"
            guard let digest = recordedModules[module.name] else {
                throw refuse("\(recordPath) records no module \(module.name), which its profile names.")
            }
            guard actual == digest else {
                throw refuse(
                    "the module \(module.label) at \(module.realPath) is not the library the run used (SHA-256 \(actual), recorded \(digest)). Restore that build, or name its folder with --module-path."
                )
            }
        }

        // Decide again.
        let read = try loadDataset(data, asOf: asOf, jobs: jobs)
        let index = DatasetIndex(read.dataset, jobs: jobs)
        let results: [CommunityResult]
        do {
            results = try Engine(plan: plan, asOf: asOf, jobs: jobs).run(index)
        } catch {
            throw CommandFailure(code: 3, message: "charter replay: \(error)\nNothing was written.")
        }
        let decisions = RunDecisions(index: index, results: results, points: plan.decidedPoints)
        let replayed = try compare(decisions, language: language, recorded: recorded, beside: recordPath)
        if let out = try arguments[Self.out] {
            try writeOutput(
                out, decisions, plan: plan, profile: profile, asOf: asOf, language: language, data: data, arguments)
        }
        keepUntilExit(decisions)
        if let difference = replayed.difference {
            Console.out(
                "charter replay: the decisions differ from the run's (SHA-256 \(replayed.digest), recorded \(recorded))."
            )
            if let difference = difference {
                Console.out(difference)
            }
            return 1
        }
        Console.out(
            "charter replay: verified: \(replayed.records) decisions, byte for byte as recorded (SHA-256 \(recorded)).")
        return 0
    }

    /// The replayed decisions' digest and count, and where they first differ from the recorded
    /// file beside the record, if they differ (`.some(nil)` when there is no file to compare with).
    static func compare(
        _ decisions: RunDecisions, language: Language, recorded: String, beside recordPath: String
    ) throws(CommandFailure) -> (digest: String, records: Int, difference: String??) {
        var hasher = SHA256.Hasher()
        var records = 0
        DecisionsWriter.stream(decisions, language: language) { bytes in
            bytes.withUnsafeBytes { hasher.update($0) }
            records += bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        let digest = SHA256.hex(hasher.finalize())
        guard digest != recorded else { return (digest, records, nil) }
        // Only when they differ is the recorded file read, and the records encoded again to find
        // the first that differs.
        let folder = FileSystem.folder(of: recordPath)
        guard let old = try? FileSystem.readBytes(folder + "/decisions.jsonl") else {
            return (digest, records, .some(nil))
        }
        let oldLines = old.split(separator: 0x0A, omittingEmptySubsequences: false)
        var line = 0
        var difference: String?
        DecisionsWriter.stream(decisions, language: language) { bytes in
            guard difference == nil else { return }
            for replayed in bytes.split(separator: 0x0A) {
                let before = line < oldLines.count ? String(decoding: oldLines[line], as: UTF8.self) : "(none)"
                let after = String(decoding: replayed, as: UTF8.self)
                line += 1
                guard before != after else { continue }
                difference = firstDifference(line: line, folder: folder, before, after)
                return
            }
        }
        if difference == nil, line < oldLines.count, !oldLines[line].isEmpty {
            difference = firstDifference(
                line: line + 1, folder: folder, String(decoding: oldLines[line], as: UTF8.self), "(none)")
        }
        return (
            digest, records,
            .some(
                difference
                    ?? "The records are the same line by line; \(folder)/decisions.jsonl is not the file the run recorded."
            )
        )
    }

    static func firstDifference(line: Int, folder: String, _ before: String, _ after: String) -> String {
        func cut(_ text: String) -> String { text.count > 400 ? String(text.prefix(400)) + "…" : text }
        return
            "First differing record: line \(line) of \(folder)/decisions.jsonl\n  recorded: \(cut(before))\n  replayed: \(cut(after))"
    }

    /// Writes the replayed run's output folder, as `charter run` does (without its timings).
    static func writeOutput(
        _ out: String, _ decisions: RunDecisions, plan: RunPlan, profile: Profile, asOf: CivilDate, language: Language,
        data: String, _ arguments: Arguments
    ) throws(CommandFailure) {
        let folder = try makeOutputFolder(
            out, command: name, force: arguments[Self.force],
            protected: [ProtectedPath(path: data, role: .dataset)]
                + plan.modules.map { ProtectedPath(path: FileSystem.folder(of: $0.realPath), role: .modulePath) })
        do {
            let report = ReportWriter(
                decisions: decisions, district: profile.district, asOf: asOf, language: language, redact: false,
                plan: plan)
            let tables = TablesWriter(
                decisions: decisions, language: language, redact: false, jobs: 1, meanings: report.ruleMeanings)
            _ = try RunFiles.write(decisions, language: language, tables: tables, report: report, into: folder, jobs: 1)
            try folder.commit()
        } catch {
            throw CommandFailure(code: 2, message: "charter replay: \(folder.describe(error))\nNothing was written.")
        }
    }
}

import CharterData
import CharterEngine
import CharterModules
import CharterOutput
import CharterRecords
import CharterSupport
import PolicyKit

/// `charter run`, the main job.
///
/// Runs a profile's modules over a district's dataset and writes the decisions, tables, report
/// and audit record.
enum RunCommand: CharterCommand {
    static let name = "run"
    static let summary: HelpText =
        "Run a district's profile over its dataset and write decisions, tables and a report."

    static let profile = Option<String>(required: "profile", "FILE", help: "The district's profile (JSON). Required.")
    static let data = Option<String>(required: "data", "DIR", help: "The dataset folder. Required.")
    static let out = Option<String>(
        required: "out", "DIR", help: "The folder to write. Required; new or empty, unless --force.")
    static let asOf = Option<CivilDate?>(
        "as-of", "DATE", .date(),
        help: "The date every rule is measured to (YYYY-MM-DD); default: the profile's \"as_of\", else today (UTC).")
    static let force = Flag(
        "force",
        help:
            "Replace an existing --out folder that holds an earlier output of Charter and nothing else (only once the run is complete)."
    )
    static let redact = Flag("redact", help: "Mask names in the tables, the pages and the letters.")
    static let lang = SharedOptions.lang(
        help:
            "Language of reasons, tables and report (default: zh when LANG starts with zh, else en). decisions.jsonl keeps its codes either way."
    )
    static let jobs = SharedOptions.jobs
    static let modulePath = SharedOptions.modulePath
    static let timings = Flag(
        "timings",
        help:
            "Also print where the time went: module code per point and per decision, the host's own work, and each output file."
    )
    static let options: [any CommandOption] =
        [profile, data, out, asOf, force, redact, lang, jobs, modulePath, timings] + SharedOptions.moduleWatch

    static let help = CommandHelp(
        usage: [.form([profile, data, out, asOf, force, redact, lang, jobs, modulePath])],
        about: """
            Reads and checks the dataset in DIR, loads the policy modules the profile selects, decides
            every point the profile names (stage, branch_setup, member_management, cadre_selection,
            points, governance, in that order) for every community, member and seat, and writes into
            the --out folder:

              decisions.jsonl   every decision, with the rules that fired and the reasons
              communities.csv   per community: stage, organisation, committee seats, governance
              members.csv       per member: management, grid, alerts, points, grade, letter
              posts.csv         per seat: selected member, score, alternates, or appointee
              findings.csv      per governance finding: what is wanting, the bodies or members concerned
              report.html       the district's summary and the index of its communities
              communities/      a page per community, to print and hand to it
              letters/          the half-year letters (函告) to the organisations that hold members'
                                relations: a file per community, an A4 page per letter; index.html
              run.json          what is needed to replay the run: versions, digests, counts

            The folder appears only when everything is written; a failed or interrupted run leaves no
            partial output. --force replaces only a folder Charter wrote (its .charter-output marker
            lists every file in it); the dataset, profile and module folders, the current and home
            folders and / are never written. The same dataset, profile and as-of date give
            byte-identical output.
            """,
        after: """
            Exit codes: 0 done; 2 bad input, profile or usage (nothing written); 3 a policy module failed
            (the module and the subject are named; nothing written).
            """)

    /// Where the deciding and writing time went, for the benchmark.
    static func timingReport(
        _ times: EngineTimes, decideSeconds: Double, writeTimes: [(String, Double)], jobs: Int,
        hostCPUSeconds: Double? = nil, hostWallSeconds: Double? = nil
    ) -> String {
        func fixed(_ value: Double, _ digits: Int = 3) -> String {
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let scaled = Int((value * scale).rounded())
            let whole = scaled / Int(scale)
            let fraction = String(scaled % Int(scale))
            return "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        var lines = ["timings (jobs \(jobs)):"]
        var total = 0
        for point in ExtensionPoint.allCases {
            guard let count = times.decisions[point], count > 0 else { continue }
            total += count
            let nanoseconds = Double(times.moduleNanoseconds[point] ?? 0)
            lines.append(
                "  module \(point.rawValue): \(fixed(nanoseconds / 1e9)) s in module code (all workers), "
                    + "\(count) decisions, \(fixed(nanoseconds / Double(count) / 1000)) µs per decision")
        }
        let host = Double(times.hostNanoseconds)
        lines.append(
            "  host while deciding: \(fixed(host / 1e9)) s (all workers), "
                + "\(fixed(host / Double(max(1, total)) / 1000)) µs per decision (contexts, checks, storing)")
        for (name, seconds) in writeTimes { lines.append("  write \(name): \(fixed(seconds)) s") }
        let moduleSeconds = Double(times.moduleNanoseconds.values.reduce(0, +)) / 1e9
        if let hostCPUSeconds {
            let hostSeconds = max(0, hostCPUSeconds - moduleSeconds)
            lines.append(
                "  host after reading, module code excluded (grouping, deciding, ordering, writing): "
                    + "\(fixed(hostSeconds)) s CPU (all threads), "
                    + "\(fixed(hostSeconds / Double(max(1, total)) * 1e6)) µs CPU per decision")
        }
        if let hostWallSeconds {
            // Module code ran on `jobs` workers at once: its share of the wall clock is its time
            // over the workers (an estimate: it assumes the workers kept busy together).
            let hostSeconds = max(0, hostWallSeconds - moduleSeconds / Double(max(1, jobs)))
            lines.append(
                "  host overhead on the wall clock (total − reading − module time ÷ \(jobs) workers): "
                    + "\(fixed(hostSeconds)) s, \(fixed(hostSeconds / Double(max(1, total)) * 1e6)) µs per decision")
        }
        return lines.joined(separator: "\n")
    }

    static func run(_ arguments: Arguments) throws -> Int32 {
        let profilePath = try arguments[Self.profile]
        let dataPath = try arguments[Self.data]
        let outPath = try arguments[Self.out]
        let language = try arguments[Self.lang]
        let jobs = try arguments[Self.jobs]
        let requestedAsOf = try arguments[Self.asOf]
        guard arguments.operands.isEmpty else {
            throw UsageError(message: "unexpected operand '\(arguments.operands[0])'.")
        }
        try watchModules(arguments, command: name)
        let started = timestamp()
        let progress = Progress()
        let clock = monotonicSeconds()

        progress.phase("Checking the profile and loading modules…")
        let loaded = try loadProfile(profilePath, modulePaths: try arguments[Self.modulePath], asOf: requestedAsOf)
        let asOf = loaded.asOf
        for warning in loaded.misplacedParameters(language: language) {
            Console.error((language == .chinese ? "charter run：警告：" : "charter run: warning: ") + warning)
        }
        let folder = try makeOutputFolder(
            outPath, command: name, force: arguments[Self.force],
            protected: protectedPaths(data: dataPath, profiles: [loaded]))

        progress.phase("Reading and checking \(dataPath)…")
        let read = try loadDataset(dataPath, asOf: asOf, jobs: jobs)
        let readSeconds = monotonicSeconds() - clock
        if let warning = emptyLedgerWarning(
            read.dataset, asOf: asOf, decidesPoints: loaded.plan.points[.points] != nil, language: language)
        {
            Console.error((language == .chinese ? "charter run：警告：" : "charter run: warning: ") + warning)
        }
        let readCPU = processCPUSeconds()
        let indexStart = monotonicSeconds()
        let index = DatasetIndex(read.dataset, jobs: jobs)
        let indexSeconds = monotonicSeconds() - indexStart

        let engine = Engine(plan: loaded.plan, asOf: asOf, jobs: jobs)
        let total = read.dataset.communities.count
        let decideStart = monotonicSeconds()
        let results: [CommunityResult]
        let engineTimes: EngineTimes
        do {
            let members = read.dataset.members.count
            (results, engineTimes) = try engine.runTimed(index) { done in
                let elapsed = max(0.001, monotonicSeconds() - decideStart)
                let rate = Int(Double(done) / Double(max(1, total)) * Double(members) / elapsed)
                progress.phase("Deciding: \(done)/\(total) communities, about \(rate) members/s")
            }
        } catch {
            progress.done()
            throw CommandFailure(code: 3, message: "charter run: \(error)\nNothing was written.")
        }
        let decideSeconds = monotonicSeconds() - decideStart
        let orderStart = monotonicSeconds()
        let decisions = RunDecisions(index: index, results: results, points: loaded.plan.decidedPoints)
        let orderSeconds = monotonicSeconds() - orderStart

        progress.phase("Writing \(outPath)…")
        let writeStart = monotonicSeconds()
        var writeTimes: [(String, Double)] = []
        func lap(_ name: String, _ since: inout Double) {
            let now = monotonicSeconds()
            writeTimes.append((name, now - since))
            since = now
        }
        var lapStart = writeStart
        do {
            var report = ReportWriter(
                decisions: decisions, district: loaded.profile.district, asOf: asOf, language: language,
                redact: arguments[Self.redact], plan: loaded.plan)
            report.bases = loaded.resolved.bases.map { basis, values in
                (basis, values.map { ($0.path, $0.value.serialized) })
            }
            let tables = TablesWriter(
                decisions: decisions, language: language, redact: arguments[Self.redact], jobs: jobs,
                meanings: report.ruleMeanings)
            let times = try RunFiles.write(
                decisions, language: language, tables: tables, report: report, into: folder, jobs: jobs)
            lap("decisions, tables and report, all at once", &lapStart)
            for (file, seconds) in times.encodeSeconds {
                writeTimes.append(("\(file) (encoding, all workers)", seconds))
            }
            writeTimes.append(("(write calls, all workers)", times.writeSeconds))
            // The profile named first, then the profiles it extends, each hashed once.
            let chain = loaded.resolved.document.chain.map { ($0, (try? SHA256.hexDigest(ofFile: $0)) ?? "") }
            var manifest = RunManifest(
                charterVersion: charterVersion, asOf: asOf, language: language, profilePath: profilePath,
                profileSHA256: chain.first?.1 ?? "",
                district: loaded.profile.district,
                modules: loaded.plan.modules.map {
                    (
                        $0.name, $0.metadata.version.description, $0.file, $0.realPath,
                        (try? SHA256.hexDigest(ofFile: $0.realPath)) ?? "", $0.compilerVersion
                    )
                },
                selections: selections(loaded.plan), started: started, ended: timestamp(), jobs: jobs)
            manifest.profileChain = chain
            manifest.resolvedProfile = loaded.resolved.json
            manifest.values = loaded.resolved.values
            manifest.decisionsSHA256 = times.digests["decisions.jsonl"] ?? ""
            manifest.datasetFolder = FileSystem.realPath(dataPath) ?? dataPath
            let manifestFile = try BufferedFile(path: folder.file("run.json"))
            try manifestFile.write(manifest.json(decisions: decisions))
            try manifestFile.finish()
            try folder.commit()
            lap("run.json", &lapStart)
        } catch {
            progress.done()
            throw CommandFailure(code: 2, message: "charter run: \(folder.describe(error))\nNothing was written.")
        }
        let writeSeconds = monotonicSeconds() - writeStart
        let hostCPU = processCPUSeconds() - readCPU
        progress.done()
        Console.out(
            summary(
                decisions, out: outPath, language: language, asOf: asOf,
                seconds: (readSeconds, decideSeconds, writeSeconds, monotonicSeconds() - clock)))
        if arguments[Self.timings] {
            Console.out(
                timingReport(
                    engineTimes, decideSeconds: decideSeconds,
                    writeTimes: [
                        ("(grouping rows by community, before deciding)", indexSeconds),
                        ("(ordering the records)", orderSeconds),
                    ]
                        + writeTimes, jobs: jobs, hostCPUSeconds: hostCPU,
                    hostWallSeconds: monotonicSeconds() - clock - readSeconds))
        }
        keepUntilExit(decisions)
        return 0
    }

    static func selections(_ plan: RunPlan) -> [(
        point: String, stage: String, module: String, parameters: [String: ParameterValue]
    )] {
        plan.decidedPoints.flatMap {
            point -> [(point: String, stage: String, module: String, parameters: [String: ParameterValue])] in
            guard let pointPlan = plan.points[point] else { return [] }
            let base = (point.rawValue, "*", pointPlan.base.label, pointPlan.base.parameters.values)
            let stages = Stage.allCases.compactMap { stage in
                pointPlan.byStage[stage].map { (point.rawValue, stage.rawValue, $0.label, $0.parameters.values) }
            }
            return [base] + stages
        }
    }

    static func summary(
        _ decisions: RunDecisions, out: String, language: Language, asOf: CivilDate,
        seconds: (read: Double, decide: Double, write: Double, total: Double)
    ) -> String {
        let counts = decisions.outcomeCounts
        let dataset = decisions.index.dataset
        func format(_ value: Double) -> String {
            let hundredths = Int((value * 100).rounded())
            return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
        }
        var lines: [String] = []
        if language == .chinese {
            lines.append(
                "已完成：\(dataset.communities.count)个社区、\(dataset.members.count)名党员，截至\(asOf.chineseText)。结果写入 \(out)")
        } else {
            lines.append(
                "Done: \(dataset.communities.count) communities, \(dataset.members.count) members, as of \(asOf). Written to \(out)"
            )
        }
        for point in decisions.points {
            let outcomes = counts[point] ?? [:]
            let codes = point.outcomeCodes.filter { outcomes[$0] != nil }
            if language == .chinese {
                let unit = point.subjectKind == .member ? "人" : point.subjectKind == .seat ? "席" : "个"
                let text = codes.map { "\(point.outcomeName($0, in: .chinese))\(outcomes[$0] ?? 0)\(unit)" }
                lines.append("  \(point.chineseName)：" + text.joined(separator: "，"))
            } else {
                lines.append(
                    "  \(point.rawValue): " + codes.map { "\($0) \(outcomes[$0] ?? 0)" }.joined(separator: ", "))
            }
        }
        if language == .chinese {
            lines.append(
                "  用时：读取检查\(format(seconds.read))秒，决策\(format(seconds.decide))秒，写出\(format(seconds.write))秒，"
                    + "合计\(format(seconds.total))秒")
        } else {
            lines.append(
                "  time: read \(format(seconds.read)) s, decide \(format(seconds.decide)) s, "
                    + "write \(format(seconds.write)) s, total \(format(seconds.total)) s")
        }
        return lines.joined(separator: "\n")
    }
}

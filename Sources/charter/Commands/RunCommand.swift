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
    static let summary = HelpText(
        en: "Run a district's profile over its dataset and write decisions, tables and a report.",
        zh: "用本区的配置文件处理数据集，写出决策、表格和报告。")

    static let profile = Option<String>(
        required: "profile", "FILE",
        help: HelpText(en: "The district's profile (JSON). Required.", zh: "本区的配置文件（JSON）。必需。"))
    static let data = Option<String>(
        required: "data", "DIR", help: HelpText(en: "The dataset folder. Required.", zh: "数据集文件夹。必需。"))
    static let out = Option<String>(
        required: "out", "DIR",
        help: HelpText(
            en: "The folder to write. Required; new or empty, unless --force.",
            zh: "要写出的输出文件夹。必需；须为新文件夹或空文件夹，除非给出 --force。"))
    static let asOf = Option<CivilDate?>(
        "as-of", "DATE", .date(),
        help: HelpText(
            en: "The date every rule is measured to (YYYY-MM-DD); default: the profile's \"as_of\", else today (UTC).",
            zh: "每条规则据以计算的截至日期（YYYY-MM-DD）；默认：配置文件的 \"as_of\"，没有时为今天（UTC）。"))
    static let force = Flag(
        "force",
        help: HelpText(
            en:
                "Replace an existing --out folder that holds an earlier output of Charter and nothing else (only once the run is complete).",
            zh: "替换已有的 --out 文件夹，该文件夹须只有 Charter 之前写出的输出（在本次运行全部完成后才替换）。"))
    static let redact = Flag(
        "redact",
        help: HelpText(
            en: "Mask names in the tables, the pages and the letters.", zh: "隐去表格、页面和函告中的姓名。"))
    static let lang = SharedOptions.lang(
        help: HelpText(
            en: "Language of the messages, reasons, tables and report; decisions.jsonl keeps its codes either way.",
            zh: "提示信息、理由、表格和报告的语言；decisions.jsonl 中的代码不随语言改变。"))
    static let jobs = SharedOptions.jobs
    static let modulePath = SharedOptions.modulePath
    static let timings = Flag(
        "timings",
        help: HelpText(
            en:
                "Also print where the time went: module code per point and per decision, the host's own work, and each output file.",
            zh: "同时输出用时分布：每个扩展点的模块代码用时及每项决策的平均用时、Charter 自身的工作、每个输出文件。"))
    static let options: [any CommandOption] =
        [profile, data, out, asOf, force, redact, lang, jobs, modulePath, timings] + SharedOptions.moduleWatch

    static let help = CommandHelp(
        usage: [.form([profile, data, out, asOf, force, redact, lang, jobs, modulePath])],
        about: HelpText(
            en: """
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
            zh: """
                读取并检查 DIR 中的数据集，加载配置文件选定的政策模块，按配置文件列出的扩展点（依次为
                stage、branch_setup、member_management、cadre_selection、points、governance）对每个社区、
                每名党员和每个席位作出决策，并写入 --out 文件夹：

                  decisions.jsonl   每项决策，以及触发的规则和理由
                  communities.csv   每个社区：发展阶段、组织设置、委员职数、治理情况
                  members.csv       每名党员：管理方式、网格、提醒、积分、等次、函告
                  posts.csv         每个席位：选出的党员、得分、候补人选，或委派人选
                  findings.csv      每项治理发现：欠缺什么，涉及哪些组织或党员
                  report.html       全区汇总和各社区的索引
                  communities/      每个社区一页，可打印后交给社区
                  letters/          发给党员组织关系所在单位的半年度函告：每个社区一个文件，
                                    每份函告一页 A4；另有 index.html
                  run.json          重放本次运行所需的信息：版本、SHA-256 校验值、计数

                全部写完后输出文件夹才出现；运行失败或中断时不会留下不完整的输出。--force 只替换
                Charter 写出的文件夹（其中的 .charter-output 标记列出了它的每个文件）；数据集、配置文件
                和政策模块所在的文件夹、当前文件夹、用户主文件夹和 / 永远不会被写入。数据集、配置文件
                和截至日期相同，输出就逐字节相同。
                """),
        after: HelpText(
            en: """
                Exit codes: 0 done; 2 bad input, profile or usage (nothing written); 3 a policy module failed
                (the module and the subject are named; nothing written).
                """,
            zh: """
                退出码：0 完成；2 输入、配置文件或用法有误（未写出任何文件）；3 政策模块出错（指明出错的
                模块和对象；未写出任何文件）。
                """))

    /// Where the deciding and writing time went, for the benchmark.
    static func timingReport(
        _ times: EngineTimes, decideSeconds: Double, writeTimes: [(String, Double)], jobs: Int,
        hostCPUSeconds: Double? = nil, hostWallSeconds: Double? = nil, memory: [(String, (now: Int, peak: Int))] = []
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
        for (phase, resident) in memory {
            lines.append(
                "  memory after \(phase): \(fixed(Double(resident.now) / 1_073_741_824, 2)) GiB resident, "
                    + "peak so far \(fixed(Double(resident.peak) / 1_073_741_824, 2)) GiB")
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
            let operand = arguments.operands[0]
            throw UsageError(en: "unexpected operand '\(operand)'.", zh: "多余的参数 '\(operand)'。")
        }
        try watchModules(arguments, command: name, language: language)
        let chinese = language == .chinese
        let started = timestamp()
        let progress = Progress()
        let clock = monotonicSeconds()

        progress.phase(chinese ? "正在检查配置文件并加载政策模块…" : "Checking the profile and loading modules…")
        let loaded = try loadProfile(profilePath, modulePaths: try arguments[Self.modulePath], asOf: requestedAsOf)
        let asOf = loaded.asOf
        for warning in loaded.misplacedParameters(language: language) {
            Console.error((language == .chinese ? "charter run：警告：" : "charter run: warning: ") + warning)
        }
        let folder = try makeOutputFolder(
            outPath, command: name, force: arguments[Self.force],
            protected: protectedPaths(data: dataPath, profiles: [loaded]), language: language)

        progress.phase(chinese ? "正在读取并检查 \(dataPath)…" : "Reading and checking \(dataPath)…")
        let read = try loadDataset(dataPath, asOf: asOf, jobs: jobs, language: language)
        let readSeconds = monotonicSeconds() - clock
        var memory = [("reading", residentMemory())]
        if let warning = emptyLedgerWarning(
            read.dataset, asOf: asOf, decidesPoints: loaded.plan.points[.points] != nil, language: language)
        {
            Console.error((language == .chinese ? "charter run：警告：" : "charter run: warning: ") + warning)
        }
        let readCPU = processCPUSeconds()
        let indexStart = monotonicSeconds()
        let index = DatasetIndex(read.dataset, jobs: jobs)
        let indexSeconds = monotonicSeconds() - indexStart
        memory.append(("grouping", residentMemory()))

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
                progress.phase(
                    chinese
                        ? "正在决策：\(done)/\(total) 个社区，约每秒 \(rate) 名党员"
                        : "Deciding: \(done)/\(total) communities, about \(rate) members/s")
            }
        } catch {
            progress.done()
            throw moduleFailure(error, command: name)
        }
        let decideSeconds = monotonicSeconds() - decideStart
        memory.append(("deciding", residentMemory()))
        let orderStart = monotonicSeconds()
        let decisions = RunDecisions(index: index, results: results, points: loaded.plan.decidedPoints)
        let orderSeconds = monotonicSeconds() - orderStart

        progress.phase(chinese ? "正在写出 \(outPath)…" : "Writing \(outPath)…")
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
            throw writeFailure(error, folder: folder, command: name)
        }
        let writeSeconds = monotonicSeconds() - writeStart
        memory.append(("writing", residentMemory()))
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
                    hostWallSeconds: monotonicSeconds() - clock - readSeconds, memory: memory))
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

import CharterData
import CharterEngine
import CharterOutput
import CharterRecords
import CharterSupport
import PolicyKit

/// `charter diff`: what changes, and for whom, if a district swaps a module.
enum DiffCommand: CharterCommand {
    static let name = "diff"
    static let summary = HelpText(
        en: "Compare two profiles over one dataset: what changes, for whom (exit 1 on changes).",
        zh: "在同一数据集上比较两个配置文件：哪些决策改变、涉及谁（有改变时退出码为 1）。")

    static let base = Option<String>(
        required: "base", "PROFILE",
        help: HelpText(en: "The profile in force. Required.", zh: "现行的配置文件。必需。"))
    static let candidate = Option<String>(
        required: "candidate", "PROFILE",
        help: HelpText(en: "The profile proposed. Required.", zh: "拟采用的配置文件。必需。"))
    static let data = Option<String>(
        required: "data", "DIR", help: HelpText(en: "The dataset folder. Required.", zh: "数据集文件夹。必需。"))
    static let asOf = Option<CivilDate?>(
        "as-of", "DATE", .date(),
        help: HelpText(
            en: "Default: the base profile's \"as_of\", else today; the candidate is measured to the same date.",
            zh: "截至日期。默认：现行配置文件的 \"as_of\"，没有时为今天；拟采用的配置文件按同一日期计算。"))
    static let baseAsOf = Option<CivilDate?>(
        "base-as-of", "DATE", .date(),
        help: HelpText(
            en:
                "The base's own date (its dated values in force then), to see what a dated change will do: the same profile at two dates, or a base and its overlay. The dataset is read as of the base's date.",
            zh:
                "现行配置文件自己的日期（采用其在该日有效的分期取值），用来查看一项定期生效的调整会带来什么：同一配置文件的两个日期，或基础配置文件与其叠加配置文件。数据集按现行配置文件的日期读取。"
        ))
    static let candidateAsOf = Option<CivilDate?>(
        "candidate-as-of", "DATE", .date(),
        help: HelpText(
            en: "The candidate's own date, likewise (default: --as-of, else the base's date).",
            zh: "拟采用的配置文件自己的日期，用法相同（默认：--as-of，没有时为现行配置文件的日期）。"))
    static let out = Option<String?>(
        "out", "DIR",
        help: HelpText(
            en: "Write diff.jsonl and diff.html into this new folder.", zh: "把 diff.jsonl 和 diff.html 写入这个新文件夹。"))
    static let force = Flag(
        "force",
        help: HelpText(
            en:
                "Replace an existing --out folder that holds an earlier diff (or other output) of Charter and nothing else.",
            zh: "替换已有的 --out 文件夹，该文件夹须只有 Charter 之前写出的比较结果（或其他输出）。"))
    static let failOn = Option<Set<ExtensionPoint>>(
        "fail-on", "POINTS", .points, default: { Set(ExtensionPoint.allCases) },
        help: HelpText(
            en: "Only changes of these points (comma separated) count for the exit code.",
            zh: "只有这些扩展点（以逗号分隔）的改变计入退出码。"))
    static let lang = SharedOptions.lang(
        help: HelpText(
            en: "Language of the messages, summary, reasons and page.", zh: "提示信息、汇总、理由和页面的语言。"))
    static let jobs = SharedOptions.jobs
    static let modulePath = SharedOptions.modulePath
    static let options: [any CommandOption] =
        [base, candidate, data, asOf, baseAsOf, candidateAsOf, out, force, failOn, lang, jobs, modulePath]
        + SharedOptions.moduleWatch

    static let help = CommandHelp(
        usage: [.form([base, candidate, data, asOf, out, force, failOn, lang, jobs, modulePath])],
        about: HelpText(
            en: """
                Reads the dataset once, runs both profiles over it and pairs their decisions by (point,
                subject). Prints, per point, how many decisions changed and the transitions of outcomes
                (e.g. grid → dual: 120); per community, what changes (organisation, branches, slate);
                members who gain or lose a seat; and grade changes. A decision counts as changed when its
                outcome, rules or details differ.

                With --out, writes diff.jsonl (one record per changed decision: point, subject, both
                outcomes, rules, reasons and details, and the changed detail keys) and diff.html.
                """,
            zh: """
                读取一次数据集，用两个配置文件分别作出决策，再按（扩展点，对象）把两边的决策一一对应。
                按扩展点输出改变的决策数和结果的变化（如 grid → dual: 120）；按社区输出改变之处（组织
                设置、支部、候选人名单）；得到或失去席位的党员；以及等次的变化。一项决策的结果、规则
                或详情不同，即算作改变。

                给出 --out 时，写出 diff.jsonl（每项改变的决策一条记录：扩展点、对象、两边的结果、
                规则、理由和详情，以及改变了的详情键）和 diff.html。
                """),
        after: HelpText(
            en: """
                Exit codes: 0 nothing changed (among --fail-on points); 1 something changed; 2 bad input,
                profile or usage; 3 a policy module failed.
                """,
            zh: """
                退出码：0 没有改变（只看 --fail-on 所列的扩展点）；1 有改变；2 输入、配置文件或用法
                有误；3 政策模块出错。
                """))

    static func run(_ arguments: Arguments) throws -> Int32 {
        let basePath = try arguments[Self.base]
        let candidatePath = try arguments[Self.candidate]
        let dataPath = try arguments[Self.data]
        let language = try arguments[Self.lang]
        let jobs = try arguments[Self.jobs]
        let failOn = try arguments[Self.failOn]
        try watchModules(arguments, command: name, language: language)
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
                protected: protectedPaths(data: dataPath, profiles: [base, candidate]), language: language)
        }
        let read = try loadDataset(dataPath, asOf: asOf, jobs: jobs, hashing: false, language: language)
        let index = DatasetIndex(read.dataset, jobs: jobs)
        func decide(_ loaded: LoadedProfile) throws(CommandFailure) -> RunDecisions {
            do {
                let results = try Engine(plan: loaded.plan, asOf: loaded.asOf, jobs: jobs).run(index)
                return RunDecisions(index: index, results: results, points: loaded.plan.decidedPoints)
            } catch {
                throw CommandFailure(code: 3) { commandPrefix(name, in: $0) + localizedMessage(error, in: $0) }
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
                let placed = folder.placed(error)
                throw CommandFailure(code: 2) { commandPrefix(name, in: $0) + placed.message(in: $0) }
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
                    let codes = ExtensionPoint.allCases.map(\.rawValue)
                    let suggestion = didYouMean(name, among: codes)
                    throw UsageError(
                        Message { language in
                            language == .chinese
                                ? "'--\(option)' 中的扩展点 '\(name)' 不存在。\(suggestion.message(in: language))"
                                    + "扩展点有：\(codes.joined(separator: "、"))。"
                                : "'--\(option)' names an unknown point '\(name)'.\(suggestion.message(in: language))"
                                    + " Points: \(codes.joined(separator: ", "))."
                        })
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

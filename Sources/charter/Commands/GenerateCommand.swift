import CharterData
import CharterSupport
import CharterSynthesis
import PolicyKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// `charter generate`: writes a synthetic district dataset, deterministic from its arguments.
enum GenerateCommand: CharterCommand {
    static let name = "generate"
    static let summary = HelpText(
        en: "Write a synthetic district dataset (any size, deterministic from a seed).",
        zh: "写出一个合成的区数据集（规模任意，由种子完全确定）。")

    static let communities = Option<Int>(
        required: "communities", "N", .wholeNumber(1...100_000_000),
        help: HelpText(en: "Number of communities (at least 1).", zh: "社区数（至少 1 个）。"))
    static let members = Option<Int>(
        required: "members", "M", .wholeNumber(0...100_000_000),
        help: HelpText(en: "Number of party members across the district (0 or more).", zh: "全区党员人数（0 或以上）。"))
    static let seed = Option<UInt64>(
        required: "seed", "S", .wholeNumber(0...UInt64.max),
        help: HelpText(
            en: "Seed of every random choice (a whole number, 0 to 2^64-1).", zh: "所有随机选择的种子（0 到 2^64-1 之间的整数）。"))
    static let out = Option<String>(
        required: "out", "DIR", .folderName,
        help: HelpText(
            en: "Folder to write. It must not exist or be empty, unless --force.",
            zh: "要写出的文件夹。须不存在或为空，除非给出 --force。"))
    static let asOf = Option<CivilDate>(
        "as-of", "DATE", .date(fromYear: 1900, showingExample: false),
        default: { DistrictGenerator.Options.defaultAsOf },
        help: HelpText(
            en: "Date the district is placed around, YYYY-MM-DD (default 2026-06-30).",
            zh: "生成的区数据所围绕的日期，YYYY-MM-DD（默认 2026-06-30）。"))
    static let eventsPerMember = Option<Double>(
        "events-per-member", "K",
        OptionValue(
            takes: HelpText(en: "a number from 0 to 1000 such as 5 or 2.5", zh: "0 到 1000 之间的数（如 5 或 2.5）")
        ) { text in
            guard let amount = Amount(text), amount.scaled >= 0, amount <= Amount(1000), !text.hasPrefix("-") else {
                return nil
            }
            return Double(amount.scaled) / Double(Amount.scale)
        }, default: { 5 },
        help: HelpText(
            en: "Ledger entries per member on average (default 5; 0 for none).",
            zh: "平均每名党员的积分台账条目数（默认 5；0 表示没有）。"))
    static let order = Option<RowOrder>(
        "order", "ORDER",
        .choice(RowOrder.allCases.map { ($0.rawValue, $0) }), default: { .sorted },
        help: HelpText(
            en:
                "Row order: sorted (community by community, ids rising; the default) or shuffled (as a district's export comes: members in random order, the ledger by date across the district). The same people either way; shuffled deals their ids out afresh, so id order is not community order.",
            zh:
                "行的顺序：sorted（按社区依次排列、编号递增，默认）或 shuffled（如区里导出的数据：党员行顺序随机，积分台账按日期排列于全区）。两种顺序下的党员相同；shuffled 会重新分配编号，使编号顺序不再与社区顺序一致。"
        ))
    static let force = Flag(
        "force",
        help: HelpText(
            en:
                "Replace a folder that Charter wrote earlier (one holding only what Charter wrote, with its .charter-output marker), once the new dataset is complete. Any other folder is refused.",
            zh:
                "新数据集全部写完后，替换 Charter 之前写出的文件夹（其中只有 Charter 写出的文件，并有 .charter-output 标记）。其他文件夹一律拒绝替换。"
        ))
    static let example = Flag(
        "example",
        help: HelpText(
            en: "Write the curated example district (no size options).", zh: "写出精心编排的示例区（不用规模选项）。"))
    static let lang = SharedOptions.lang(
        help: HelpText(
            en: "Language of this help and of the messages; the files are the same in either.",
            zh: "本帮助和提示信息的语言；写出的文件不随语言改变。"))
    static let options: [any CommandOption] = [
        communities, members, seed, out, asOf, eventsPerMember, order, force, example, lang,
    ]

    static let help = CommandHelp(
        usage: [
            .form([communities, members, seed, out, asOf, eventsPerMember, order, force, lang]),
            .form(selectedBy: example, [out, order, force, lang]),
        ],
        about: HelpText(
            en: """
                Writes a made-up district of 郫都区 (村转社区 party organisation-building) as the eight CSV
                files of the data contract: communities, members, units, posts, events, bodies, meetings
                and distributions. The same arguments give byte-identical files on every machine.

                Communities are spread over the four stages (some declared, most to be derived from their
                households, residents' committee and units), vary in size from fewer than three full
                members to several hundred, and pass or fail the governance checks. Members are synthetic
                (no real person's data): names from common surnames and given-name characters, masked
                phone numbers. Dates are placed relative to the as-of date: the ledger covers the year
                before it, election votes the last five years.

                With --example, writes the curated example district of Examples/data instead: eight
                communities, about 500 members, showing every kind of decision of ChengduPilot (see
                Examples/README.md).
                """,
            zh: """
                按数据契约写出一个虚构的郫都区（村转社区党组织建设）的八个 CSV 文件：communities、
                members、units、posts、events、bodies、meetings 和 distributions。参数相同，在任何机器上
                写出的文件都逐字节相同。

                社区分布在四个发展阶段（有的已申报阶段，多数须根据住户、居委会和驻区单位判定），规模从
                不足三名正式党员到数百名党员不等，治理检查有的通过、有的不通过。党员均为合成数据（不含
                任何真实个人信息）：姓名由常见姓氏和名字用字组成，电话号码已隐去部分数字。日期按截至日期
                安排：积分台账覆盖其前一年，选举投票覆盖最近五年。

                给出 --example 时，改为写出 Examples/data 中精心编排的示例区：八个社区、约 500 名党员，
                涵盖 ChengduPilot 的每一种决策（见 Examples/README.md）。
                """),
        after: HelpText(
            en: """
                The files are written to a hidden folder beside DIR and moved into place when whole, so a
                failure leaves nothing half-written.

                Exit codes: 0 done; 2 bad usage, or the folder could not be written.
                """,
            zh: """
                文件先写入 DIR 旁边的一个隐藏文件夹，全部写完后再移到位，因此失败时不会留下写了一半的
                文件。

                退出码：0 完成；2 用法有误，或无法写出文件夹。
                """))

    static func run(_ arguments: Arguments) throws -> Int32 {
        let language = try arguments[Self.lang]
        guard arguments.operands.isEmpty else {
            let operand = arguments.operands[0]
            throw UsageError(
                en: "unexpected operand '\(operand)'; every input is an option.",
                zh: "多余的参数 '\(operand)'；所有输入都以选项给出。")
        }
        let out = try arguments[Self.out]
        let asOf = try arguments[Self.asOf]
        let generator: DistrictGenerator
        if arguments[Self.example] {
            let sizeOptions: [any CommandOption] = [Self.communities, Self.members, Self.seed, Self.eventsPerMember]
            if let given = sizeOptions.first(where: { arguments.contains($0) }) {
                throw UsageError(
                    en: "option '--\(given.name)' cannot be combined with '--example'.",
                    zh: "选项 '--\(given.name)' 不能与 '--example' 同时使用。")
            }
            generator = DistrictGenerator.example(asOf: asOf)
        } else {
            let options = DistrictGenerator.Options(
                communities: try arguments[Self.communities],
                members: try arguments[Self.members],
                seed: try arguments[Self.seed],
                asOf: asOf,
                eventsPerMember: try arguments[Self.eventsPerMember],
                order: try arguments[Self.order])
            do {
                generator = try DistrictGenerator(options)
            } catch {
                throw UsageError(Message { localizedMessage(error, in: $0) })
            }
        }
        let started = monotonicSeconds()
        let summary: GenerationSummary
        do {
            summary = try generator.write(
                to: out, force: arguments[Self.force], protected: protectedPaths(data: nil, profiles: []))
        } catch {
            throw CommandFailure(code: 2) { commandPrefix(name, in: $0) + localizedMessage(error, in: $0) }
        }
        for path in summary.leftoversCleared { Console.error(leftoverRemoved(path, command: name, in: language)) }
        if let path = summary.restoredEarlier { Console.error(earlierOutputPutBack(path, command: name, in: language)) }
        let elapsed = monotonicSeconds() - started
        let counts = summary.rows.map { "\($0.file.rawValue) \($0.rows)" }
        let seconds = String(Double(Int(elapsed * 100)) / 100)
        Console.out(
            language == .chinese
                ? "已写出 \(out)，用时 \(seconds) 秒：\(counts.joined(separator: "，"))。"
                : "Wrote \(out) in \(seconds) s: \(counts.joined(separator: ", ")).")
        return 0
    }
}

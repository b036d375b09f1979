import CharterData
import CharterEngine
import CharterModules
import CharterOutput
import CharterSupport
import PolicyKit

#if canImport(Glibc)
    import Glibc
#endif

/// `charter profile init` and `charter profile check`: writing and checking a district's profile.
enum ProfileCommand: CharterCommand {
    static let name = "profile"
    static let summary = HelpText(
        en: "Write a starting profile (init), or check one and show what it selects (check).",
        zh: "写出一份起步用的配置文件（init），或检查配置文件并列出它的选择（check）。")

    static let out = Option<String?>(
        "out", "FILE", help: HelpText(en: "Where init writes the profile.", zh: "init 写出配置文件的位置。"))
    static let district = Option<String?>(
        "district", "NAME",
        help: HelpText(en: "The district's name in the profile init writes.", zh: "init 写出的配置文件中的区名。"))
    static let modulePath = SharedOptions.modulePath
    static let lang = SharedOptions.lang(
        help: HelpText(
            en: "Language of the messages and of check's tables.", zh: "提示信息和 check 所列表格的语言。"))
    static let asOf = Option<CivilDate?>(
        "as-of", "DATE", .date(),
        help: HelpText(
            en: "The date whose values are in force (YYYY-MM-DD).", zh: "采用哪一天有效的取值（YYYY-MM-DD）。"))
    static let options: [any CommandOption] = [out, district, modulePath, lang, asOf]

    static let help = CommandHelp(
        usage: [
            .form("init", [out, district, modulePath, lang]),
            .form("check FILE", [asOf, modulePath, lang]),
            .form("flatten FILE", [asOf, lang]),
        ],
        about: HelpText(
            en: """
                init   Writes a complete profile: for every extension point, a module that decides it, with
                       every parameter at its default, ready to edit. Without --out it prints the profile.
                       An existing --out file is not overwritten.
                check  Reads a profile, loads the modules it names and checks every choice (module,
                       point, parameter names, types and ranges, pinned versions and digests), then prints
                       the resolved table: point × stage → module@version and parameters, then every
                       value the profiles set, with the file and JSON path it came from and its basis.
                flatten Prints the profile and every profile it extends as one file. With --as-of, each
                       dated value is replaced by the one in force on that date.

                A profile may build on another with "extends": "PATH" (relative to it): what it names
                replaces the base's, everything else is inherited. A parameter's value, or a point's
                module, may change on dated documents:
                  {"values": [{"from": "2025-01-01", "value": 6, "basis": "成组通〔2024〕31号"}, ...]}
                The value in force on the as-of date is used (--as-of, else the profile's "as_of", else
                today).
                """,
            zh: """
                init   写出一份完整的配置文件：为每个扩展点选一个能决策它的政策模块，各参数取默认值，
                       可直接修改。不给 --out 时把配置文件输出到屏幕。已有的 --out 文件不会被覆盖。
                check  读取配置文件，加载其中指定的政策模块，检查每一项选择（模块、扩展点、参数的名称、
                       类型和取值范围、指定的版本和校验值），然后列出解析后的总表：扩展点 × 阶段 →
                       模块@版本和参数；再列出各配置文件设定的每个取值，及其来源文件、JSON 路径和依据。
                flatten 把配置文件及其继承的所有配置文件合并为一个文件输出。给出 --as-of 时，每个分期
                       取值都换成该日有效的取值。

                配置文件可用 "extends": "PATH"（相对于它自己的路径）在另一份配置文件的基础上修改：它写明
                的部分替换基础配置文件中的相应部分，其余一概沿用。参数的取值或扩展点的模块可以按发文日期
                分期变化：
                  {"values": [{"from": "2025-01-01", "value": 6, "basis": "成组通〔2024〕31号"}, ...]}
                采用截至日期当天有效的取值（--as-of，没有时为配置文件的 "as_of"，再没有时为今天）。
                """),
        after: HelpText(
            en: """
                Exit codes: 0 done (the profile is valid); 2 the profile has problems (each is named by its
                JSON path, with what to do), or bad usage.
                """,
            zh: """
                退出码：0 完成（配置文件有效）；2 配置文件有问题（每个问题都指明其 JSON 路径和处理办法），
                或用法有误。
                """))

    static func run(_ arguments: Arguments) throws -> Int32 {
        switch arguments.operands.first {
        case "init":
            guard arguments.operands.count == 1 else {
                throw UsageError(
                    en: "'init' takes no operand; use --out FILE.", zh: "'init' 后面不带参数；请用 --out FILE。")
            }
            return try initProfile(arguments)
        case "check":
            guard arguments.operands.count == 2 else {
                throw UsageError(en: "'check' takes one profile file.", zh: "'check' 后面须给出一个配置文件。")
            }
            return try check(arguments.operands[1], arguments)
        case "flatten":
            guard arguments.operands.count == 2 else {
                throw UsageError(en: "'flatten' takes one profile file.", zh: "'flatten' 后面须给出一个配置文件。")
            }
            return try flatten(arguments.operands[1], arguments)
        case nil:
            throw UsageError(
                en: "say 'init', 'check FILE' or 'flatten FILE'.", zh: "请给出 'init'、'check FILE' 或 'flatten FILE'。")
        case let other?:
            let suggestion = didYouMean(other, among: ["init", "check", "flatten"])
            throw UsageError(
                Message { language in
                    language == .chinese
                        ? "未知的参数 '\(other)'；请给出 'init'、'check FILE' 或 'flatten FILE'。"
                            + suggestion.message(in: language)
                        : "unknown operand '\(other)'; say 'init', 'check FILE' or 'flatten FILE'."
                            + suggestion.message(in: language)
                })
        }
    }

    static func initProfile(_ arguments: Arguments) throws -> Int32 {
        let language = try arguments[Self.lang]
        let loader = ModuleLoader(modulePaths: try arguments[Self.modulePath])
        let (modules, problems) = loader.discover()
        for problem in problems {
            Console.error(commandPrefix(name, in: language) + localizedMessage(problem, in: language))
        }
        guard !modules.isEmpty else {
            throw CommandFailure(
                code: 2,
                en:
                    "charter profile: no policy modules were found; build them with `swift build`, or name their directory with --module-path.",
                zh: "charter profile：没有找到政策模块；请用 `swift build` 构建，或用 --module-path 指定其所在目录。")
        }
        var policies: [(String, JSONValue)] = []
        for point in ExtensionPoint.allCases {
            let providers = modules.filter { $0.points.contains(point) }
                .sorted { ($1.points.count, $0.name) < ($0.points.count, $1.name) }
            guard let module = providers.first else { continue }
            // Only the parameters that change this point's decisions: another would do nothing here.
            let params = module.metadata.parameters.filter { $0.points.contains(point) }.map {
                ($0.name, JSONValue($0.defaultValue))
            }
            policies.append(
                (
                    point.rawValue,
                    .object([
                        ("module", .string(module.name)), ("version", .string(module.metadata.version.description)),
                        ("params", .object(params)),
                    ])
                ))
        }
        let profile = JSONValue.object([
            ("district", .string(try arguments[Self.district] ?? "")),
            ("as_of", .string(lastCompleteHalfYearEnd(before: today()).description)),
            ("policies", .object(policies)),
        ])
        let text = profileText(profile)
        guard let out = try arguments[Self.out] else {
            Console.out(text)
            return 0
        }
        if fileExists(out) {
            throw CommandFailure(
                code: 2, en: "\(out): already exists; choose another --out file, or remove it first.",
                zh: "\(out)：文件已存在；请换一个 --out 文件，或先删除它。")
        }
        do {
            let file = try BufferedFile(path: out)
            try file.write(text + "\n")
            try file.finish()
        } catch {
            throw CommandFailure(code: 2) { localizedMessage(error, in: $0) }
        }
        Console.out(
            language == .chinese
                ? "已写出 \(out)。请修改后用以下命令检查：charter profile check \(out)"
                : "Wrote \(out). Edit it, then check it with: charter profile check \(out)")
        return 0
    }

    static func check(_ path: String, _ arguments: Arguments) throws -> Int32 {
        let language = try arguments[Self.lang]
        let loaded = try loadProfile(
            path, modulePaths: try arguments[Self.modulePath], asOf: try arguments[Self.asOf])
        let chinese = language == .chinese
        var rows: [[String]] = []
        for point in loaded.plan.decidedPoints {
            guard let pointPlan = loaded.plan.points[point] else { continue }
            func row(_ stage: String, _ selection: PolicySelection) -> [String] {
                // The parameters in force that change this point's decisions.
                let affecting = Set(
                    selection.module.metadata.parameters.filter { $0.points.contains(point) }.map(\.name))
                let params = selection.parameters.values.keys.sorted().filter(affecting.contains).map {
                    "\($0)=\(selection.parameters.values[$0].map { "\($0)" } ?? "")"
                }
                return [point.rawValue, stage, selection.label, params.joined(separator: " ")]
            }
            rows.append(row(chinese ? "全部阶段" : "all stages", pointPlan.base))
            for stage in Stage.allCases {
                if let selection = pointPlan.byStage[stage] { rows.append(row(stage.name(in: language), selection)) }
            }
        }
        let undecided = ExtensionPoint.allCases.filter { loaded.plan.points[$0] == nil }
        Console.out(
            (chinese ? "配置有效：" : "The profile is valid: ") + path
                + (loaded.profile.district.isEmpty ? "" : " (\(loaded.profile.district))"))
        Console.out(
            textTable(
                chinese ? ["扩展点", "阶段", "模块", "参数"] : ["POINT", "STAGE", "MODULE", "PARAMETERS"], rows))
        if !undecided.isEmpty {
            Console.out(
                (chinese ? "不作决定的扩展点：" : "Not decided (left out of the profile): ")
                    + undecided.map(\.rawValue).joined(separator: ", "))
        }
        let resolved = loaded.resolved
        Console.out("")
        Console.out(
            chinese
                ? "截至\(resolved.asOf.chineseText)有效的配置值（来源文件、JSON 路径、依据）："
                : "Values in force on \(resolved.asOf), where each was set, and its basis:")
        let valueRows = resolved.values.map { value -> [String] in
            var basis = value.basis ?? ""
            if let from = value.from {
                basis = (chinese ? "自\(from)起" : "from \(from)") + (basis.isEmpty ? "" : " · " + basis)
            }
            return [value.path, value.value.serialized, value.file, basis]
        }
        Console.out(
            textTable(chinese ? ["JSON 路径", "值", "文件", "依据"] : ["JSON PATH", "VALUE", "FILE", "BASIS"], valueRows))
        for warning in loaded.misplacedParameters(language: language) {
            Console.error((chinese ? "警告：" : "warning: ") + warning)
        }
        if resolved.document.chain.count > 1 {
            Console.out(
                (chinese ? "继承链：" : "Extends: ") + resolved.document.chain.joined(separator: " → "))
        }
        return 0
    }

    /// Prints the profile and those it extends as one file.
    static func flatten(_ path: String, _ arguments: Arguments) throws -> Int32 {
        let document = try loadProfileDocument(path)
        if let asOf = try arguments[Self.asOf] {
            do throws(ProfileError) {
                Console.out(try document.resolved(at: asOf).json.prettyPrinted())
            } catch {
                throw CommandFailure(code: 2) { localizedMessage(error, in: $0) }
            }
        } else {
            Console.out(document.json.prettyPrinted())
        }
        return 0
    }

    /// The profile as indented JSON, in the order a person reads it.
    static func profileText(_ value: JSONValue) -> String {
        value.prettyPrinted()
    }
}

func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

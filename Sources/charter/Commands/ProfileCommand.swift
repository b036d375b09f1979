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
    static let summary: HelpText =
        "Write a starting profile (init), or check one and show what it selects (check)."

    static let out = Option<String?>("out", "FILE", help: "Where init writes the profile.")
    static let district = Option<String?>(
        "district", "NAME", help: "The district's name in the profile init writes.")
    static let modulePath = SharedOptions.modulePath
    static let lang = SharedOptions.lang(help: "Language of check's table headings.")
    static let asOf = Option<CivilDate?>(
        "as-of", "DATE", .date(), help: "The date whose values are in force (YYYY-MM-DD).")
    static let options: [any CommandOption] = [out, district, modulePath, lang, asOf]

    static let help = CommandHelp(
        usage: [
            .form("init", [out, district, modulePath]),
            .form("check FILE", [asOf, modulePath, lang]),
            .form("flatten FILE", [asOf]),
        ],
        about: """
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
        after: """
            Exit codes: 0 done (the profile is valid); 2 the profile has problems (each is named by its
            JSON path, with what to do), or bad usage.
            """)

    static func run(_ arguments: Arguments) throws -> Int32 {
        switch arguments.operands.first {
        case "init":
            guard arguments.operands.count == 1 else {
                throw UsageError(message: "'init' takes no operand; use --out FILE.")
            }
            return try initProfile(arguments)
        case "check":
            guard arguments.operands.count == 2 else { throw UsageError(message: "'check' takes one profile file.") }
            return try check(arguments.operands[1], arguments)
        case "flatten":
            guard arguments.operands.count == 2 else {
                throw UsageError(message: "'flatten' takes one profile file.")
            }
            return try flatten(arguments.operands[1], arguments)
        case nil:
            throw UsageError(message: "say 'init', 'check FILE' or 'flatten FILE'.")
        case let other?:
            var message = "unknown operand '\(other)'; say 'init', 'check FILE' or 'flatten FILE'."
            if let suggestion = closestMatchName(other, ["init", "check", "flatten"]) {
                message += " Did you mean '\(suggestion)'?"
            }
            throw UsageError(message: message)
        }
    }

    static func initProfile(_ arguments: Arguments) throws -> Int32 {
        let loader = ModuleLoader(modulePaths: try arguments[Self.modulePath])
        let (modules, problems) = loader.discover()
        for problem in problems { Console.error("charter profile: \(problem)") }
        guard !modules.isEmpty else {
            throw CommandFailure(
                code: 2,
                message:
                    "charter profile: no policy modules were found; build them with `swift build`, or name their directory with --module-path."
            )
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
                code: 2, message: "\(out): already exists; choose another --out file, or remove it first.")
        }
        do {
            let file = try BufferedFile(path: out)
            try file.write(text + "\n")
            try file.finish()
        } catch {
            throw CommandFailure(code: 2, message: error.description)
        }
        Console.out("Wrote \(out). Edit it, then check it with: charter profile check \(out)")
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
                throw CommandFailure(code: 2, message: error.description)
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

import CharterData
import CharterEngine
import CharterModules
import CharterSupport
import PolicyKit

/// `charter test`: runs policy test cases and reports rule coverage.
enum TestCommand: CharterCommand {
    static let name = "test"
    static let summary = HelpText(
        en: "Run policy test cases (JSON files); report rule coverage (exit 1 on a failure).",
        zh: "运行政策测试用例（JSON 文件），报告规则覆盖率（有用例未通过时退出码为 1）。")

    static let coverage = Flag(
        "coverage",
        help: HelpText(
            en:
                "Also print, per module, which of its declared rules the cases' checked decisions fired, and the percentage.",
            zh: "同时按模块列出：用例所检查的决策触发了该模块声明的哪些规则，以及所占百分比。"))
    static let minCoverage = Option<Double?>(
        "min-coverage", "P",
        OptionValue(takes: HelpText(en: "a percentage from 0 to 100", zh: "0 到 100 之间的百分数")) { text in
            guard let value = Double(text), value >= 0, value <= 100 else { return nil }
            return value
        },
        help: HelpText(
            en: "Fail (exit 1) when a module's coverage is below P percent.",
            zh: "有模块的覆盖率低于 P% 时判为未通过（退出码 1）。"))
    static let modulePath = SharedOptions.modulePath
    static let lang = SharedOptions.messagesLang
    static let options: [any CommandOption] = [coverage, minCoverage, modulePath, lang] + SharedOptions.moduleWatch

    static let help = CommandHelp(
        usage: [.form("PATH...", [coverage, minCoverage, modulePath, lang])],
        about: HelpText(
            en: """
                Runs every policy test case in PATH (a case file, or a folder searched for *.json case
                files). A case gives a small dataset (inline, or a folder), the modules (inline policies,
                or a profile file), an as-of date, and the decisions expected; only the subjects and fields
                it names are compared. Each case is reported pass or fail, with expected and actual side by
                side.
                """,
            zh: """
                运行 PATH 中的每个政策测试用例（PATH 为一个用例文件，或在其中查找 *.json 用例文件的文件夹）。
                一个用例给出一个小数据集（直接写在用例中，或一个文件夹）、政策模块（直接写出的 policies，
                或一个配置文件）、截至日期和预期的决策；只比较用例中写明的对象和字段。每个用例报告通过
                或未通过，并把预期值和实际值并列显示。
                """),
        after: HelpText(
            en: """
                Exit codes: 0 every case passed (and coverage is at least P); 1 a case failed or coverage
                is short; 2 a case file cannot be read, or bad usage.
                """,
            zh: """
                退出码：0 所有用例都通过（且覆盖率不低于 P）；1 有用例未通过，或覆盖率不足；2 有用例文件
                无法读取，或用法有误。
                """))

    static func run(_ arguments: Arguments) throws -> Int32 {
        guard !arguments.operands.isEmpty else {
            throw UsageError(
                en: "name at least one case file or folder.", zh: "请至少给出一个用例文件或文件夹。")
        }
        let language = try arguments[Self.lang]
        try watchModules(arguments, command: name, language: language)
        let minimum = try arguments[Self.minCoverage]
        var files: [String] = []
        for path in arguments.operands {
            let found = caseFiles(path)
            guard !found.isEmpty else {
                throw CommandFailure(
                    code: 2, en: "\(path): no policy test case (*.json) found there.",
                    zh: "\(path)：这里没有找到政策测试用例（*.json）。")
            }
            files += found
        }
        let runner = PolicyTestRunner(modulePaths: try arguments[Self.modulePath]) { try? SHA256.hexDigest(ofFile: $0) }
        var passed = 0
        var failed = 0
        var fired: [String: Set<String>] = [:]
        var modules: [String: LoadedModule] = [:]
        let chinese = language == .chinese
        for file in files {
            let testCase: PolicyTestCase
            do {
                testCase = try PolicyTestCase.parse(try readTextFile(file, what: .testCase), file: file)
            } catch let error as PolicyTestCaseError {
                throw CommandFailure(code: 2) { localizedMessage(error, in: $0) }
            }
            let result = runner.run(testCase)
            for module in result.modules { modules[module.name] = module }
            for (module, rules) in result.firedRules { fired[module, default: []].formUnion(rules) }
            if result.passed {
                passed += 1
                Console.out((chinese ? "通过    " : "PASS  ") + "\(testCase.name)  (\(file))")
                continue
            }
            failed += 1
            Console.out((chinese ? "未通过  " : "FAIL  ") + "\(testCase.name)  (\(file))")
            if let error = result.error {
                Console.out(
                    error.text(in: language).split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            }
            if !result.mismatches.isEmpty {
                Console.out(
                    textTable(
                        chinese
                            ? ["      扩展点", "对象", "字段", "预期", "实际"]
                            : ["      POINT", "SUBJECT", "FIELD", "EXPECTED", "ACTUAL"],
                        result.mismatches.map {
                            [
                                "      " + $0.point.rawValue, $0.subject, $0.field, $0.expected.text(in: language),
                                $0.actual.text(in: language),
                            ]
                        }))
            }
        }
        var short = false
        if arguments[Self.coverage] || minimum != nil {
            var rows: [[String]] = []
            for name in modules.keys.sorted() {
                guard let module = modules[name] else { continue }
                let declared = module.metadata.rules.map(\.id)
                let hit = declared.filter { fired[name]?.contains($0) == true }
                let percent = declared.isEmpty ? 100 : Double(hit.count) * 100 / Double(declared.count)
                if let minimum, percent < minimum { short = true }
                let missing = declared.filter { fired[name]?.contains($0) != true }
                rows.append([
                    name, "\(hit.count)/\(declared.count)", String(format1(percent)) + "%",
                    missing.isEmpty ? "-" : missing.joined(separator: " "),
                ])
            }
            Console.out(
                chinese
                    ? "\n规则覆盖率（用例所检查的决策中触发的、或在理由中提到的规则）："
                    : "\nRule coverage (rules fired, or named in the reasons, in the decisions the cases check):")
            Console.out(
                textTable(
                    chinese ? ["模块", "规则", "覆盖率", "未触发"] : ["MODULE", "RULES", "COVERAGE", "NOT FIRED"], rows))
        }
        Console.out(chinese ? "\n通过 \(passed) 个，未通过 \(failed) 个" : "\n\(passed) passed, \(failed) failed")
        if short, let minimum {
            Console.out(
                chinese
                    ? "至少有一个模块的覆盖率低于 \(format1(minimum))%。"
                    : "Coverage is below \(format1(minimum))% for at least one module.")
        }
        return failed > 0 || short ? 1 : 0
    }

    static func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The case files at `path`: the file itself, or every `*.json` below the folder, sorted.
    static func caseFiles(_ path: String) -> [String] {
        guard FileSystem.exists(path) else { return [] }
        guard FileSystem.isFolder(path) else { return [path] }
        guard let names = FileSystem.entries(of: path) else { return [] }
        var files: [String] = []
        for name in names.sorted() {
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            guard FileSystem.exists(child) else { continue }
            if FileSystem.isFolder(child) {
                files += caseFiles(child)
            } else if name.hasSuffix(".json") {
                files.append(child)
            }
        }
        return files
    }
}

import CharterData
import CharterEngine
import CharterModules
import CharterSupport
import PolicyKit

#if canImport(Glibc)
    import Glibc
#endif

/// `charter test`: runs policy test cases and reports rule coverage.
enum TestCommand: CharterCommand {
    static let name = "test"
    static let summary: HelpText =
        "Run policy test cases (JSON files); report rule coverage (exit 1 on a failure)."

    static let coverage = Flag(
        "coverage",
        help:
            "Also print, per module, which of its declared rules the cases' checked decisions fired, and the percentage."
    )
    static let minCoverage = Option<Double?>(
        "min-coverage", "P",
        OptionValue(takes: "a percentage from 0 to 100") { text in
            guard let value = Double(text), value >= 0, value <= 100 else { return nil }
            return value
        }, help: "Fail (exit 1) when a module's coverage is below P percent.")
    static let modulePath = SharedOptions.modulePath
    static let options: [any CommandOption] = [coverage, minCoverage, modulePath] + SharedOptions.moduleWatch

    static let help = CommandHelp(
        usage: [.form("PATH...", [coverage, minCoverage, modulePath])],
        about: """
            Runs every policy test case in PATH (a case file, or a folder searched for *.json case
            files). A case gives a small dataset (inline, or a folder), the modules (inline policies,
            or a profile file), an as-of date, and the decisions expected; only the subjects and fields
            it names are compared. Each case is reported pass or fail, with expected and actual side by
            side.
            """,
        after: """
            Exit codes: 0 every case passed (and coverage is at least P); 1 a case failed or coverage
            is short; 2 a case file cannot be read, or bad usage.
            """)

    static func run(_ arguments: Arguments) throws -> Int32 {
        guard !arguments.operands.isEmpty else { throw UsageError(message: "name at least one case file or folder.") }
        try watchModules(arguments, command: name)
        let minimum = try arguments[Self.minCoverage]
        var files: [String] = []
        for path in arguments.operands {
            let found = caseFiles(path)
            guard !found.isEmpty else {
                throw CommandFailure(code: 2, message: "\(path): no policy test case (*.json) found there.")
            }
            files += found
        }
        let runner = PolicyTestRunner(modulePaths: try arguments[Self.modulePath]) { try? SHA256.hexDigest(ofFile: $0) }
        var passed = 0
        var failed = 0
        var fired: [String: Set<String>] = [:]
        var modules: [String: LoadedModule] = [:]
        for file in files {
            let testCase: PolicyTestCase
            do {
                testCase = try PolicyTestCase.parse(try readTextFile(file, what: "test case"), file: file)
            } catch let error as PolicyTestCaseError {
                throw CommandFailure(code: 2, message: error.description)
            }
            let result = runner.run(testCase)
            for module in result.modules { modules[module.name] = module }
            for (module, rules) in result.firedRules { fired[module, default: []].formUnion(rules) }
            if result.passed {
                passed += 1
                Console.out("PASS  \(testCase.name)  (\(file))")
                continue
            }
            failed += 1
            Console.out("FAIL  \(testCase.name)  (\(file))")
            if let error = result.error {
                Console.out(error.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            }
            if !result.mismatches.isEmpty {
                Console.out(
                    textTable(
                        ["      POINT", "SUBJECT", "FIELD", "EXPECTED", "ACTUAL"],
                        result.mismatches.map {
                            ["      " + $0.point.rawValue, $0.subject, $0.field, $0.expected, $0.actual]
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
            Console.out("\nRule coverage (rules fired, or named in the reasons, in the decisions the cases check):")
            Console.out(textTable(["MODULE", "RULES", "COVERAGE", "NOT FIRED"], rows))
        }
        Console.out("\n\(passed) passed, \(failed) failed")
        if short, let minimum { Console.out("Coverage is below \(format1(minimum))% for at least one module.") }
        return failed > 0 || short ? 1 : 0
    }

    static func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The case files at `path`: the file itself, or every `*.json` below the folder, sorted.
    static func caseFiles(_ path: String) -> [String] {
        var status = stat()
        guard stat(path, &status) == 0 else { return [] }
        if (status.st_mode & S_IFMT) != S_IFDIR { return [path] }
        guard let names = FileSystem.entries(of: path) else { return [] }
        var files: [String] = []
        for name in names.sorted() {
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var childStatus = stat()
            guard stat(child, &childStatus) == 0 else { continue }
            if (childStatus.st_mode & S_IFMT) == S_IFDIR {
                files += caseFiles(child)
            } else if name.hasSuffix(".json") {
                files.append(child)
            }
        }
        return files
    }
}

import CharterData
public import CharterModules
import CharterRecords
import CharterSupport
public import PolicyKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// What one policy test case gave.
public struct PolicyTestResult: Sendable {
    /// The case.
    public let testCase: PolicyTestCase
    /// Every field that differs from what the case expects.
    public let mismatches: [Mismatch]
    /// A problem that kept the case from running (bad dataset, bad profile, module failure), in
    /// both languages.
    public let error: Text?
    /// The rule ids fired in the decisions the case checks, by module name.
    public let firedRules: [String: Set<String>]
    /// The modules the case ran.
    public let modules: [LoadedModule]

    /// Whether every expectation held.
    public var passed: Bool { error == nil && mismatches.isEmpty }

    /// One field of one expected decision that came out otherwise.
    public struct Mismatch: Sendable {
        /// The point.
        public let point: ExtensionPoint
        /// The subject.
        public let subject: String
        /// The field: `outcome`, `rules`, `module`, `reasons`, `details.KEY`, or `decision`.
        public let field: String
        /// What the case expects: JSON text, or words in both languages ("a decision").
        public let expected: Text
        /// What the run decided: JSON text, or words in both languages ("no decision").
        public let actual: Text
    }
}

/// Runs policy test cases: each case's dataset through each case's modules, compared with what it
/// expects.
public struct PolicyTestRunner {
    /// Directories to find modules in, before the executable's own.
    public let modulePaths: [String]
    /// Computes a file's SHA-256, for pinned profiles.
    public let digest: (String) -> String?

    /// Creates a runner.
    public init(modulePaths: [String], digest: @escaping (String) -> String?) {
        self.modulePaths = modulePaths
        self.digest = digest
    }

    /// Runs one case.
    public func run(_ testCase: PolicyTestCase) -> PolicyTestResult {
        func failed(_ message: Text, modules: [LoadedModule] = []) -> PolicyTestResult {
            PolicyTestResult(testCase: testCase, mismatches: [], error: message, firedRules: [:], modules: modules)
        }
        /// A library's error in both languages, as it says itself.
        func bilingual(_ error: any LocalizedMessage) -> Text {
            Text(zh: error.message(in: .chinese), en: error.message(in: .english))
        }
        let profileFile = testCase.profilePath ?? testCase.file
        let profileText: String
        if let path = testCase.profilePath {
            guard let text = readText(path) else {
                return failed(
                    Text(
                        zh: "无法读取配置文件 '\(path)'。请检查用例中 \"profile\" 给出的路径，以及这个文件是否为 UTF-8 文本。",
                        en:
                            "The profile '\(path)' cannot be read. Check the path the case gives as \"profile\", and that the file is UTF-8 text."
                    ))
            }
            profileText = text
        } else {
            profileText = testCase.inlineProfile?.serialized ?? "{}"
        }
        let plan: RunPlan
        do {
            let profile = try ProfileReader.parse(profileText, file: profileFile)
            plan = try ProfileResolver(loader: ModuleLoader(modulePaths: modulePaths), digest: digest)
                .resolve(profile, file: profileFile)
        } catch {
            return failed(bilingual(error))
        }
        let modules = plan.modules
        var temporary: String?
        defer { if let temporary { FileSystem.removeTree(temporary) } }
        let dataPath: String
        if let path = testCase.dataPath {
            dataPath = path
        } else {
            guard let folder = makeTemporaryFolder() else {
                return failed(
                    Text(
                        zh: "无法创建临时文件夹（\(FileSystem.lastError())）。请检查 TMPDIR 指向的文件夹（默认为 /tmp）存在且可以写入。",
                        en:
                            "A temporary folder cannot be created (\(FileSystem.lastError())). Check that the folder TMPDIR names (/tmp by default) exists and can be written to."
                    ))
            }
            temporary = folder
            for (name, rows) in testCase.inlineDataset {
                guard writeText(folder + "/" + name + ".json", rows.serialized) else {
                    return failed(
                        Text(
                            zh: "无法把用例中直接写出的数据集写入临时文件夹 \(folder)（\(FileSystem.lastError())）。请检查那里可以写入，磁盘也没有满。",
                            en:
                                "The inline dataset cannot be written to \(folder) (\(FileSystem.lastError())). Check that it can be written to and the disk is not full."
                        ))
                }
            }
            dataPath = folder
        }
        let dataset: Dataset
        do {
            dataset = try DatasetReader(hashing: false).read(directory: dataPath, asOf: testCase.asOf).dataset
        } catch {
            let refused =
                testCase.dataPath == nil
                ? Text(
                    zh: "用例中直接写出的数据集（文件以其键命名，按 .json 格式读取）未通过检查：\n",
                    en: "The inline dataset (files named as its keys, .json form) was refused:\n")
                : Text(zh: "数据集 \(dataPath) 未通过检查：\n", en: "\(dataPath) was refused:\n")
            return failed(refused + bilingual(error), modules: modules)
        }
        let index = DatasetIndex(dataset)
        let decisions: RunDecisions
        do {
            let results = try Engine(plan: plan, asOf: testCase.asOf, jobs: 1).run(index)
            decisions = RunDecisions(index: index, results: results, points: plan.decidedPoints)
        } catch {
            return failed(bilingual(error), modules: modules)
        }
        var records: [ExtensionPoint: [String: DecisionRecord]] = [:]
        for point in Set(testCase.expectations.map(\.point)) where decisions.points.contains(point) {
            var bySubject: [String: DecisionRecord] = [:]
            decisions.forEachRecord(of: point) { bySubject[$0.subject] = $0 }
            records[point] = bySubject
        }
        var mismatches: [PolicyTestResult.Mismatch] = []
        var fired: [String: Set<String>] = [:]
        for expectation in testCase.expectations {
            let record = records[expectation.point]?[expectation.subject]
            func mismatch(_ field: String, _ expected: Text, _ actual: Text) {
                mismatches.append(
                    PolicyTestResult.Mismatch(
                        point: expectation.point, subject: expectation.subject, field: field, expected: expected,
                        actual: actual))
            }
            func mismatch(_ field: String, _ expected: String, _ actual: String) {
                mismatch(field, Text(verbatim: expected), Text(verbatim: actual))
            }
            let absent = Text(zh: "（无）", en: "(absent)")
            let noDecision = Text(zh: "无决定", en: "no decision")
            guard let record else {
                if !expectation.absent {
                    mismatch("decision", Text(zh: "有决定", en: "a decision"), noDecision)
                }
                continue
            }
            if expectation.absent {
                mismatch("decision", noDecision, Text(verbatim: record.outcome))
                continue
            }
            let moduleName = String(record.module.prefix { $0 != "@" })
            fired[moduleName, default: []].formUnion(record.rules)
            if let module = modules.first(where: { $0.name == moduleName }) {
                // A check that the spec reports in a decision's reasons rather than its rules (the
                // eligibility checks of a vacant seat, say) counts as exercised when a reason names it.
                for rule in module.metadata.rules
                where record.reasons.contains(where: {
                    $0.english.contains(rule.id) || $0.chinese.contains(rule.id)
                }) {
                    fired[moduleName, default: []].insert(rule.id)
                }
            }
            if let outcome = expectation.outcome, outcome != record.outcome {
                mismatch("outcome", JSONValue.string(outcome).serialized, JSONValue.string(record.outcome).serialized)
            }
            if let rules = expectation.rules, rules != record.rules {
                mismatch("rules", JSONValue.strings(rules).serialized, JSONValue.strings(record.rules).serialized)
            }
            if let module = expectation.module, module != record.module, module != moduleName {
                mismatch("module", module, record.module)
            }
            for text in expectation.reasonsContain
            where !record.reasons.contains(where: { $0.chinese.contains(text) || $0.english.contains(text) }) {
                let quoted = JSONValue.string(text).serialized
                mismatch(
                    "reasons", Text(zh: "含 \(quoted) 的理由", en: "a reason containing \(quoted)"),
                    Text(
                        zh: JSONValue.strings(record.reasons.map(\.chinese)).serialized,
                        en: JSONValue.strings(record.reasons.map(\.english)).serialized))
            }
            for (key, value) in expectation.details {
                let actual = record.details[key]
                if value == .null {
                    if let actual { mismatch("details.\(key)", absent, Text(verbatim: actual.serialized)) }
                } else if actual != value {
                    mismatch(
                        "details.\(key)", Text(verbatim: value.serialized),
                        actual.map { Text(verbatim: $0.serialized) } ?? absent)
                }
            }
        }
        return PolicyTestResult(
            testCase: testCase, mismatches: mismatches, error: nil, firedRules: fired, modules: modules)
    }

    private func readText(_ path: String) -> String? {
        (try? FileSystem.readBytes(path)).flatMap { String(validating: $0, as: UTF8.self) }
    }

    private func writeText(_ path: String, _ text: String) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        defer { fclose(file) }
        var text = text
        return text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) == $0.count }
    }

    private func makeTemporaryFolder() -> String? {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/charter-case-XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { return nil }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

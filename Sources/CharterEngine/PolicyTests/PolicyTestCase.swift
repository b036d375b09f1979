import CharterSupport
public import PolicyKit

/// A policy test case: a small dataset, the modules to run, an as-of date, and the decisions
/// expected (a subset: only the subjects and fields named are compared).
///
/// Written as JSON:
///
/// ```json
/// {
///   "name": "a transition community that names no deputy secretary",
///   "as_of": "2026-06-30",
///   "policies": { "stage": { "module": "ChengduPilot" }, "branch_setup": { "module": "ChengduPilot" } },
///   "dataset": {
///     "communities": [ { "id": "C1", "households_moved_in": 300 } ],
///     "members": [ { "id": "M1", "community_id": "C1", "birth_date": "1980-01-01", … } ]
///   },
///   "expect": [
///     { "point": "branch_setup", "subject": "community:C1", "outcome": "functional_committee",
///       "rules": ["setup.transition", "setup.no-deputy-secretary"],
///       "details": { "secretary_source": "none" } }
///   ]
/// }
/// ```
///
/// Instead of `policies`, `profile` may name a profile file; instead of `dataset`, `data` may
/// name a dataset folder (both relative to the case file). `dataset` holds each file of the data
/// contract as an array of objects, exactly as the `.json` form of the file.
public struct PolicyTestCase: Sendable {
    /// The file the case was read from.
    public var file: String
    /// The case's name, for the report.
    public var name: String
    /// The as-of date.
    public var asOf: CivilDate
    /// The profile file, when the case names one (absolute, or relative to the working directory).
    public var profilePath: String?
    /// The inline profile (a `policies` object), when the case gives one.
    public var inlineProfile: JSONValue?
    /// The dataset folder, when the case names one.
    public var dataPath: String?
    /// The inline dataset: file name → array of row objects.
    public var inlineDataset: [(file: String, rows: JSONValue)]
    /// The decisions expected.
    public var expectations: [Expectation]

    /// One expected decision: the fields named are compared, the others are not.
    public struct Expectation: Sendable {
        /// The point.
        public var point: ExtensionPoint
        /// The subject.
        public var subject: String
        /// The expected outcome, if named.
        public var outcome: String?
        /// The expected rules, exactly and in order, if named.
        public var rules: [String]?
        /// The expected module (`Name@version` or `Name`), if named.
        public var module: String?
        /// Texts the reasons must contain (in either language), if named.
        public var reasonsContain: [String]
        /// Detail keys and their expected values, if named; `null` expects the key to be absent.
        public var details: [(key: String, value: JSONValue)]
        /// `true` when the case expects no decision at all for this subject and point.
        public var absent: Bool
    }
}

/// A case file that cannot be read, with what is wrong and what to do, in Simplified Chinese and
/// English.
public struct PolicyTestCaseError: Error, Sendable, CustomStringConvertible, LocalizedMessage {
    /// The file.
    public let file: String
    /// The JSON path, or empty.
    public let path: String
    /// What is wrong, in both languages; the path is its subject.
    public let message: Text

    /// Creates the error.
    public init(file: String, path: String, message: Text) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `FILE: PATH: message`.
    public var description: String { message(in: .english) }

    /// `FILE: PATH: message` in `language`; the file and the path are the same in both.
    public func message(in language: Language) -> String {
        let text = message.text(in: language)
        return path.isEmpty ? "\(file): \(text)" : "\(file): \(path): \(text)"
    }
}

extension PolicyTestCase {
    /// Reads a case from its JSON text; relative paths are taken from `file`'s folder.
    public static func parse(_ text: String, file: String) throws(PolicyTestCaseError) -> PolicyTestCase {
        func fail(_ path: String, _ message: Text) -> PolicyTestCaseError {
            PolicyTestCaseError(file: file, path: path, message: message)
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(text)
        } catch {
            throw fail(
                "",
                Text(
                    zh: "这不是有效的 JSON（\(error.message(in: .chinese))）。请改正后重新运行。",
                    en: "This is not valid JSON (\(error)). Correct it, then run again."))
        }
        guard case .object(let members) = json else {
            throw fail(
                "",
                Text(
                    zh: "政策测试用例应是一个 JSON 对象；这个文件里是\(json.kindText.chinese)。",
                    en: "A policy test case is a JSON object; this file holds \(json.kindName)."))
        }
        let known = ["name", "description", "as_of", "profile", "policies", "data", "dataset", "expect"]
        for (key, _) in members where !known.contains(key) {
            var message = Text(zh: "不是已知的键。", en: "is not a known key.")
            if let suggestion = Text.didYouMean(key, among: known) { message += suggestion }
            let list = known.joined(separator: ", ")
            message += Text(zh: "已知的有：\(list)。", en: " Known: \(list).")
            throw fail(key, message)
        }
        let folder = file.contains("/") ? String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) : "."
        func relative(_ path: String) -> String { path.hasPrefix("/") ? path : folder + "/" + path }

        var testCase = PolicyTestCase(
            file: file, name: file, asOf: .earliest, profilePath: nil, inlineProfile: nil, dataPath: nil,
            inlineDataset: [], expectations: [])
        if case .string(let name)? = json["name"] { testCase.name = name }
        guard case .string(let dateText)? = json["as_of"], let asOf = CivilDate(dateText) else {
            throw fail(
                "as_of",
                Text(
                    zh: "必须给出截至日期，格式为 YYYY-MM-DD，例如 \"2026-06-30\"。",
                    en: "is required: the as-of date written YYYY-MM-DD, such as \"2026-06-30\"."))
        }
        testCase.asOf = asOf
        switch (json["profile"], json["policies"]) {
        case (.string(let path)?, nil): testCase.profilePath = relative(path)
        case (nil, .object?): testCase.inlineProfile = .object([("policies", json["policies"] ?? .null)])
        default:
            throw fail(
                "policies",
                Text(
                    zh: "请在 \"profile\"（一个配置文件）和 \"policies\"（直接写出的政策模块）中给出一项，且只给一项。",
                    en: "give either \"profile\" (a profile file) or \"policies\" (inline), not both or neither."))
        }
        switch (json["data"], json["dataset"]) {
        case (.string(let path)?, nil): testCase.dataPath = relative(path)
        case (nil, .object(let files)?):
            for (name, rows) in files {
                guard case .array = rows else {
                    throw fail(
                        "dataset.\(name)",
                        Text(zh: "应为数组，每个元素是一行数据（一个对象）。", en: "must be an array of row objects."))
                }
                testCase.inlineDataset.append((name, rows))
            }
        default:
            throw fail(
                "dataset",
                Text(
                    zh: "请在 \"data\"（一个数据集文件夹）和 \"dataset\"（直接写出的数据）中给出一项，且只给一项。",
                    en: "give either \"data\" (a dataset folder) or \"dataset\" (inline), not both or neither."))
        }
        guard case .array(let expected)? = json["expect"], !expected.isEmpty else {
            throw fail(
                "expect",
                Text(
                    zh: "必须给出由预期决策组成的数组，且至少要有一项。",
                    en: "is required: an array of the decisions expected."))
        }
        for (index, entry) in expected.enumerated() {
            let path = "expect[\(index)]"
            guard case .object = entry else {
                throw fail(path, Text(zh: "应为一个对象，写明一项预期的决策。", en: "must be an object."))
            }
            guard case .string(let pointName)? = entry["point"], let point = ExtensionPoint(rawValue: pointName) else {
                let points = ExtensionPoint.allCases.map(\.rawValue)
                var message = Text(
                    zh: "应为以下扩展点之一：\(points.joined(separator: "、"))。",
                    en: "must be one of \(points.joined(separator: ", ")).")
                if case .string(let word)? = entry["point"], let suggestion = Text.didYouMean(word, among: points) {
                    message += suggestion
                }
                throw fail("\(path).point", message)
            }
            guard case .string(let subject)? = entry["subject"] else {
                throw fail(
                    "\(path).subject",
                    Text(
                        zh: "必须写明决策的对象，例如 \"member:M1\" 或 \"community:C1\"。",
                        en: "is required, such as \"member:M1\"."))
            }
            var expectation = Expectation(
                point: point, subject: subject, outcome: nil, rules: nil, module: nil, reasonsContain: [], details: [],
                absent: false)
            if case .string(let outcome)? = entry["outcome"] { expectation.outcome = outcome }
            if case .string(let module)? = entry["module"] { expectation.module = module }
            if case .bool(let absent)? = entry["absent"] { expectation.absent = absent }
            if let rules = entry["rules"] {
                guard case .array(let values) = rules else {
                    throw fail(
                        "\(path).rules", Text(zh: "应为由规则编号组成的数组。", en: "must be an array of rule ids."))
                }
                expectation.rules = values.compactMap { if case .string(let rule) = $0 { rule } else { nil } }
            }
            if let reasons = entry["reasons_contain"] {
                guard case .array(let values) = reasons else {
                    throw fail(
                        "\(path).reasons_contain",
                        Text(zh: "应为由文字组成的数组（理由中应包含的文字）。", en: "must be an array of texts."))
                }
                expectation.reasonsContain = values.compactMap { if case .string(let text) = $0 { text } else { nil } }
            }
            if let details = entry["details"] {
                guard case .object(let pairs) = details else {
                    throw fail(
                        "\(path).details",
                        Text(zh: "应为一个对象：键为明细项的名称，值为预期的值。", en: "must be an object of detail keys and values."))
                }
                expectation.details = pairs.map { (key: $0.0, value: $0.1) }
            }
            testCase.expectations.append(expectation)
        }
        return testCase
    }
}

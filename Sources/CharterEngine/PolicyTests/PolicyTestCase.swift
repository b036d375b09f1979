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

/// A case file that cannot be read, with what is wrong.
public struct PolicyTestCaseError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public let file: String
    /// The JSON path, or empty.
    public let path: String
    /// What is wrong.
    public let message: String

    /// `FILE: PATH: message`.
    public var description: String { path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)" }
}

extension PolicyTestCase {
    /// Reads a case from its JSON text; relative paths are taken from `file`'s folder.
    public static func parse(_ text: String, file: String) throws(PolicyTestCaseError) -> PolicyTestCase {
        func fail(_ path: String, _ message: String) -> PolicyTestCaseError {
            PolicyTestCaseError(file: file, path: path, message: message)
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(text)
        } catch {
            throw fail("", "This is not valid JSON (\(error)).")
        }
        guard case .object(let members) = json else { throw fail("", "A policy test case is a JSON object.") }
        let known = ["name", "description", "as_of", "profile", "policies", "data", "dataset", "expect"]
        for (key, _) in members where !known.contains(key) {
            throw fail(key, "is not a known key. Known: \(known.joined(separator: ", ")).")
        }
        let folder = file.contains("/") ? String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) : "."
        func relative(_ path: String) -> String { path.hasPrefix("/") ? path : folder + "/" + path }

        var testCase = PolicyTestCase(
            file: file, name: file, asOf: .earliest, profilePath: nil, inlineProfile: nil, dataPath: nil,
            inlineDataset: [], expectations: [])
        if case .string(let name)? = json["name"] { testCase.name = name }
        guard case .string(let dateText)? = json["as_of"], let asOf = CivilDate(dateText) else {
            throw fail("as_of", "is required: the as-of date written YYYY-MM-DD.")
        }
        testCase.asOf = asOf
        switch (json["profile"], json["policies"]) {
        case (.string(let path)?, nil): testCase.profilePath = relative(path)
        case (nil, .object?): testCase.inlineProfile = .object([("policies", json["policies"] ?? .null)])
        default:
            throw fail(
                "policies", "give either \"profile\" (a profile file) or \"policies\" (inline), not both or neither.")
        }
        switch (json["data"], json["dataset"]) {
        case (.string(let path)?, nil): testCase.dataPath = relative(path)
        case (nil, .object(let files)?):
            for (name, rows) in files {
                guard case .array = rows else { throw fail("dataset.\(name)", "must be an array of row objects.") }
                testCase.inlineDataset.append((name, rows))
            }
        default:
            throw fail(
                "dataset", "give either \"data\" (a dataset folder) or \"dataset\" (inline), not both or neither.")
        }
        guard case .array(let expected)? = json["expect"], !expected.isEmpty else {
            throw fail("expect", "is required: an array of the decisions expected.")
        }
        for (index, entry) in expected.enumerated() {
            let path = "expect[\(index)]"
            guard case .object = entry else { throw fail(path, "must be an object.") }
            guard case .string(let pointName)? = entry["point"], let point = ExtensionPoint(rawValue: pointName) else {
                throw fail(
                    "\(path).point",
                    "must be one of \(ExtensionPoint.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard case .string(let subject)? = entry["subject"] else {
                throw fail("\(path).subject", "is required, such as \"member:M1\".")
            }
            var expectation = Expectation(
                point: point, subject: subject, outcome: nil, rules: nil, module: nil, reasonsContain: [], details: [],
                absent: false)
            if case .string(let outcome)? = entry["outcome"] { expectation.outcome = outcome }
            if case .string(let module)? = entry["module"] { expectation.module = module }
            if case .bool(let absent)? = entry["absent"] { expectation.absent = absent }
            if let rules = entry["rules"] {
                guard case .array(let values) = rules else {
                    throw fail("\(path).rules", "must be an array of rule ids.")
                }
                expectation.rules = values.compactMap { if case .string(let rule) = $0 { rule } else { nil } }
            }
            if let reasons = entry["reasons_contain"] {
                guard case .array(let values) = reasons else {
                    throw fail("\(path).reasons_contain", "must be an array of texts.")
                }
                expectation.reasonsContain = values.compactMap { if case .string(let text) = $0 { text } else { nil } }
            }
            if let details = entry["details"] {
                guard case .object(let pairs) = details else { throw fail("\(path).details", "must be an object.") }
                expectation.details = pairs.map { (key: $0.0, value: $0.1) }
            }
            testCase.expectations.append(expectation)
        }
        return testCase
    }
}

/// The files of a new policy module: the module, its tests and a policy test case, inside Charter's
/// package (here) or in a package of their own (`PackageTemplates.swift`).
///
/// Every template is written so that the generated files pass `swift format lint --strict` with
/// the repository's `.swift-format`, build, load, pass the conformance kit and decide every
/// subject of the points chosen with a rule id and a reason in both languages.
struct Scaffold {
    /// The module's name, already checked.
    let name: String
    /// The points it provides, in run order.
    let points: [Point]
    /// The prefix of its rule ids, such as `district-variant`.
    let prefix: String

    init(name: String, points: [Point]) {
        self.name = name
        self.points = points
        prefix = PolicyName.rulePrefix(of: name)
    }

    /// Every file to write into Charter's package, as (path relative to the package, text).
    func repositoryFiles() -> [(path: String, text: String)] {
        var files = [(path: "Policies/\(name)/\(name).swift", text: moduleSource())]
        for point in points {
            files.append((path: "Policies/\(name)/\(name)+\(point.typeName).swift", text: source(of: point)))
        }
        files.append((path: "Policies/\(name)/README.md", text: readmeSource()))
        files.append((path: "Tests/PolicyTests/\(name)Tests/\(name)Tests.swift", text: testSource()))
        files.append((path: "Tests/PolicyCases/\(name)/basic.json", text: caseSource()))
        return files
    }

    /// What was made in Charter's package and what to do next.
    func repositorySummary(written: [String]) -> String {
        """
        Created the policy module '\(name)' (points: \(points.map(\.rawValue).joined(separator: ", "))):
        \(written.map { "  " + $0 }.joined(separator: "\n"))

        Next:
          swift build                      # builds .build/debug/lib\(name).so
          swift test --filter \(name)Tests  # the conformance kit and a test per rule
          .build/debug/charter modules describe \(name)
          .build/debug/charter test Tests/PolicyCases/\(name) --coverage
        Then edit the rules in Policies/\(name)/, and select the module in a profile:
          "\(points[0].rawValue)": { "module": "\(name)" }
        """
    }

    // MARK: - The module

    /// `NAME.swift`: the module's metadata, its parameters and its entry point.
    func moduleSource() -> String {
        let manages = points.contains(.memberManagement)
        let pointList = points.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        let about = Scaffold.docComment(
            "Say here, for a district reader, what the module decides and which documents its rules come from. "
                + "It provides \(pointList); each point is in its own file, `\(name)+<Point>.swift`, with its rules "
                + "and the wording of its reasons.")
        let rules = Scaffold.sum(points.map(\.rulesName), label: "rules")
        let reasons = Scaffold.sum(points.map(\.reasonsName), label: "reasons")
        let parameters = manages ? ",\n        parameters: [mobileAfterMonths])" : ")"
        let stored =
            manages
            ? """

                // MARK: Parameters

                /// The declaration of `mobileAfterMonths`.
                static let mobileAfterMonths = Parameter<Int>(
                    "mobileAfterMonths", in: 1...36, default: 6, points: [.memberManagement],
                    meaning: Text(
                        zh: "外出务工经商满多少个月的党员实行动态管理。",
                        en: "Months away for work or business from which a member is under dynamic management."))

                /// Months away from which a member is under dynamic management (`mobileAfterMonths`).
                let mobileAfterMonths: Int

                /// Creates the module with a profile's parameters, already checked against ``metadata`` and
                /// completed with defaults.
                public init(parameters: Parameters) throws {
                    mobileAfterMonths = try parameters.value(of: Self.mobileAfterMonths)
                }
            """
            : """

                /// Creates the module; it has no parameters yet (declare each as a `Parameter` value, list it
                /// in ``metadata`` and read it here with `parameters.value(of:)`).
                public init(parameters: Parameters) throws {}
            """
        return #"""
            public import PolicyKit

            /// \#(name): a district's policy module (made by `swift package new-policy`).
            ///
            \#(about)
            public struct \#(name): PolicyModule {
                /// The module's name, version, rules, reasons and parameters.
                public static let metadata = ModuleMetadata(
                    name: "\#(name)",
                    version: SemanticVersion(0, 1, 0),
                    summary: Text(
                        zh: "\#(name)：一句话说明本模块的用途（请修改）。",
                        en: "\#(name): what this module is for, in one line (edit me)."),
            \#(rules),
            \#(reasons)\#(parameters)
            \#(stored)
            }

            /// The module's entry point, through which `charter` loads it.
            @_cdecl("charter_policy_module_v2_\#(name)")
            \#(exportFunction)

            """#
    }

    /// `label: a + b + …` as an argument of `ModuleMetadata(…)`, filled up to the formatter's line
    /// length and continued on lines that start with `+`, as `swift format` writes it.
    static func sum(_ terms: [String], label: String) -> String {
        var lines = ["        \(label): " + terms[0]]
        for term in terms.dropFirst() {
            // The last line also carries the `,` or `)` that follows the argument.
            if lines[lines.count - 1].count + 3 + term.count + 1 <= 120 {
                lines[lines.count - 1] += " + " + term
            } else {
                lines.append("            + " + term)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A `///` comment of `text`, its lines filled up to 100 characters.
    static func docComment(_ text: String) -> String { fill(text, linePrefix: "/// ") }

    /// `text` in lines of at most `width` characters (a longer word stands alone), each starting
    /// with `linePrefix`.
    static func fill(_ text: String, width: Int = 100, linePrefix: String = "") -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && linePrefix.count + line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines.map { linePrefix + $0 }.joined(separator: "\n")
    }

    /// The one-line entry point, or the same function over three lines when a long name would make
    /// the line longer than the formatter allows.
    var exportFunction: String {
        let line = "public func export(_ host: OpaquePointer) -> OpaquePointer? { \(name).export(host) }"
        guard line.count > 120 else { return line }
        return "public func export(_ host: OpaquePointer) -> OpaquePointer? {\n    \(name).export(host)\n}"
    }

    // MARK: - The README

    /// `Policies/NAME/README.md`: what the module decides, rule by rule, for a district reader.
    func readmeSource() -> String {
        """
        # \(name)

        Say here what the module decides for the district, and which documents its rules come from
        (made by `swift package new-policy`; edit this file with the rules).

        \(rulesTables())
        Check it with `swift test --filter \(name)Tests` and
        `.build/debug/charter test Tests/PolicyCases/\(name) --coverage`; compare it with the module a profile
        selects today with `charter diff --base CURRENT.json --candidate PROPOSED.json --data DIR`.

        """
    }

    /// The README's table of rules and table of parameters (or the line that says there are none),
    /// ending with a blank line.
    func rulesTables() -> String {
        let rows = points.flatMap { point in
            readmeRules(of: point).map {
                "| `\(prefix).\($0.rule)` | `\(point.rawValue)` | \($0.when) | \($0.outcome) |"
            }
        }
        let parameters =
            points.contains(.memberManagement)
            ? """
            | parameter | type | default | allowed | points | meaning |
            | --- | --- | --- | --- | --- | --- |
            | `mobileAfterMonths` | integer | 6 | 1…36 | `member_management` | months away from which a member is under dynamic management |
            """
            : "The module has no parameters yet."
        return """
            | rule | point | when | outcome |
            | --- | --- | --- | --- |
            \(rows.joined(separator: "\n"))

            \(parameters)

            """
    }

    // MARK: - The tests

    func testSource() -> String {
        let imports = [name, "PolicyKit", "PolicyTesting", "Testing"].sorted().map { "import \($0)" }
        let ruleTests = points.map { testCases(of: $0) }.joined(separator: "\n")
        return #"""
            \#(imports.joined(separator: "\n"))

            /// Small hand-made communities at the rules' boundaries.
            enum Fixture {
                static let asOf = CivilDate(year: 2026, month: 6, day: 15) ?? .latest

                static func date(_ text: String) -> CivilDate { CivilDate(text) ?? .earliest }

                /// A member of community C1: full, living in subdivision A, unless told otherwise.
                static func member(
                    _ id: String, status: MembershipStatus = .full, subdivision: String = "A", awaySince: CivilDate? = nil,
                    willingToServe: Bool = false
                ) -> Member {
                    Member(
                        id: id, communityID: "C1", subdivision: subdivision, birthDate: date("1980-05-01"),
                        joinDate: date("2005-07-01"), status: status, relation: .community, awaySince: awaySince,
                        willingToServe: willingToServe)
                }

                /// `count` full members, with the ids M01, M02 and so on.
                static func members(_ count: Int) -> [Member] {
                    (0..<count).map { member("M" + String(101 + $0).dropFirst()) }
                }

                /// The module with its parameters' defaults, overridden by `values`.
                static func module(_ values: [String: ParameterValue] = [:]) throws -> \#(name) {
                    try \#(name)(parameters: Parameters(defaultsOf: \#(name).metadata, overriddenBy: values))
                }

                static func context(
                    _ community: Community = Community(id: "C1"), members: [Member] = [], events: [[LedgerEvent]]? = nil,
                    posts: [Post] = [], bodies: [GovernanceBody] = []
                ) -> CommunityContext {
                    CommunityContext(
                        community: community, asOf: asOf, members: members, events: events, posts: posts, bodies: bodies)
                }
            }

            @Suite struct \#(name)ConformanceTests {
                @Test func keepsThePolicyContractOnGeneratedDistricts() {
                    #expect(ConformanceKit.failures(of: \#(name).self) == [])
                }
            }

            /// One test per rule id, named after it: the rule firing and, at its boundary, not firing.
            @Suite struct \#(name)RuleTests {
            \#(ruleTests)}

            """#
    }

    // MARK: - The policy test case

    /// A `charter test` case (the format of `Sources/CharterEngine/PolicyTests/PolicyTestCase.swift`):
    /// one small district that makes every rule of the chosen points fire.
    func caseSource() -> String {
        let policies = points.map { "    \"\($0.rawValue)\": { \"module\": \"\(name)\" }" }.joined(separator: ",\n")
        let expected = points.flatMap { expectations(of: $0) }.joined(separator: ",\n")
        return #"""
            {
              "name": "\#(name): every rule fires on a small district",
              "as_of": "2026-06-30",
              "policies": {
            \#(policies)
              },
              "dataset": {
                "communities": [
                  { "id": "C1", "stage": "transition", "households_moved_in": 120 },
                  { "id": "C2", "households_moved_in": 0 }
                ],
                "members": [
                  { "id": "M1", "community_id": "C1", "subdivision": "A", "birth_date": "1975-03-01", "join_date": "2001-07-01", "status": "full", "relation": "community", "away_since": "2025-12-30" },
                  { "id": "M2", "community_id": "C1", "subdivision": "A", "birth_date": "1980-05-01", "join_date": "2005-07-01", "status": "full", "relation": "community", "willing_to_serve": true },
                  { "id": "M3", "community_id": "C1", "subdivision": "B", "birth_date": "1985-09-01", "join_date": "2010-07-01", "status": "full", "relation": "community" },
                  { "id": "M4", "community_id": "C1", "subdivision": "B", "birth_date": "1998-01-01", "join_date": "2026-01-01", "status": "probationary", "relation": "community" },
                  { "id": "M5", "community_id": "C2", "birth_date": "1970-01-01", "join_date": "1995-07-01", "status": "full", "relation": "community" }
                ],
                "events": [
                  { "member_id": "M2", "date": "2026-03-01", "kind": "org_life" }
                ],
                "posts": [
                  { "community_id": "C1", "body": "party_committee", "post": "secretary", "seats": 1 },
                  { "community_id": "C1", "body": "party_committee", "post": "member", "seats": 1 }
                ],
                "bodies": [
                  { "community_id": "C1", "body": "residents_committee", "established": "2024-01-01" }
                ]
              },
              "expect": [
            \#(expected)
              ]
            }

            """#
    }
}

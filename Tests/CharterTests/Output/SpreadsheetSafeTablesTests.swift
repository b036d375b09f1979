import CharterData
import CharterEngine
import CharterModules
import CharterRecords
@_spi(CharterHost) import PolicyKit
import Testing

@testable import CharterOutput

/// A linked module that passes data text through to the tables: each member's grid is the
/// member's building, and every member has -3 points.
private struct DataEcho: MemberManagementPolicy, PointsPolicy {
    static let grid = Rule("echo.grid", point: .memberManagement, meaning: Text(zh: "网格", en: "grid"))
    static let points = Rule("echo.points", point: .points, meaning: Text(zh: "积分", en: "points"))
    static let gridReason = ReasonTemplate("echo.grid", zh: "网格", en: "grid")
    static let pointsReason = ReasonTemplate("echo.points", zh: "积分", en: "points")
    static let metadata = ModuleMetadata(
        name: "DataEcho", version: SemanticVersion(0, 1, 0), summary: Text(zh: "测试用", en: "for tests"),
        rules: [grid, points], reasons: [gridReason, pointsReason])

    init(parameters: Parameters) throws {}

    func decideManagement(ofMemberAt index: Int, in context: CommunityContext) -> ManagementDecision {
        ManagementDecision(
            outcome: .grid, rules: [Self.grid], reasons: [Self.gridReason()],
            details: ManagementDetails(grid: context.members[index].building))
    }

    func gradePoints(in context: CommunityContext) -> [PointsDecision] {
        context.members.map { _ in
            PointsDecision(
                outcome: .attention, rules: [Self.points], reasons: [Self.pointsReason()],
                details: PointsDetails(period: HalfYear(year: 2026, second: false), points: Amount(-3)))
        }
    }
}

/// Text from the data never becomes a spreadsheet formula (OWASP's CSV injection); numbers stay
/// numbers.
@Suite struct SpreadsheetSafeTablesTests {
    /// One text field as CSVText writes it, alone on its row.
    static func encoded(_ text: String) -> String {
        var csv = CSVText(byteOrderMark: false)
        csv.field(text)
        csv.endRow()
        var bytes: [UInt8] = []
        csv.move(appendingTo: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("+1", "\"'+1\""), ("-2", "\"'-2\""), ("-", "\"'-\""), ("@SUM(A1)", "\"'@SUM(A1)\""),
        ("\tTab", "\"'\tTab\""), ("\rCR", "\"'\rCR\""),
        // Not at the start, or not one of the six: as before.
        ("张三", "张三"), ("O'Brien", "O'Brien"), ("a=b", "a=b"), ("1-2", "1-2"), (" =x", " =x"), ("", ""),
        ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ])
    func aTextFieldThatWouldBeAFormulaIsQuotedBehindAQuote(text: String, written: String) {
        #expect(Self.encoded(text) == written + "\r\n")
    }

    @Test func numbersStayNumbers() {
        var csv = CSVText(byteOrderMark: false)
        csv.field(-3)
        csv.field(Amount(-3))
        csv.field(Amount(scaled: -265 * Amount.scale / 10))
        csv.field(0)
        csv.endRow()
        var bytes: [UInt8] = []
        csv.move(appendingTo: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "-3,-3,-26.5,0\r\n")
    }

    static let names = [
        "M1": "=HYPERLINK(\"http://x\",\"y\")", "M2": "+1", "M3": "-2", "M4": "@SUM(A1)", "M5": "\tTab",
        "M6": "\rCR", "M7": "张三",
    ]

    /// The rows of `members.csv` by member id, as the writer encodes them.
    static func memberRows(redact: Bool) throws -> [String: String] {
        let born = CivilDate(year: 1980, month: 1, day: 1) ?? .earliest
        let members = names.keys.sorted().map { id in
            Member(
                id: id, name: names[id] ?? "", communityID: "C1", building: id == "M7" ? "-1" : "B1",
                birthDate: born, joinDate: born.addingMonths(300), status: .full, relation: .community)
        }
        let index = DatasetIndex(Dataset(communities: [Community(id: "C1")], members: members, posts: []))
        let module = LoadedModule(
            entry: ModuleEntry(DataEcho.self), file: "DataEcho (linked)", compilerVersion: "-",
            interfaceVersion: PolicyKitInterface.version)
        let selection = try PolicySelection(module: module, parameters: Parameters())
        let plan = RunPlan(points: [
            .memberManagement: PointPlan(base: selection), .points: PointPlan(base: selection),
        ])
        let asOf = CivilDate(year: 2026, month: 6, day: 30) ?? .latest
        let decisions = RunDecisions(
            index: index, results: try Engine(plan: plan, asOf: asOf, jobs: 1).run(index), points: plan.decidedPoints)
        let writer = TablesWriter(decisions: decisions, language: .english, redact: redact)
        var rows: [String: String] = [:]
        for (community, position) in decisions.memberOrder {
            var csv = CSVText(byteOrderMark: false)
            writer.memberRow(community, position, into: &csv)
            var bytes: [UInt8] = []
            csv.move(appendingTo: &bytes)
            let row = String(decoding: bytes, as: UTF8.self)
            rows[String(row.prefix { $0 != "," })] = row
        }
        return rows
    }

    @Test func membersNamedLikeFormulasAreWrittenAsTextInMembersCSV() throws {
        let rows = try Self.memberRows(redact: false)
        let expected = [
            "M1": "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", "M2": "\"'+1\"", "M3": "\"'-2\"",
            "M4": "\"'@SUM(A1)\"", "M5": "\"'\tTab\"", "M6": "\"'\rCR\"", "M7": "张三",
        ]
        let status = MembershipStatus.full.name(in: .english)
        for (id, name) in expected {
            let grid = id == "M7" ? "\"'-1\"" : "B1"
            // id, name, community, community name, status, management, grid, alerts, points, grade,
            // letter to.
            #expect(rows[id] == "\(id),\(name),C1,,\(status),grid management,\(grid),,-3,attention,\r\n", "\(id)")
        }
    }

    /// `--redact` masks a name first; what is left still begins as the name did, so it is guarded
    /// the same way.
    @Test func redactedNamesAreMaskedAndStillGuarded() throws {
        let rows = try Self.memberRows(redact: true)
        #expect(
            rows["M1"]?.hasPrefix("M1,\"'=\(String(repeating: "*", count: 25))\",C1,") == true, "\(rows["M1"] ?? "")")
        #expect(rows["M3"]?.hasPrefix("M3,\"'-*\",C1,") == true)
        #expect(rows["M7"]?.hasPrefix("M7,张*,C1,") == true)
        #expect(rows.values.allSatisfy { !$0.contains("HYPERLINK") && !$0.contains("SUM") })
    }
}

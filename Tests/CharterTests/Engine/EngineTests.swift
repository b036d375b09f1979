import CharterData
import CharterEngine
import CharterModules
@_spi(CharterHost) import PolicyKit
import Testing

/// A module that breaks its contract on purpose: it fires a rule it never declared for members
/// whose id ends in 7, and gives every community one seat decision too few.
struct RuleBreaker: MemberManagementPolicy, CadreSelectionPolicy {
    static let grid = Rule("breaker.grid", point: .memberManagement, meaning: Text(zh: "网格", en: "grid"))
    static let seat = Rule("breaker.seat", point: .cadreSelection, meaning: Text(zh: "席位", en: "seat"))
    /// Declared as a value but left out of the metadata.
    static let undeclared = Rule("breaker.undeclared", point: .memberManagement, meaning: Text(zh: "无", en: "none"))
    static let gridReason = ReasonTemplate("breaker.grid", zh: "网格", en: "grid")
    static let vacantReason = ReasonTemplate("breaker.seat", zh: "空缺", en: "vacant")
    static let metadata = ModuleMetadata(
        name: "RuleBreaker", version: SemanticVersion(0, 1, 0), summary: Text(zh: "测试用", en: "for tests"),
        rules: [grid, seat], reasons: [gridReason, vacantReason])

    let shortOfSeats: Bool

    init(parameters: Parameters) throws { shortOfSeats = parameters.values["short"] != nil }

    func decideManagement(ofMemberAt index: Int, in context: CommunityContext) -> ManagementDecision {
        let id = context.members[index].id
        return ManagementDecision(
            outcome: .grid, rules: [id.hasSuffix("7") ? Self.undeclared : Self.grid], reasons: [Self.gridReason()],
            details: ManagementDetails(grid: "-"))
    }

    func selectCadres(in context: CommunityContext) -> [SeatDecision] {
        let seats = context.posts.reduce(0) { $0 + $1.seats }
        return Array(
            repeating: SeatDecision(
                outcome: .vacant, rules: [Self.seat], reasons: [Self.vacantReason()],
                details: SeatDetails()),
            count: max(0, seats - 1))
    }
}

@Suite struct EngineTests {
    let asOf = CivilDate(year: 2026, month: 6, day: 30) ?? .latest

    func dataset() -> Dataset {
        let born = CivilDate(year: 1980, month: 1, day: 1) ?? .earliest
        let members = (1...9).map {
            Member(
                id: "M\($0)", communityID: $0 < 5 ? "C1" : "C2", birthDate: born, joinDate: born.addingMonths(300),
                status: .full, relation: .community)
        }
        return Dataset(
            communities: [Community(id: "C2"), Community(id: "C1")], members: members.reversed(),
            posts: [Post(communityID: "C1", body: .partyCommittee, title: .member, seats: 2)])
    }

    func plan(_ point: ExtensionPoint) throws -> RunPlan {
        let module = LoadedModule(
            entry: ModuleEntry(RuleBreaker.self), file: "RuleBreaker (linked)", compilerVersion: "-",
            interfaceVersion: PolicyKitInterface.version)
        return RunPlan(points: [point: PointPlan(base: try PolicySelection(module: module, parameters: Parameters()))])
    }

    @Test func anUndeclaredRuleStopsTheRunNamingTheModuleAndTheSubject() throws {
        let engine = Engine(plan: try plan(.memberManagement), asOf: asOf, jobs: 2)
        let failure = try #require(throws: ModuleFailure.self) { try engine.run(DatasetIndex(dataset())) }
        #expect(failure.module == "RuleBreaker@0.1.0")
        #expect(failure.subject.english == "member:M7")
        #expect(failure.description.contains("'breaker.undeclared'"))
        expectChinese(failure)
        #expect(failure.message(in: .chinese).contains("'breaker.undeclared'"))
    }

    @Test func tooFewSeatDecisionsStopTheRun() throws {
        let engine = Engine(plan: try plan(.cadreSelection), asOf: asOf, jobs: 1)
        let failure = try #require(throws: ModuleFailure.self) { try engine.run(DatasetIndex(dataset())) }
        #expect(failure.point == .cadreSelection)
        #expect(failure.subject.english == "community:C1")
        #expect(failure.message.english.contains("1 seat decisions for the community's 2 seats"))
        expectChinese(failure)
    }

    @Test func modulesSeeMembersSortedByIdWhateverTheFileOrder() {
        let index = DatasetIndex(dataset())
        let context = index.context(ofCommunity: 1, asOf: asOf)
        #expect(context.community.id == "C1")
        #expect(context.members.map(\.id) == ["M1", "M2", "M3", "M4"])
        #expect(index.communityOrder == [1, 0])
        #expect(
            index.seatSubjects(ofCommunity: 1) == [
                "post:C1/party_committee/member/1", "post:C1/party_committee/member/2",
            ])
    }

    @Test func eachMemberSeesItsOwnEventsByDateThenFileOrder() throws {
        var data = dataset()
        func day(_ day: Int) -> CivilDate { CivilDate(year: 2026, month: 3, day: day) ?? .earliest }
        data.events = [
            LedgerEvent(memberID: "M2", date: day(9), kind: .volunteer, amount: Amount(1)),
            LedgerEvent(memberID: "M7", date: day(1), kind: .training),
            LedgerEvent(memberID: "M2", date: day(3), kind: .volunteer, amount: Amount(2)),
            LedgerEvent(memberID: "M2", date: day(9), kind: .volunteer, amount: Amount(3)),
            LedgerEvent(memberID: "M4", date: day(5), kind: .orgLife),
            LedgerEvent(memberID: "M2", date: day(1), kind: .volunteer, amount: Amount(4)),
        ]
        let index = DatasetIndex(data)
        let context = index.context(ofCommunity: 1, asOf: asOf)
        let positions = try #require(context.members.firstIndex { $0.id == "M2" })
        #expect(context.events[positions].map(\.amount) == [Amount(4), Amount(2), Amount(1), Amount(3)])
        #expect(context.events[positions].allSatisfy { $0.memberID == "M2" })
        #expect(context.events.map(\.count) == [0, 4, 0, 1])
        let other = index.context(ofCommunity: 0, asOf: asOf)
        #expect(other.events.map(\.count) == [0, 0, 1, 0, 0])

        // Grouped with two jobs (members and events side by side), the index is the same.
        let sideBySide = DatasetIndex(data, jobs: 2)
        #expect(sideBySide.membersByCommunity == index.membersByCommunity)
        #expect(sideBySide.membersByID == index.membersByID)
        #expect(sideBySide.memberPlaces == index.memberPlaces)
        #expect(sideBySide.memberEvents == index.memberEvents)
        #expect(sideBySide.eventStarts == index.eventStarts)
        #expect(sideBySide.postsByCommunity == index.postsByCommunity)
    }
}

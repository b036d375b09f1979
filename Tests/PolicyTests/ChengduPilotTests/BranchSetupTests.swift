import ChengduPilot
import PolicyKit
import Testing

@Suite struct BranchSetupTests {
    let pilot = Fixture.pilot()

    func setup(_ stage: Stage, _ members: [Member], deputy: String = "Z", units: [PolicyKit.Unit] = [])
        -> BranchSetupDecision
    {
        pilot.decideBranchSetup(
            in: Fixture.context(Fixture.community(stage, deputy: deputy), members: members, units: units))
    }

    @Test(arguments: Stage.allCases)
    func setupTooFewMembers(stage: Stage) {
        // Two full members and any number of probationary ones: a joint branch.
        let members =
            Fixture.members(2)
            + (1...5).map { index in Fixture.member("P\(index)") { $0.status = .probationary } }
        let units = (1...6).map { Fixture.unit("U\($0)", members: 3, partyOrganisation: true) }
        let decision = setup(stage, members, deputy: "", units: units)
        #expect(decision.outcome == .jointBranch)
        #expect(decision.ruleIDs == ["setup.too-few-members"])
        #expect(decision.details.fullMembers == 2)
        #expect(decision.details.branches.isEmpty)
        #expect(decision.details.committeeSeats == 0)
        #expect(decision.details.secretarySource == SecretarySource.none)
        #expect(decision.details.partTimeUnits.isEmpty)
        // Three full members: no longer.
        #expect(setup(stage, Fixture.members(3)).ruleIDs != ["setup.too-few-members"])
    }

    @Test(arguments: [(3, 0), (6, 0), (7, 3), (29, 3), (30, 5), (60, 5)])
    func setupPreparation(count: Int, seats: Int) {
        let members = Fixture.members(count, subdivision: "A") + [Fixture.member("P1") { $0.status = .probationary }]
        let decision = setup(.preparation, members)
        #expect(decision.outcome == .temporaryBranch)
        #expect(decision.ruleIDs == ["setup.preparation"])
        #expect(decision.details.committeeSeats == seats)
        #expect(decision.details.secretarySource == .elected)
        // One branch of every full member, never split, even past 50.
        #expect(decision.details.branches.count == 1)
        #expect(decision.details.branches.first?.id == "C1/temporary")
        #expect(decision.details.branches.first?.members == Fixture.members(count).map(\.id))
        #expect(decision.details.branches.first?.committeeSeats == seats)
        #expect(decision.details.partTimeUnits.isEmpty)
    }

    @Test func setupPreparationLargeBranchParameter() {
        let decision = Fixture.pilot(["largeBranch": .integer(10)])
            .decideBranchSetup(in: Fixture.context(Fixture.community(.preparation), members: Fixture.members(10)))
        #expect(decision.details.committeeSeats == 5)
    }

    @Test(arguments: [(99, 5), (100, 7)])
    func setupTransition(count: Int, seats: Int) {
        let decision = setup(.transition, Fixture.members(count, subdivision: "A"), deputy: "王书记")
        #expect(decision.outcome == .functionalCommittee)
        #expect(decision.ruleIDs == ["setup.transition"])
        #expect(decision.details.secretarySource == .townDeputySecretary)
        #expect(decision.details.committeeSeats == seats)
        #expect(decision.details.branches.map(\.id) == ["C1/A#1", "C1/A#2"])
        #expect(decision.details.partTimeUnits.isEmpty)
    }

    @Test(arguments: [("", true), ("王书记", false)])
    func setupNoDeputySecretary(deputy: String, fires: Bool) {
        let decision = setup(.transition, Fixture.members(3), deputy: deputy)
        #expect(decision.outcome == .functionalCommittee)
        #expect(decision.ruleIDs == (fires ? ["setup.transition", "setup.no-deputy-secretary"] : ["setup.transition"]))
        #expect(decision.details.secretarySource == (fires ? SecretarySource.none : .townDeputySecretary))
        // Not in other stages, even with no deputy named.
        #expect(setup(.integration, Fixture.members(3), deputy: "").ruleIDs == ["setup.integration"])
    }

    @Test(arguments: [(3, 5), (100, 7)])
    func setupIntegration(count: Int, seats: Int) {
        let decision = setup(.integration, Fixture.members(count, subdivision: "A"))
        #expect(decision.outcome == .generalBranch)
        #expect(decision.ruleIDs == ["setup.integration"])
        #expect(decision.details.secretarySource == .elected)
        #expect(decision.details.committeeSeats == seats)
        #expect(decision.details.partTimeUnits.isEmpty)
    }

    @Test func setupMaturity() {
        let units = [
            Fixture.unit("U5", members: 10, partyOrganisation: true),
            Fixture.unit("U1", members: 10, partyOrganisation: true),
            Fixture.unit("U2", members: 99, partyOrganisation: false),
            Fixture.unit("U3", members: 30, partyOrganisation: true),
            Fixture.unit("U4", members: 2, partyOrganisation: true),
            Fixture.unit("U6", members: 1, partyOrganisation: true),
        ]
        let decision = setup(.maturity, Fixture.members(120), units: units.sorted { $0.id < $1.id })
        #expect(decision.outcome == .regionalCommittee)
        #expect(decision.ruleIDs == ["setup.maturity"])
        #expect(decision.details.secretarySource == .elected)
        // By party members descending, then id; at most 4; units without a party organisation left out.
        #expect(decision.details.partTimeUnits == ["U3", "U1", "U5", "U4"])
        #expect(decision.details.committeeSeats == 7 + 4)
        let few = setup(.maturity, Fixture.members(3), units: [Fixture.unit("U1", partyOrganisation: true)])
        #expect(few.details.partTimeUnits == ["U1"])
        #expect(few.details.committeeSeats == 6)
        let none = Fixture.pilot(["maxPartTimeMembers": .integer(0)])
            .decideBranchSetup(
                in: Fixture.context(Fixture.community(.maturity), members: Fixture.members(3), units: units))
        #expect(none.details.partTimeUnits.isEmpty)
        #expect(none.details.committeeSeats == 5)
    }
}

/// The grid branches of the spec, read through the module's `branch_setup` in integration.
@Suite struct GridBranchTests {
    let pilot = Fixture.pilot()

    func branches(_ members: [Member]) -> [Branch] {
        pilot.decideBranchSetup(in: Fixture.context(Fixture.community(.integration), members: members))
            .details.branches
    }

    func group(_ subdivision: String, _ count: Int, _ prefix: String) -> [Member] {
        Fixture.members(count, prefix: prefix, subdivision: subdivision)
    }

    @Test(arguments: [(50, [50]), (51, [26, 25]), (100, [50, 50]), (101, [34, 34, 33])])
    func largeGroupsSplit(size: Int, runs: [Int]) {
        let result = branches(group("A", size, "M"))
        #expect(result.map(\.members.count) == runs)
        #expect(result.map(\.id) == (runs.count == 1 ? ["C1/A"] : (1...runs.count).map { "C1/A#\($0)" }))
        // Consecutive runs of the members sorted by id.
        #expect(result.flatMap(\.members) == group("A", size, "M").map(\.id))
        #expect(result.map(\.committeeSeats) == runs.map { $0 < 7 ? 0 : $0 < 30 ? 3 : 5 })
    }

    @Test func branchIdsSortByUTF8Bytes() {
        let result = branches(group("A", 501, "M"))
        #expect(result.count == 11)
        #expect(Array(result.map(\.id).prefix(4)) == ["C1/A#1", "C1/A#10", "C1/A#11", "C1/A#2"])
    }

    @Test func groupsOfThreeStandAloneAndTwoArePooled() {
        let result = branches(group("A", 3, "A") + group("B", 2, "B") + group("C", 2, "C"))
        #expect(result.map(\.id) == ["C1/A", "C1/combined"])
        #expect(result[1].members == ["B001", "B002", "C001", "C002"])
    }

    @Test(arguments: [1, 2])
    func smallPoolJoinsTheSmallestBranch(pool: Int) {
        // B and C tie at 4 members: the pool joins the smaller id, B, and is not split again.
        let result = branches(group("A", 50, "A") + group("C", 4, "C") + group("B", 4, "B") + group("D", pool, "D"))
        #expect(result.map(\.id) == ["C1/A", "C1/B", "C1/C"])
        #expect(result[1].members.count == 4 + pool)
        #expect(result[1].members.last == "D00\(pool)")
        #expect(result[1].committeeSeats == (4 + pool < 7 ? 0 : 3))
    }

    @Test func smallPoolSeatsFollowTheNewSize() {
        let result = branches(group("A", 5, "A") + group("B", 2, "B"))
        #expect(result.map(\.id) == ["C1/A"])
        #expect(result[0].members.count == 7)
        #expect(result[0].committeeSeats == 3)
    }

    @Test func aPoolJoinsASplitRunWhole() {
        let result = branches(group("A", 51, "A") + group("B", 1, "B"))
        #expect(result.map(\.members.count) == [26, 26])
        #expect(result.map(\.id) == ["C1/A#1", "C1/A#2"])
        #expect(result[1].members.last == "B001")
    }

    @Test func emptyAndDashSubdivisionsAreOneGroup() {
        let result = branches(group("", 2, "E") + group("-", 1, "F"))
        #expect(result.map(\.id) == ["C1/-"])
        #expect(result[0].members == ["E001", "E002", "F001"])
    }

    @Test func aPoolOfThreeIsCombinedAndSplitPastFifty() {
        let pooled = (1...51).flatMap { index in
            [Fixture.member("S\(1000 + index)") { $0.subdivision = "S\(index)" }]
        }
        let result = branches(pooled)
        #expect(result.map(\.id) == ["C1/combined#1", "C1/combined#2"])
        #expect(result.map(\.members.count) == [26, 25])
    }

    @Test func probationaryMembersAreNotInBranches() {
        let result = branches(group("A", 3, "A") + [Fixture.member("P1") { $0.status = .probationary }])
        #expect(result.flatMap(\.members) == ["A001", "A002", "A003"])
    }
}

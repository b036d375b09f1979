import ChengduPilot
import PolicyKit
import Testing

@Suite struct StageTests {
    let pilot = Fixture.pilot()

    @Test(arguments: Stage.allCases)
    func stageDeclared(stage: Stage) {
        // Declared wins over what the rows would show (nobody has moved in here).
        let decision = pilot.decideStage(in: Fixture.context(Fixture.community(stage)))
        #expect(decision.outcome == stage)
        #expect(decision.ruleIDs == ["stage.declared"])
        #expect(decision.details.declared)
        let undeclared = pilot.decideStage(in: Fixture.context(Fixture.community(nil)))
        #expect(undeclared.ruleIDs != ["stage.declared"])
        #expect(!undeclared.details.declared)
    }

    @Test(arguments: [(0, Stage.preparation, "stage.not-moved-in"), (1, .transition, "stage.no-residents-committee")])
    func stageNotMovedIn(movedIn: Int, stage: Stage, rule: String) {
        let decision = pilot.decideStage(in: Fixture.context(Fixture.community(nil, movedIn: movedIn)))
        #expect(decision.outcome == stage)
        #expect(decision.ruleIDs == [rule])
    }

    @Test(arguments: [
        (false, Stage.transition, "stage.no-residents-committee"), (true, .integration, "stage.established"),
    ])
    func stageNoResidentsCommittee(committee: Bool, stage: Stage, rule: String) {
        let community = Fixture.community(nil, movedIn: 10, residentsCommittee: committee)
        let decision = pilot.decideStage(in: Fixture.context(community))
        #expect(decision.outcome == stage)
        #expect(decision.ruleIDs == [rule])
    }

    @Test(arguments: [(4, Stage.integration, "stage.established"), (5, .maturity, "stage.units-stationed")])
    func stageUnitsStationed(units: Int, stage: Stage, rule: String) {
        // Every unit row counts, whatever its kind and whether it has a party organisation.
        let rows = (0..<units).map { Fixture.unit("U\($0)") }
        let community = Fixture.community(nil, movedIn: 10, residentsCommittee: true)
        let decision = pilot.decideStage(in: Fixture.context(community, units: rows))
        #expect(decision.outcome == stage)
        #expect(decision.ruleIDs == [rule])
        #expect(!decision.details.declared)
    }

    @Test(arguments: [(2, Stage.integration), (3, .maturity)])
    func stageUnitsStationedParameter(units: Int, stage: Stage) {
        let rows = (0..<units).map { Fixture.unit("U\($0)") }
        let community = Fixture.community(nil, movedIn: 10, residentsCommittee: true)
        let decision = Fixture.pilot(["maturityUnits": .integer(3)])
            .decideStage(in: Fixture.context(community, units: rows))
        #expect(decision.outcome == stage)
    }

    @Test func stageEstablished() {
        let community = Fixture.community(nil, movedIn: 10, residentsCommittee: true)
        let decision = pilot.decideStage(in: Fixture.context(community, units: [Fixture.unit("U1")]))
        #expect(decision.outcome == .integration)
        #expect(decision.ruleIDs == ["stage.established"])
        #expect(decision.reasons.count == 1)
    }

    @Test func laterPointsDeriveTheStageWhenNoneIsGiven() {
        // No stage decision and no declared stage: branch setup derives it with the stage rules.
        let community = Fixture.community(nil, movedIn: 10)
        let decision = pilot.decideBranchSetup(in: Fixture.context(community, members: Fixture.members(3)))
        #expect(decision.outcome == .functionalCommittee)
        // A stage decision of this run wins over the declared stage.
        let decided = EarlierDecisions(
            stage: StageDecision(
                outcome: .integration, rules: [Rule("x", point: .stage, meaning: Text(zh: "x", en: "x"))], reasons: [],
                details: StageDetails(declared: false)))
        let overridden = pilot.decideBranchSetup(
            in: Fixture.context(Fixture.community(.preparation), members: Fixture.members(3), decided: decided))
        #expect(overridden.outcome == .generalBranch)
    }
}

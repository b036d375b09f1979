import DistrictVariant
import PolicyKit
import PolicyTesting
import Testing

/// Members of community C1 at the rules' boundaries.
enum Fixture {
    static let asOf = CivilDate(year: 2026, month: 6, day: 15) ?? .latest

    static func date(_ text: String) -> CivilDate { CivilDate(text) ?? .earliest }

    static func member(
        awaySince: String? = nil, awayPlace: String = "成都", phone: String = "138****0000",
        relation: Relation = .community, employment: Employment = .none, building: String = "3栋"
    ) -> Member {
        Member(
            id: "M1", communityID: "C1", subdivision: "A", building: building, birthDate: date("1980-05-01"),
            joinDate: date("2005-07-01"), status: .full, relation: relation, employment: employment,
            awaySince: awaySince.map(date), awayPlace: awayPlace, phone: phone)
    }

    static func decide(_ member: Member, _ values: [String: ParameterValue] = [:]) throws -> ManagementDecision {
        let module = try DistrictVariant(
            parameters: Parameters(defaultsOf: DistrictVariant.metadata, overriddenBy: values))
        return module.decideManagement(
            ofMemberAt: 0, in: CommunityContext(community: Community(id: "C1"), asOf: asOf, members: [member]))
    }
}

@Suite struct DistrictVariantTests {
    /// The contract every module keeps (declared rules and templates, one decision per member,
    /// determinism, row order), on the kit's generated districts, with the default parameters and
    /// with the smallest months away.
    @Test func keepsThePolicyContract() {
        #expect(ConformanceKit.failures(of: DistrictVariant.self) == [])
        #expect(ConformanceKit.failures(of: DistrictVariant.self, parameters: ["mobileAfterMonths": .integer(1)]) == [])
    }

    @Test func metadataDeclaresEveryRule() {
        #expect(
            DistrictVariant.metadata.rules.map(\.id) == [
                "variant.mobile", "variant.in-service", "variant.relation-outside", "variant.grid-building",
                "variant.alert-four-clear",
            ])
        #expect(DistrictVariant.metadata.parameter("mobileAfterMonths")?.defaultValue == .integer(3))
    }

    @Test("variant.mobile: away 3 months or more, not a day less")
    func mobile() throws {
        let away = try Fixture.decide(Fixture.member(awaySince: "2026-03-15"))
        #expect(away.outcome == .dynamic)
        #expect(away.ruleIDs == ["variant.mobile"])
        #expect(try Fixture.decide(Fixture.member(awaySince: "2026-03-16")).outcome == .grid)
        #expect(
            try Fixture.decide(Fixture.member(awaySince: "2026-03-15"), ["mobileAfterMonths": .integer(6)]).outcome
                == .grid)
    }

    @Test("variant.alert-four-clear: a mobile member without a known place or contact")
    func alertFourClear() throws {
        let unknown = try Fixture.decide(Fixture.member(awaySince: "2026-01-01", phone: ""))
        #expect(unknown.ruleIDs == ["variant.mobile", "variant.alert-four-clear"])
        #expect(unknown.details.alerts == [.fourClearIncomplete])
        #expect(try Fixture.decide(Fixture.member(awaySince: "2026-01-01")).details.alerts.isEmpty)
    }

    @Test("variant.in-service: in service with the relation at the work unit")
    func inService() throws {
        let joint = try Fixture.decide(Fixture.member(relation: .workUnit, employment: .inService))
        #expect(joint.outcome == .joint)
        #expect(joint.ruleIDs == ["variant.in-service"])
        #expect(try Fixture.decide(Fixture.member(relation: .workUnit, employment: .retired)).outcome == .dual)
    }

    @Test("variant.relation-outside: the relation is kept elsewhere")
    func relationOutside() throws {
        let dual = try Fixture.decide(Fixture.member(relation: .originVillage))
        #expect(dual.outcome == .dual)
        #expect(dual.ruleIDs == ["variant.relation-outside"])
    }

    @Test("variant.grid-building: everyone else, in the grid of the building")
    func gridBuilding() throws {
        let grid = try Fixture.decide(Fixture.member())
        #expect(grid.ruleIDs == ["variant.grid-building"])
        #expect(grid.details.grid == "C1/A/3栋")
        #expect(try Fixture.decide(Fixture.member(building: "")).details.grid == "C1/A/-")
    }
}

import ChengduPilot
import PolicyKit
import Testing

@Suite struct MemberManagementTests {
    let pilot = Fixture.pilot()

    func manage(
        _ member: Member, events: [LedgerEvent] = [], asOf: CivilDate = Fixture.asOf, pilot: ChengduPilot? = nil
    ) -> ManagementDecision {
        let context = Fixture.context(asOf: asOf, members: [member], events: events)
        return (pilot ?? self.pilot).decideManagement(ofMemberAt: 0, in: context)
    }

    @Test(arguments: [
        // Exactly 6 months before the as-of date is mobile; a day later is not.
        ("2025-12-30", "2026-06-30", true), ("2026-01-01", "2026-06-30", false),
        ("2025-12-31", "2026-06-30", true),
        // add_months clamps: 31 August + 6 months is 28 February.
        ("2025-08-31", "2026-02-28", true), ("2025-08-31", "2026-02-27", false),
        ("2023-08-31", "2024-02-29", true), ("2023-08-31", "2024-02-28", false),
    ])
    func manageMobile(away: String, asOf: String, mobile: Bool) {
        let member = Fixture.member("M1") {
            $0.awaySince = Fixture.day(away)
            $0.awayPlace = "深圳"
            $0.phone = "138"
            $0.occupation = "务工"
            $0.relation = .workUnit
            $0.employment = .inService
        }
        let decision = manage(member, events: [Fixture.event("M1", asOf, .dualReport)], asOf: Fixture.day(asOf))
        #expect(decision.outcome == (mobile ? .dynamic : .joint))
        #expect(decision.ruleIDs.first == (mobile ? "manage.mobile" : "manage.in-service"))
        #expect(decision.details.grid == nil)
    }

    @Test func manageMobileParameter() {
        let member = Fixture.member("M1") { $0.awaySince = Fixture.day("2026-05-30") }
        #expect(manage(member, pilot: Fixture.pilot(["mobileAfterMonths": .integer(1)])).outcome == .dynamic)
        #expect(manage(member).outcome == .grid)
    }

    @Test(arguments: [
        (Employment.inService, Relation.workUnit, ManagementClass.joint),
        (.inService, .community, .grid), (.inService, .originVillage, .dual), (.retired, .workUnit, .dual),
        (.flexible, .workUnit, .dual),
    ])
    func manageInService(employment: Employment, relation: Relation, outcome: ManagementClass) {
        let member = Fixture.member("M1") {
            $0.employment = employment
            $0.relation = relation
        }
        let decision = manage(member, events: [Fixture.event("M1", "2026-03-01", .dualReport)])
        #expect(decision.outcome == outcome)
        #expect(
            decision.ruleIDs.first
                == (outcome == .joint
                    ? "manage.in-service" : outcome == .dual ? "manage.relation-outside" : "manage.grid"))
    }

    @Test(arguments: [
        (Relation.originVillage, ManagementClass.dual), (.elsewhere, .dual), (.workUnit, .dual), (.community, .grid),
    ])
    func manageRelationOutside(relation: Relation, outcome: ManagementClass) {
        let decision = manage(Fixture.member("M1") { $0.relation = relation })
        #expect(decision.outcome == outcome)
        #expect(decision.ruleIDs == [outcome == .dual ? "manage.relation-outside" : "manage.grid"])
        #expect(decision.details.grid == (outcome == .grid ? "C1/-" : nil))
    }

    @Test(arguments: [
        ("subdivision", "锦江苑", "3栋", "C1/锦江苑"), ("subdivision", "", "3栋", "C1/-"),
        ("building", "锦江苑", "3栋", "C1/锦江苑/3栋"), ("building", "锦江苑", "", "C1/锦江苑/-"),
        ("building", "", "", "C1/-/-"),
    ])
    func manageGrid(granularity: String, subdivision: String, building: String, grid: String) {
        let member = Fixture.member("M1") {
            $0.subdivision = subdivision
            $0.building = building
        }
        let decision = manage(member, pilot: Fixture.pilot(["gridGranularity": .text(granularity)]))
        #expect(decision.outcome == .grid)
        #expect(decision.ruleIDs == ["manage.grid"])
        #expect(decision.details.grid == grid)
        #expect(decision.details.alerts.isEmpty)
    }

    @Test(arguments: [
        // add_months(letter, 3) must fall before the as-of date.
        ("2026-03-29", Relation.originVillage, true), ("2026-03-30", .originVillage, false),
        ("2026-03-29", .community, false), ("2025-01-01", .elsewhere, true),
    ])
    func alertPocketMember(letter: String, relation: Relation, fires: Bool) {
        let decision = manage(
            Fixture.member("M1") {
                $0.letterIssued = Fixture.day(letter)
                $0.relation = relation
            })
        #expect(decision.details.alerts.contains(.pocketMember) == fires)
        #expect(decision.ruleIDs.contains("alert.pocket-member") == fires)
    }

    @Test func alertPocketMemberClampsMonthEnds() {
        // 30 November + 3 months = 28 February 2026: on it no alert, a day later one.
        let member = Fixture.member("M1") {
            $0.letterIssued = Fixture.day("2025-11-30")
            $0.relation = .elsewhere
        }
        #expect(!manage(member, asOf: Fixture.day("2026-02-28")).details.alerts.contains(.pocketMember))
        #expect(manage(member, asOf: Fixture.day("2026-03-01")).details.alerts.contains(.pocketMember))
    }

    @Test(arguments: [
        // last_org_life + 6 months must fall before the as-of date.
        (String?.some("2025-12-29"), "2000-01-01", true), ("2025-12-30", "2000-01-01", false),
        // No last_org_life: the join date counts instead.
        (nil, "2025-12-29", true), (nil, "2025-12-30", false),
    ])
    func alertLapsed(last: String?, join: String, fires: Bool) {
        for status in MembershipStatus.allCases {
            let decision = manage(
                Fixture.member("M1") {
                    $0.lastOrgLife = last.map(Fixture.day)
                    $0.joinDate = Fixture.day(join)
                    $0.status = status
                })
            #expect(decision.details.alerts.contains(.lapsed) == fires)
            #expect(decision.ruleIDs.contains("alert.lapsed") == fires)
        }
    }

    @Test(arguments: [
        ("", "138", "务工", true), ("深圳", "", "务工", true), ("深圳", "138", "", true), ("深圳", "138", "务工", false),
    ])
    func alertFourClear(place: String, phone: String, occupation: String, fires: Bool) {
        let away = Fixture.member("M1") {
            $0.awaySince = Fixture.day("2025-01-01")
            $0.awayPlace = place
            $0.phone = phone
            $0.occupation = occupation
        }
        let decision = manage(away)
        #expect(decision.outcome == .dynamic)
        #expect(decision.details.alerts.contains(.fourClearIncomplete) == fires)
        #expect(decision.ruleIDs.contains("alert.four-clear") == fires)
        // Only for a dynamic outcome: away for less than 6 months, nothing is asked.
        var recent = away
        recent.awaySince = Fixture.day("2026-06-01")
        #expect(!manage(recent).details.alerts.contains(.fourClearIncomplete))
    }

    @Test(arguments: [
        // The half-year that holds the as-of date, from its first day up to the as-of date.
        ("2026-06-30", String?.none, true), ("2026-06-30", "2026-01-01", false), ("2026-06-30", "2025-12-31", true),
        ("2026-06-30", "2026-06-30", false), ("2026-07-01", "2026-06-30", true), ("2026-07-01", "2026-07-01", false),
        ("2026-07-01", "2026-07-02", true),
    ])
    func alertNotReported(asOf: String, report: String?, fires: Bool) {
        let member = Fixture.member("M1") {
            $0.employment = .inService
            $0.relation = .workUnit
            $0.lastOrgLife = Fixture.day("2026-06-01")
        }
        let events = report.map { [Fixture.event("M1", $0, .dualReport)] } ?? []
        let decision = manage(member, events: events, asOf: Fixture.day(asOf))
        #expect(decision.outcome == .joint)
        #expect(decision.details.alerts == (fires ? [.notReported] : []))
        #expect(decision.ruleIDs == (fires ? ["manage.in-service", "alert.not-reported"] : ["manage.in-service"]))
        // Only for a joint outcome.
        var dual = member
        dual.employment = .retired
        #expect(manage(dual, events: events, asOf: Fixture.day(asOf)).details.alerts.isEmpty)
    }

    @Test func rulesInSpecOrderAlertsSorted() {
        let member = Fixture.member("M1") {
            $0.awaySince = Fixture.day("2025-01-01")
            $0.relation = .originVillage
            $0.letterIssued = Fixture.day("2025-01-01")
            $0.lastOrgLife = nil
        }
        let decision = manage(member)
        #expect(decision.outcome == .dynamic)
        #expect(decision.ruleIDs == ["manage.mobile", "alert.pocket-member", "alert.lapsed", "alert.four-clear"])
        #expect(decision.details.alerts == [.fourClearIncomplete, .lapsed, .pocketMember])
        #expect(decision.reasons.count == 4)
        #expect(decision.reasons.allSatisfy { !$0.chinese.isEmpty && !$0.english.isEmpty })
    }
}

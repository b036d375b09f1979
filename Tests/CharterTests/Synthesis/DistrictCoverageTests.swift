import CharterData
import CharterSynthesis
import Foundation
import PolicyKit
import Testing

/// A generated district holds what makes each kind of decision of the reference module appear.
///
/// The checks below restate the few rules they need (stage, grid groups, management and alerts)
/// from `spec/reference-policies.md`, on the raw CSV rows.
@Suite struct DistrictCoverageTests {
    private var asOf: CivilDate { SharedDistrict.options.asOf }
    private func records(_ name: String) -> [[String: String]] { SharedDistrict.tables[name]?.records ?? [] }

    private func date(_ text: String?) -> CivilDate? { text.flatMap { CivilDate($0) } }

    /// The stage each community is in, and whether it was declared.
    private func stages() -> [String: (Stage, Bool)] {
        var unitCounts: [String: Int] = [:]
        for unit in records("units") { unitCounts[unit["community_id"] ?? "", default: 0] += 1 }
        var result: [String: (Stage, Bool)] = [:]
        for community in records("communities") {
            let id = community["id"] ?? ""
            if let declared = Stage(rawValue: community["stage"] ?? "") {
                result[id] = (declared, true)
            } else if Int(community["households_moved_in"] ?? "") == 0 {
                result[id] = (.preparation, false)
            } else if community["residents_committee"] != "true" {
                result[id] = (.transition, false)
            } else if unitCounts[id, default: 0] >= 5 {
                result[id] = (.maturity, false)
            } else {
                result[id] = (.integration, false)
            }
        }
        return result
    }

    @Test func everyStageIsReachedBothDerivedAndDeclared() {
        let stages = stages().values
        for stage in Stage.allCases {
            #expect(stages.contains { $0.0 == stage && !$0.1 }, "no community derived to \(stage.rawValue)")
        }
        #expect(stages.contains { $0.1 }, "no community declares its stage")
    }

    @Test func communitySizesVary() {
        var full: [String: Int] = [:]
        var groups: [String: Int] = [:]
        for member in records("members") where member["status"] == "full" {
            let community = member["community_id"] ?? ""
            full[community, default: 0] += 1
            let subdivision = member["subdivision"].map { $0.isEmpty ? "-" : $0 } ?? "-"
            groups[community + "/" + subdivision, default: 0] += 1
        }
        let sizes = records("communities").map { full[$0["id"] ?? "", default: 0] }
        #expect(sizes.contains { $0 < 3 }, "no community for a joint branch")
        #expect(sizes.contains { (3...50).contains($0) })
        #expect(sizes.contains { (51...99).contains($0) })
        #expect(sizes.contains { $0 >= 100 })
        #expect(groups.values.contains { $0 > 50 }, "no subdivision to split past 50")
        #expect(groups.values.contains { $0 < 3 }, "no small subdivision to pool")
    }

    @Test func everyManagementClassAndAlertAppears() {
        let halfYearStart = asOf.halfYear.start
        var reported = Set<String>()
        for event in records("events") where event["kind"] == "dual_report" {
            if let day = date(event["date"]), day >= halfYearStart, day <= asOf {
                reported.insert(event["member_id"] ?? "")
            }
        }
        var classes = Set<String>()
        var alerts = Set<String>()
        for member in records("members") {
            let relation = member["relation"] ?? ""
            let outcome: String
            if let away = date(member["away_since"]), away.addingMonths(6) <= asOf {
                outcome = "dynamic"
            } else if member["employment"] == "in_service" && relation == "work_unit" {
                outcome = "joint"
            } else if relation != "community" {
                outcome = "dual"
            } else {
                outcome = "grid"
            }
            classes.insert(outcome)
            if let letter = date(member["letter_issued"]), relation != "community", letter.addingMonths(3) < asOf {
                alerts.insert("pocket_member")
            }
            if let last = date(member["last_org_life"] ?? ""), last.addingMonths(6) < asOf { alerts.insert("lapsed") }
            if outcome == "dynamic" && [member["away_place"], member["phone"], member["occupation"]].contains("") {
                alerts.insert("four_clear_incomplete")
            }
            if outcome == "joint" && !reported.contains(member["id"] ?? "") { alerts.insert("not_reported") }
        }
        #expect(classes == ["dynamic", "joint", "dual", "grid"])
        #expect(alerts == ["pocket_member", "lapsed", "four_clear_incomplete", "not_reported"])
    }

    @Test func everyLedgerKindAndLetterAppears() {
        let kinds = Set(records("events").compactMap { $0["kind"] })
        #expect(kinds == Set(LedgerEventKind.allCases.map(\.rawValue)))
        let relations = Set(records("members").compactMap { $0["relation"] })
        #expect(relations == Set(Relation.allCases.map(\.rawValue)))
        let statuses = Set(records("members").compactMap { $0["status"] })
        #expect(statuses == ["full", "probationary"])
        let elections = records("events").filter { $0["kind"] == "election_vote" }.compactMap { date($0["date"]) }
        #expect(elections.contains { $0 < asOf.addingMonths(-36) }, "no vote from earlier in the five years")
    }

    @Test func transitionCommunitiesNameTheirDeputySecretaryOrNot() {
        let stages = stages()
        let transition = records("communities").filter { stages[$0["id"] ?? ""]?.0 == .transition }
        #expect(transition.contains { ($0["town_deputy_secretary"] ?? "").isEmpty })
        #expect(transition.contains { !($0["town_deputy_secretary"] ?? "").isEmpty })
    }

    @Test func governanceRecordsVary() {
        let bodies = Set(records("bodies").compactMap { $0["body"] })
        #expect(bodies == Set(GovernanceBodyKind.allCases.map(\.rawValue)))
        let meetings = Set(records("meetings").compactMap { $0["kind"] })
        #expect(meetings == Set(MeetingKind.allCases.map(\.rawValue)))
        let lists = Set(records("distributions").compactMap { $0["kind"] })
        #expect(lists == Set(DistributionKind.allCases.map(\.rawValue)))
        // Some communities hold enough disclosures in the year, some do not.
        var disclosures: [String: Int] = [:]
        let yearStart = asOf.addingDays(-365)
        for meeting in records("meetings") where meeting["kind"] == "disclosure" {
            if let day = date(meeting["date"]), day > yearStart, day <= asOf {
                disclosures[meeting["community_id"] ?? "", default: 0] += 1
            }
        }
        #expect(disclosures.values.contains { $0 >= 12 })
        #expect(disclosures.values.contains { $0 < 12 })
    }
}

import ChengduPilot
import PolicyKit
import Testing

@Suite struct PointsTests {
    let pilot = Fixture.pilot()

    func grade(_ members: [Member], _ events: [LedgerEvent] = [], asOf: CivilDate = Fixture.asOf) -> [PointsDecision] {
        pilot.gradePoints(in: Fixture.context(asOf: asOf, members: members, events: events))
    }

    func one(_ events: [LedgerEvent], asOf: CivilDate = Fixture.asOf) -> PointsDecision? {
        grade([Fixture.member("M1")], events, asOf: asOf).first
    }

    @Test(arguments: [
        ("2026-06-30", "2026H1"), ("2026-01-01", "2026H1"), ("2026-07-01", "2026H2"), ("2026-12-31", "2026H2"),
    ])
    func pointsBase(asOf: String, period: String) {
        let decision = one([], asOf: Fixture.day(asOf))
        #expect(decision?.outcome == .qualified)
        #expect(decision?.ruleIDs == ["points.base"])
        #expect(decision?.details.points == Amount(60))
        #expect(decision?.details.period.description == period)
        #expect(decision?.details.letterTo == nil)
    }

    @Test(arguments: [("11", 82, true), ("12", 84, true), ("13", 84, true), ("0.5", 61, true)])
    func pointsOrgLife(amount: String, points: Int, fires: Bool) {
        let decision = one([Fixture.event("M1", "2026-03-01", .orgLife, amount)])
        #expect(decision?.details.points == Amount(points))
        #expect(decision?.ruleIDs == ["points.base", "points.org-life"])
    }

    @Test(arguments: [
        // The period runs from 1 January up to the as-of date.
        ("2025-12-31", false), ("2026-01-01", true), ("2026-06-30", true), ("2026-07-01", false),
    ])
    func pointsCountOnlyThePeriod(date: String, counted: Bool) {
        let decision = one([Fixture.event("M1", date, .orgLife)])
        #expect(decision?.details.points == Amount(counted ? 62 : 60))
        #expect(decision?.ruleIDs.contains("points.org-life") == counted)
        let early = one([Fixture.event("M1", date, .orgLife)], asOf: Fixture.day("2026-03-01"))
        #expect(early?.ruleIDs.contains("points.org-life") == (counted && date == "2026-01-01"))
    }

    @Test(arguments: [("2.5", "62.5"), ("20", "80"), ("25", "80")])
    func pointsVolunteer(hours: String, points: String) {
        let decision = one([Fixture.event("M1", "2026-03-01", .volunteer, hours)])
        #expect(decision?.details.points == Amount(points))
        #expect(decision?.ruleIDs == ["points.base", "points.volunteer"])
    }

    @Test(arguments: [(2, 64), (3, 66), (4, 66)])
    func pointsTraining(count: Int, points: Int) {
        let events = (0..<count).map { _ in Fixture.event("M1", "2026-03-01", .training) }
        let decision = one(events)
        #expect(decision?.details.points == Amount(points))
        #expect(decision?.ruleIDs == ["points.base", "points.training"])
    }

    @Test(arguments: [1, 2])
    func pointsDualReport(count: Int) {
        let events = (0..<count).map { _ in Fixture.event("M1", "2026-03-01", .dualReport) }
        let decision = one(events)
        #expect(decision?.details.points == Amount(65))
        #expect(decision?.ruleIDs == ["points.base", "points.dual-report"])
    }

    @Test(arguments: [("1", "55"), ("12", "0"), ("13", "0")])
    func pointsBreach(count: String, points: String) {
        let decision = one([Fixture.event("M1", "2026-03-01", .conventionBreach, count)])
        #expect(decision?.details.points == Amount(points))
        #expect(decision?.outcome == .attention)
        #expect(decision?.ruleIDs == ["points.base", "points.breach"])
    }

    @Test func pointsFloorAppliesOnceToTheTotal() {
        // 60 + 24 − 65 = 19: the breaches are not floored before the additions.
        let decision = one([
            Fixture.event("M1", "2026-03-01", .conventionBreach, "13"),
            Fixture.event("M1", "2026-03-02", .orgLife, "12"),
        ])
        #expect(decision?.details.points == Amount(19))
    }

    @Test func pointsIgnoreCityTrainingAndVotes() {
        let decision = one([
            Fixture.event("M1", "2026-03-01", .cityTraining), Fixture.event("M1", "2026-03-01", .electionVote),
        ])
        #expect(decision?.ruleIDs == ["points.base"])
        #expect(decision?.details.points == Amount(60))
    }

    @Test func pointsRulesInSpecOrder() {
        let events = [
            Fixture.event("M1", "2026-01-02", .conventionBreach), Fixture.event("M1", "2026-01-03", .dualReport),
            Fixture.event("M1", "2026-01-04", .training), Fixture.event("M1", "2026-01-05", .volunteer, "3"),
            Fixture.event("M1", "2026-01-06", .orgLife),
        ]
        let decision = grade([Fixture.member("M1") { $0.relation = .elsewhere }], events).first
        #expect(
            decision?.ruleIDs == [
                "points.base", "points.org-life", "points.volunteer", "points.training", "points.dual-report",
                "points.breach", "points.letter",
            ])
        #expect(decision?.details.points == Amount(60 + 2 + 3 + 2 + 5 - 5))
    }

    @Test(arguments: [
        (String?.some("12"), String?.some("6"), String?.none, "90", Grade.excellent),
        ("12", "5.5", nil, "89.5", .qualified), (nil, nil, nil, "60", .qualified),
        (nil, nil, "0.1", "59.5", .attention),
    ])
    func pointsGrades(orgLife: String?, volunteer: String?, breach: String?, points: String, outcome: Grade) {
        var events: [LedgerEvent] = []
        if let orgLife { events.append(Fixture.event("M001", "2026-03-01", .orgLife, orgLife)) }
        if let volunteer { events.append(Fixture.event("M001", "2026-03-01", .volunteer, volunteer)) }
        if let breach { events.append(Fixture.event("M001", "2026-03-01", .conventionBreach, breach)) }
        // Three graded members, so that one may be excellent.
        let decision = grade(Fixture.members(3), events).first
        #expect(decision?.details.points == Amount(points))
        #expect(decision?.outcome == outcome)
    }

    /// Members at 90 or more (`high` of them, each with points), among `graded` full members.
    func capped(_ high: [(String, Int)], graded: Int) -> [PointsDecision] {
        var members = high.map { Fixture.member($0.0) }
        members += (0..<(graded - high.count)).map { Fixture.member("Z\($0)") }
        members.append(Fixture.member("P1") { $0.status = .probationary })
        var events: [LedgerEvent] = []
        for (id, points) in high {
            // 24 from organisational life, the rest from volunteer hours (at most 20), training, dual report.
            let rest = points - 84
            events.append(Fixture.event(id, "2026-03-01", .orgLife, "12"))
            events.append(Fixture.event(id, "2026-03-01", .volunteer, String(min(rest, 20))))
            if rest > 20 { events.append(Fixture.event(id, "2026-03-01", .training, String((rest - 20) / 2))) }
        }
        events.append(Fixture.event("P1", "2026-03-01", .orgLife, "12"))
        events.append(Fixture.event("P1", "2026-03-01", .volunteer, "20"))
        return grade(members, events)
    }

    @Test(arguments: [
        // floor(graded / 3) excellent, by points descending then id.
        (3, ["A", "B"], ["A"]), (4, ["A", "B"], ["A"]), (5, ["A", "B"], ["A"]), (6, ["A", "B"], ["A", "B"]),
        (6, ["A", "B", "C"], ["A", "B"]), (2, ["A"], []),
    ])
    func pointsExcellentCap(graded: Int, high: [String], excellent: [String]) {
        let decisions = capped(high.map { ($0, 90) }, graded: graded)
        let members = (high + (0..<(graded - high.count)).map { "Z\($0)" } + ["P1"]).sortedByUTF8()
        #expect(decisions.count == members.count)
        for (id, decision) in zip(members, decisions) {
            if id == "P1" {
                // Probationary: not graded, not counted, whatever the points.
                #expect(decision.outcome == .notGraded)
                #expect(decision.details.points == Amount(104))
                #expect(!decision.ruleIDs.contains("points.excellent-cap"))
            } else if excellent.contains(id) {
                #expect(decision.outcome == .excellent)
                #expect(!decision.ruleIDs.contains("points.excellent-cap"))
            } else if high.contains(id) {
                #expect(decision.outcome == .qualified)
                #expect(decision.ruleIDs.first == "points.excellent-cap")
                #expect(decision.ruleIDs.dropFirst().first == "points.base")
            } else {
                #expect(decision.outcome == .qualified)
                #expect(decision.ruleIDs == ["points.base"])
            }
        }
    }

    @Test func pointsExcellentCapRanksByPointsThenId() {
        let decisions = capped([("A", 90), ("B", 100), ("C", 100)], graded: 6)
        #expect(decisions.prefix(3).map(\.outcome) == [.qualified, .excellent, .excellent])
        let tied = capped([("A", 90), ("B", 100), ("C", 100)], graded: 3)
        #expect(tied.prefix(3).map(\.outcome) == [.qualified, .excellent, .qualified])
    }

    @Test(arguments: [
        (Relation.originVillage, "红光村", "", String?.some("village:红光村")), (.originVillage, "", "", "village:"),
        (.workUnit, "", "成都银行", "unit:成都银行"), (.workUnit, "", "", "unit:"), (.elsewhere, "红光村", "x", "elsewhere"),
        (.community, "红光村", "x", nil),
    ])
    func pointsLetter(relation: Relation, village: String, employer: String, letter: String?) {
        let member = Fixture.member("M1") {
            $0.relation = relation
            $0.originVillage = village
            $0.employer = employer
        }
        let decision = grade([member]).first
        #expect(decision?.details.letterTo == letter)
        #expect(decision?.ruleIDs == (letter == nil ? ["points.base"] : ["points.base", "points.letter"]))
    }

    @Test func eachLetterNamesTheVillageOrUnitAsItsMemberHasIt() {
        // 豈 (U+8C48) and its compatibility twin U+F900 are equal as Swift strings but not as
        // bytes; members sharing a village or unit share a letter, but each keeps its own bytes.
        let names = ["\u{F900}村", "\u{8C48}村", "\u{F900}村", "Café", "Cafe\u{301}"]
        let members = names.enumerated().map { index, name in
            Fixture.member("M\(index)") {
                $0.relation = index < 3 ? .originVillage : .workUnit
                $0.originVillage = name
                $0.employer = name
            }
        }
        let decisions = grade(members)
        for (decision, (index, name)) in zip(decisions, names.enumerated()) {
            let expected = (index < 3 ? "village:" : "unit:") + name
            #expect(decision.details.letterTo.map { Array($0.utf8) } == Array(expected.utf8), "M\(index)")
            #expect(
                decision.reasons.last.map { Array($0.english.utf8).suffix(name.utf8.count + 1) }
                    == Array((name + ".").utf8)[...])
        }
    }

    @Test func probationaryMembersAreNotGraded() {
        let decision = grade(
            [Fixture.member("M1") { $0.status = .probationary }], [Fixture.event("M1", "2026-03-01", .orgLife)]
        ).first
        #expect(decision?.outcome == .notGraded)
        #expect(decision?.details.points == Amount(62))
        #expect(decision?.ruleIDs == ["points.base", "points.org-life"])
    }
}

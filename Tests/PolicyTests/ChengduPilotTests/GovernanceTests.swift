import ChengduPilot
import PolicyKit
import Testing

/// A community that meets every governance check of its stage; each test breaks one thing.
struct CompliantCommunity {
    var stage: Stage
    var members = [Fixture.member("M1"), Fixture.member("M2")]
    var events = ["M1", "M2"].flatMap { id in
        [
            Fixture.event(id, "2026-05-01", .volunteer, "4"), Fixture.event(id, "2026-05-01", .orgLife),
            Fixture.event(id, "2026-05-01", .electionVote),
        ]
    }
    var meetings =
        Fixture.meetings(.policyBriefing, 4) + Fixture.meetings(.communityActivity, 4)
        + Fixture.meetings(.deliberation, 6) + Fixture.meetings(.supervision, 4) + Fixture.meetings(.disclosure, 12)
        + Fixture.meetings(.consultation, 1)
    var bodies = GovernanceBodyKind.allCases.map { Fixture.body($0) } + [Fixture.body(.socialOrganization)]
    var distributions: [Distribution] = []
    var posts: [Post] = []
    var seats: [SeatDecision]?
    var pilot = Fixture.pilot()

    init(_ stage: Stage) { self.stage = stage }

    func check() -> GovernanceDecision {
        let context = Fixture.context(
            Fixture.community(stage), members: members, events: events, posts: posts, bodies: bodies,
            meetings: meetings, distributions: distributions, decided: EarlierDecisions(seats: seats))
        return pilot.checkGovernance(in: context)
    }

    /// Replaces the meetings of `kind` with `count` of them on `date`.
    mutating func hold(_ kind: MeetingKind, _ count: Int, on date: String = "2026-05-01") {
        meetings.removeAll { $0.kind == kind }
        meetings += Fixture.meetings(kind, count, on: date)
    }
}

@Suite struct GovernanceTests {
    @Test(arguments: Stage.allCases)
    func govComplete(stage: Stage) {
        let decision = CompliantCommunity(stage).check()
        #expect(decision.outcome == .complete)
        #expect(decision.ruleIDs == ["gov.complete"])
        #expect(decision.details.findings.isEmpty)
        #expect(decision.details.concerned.isEmpty)
    }

    /// Whether `rule` is found, and the decision is consistent with it.
    func finds(_ rule: String, _ community: CompliantCommunity) -> Bool {
        let decision = community.check()
        let found = decision.ruleIDs.contains(rule)
        #expect(decision.details.findings.contains(rule) == found)
        #expect(decision.outcome == (decision.ruleIDs == ["gov.complete"] ? .complete : .gaps))
        return found
    }

    @Test(arguments: Stage.allCases, [(4, false), (3, true)])
    func govPolicyBriefing(stage: Stage, count: (Int, Bool)) {
        var community = CompliantCommunity(stage)
        community.hold(.policyBriefing, count.0)
        #expect(finds("gov.policy-briefing", community) == count.1)
        #expect(community.check().details.concerned["gov.policy-briefing"] == nil)
    }

    @Test(arguments: [("2025-06-30", true), ("2025-07-01", false), ("2026-06-30", false), ("2026-07-01", true)])
    func govPolicyBriefingYearWindow(date: String, found: Bool) {
        // The year: after as-of − 365 days, up to and including the as-of date.
        var community = CompliantCommunity(.integration)
        community.hold(.policyBriefing, 4, on: date)
        #expect(finds("gov.policy-briefing", community) == found)
    }

    @Test(arguments: [
        (Stage.preparation, 0, false), (.transition, 3, true), (.transition, 4, false), (.maturity, 3, true),
    ])
    func govCommunityActivity(stage: Stage, count: Int, found: Bool) {
        var community = CompliantCommunity(stage)
        community.hold(.communityActivity, count)
        #expect(finds("gov.community-activity", community) == found)
    }

    @Test(arguments: [
        (Stage.transition, GovernanceBodyKind.ownersCommittee, true), (.transition, .residentsCommittee, false),
        (.integration, .volunteerTeam, true), (.integration, .managementCommittee, false),
        (.maturity, .womensFederation, true), (.preparation, .deliberationCouncil, false),
    ])
    func govBodyMissing(stage: Stage, removed: GovernanceBodyKind, found: Bool) {
        var community = CompliantCommunity(stage)
        community.bodies.removeAll { $0.kind == removed }
        #expect(finds("gov.body-missing", community) == found)
        #expect(community.check().details.concerned["gov.body-missing"] == (found ? [removed.rawValue] : nil))
    }

    @Test func govBodyMissingCountsBodiesSetUpByTheAsOfDate() {
        var community = CompliantCommunity(.transition)
        community.bodies = [
            Fixture.body(.managementCommittee, "2026-06-30"), Fixture.body(.ownersCommittee, "2026-07-01"),
        ]
        let decision = community.check()
        #expect(decision.details.concerned["gov.body-missing"] == ["deliberation_council", "owners_committee"])
    }

    @Test(arguments: [(Stage.maturity, 1, true), (.maturity, 2, false), (.integration, 0, false)])
    func govSocialOrganizations(stage: Stage, count: Int, found: Bool) {
        var community = CompliantCommunity(stage)
        community.bodies.removeAll { $0.kind == .socialOrganization }
        community.bodies += Array(repeating: Fixture.body(.socialOrganization), count: count)
        #expect(finds("gov.social-organizations", community) == found)
        // A social organisation set up after the as-of date does not count.
        community.bodies.append(Fixture.body(.socialOrganization, "2026-07-01"))
        #expect(finds("gov.social-organizations", community) == found)
    }

    @Test(arguments: [
        ("gov.deliberation", MeetingKind.deliberation, 6), ("gov.supervision", .supervision, 4),
        ("gov.disclosure", .disclosure, 12),
    ])
    func govMeetingCounts(rule: String, kind: MeetingKind, least: Int) {
        var community = CompliantCommunity(.integration)
        community.hold(kind, least)
        #expect(!finds(rule, community))
        community.hold(kind, least - 1)
        #expect(finds(rule, community))
        community.stage = .preparation
        #expect(!finds(rule, community))
    }

    @Test(arguments: [(Stage.transition, 5, true), (.transition, 6, false), (.preparation, 0, false)])
    func govDeliberation(stage: Stage, count: Int, found: Bool) {
        var community = CompliantCommunity(stage)
        community.hold(.deliberation, count)
        #expect(finds("gov.deliberation", community) == found)
    }

    @Test(arguments: [(Stage.maturity, 3, true), (.maturity, 4, false), (.preparation, 0, false)])
    func govSupervision(stage: Stage, count: Int, found: Bool) {
        var community = CompliantCommunity(stage)
        community.hold(.supervision, count)
        #expect(finds("gov.supervision", community) == found)
    }

    @Test(arguments: [(Stage.integration, 11, true), (.integration, 12, false), (.preparation, 0, false)])
    func govDisclosure(stage: Stage, count: Int, found: Bool) {
        var community = CompliantCommunity(stage)
        community.hold(.disclosure, count)
        #expect(finds("gov.disclosure", community) == found)
    }

    @Test(arguments: [("4", false), ("3.5", true)])
    func govVolunteerHours(hours: String, found: Bool) {
        // Two full members: 8 hours in the year is 4 each; a probationary member's hours do not count.
        var community = CompliantCommunity(.integration)
        community.members.append(Fixture.member("P1") { $0.status = .probationary })
        community.events.removeAll { $0.kind == .volunteer }
        community.events += [
            Fixture.event("M1", "2026-05-01", .volunteer, hours), Fixture.event("M2", "2026-05-01", .volunteer, "4"),
            Fixture.event("P1", "2026-05-01", .volunteer, "100"),
        ]
        #expect(finds("gov.volunteer-hours", community) == found)
        community.stage = .preparation
        #expect(!finds("gov.volunteer-hours", community))
    }

    @Test func govVolunteerHoursNeedsFullMembers() {
        var community = CompliantCommunity(.integration)
        community.members = [Fixture.member("P1") { $0.status = .probationary }]
        community.events = []
        #expect(!finds("gov.volunteer-hours", community))
    }

    func secretarySeat(_ member: String?) -> SeatDecision {
        SeatDecision(
            outcome: member == nil ? .vacant : .selected, rules: [], reasons: [],
            details: SeatDetails(member: member, score: member == nil ? nil : Amount(1)))
    }

    @Test(arguments: [(String?.some("2026-06-30"), false), ("2025-07-01", false), ("2025-06-30", true), (nil, true)])
    func govSecretaryTraining(training: String?, found: Bool) {
        var community = CompliantCommunity(.integration)
        community.posts = [
            Fixture.post(.residentsCommittee, .member), Fixture.post(.partyCommittee, .secretary),
            Fixture.post(.partyCommittee, .secretary, firstSeat: 2),
        ]
        community.seats = [secretarySeat("M1"), secretarySeat("M2"), secretarySeat("M1")]
        if let training { community.events.append(Fixture.event("M2", training, .cityTraining)) }
        #expect(finds("gov.secretary-training", community) == found)
        #expect(community.check().details.concerned["gov.secretary-training"] == (found ? ["M2"] : nil))
    }

    @Test func govSecretaryTrainingNeedsASelectedSecretary() {
        var community = CompliantCommunity(.integration)
        community.posts = [Fixture.post(.partyCommittee, .secretary, seats: 2)]
        // The first seat vacant: no finding, even if the second is held.
        community.seats = [secretarySeat(nil), secretarySeat("M1")]
        #expect(!finds("gov.secretary-training", community))
        // No cadre selection in the run: no finding.
        community.seats = nil
        #expect(!finds("gov.secretary-training", community))
        // An appointed secretary: no member holds the seat.
        community.seats = [
            SeatDecision(outcome: .appointed, rules: [], reasons: [], details: SeatDetails(appointee: "王")),
            secretarySeat("M1"),
        ]
        #expect(!finds("gov.secretary-training", community))
    }

    @Test(arguments: [
        (Stage.preparation, 0, true), (.preparation, 1, false), (.transition, 0, false),
    ])
    func rightsConsultation(stage: Stage, count: Int, found: Bool) {
        var community = CompliantCommunity(stage)
        community.hold(.consultation, count)
        #expect(finds("rights.consultation", community) == found)
    }

    @Test func rightsConsultationYearWindow() {
        var community = CompliantCommunity(.preparation)
        community.hold(.consultation, 1, on: "2025-06-30")
        #expect(finds("rights.consultation", community))
        community.hold(.consultation, 1, on: "2025-07-01")
        #expect(!finds("rights.consultation", community))
    }

    func villagers(_ stage: Stage, listed: [String], kind: DistributionKind) -> CompliantCommunity {
        var community = CompliantCommunity(stage)
        community.members = [
            Fixture.member("V2") { $0.originVillage = "红光村" },
            Fixture.member("V1") {
                $0.originVillage = "白马村"
                $0.status = .probationary
            },
            Fixture.member("N1"),
        ]
        community.events = community.members.flatMap { member in
            [Fixture.event(member.id, "2026-05-01", .volunteer, "4"), Fixture.event(member.id, "2026-05-01", .orgLife)]
        }
        community.distributions = listed.map { Distribution(communityID: "C1", kind: kind, memberID: $0) }
        return community
    }

    /// Checks one of the transition's distribution lists (rules 11 to 13).
    func checkDistributionList(rule: String, kind: DistributionKind) {
        // Nobody listed: no list, no finding.
        #expect(!finds(rule, villagers(.transition, listed: [], kind: kind)))
        // A list without the villagers: they are concerned, probationary ones too.
        let partial = villagers(.transition, listed: ["N1"], kind: kind)
        #expect(finds(rule, partial))
        #expect(partial.check().details.concerned[rule] == ["V1", "V2"])
        // Every villager listed.
        #expect(!finds(rule, villagers(.transition, listed: ["V1", "V2"], kind: kind)))
        // Transition only.
        #expect(!finds(rule, villagers(.integration, listed: ["N1"], kind: kind)))
        // The other lists are their own.
        let other = DistributionKind.allCases.first { $0 != kind } ?? kind
        let elsewhere = villagers(.transition, listed: ["N1"], kind: other)
        #expect(!finds(rule, elsewhere))
    }

    @Test func rightsCollectiveAssets() {
        checkDistributionList(rule: "rights.collective-assets", kind: .collectiveAssets)
    }
    @Test func rightsCompensation() { checkDistributionList(rule: "rights.compensation", kind: .compensation) }
    @Test func rightsHousingChoice() { checkDistributionList(rule: "rights.housing-choice", kind: .housingChoice) }

    @Test(arguments: [
        // After add_months(as-of, −60) = 2021-06-30, up to the as-of date.
        (String?.some("2021-06-30"), true), ("2021-07-01", false), ("2026-06-30", false), ("2026-07-01", true),
        (nil, true),
    ])
    func rightsElection(vote: String?, found: Bool) {
        var community = CompliantCommunity(.integration)
        community.members.append(Fixture.member("P1") { $0.status = .probationary })
        community.events.removeAll { $0.kind == .electionVote && $0.memberID == "M2" }
        if let vote { community.events.append(Fixture.event("M2", vote, .electionVote)) }
        #expect(finds("rights.election", community) == found)
        #expect(community.check().details.concerned["rights.election"] == (found ? ["M2"] : nil))
        community.stage = .maturity
        #expect(!finds("rights.election", community))
    }

    @Test(arguments: [
        (LedgerEventKind?.some(.orgLife), "2025-07-01", String?.none, false),
        (.training, "2025-07-01", nil, false), (.orgLife, "2025-06-30", nil, true),
        (.volunteer, "2026-05-01", nil, true),
        (nil, "", "2025-07-01", false), (nil, "", "2025-06-30", true),
    ])
    func rightsBasic(kind: LedgerEventKind?, date: String, lastOrgLife: String?, found: Bool) {
        var community = CompliantCommunity(.maturity)
        community.members[1].lastOrgLife = lastOrgLife.map(Fixture.day)
        community.events.removeAll { $0.memberID == "M2" && ($0.kind == .orgLife || $0.kind == .training) }
        if let kind { community.events.append(Fixture.event("M2", date, kind)) }
        #expect(finds("rights.basic", community) == found)
        #expect(community.check().details.concerned["rights.basic"] == (found ? ["M2"] : nil))
        community.stage = .integration
        #expect(!finds("rights.basic", community))
    }

    @Test(arguments: [
        (Stage.integration, "2025-07-01", false, false), (.integration, "2025-06-30", false, true),
        (.integration, "2025-06-30", true, false), (.preparation, "2025-06-30", false, false),
    ])
    func leadVolunteer(stage: Stage, date: String, away: Bool, found: Bool) {
        var community = CompliantCommunity(stage)
        community.events.removeAll { $0.memberID == "M2" && $0.kind == .volunteer }
        community.events.append(Fixture.event("M2", date, .volunteer, "100"))
        if away { community.members[1].awaySince = Fixture.day("2026-06-01") }
        // Probationary members are not asked.
        community.members.append(Fixture.member("P1") { $0.status = .probationary })
        community.events.append(Fixture.event("P1", "2026-05-01", .orgLife))
        #expect(finds("lead.volunteer", community) == found)
        #expect(community.check().details.concerned["lead.volunteer"] == (found ? ["M2"] : nil))
    }

    @Test func findingsInSpecOrderAndSorted() {
        var community = CompliantCommunity(.integration)
        community.meetings = []
        community.bodies = []
        community.events = []
        let decision = community.check()
        let expected = [
            "gov.policy-briefing", "gov.community-activity", "gov.body-missing", "gov.deliberation", "gov.supervision",
            "gov.disclosure", "gov.volunteer-hours", "rights.election", "lead.volunteer",
        ]
        #expect(decision.outcome == .gaps)
        #expect(decision.ruleIDs == expected)
        #expect(decision.details.findings == expected.sortedByUTF8())
        #expect(decision.details.concerned.keys.sorted() == ["gov.body-missing", "lead.volunteer", "rights.election"])
        #expect(decision.details.concerned["lead.volunteer"] == ["M1", "M2"])
        #expect(decision.reasons.count == expected.count)
    }
}

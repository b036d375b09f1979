import ChengduPilot
import PolicyKit
import Testing

@Suite struct CadreSelectionTests {
    let pilot = Fixture.pilot()

    func select(
        _ members: [Member], posts: [Post], stage: Stage = .integration, deputy: String = "",
        events: [LedgerEvent] = [],
        asOf: CivilDate = Fixture.asOf, pilot: ChengduPilot? = nil
    ) -> [SeatDecision] {
        let context = Fixture.context(
            Fixture.community(stage, deputy: deputy), asOf: asOf, members: members, events: events, posts: posts)
        return (pilot ?? self.pilot).selectCadres(in: context)
    }

    /// Selects one residents' committee member seat from the one candidate.
    func selectsAlone(_ member: Member, asOf: CivilDate = Fixture.asOf, post: Post? = nil) -> SeatDecision? {
        select([member], posts: [post ?? Fixture.post(.residentsCommittee, .member)], asOf: asOf).first
    }

    func failure(_ seat: SeatDecision?) -> String? {
        seat?.reasons.dropFirst().first?.english
    }

    @Test(arguments: [("2026-06-29", false), (String?.none, true)])
    func selectAbsent(away: String?, eligible: Bool) {
        // Any away_since blocks selection, even one day old (not yet a mobile member).
        let seat = selectsAlone(Fixture.candidate("M1") { $0.awaySince = away.map(Fixture.day) })
        #expect(seat?.outcome == (eligible ? .selected : .vacant))
        if !eligible { #expect(failure(seat)?.contains("(select.absent)") == true) }
    }

    @Test(arguments: [
        ("2008-07-01", false), ("2008-06-30", true),  // 17 and 18
        ("1966-06-30", true), ("1965-06-30", false),  // 60 and 61
        ("1965-07-01", true),  // 60, a day before turning 61
    ])
    func selectAge(birth: String, eligible: Bool) {
        let seat = selectsAlone(Fixture.candidate("M1") { $0.birthDate = Fixture.day(birth) })
        #expect(seat?.outcome == (eligible ? .selected : .vacant))
        if !eligible { #expect(failure(seat)?.contains("(select.age)") == true) }
    }

    @Test(arguments: [("2026-02-28", false), ("2026-03-01", true)])
    func selectAgeLeapDayBirthday(asOf: String, eligible: Bool) {
        // Born 29 February 2008: 18 on 1 March 2026, a common year.
        let member = Fixture.candidate("M1") { $0.birthDate = Fixture.day("2008-02-29") }
        #expect(selectsAlone(member, asOf: Fixture.day(asOf))?.outcome == (eligible ? .selected : .vacant))
    }

    @Test func selectAgeMaxAgeParameter() {
        let member = Fixture.candidate("M1") { $0.birthDate = Fixture.day("1961-01-01") }
        let posts = [Fixture.post(.residentsCommittee, .member)]
        #expect(select([member], posts: posts).first?.outcome == .vacant)
        #expect(
            select([member], posts: posts, pilot: Fixture.pilot(["maxAge": .integer(65)])).first?.outcome == .selected)
    }

    @Test(arguments: [(true, false, false), (false, true, false), (false, false, true)])
    func selectNegativeList(criminal: Bool, debtor: Bool, eligible: Bool) {
        let seat = selectsAlone(
            Fixture.candidate("M1") {
                $0.criminalRecord = criminal
                $0.dishonestDebtor = debtor
            })
        #expect(seat?.outcome == (eligible ? .selected : .vacant))
        if !eligible { #expect(failure(seat)?.contains("(select.negative-list)") == true) }
    }

    @Test(arguments: [("2026-06-30", false), ("2026-07-01", false), ("2026-06-29", true)])
    func selectSanction(until: String, eligible: Bool) {
        // The sanction must end strictly before the as-of date.
        let seat = selectsAlone(Fixture.candidate("M1") { $0.sanctionUntil = Fixture.day(until) })
        #expect(seat?.outcome == (eligible ? .selected : .vacant))
        if !eligible { #expect(failure(seat)?.contains("(select.sanction)") == true) }
    }

    @Test(arguments: [(2026, false), (2023, false), (2022, true)])
    func selectUnqualified(year: Int, eligible: Bool) {
        let seat = selectsAlone(Fixture.candidate("M1") { $0.unqualifiedYear = year })
        #expect(seat?.outcome == (eligible ? .selected : .vacant))
        if !eligible { #expect(failure(seat)?.contains("(select.unqualified)") == true) }
    }

    @Test(arguments: [
        // A party committee member seat needs a full member.
        (PostTitle.member, MembershipStatus.probationary, "2010-01-01", false),
        (.member, .full, "2026-01-01", true),
        // The secretary needs add_months(join_date, 24) on or before the as-of date.
        (.secretary, .full, "2024-06-30", true), (.secretary, .full, "2024-07-01", false),
    ])
    func selectStanding(title: PostTitle, status: MembershipStatus, join: String, eligible: Bool) {
        let member = Fixture.candidate("M1") {
            $0.status = status
            $0.joinDate = Fixture.day(join)
        }
        let seat = selectsAlone(member, post: Fixture.post(.partyCommittee, title))
        #expect(seat?.outcome == (eligible ? .selected : .vacant))
        if !eligible { #expect(failure(seat)?.contains("(select.standing)") == true) }
        // Other bodies ask neither.
        #expect(selectsAlone(member, post: Fixture.post(.residentsCommittee, title))?.outcome == .selected)
    }

    @Test func selectStandingClampsMonthEnds() {
        // Joined 29 February 2024: 24 months later is 28 February 2026.
        let member = Fixture.candidate("M1") { $0.joinDate = Fixture.day("2024-02-29") }
        let post = Fixture.post(.partyCommittee, .secretary)
        #expect(selectsAlone(member, asOf: Fixture.day("2026-02-28"), post: post)?.outcome == .selected)
        #expect(selectsAlone(member, asOf: Fixture.day("2026-02-27"), post: post)?.outcome == .vacant)
    }

    @Test(arguments: ["王书记", ""])
    func selectAppointedSecretary(deputy: String) {
        let members = [Fixture.candidate("M1") { $0.education = .bachelor }]
        let seats = select(
            members, posts: [Fixture.post(.partyCommittee, .secretary), Fixture.post(.partyCommittee, .member)],
            stage: .transition, deputy: deputy)
        #expect(seats.count == 2)
        #expect(seats[0].outcome == .appointed)
        #expect(seats[0].ruleIDs == ["select.appointed-secretary"])
        #expect(seats[0].details.appointee == deputy)
        #expect(seats[0].details.member == nil)
        #expect(seats[0].details.alternates.isEmpty)
        // No member is used: M1 is still free for the next seat.
        #expect(seats[1].details.member == "M1")
    }

    @Test(arguments: [Stage.preparation, .integration, .maturity])
    func selectAppointedSecretaryOnlyInTransition(stage: Stage) {
        let seats = select(
            [Fixture.candidate("M1")], posts: [Fixture.post(.partyCommittee, .secretary)], stage: stage, deputy: "王")
        #expect(seats.first?.outcome == .selected)
        #expect(seats.first?.ruleIDs == ["select.ranked"])
    }

    var shoulderMembers: [Member] {
        [
            Fixture.candidate("A") { $0.education = .master },
            Fixture.candidate("B") { $0.education = .bachelor },
            Fixture.candidate("C") { $0.education = .college },
            Fixture.candidate("D") { $0.education = .senior },
        ]
    }

    @Test func selectOneShoulder() {
        let seats = select(
            shoulderMembers,
            posts: [
                Fixture.post(.partyCommittee, .secretary), Fixture.post(.residentsCommittee, .director, seats: 2),
                Fixture.post(.residentsCommittee, .director, firstSeat: 3),
            ])
        #expect(seats.map(\.details.member) == ["A", "A", "B", "C"])
        #expect(
            seats.map(\.ruleIDs) == [["select.ranked"], ["select.one-shoulder"], ["select.ranked"], ["select.ranked"]])
        // Alternates: the next two eligible members not yet selected.
        #expect(seats[1].details.alternates == ["B", "C"])
        #expect(seats[1].details.score == Amount(12))
    }

    @Test func selectOneShoulderOff() {
        let seats = select(
            shoulderMembers,
            posts: [Fixture.post(.partyCommittee, .secretary), Fixture.post(.residentsCommittee, .director)],
            pilot: Fixture.pilot(["oneShoulder": .boolean(false)]))
        #expect(seats.map(\.details.member) == ["A", "B"])
        #expect(seats[1].ruleIDs == ["select.ranked"])
    }

    @Test func selectOneShoulderOnlyAfterTheSecretary() {
        let seats = select(
            shoulderMembers,
            posts: [
                Fixture.post(.residentsCommittee, .director), Fixture.post(.partyCommittee, .secretary),
                Fixture.post(.residentsCommittee, .deputyDirector),
                Fixture.post(.residentsCommittee, .director, firstSeat: 2),
            ])
        #expect(seats.map(\.details.member) == ["A", "B", "C", "B"])
        #expect(
            seats.map(\.ruleIDs) == [["select.ranked"], ["select.ranked"], ["select.ranked"], ["select.one-shoulder"]])
    }

    @Test func selectOneShoulderTakesTheFirstSecretarySeat() {
        let seats = select(
            shoulderMembers,
            posts: [Fixture.post(.partyCommittee, .secretary, seats: 2), Fixture.post(.residentsCommittee, .director)])
        #expect(seats.map(\.details.member) == ["A", "B", "A"])
        #expect(seats[2].ruleIDs == ["select.one-shoulder"])
    }

    @Test func selectOneShoulderNotInTransition() {
        let seats = select(
            shoulderMembers,
            posts: [Fixture.post(.partyCommittee, .secretary), Fixture.post(.residentsCommittee, .director)],
            stage: .transition, deputy: "王")
        #expect(seats[0].outcome == .appointed)
        #expect(seats[1].details.member == "A")
        #expect(seats[1].ruleIDs == ["select.ranked"])
    }

    var villagers: [Member] {
        [
            Fixture.candidate("A1") {
                $0.education = .doctor
                $0.originVillage = "红光村"
            },
            Fixture.candidate("A2") {
                $0.education = .master
                $0.originVillage = "红光村"
            },
            Fixture.candidate("N1") { $0.education = .bachelor },
            Fixture.candidate("B1") {
                $0.education = .college
                $0.originVillage = "白马村"
            },
            Fixture.candidate("C1") {
                $0.education = .senior
                $0.originVillage = "青杠村"
                $0.status = .probationary
            },
        ]
    }

    @Test func selectVillageRepresentation() {
        let seats = select(villagers, posts: [Fixture.post(.deliberationCouncil, .member, seats: 4)])
        // Each village's best first, villages in the ranking order of their best; then the ranking.
        #expect(seats.map(\.details.member) == ["A1", "B1", "C1", "A2"])
        #expect(
            seats.map(\.ruleIDs) == [
                ["select.village-representation"], ["select.village-representation"],
                ["select.village-representation"], ["select.ranked"],
            ])
        // Alternates are the next best-ranked, whatever their village.
        #expect(seats[0].details.alternates == ["A2", "N1"])
    }

    @Test func selectVillageRepresentationWithFewerSeatsThanVillages() {
        let seats = select(villagers, posts: [Fixture.post(.deliberationCouncil, .member, seats: 2)])
        #expect(seats.map(\.details.member) == ["A1", "B1"])
        #expect(seats.allSatisfy { $0.ruleIDs == ["select.village-representation"] })
    }

    @Test func selectVillageRepresentationAtEveryRow() {
        let seats = select(
            villagers,
            posts: [
                Fixture.post(.deliberationCouncil, .chair), Fixture.post(.deliberationCouncil, .member, seats: 2),
                Fixture.post(.supervisoryCouncil, .member),
            ])
        #expect(seats.map(\.details.member) == ["A1", "A2", "B1", "N1"])
        #expect(
            seats.map { $0.ruleIDs[0] } == [
                "select.village-representation", "select.village-representation", "select.village-representation",
                "select.ranked",
            ])
    }

    @Test func selectVillageRepresentationOnlyInDeliberationCouncils() {
        let seats = select(villagers, posts: [Fixture.post(.supervisoryCouncil, .member, seats: 3)])
        #expect(seats.map(\.details.member) == ["A1", "A2", "N1"])
        #expect(seats.allSatisfy { $0.ruleIDs == ["select.ranked"] })
    }

    @Test func selectRanked() {
        let members = [
            // 2 × 5 + 10 (capped) = 20, cadre years 12.
            Fixture.candidate("M4") {
                $0.education = .bachelor
                $0.cadreYears = 12
            },
            // 2 × 5 + 10 = 20, cadre years 10: after M4 by raw cadre years.
            Fixture.candidate("M3") {
                $0.education = .bachelor
                $0.cadreYears = 10
            },
            // 2 × 4 + 10 + 2 (age 45) = 20, cadre years 10: a tie with M3, by id.
            Fixture.candidate("M5") {
                $0.education = .college
                $0.cadreYears = 10
                $0.birthDate = Fixture.day("1980-12-31")
            },
            // 2 × 3 + 2.5 (25 hours) = 8.5.
            Fixture.candidate("M1") { $0.education = .senior },
            // 2 × 3 + 0 (the 365th day back is out) + 0.9 (9 hours in the window).
            Fixture.candidate("M2") { $0.education = .vocational },
            Fixture.member("M6") { $0.education = .doctor },  // not willing
        ]
        let events = [
            Fixture.event("M1", "2026-01-01", .volunteer, "20"), Fixture.event("M1", "2026-06-30", .volunteer, "5"),
            Fixture.event("M1", "2026-07-01", .volunteer, "100"),
            Fixture.event("M2", "2025-06-30", .volunteer, "50"), Fixture.event("M2", "2025-07-01", .volunteer, "9"),
        ]
        let seats = select(members, posts: [Fixture.post(.residentsCommittee, .member, seats: 6)], events: events)
        #expect(seats.map(\.details.member) == ["M4", "M3", "M5", "M1", "M2", nil])
        #expect(seats.map(\.details.score) == [Amount(20), Amount(20), Amount(20), Amount("8.5"), Amount("6.9"), nil])
        #expect(seats[0].ruleIDs == ["select.ranked"])
        #expect(seats.map(\.details.alternates) == [["M3", "M5"], ["M5", "M1"], ["M1", "M2"], ["M2"], [], []])
        #expect(seats[5].outcome == .vacant)
    }

    @Test(arguments: [("1981-06-30", 2), ("1980-07-01", 2), ("1980-06-30", 0), ("1981-07-01", 2)])
    func selectRankedYouthBonusAt45(birth: String, score: Int) {
        // 45 or younger at the as-of date adds 2; 46 does not.
        let seat = selectsAlone(Fixture.candidate("M1") { $0.birthDate = Fixture.day(birth) })
        #expect(seat?.details.score == Amount(score))
    }

    @Test func selectVillageRepresentationSkipsIneligibleVillagers() {
        var members = villagers
        members[0].awaySince = Fixture.day("2026-06-01")
        let seats = select(members, posts: [Fixture.post(.deliberationCouncil, .member)])
        #expect(seats.map(\.details.member) == ["A2"])
        #expect(seats[0].ruleIDs == ["select.village-representation"])
    }

    @Test(arguments: [1, 2])
    func selectNoCandidate(pool: Int) {
        let willing = [Fixture.candidate("M1"), Fixture.candidate("M2") { $0.birthDate = Fixture.day("1950-01-01") }]
        // M3 is not willing: never named.
        let members = Array(willing.prefix(pool)) + [Fixture.member("M3")]
        let seats = select(members, posts: [Fixture.post(.residentsCommittee, .member, seats: 3)])
        #expect(seats.map(\.outcome) == [.selected, .vacant, .vacant])
        for vacant in seats.dropFirst() {
            #expect(vacant.ruleIDs == ["select.no-candidate"])
            #expect(vacant.details.alternates.isEmpty)
            #expect(vacant.details.member == nil && vacant.details.score == nil)
            // One reason for the vacancy, then one per willing member.
            #expect(vacant.reasons.count == 1 + pool)
            #expect(vacant.reasons[1].english.hasPrefix("M1: already selected"))
            if pool == 2 { #expect(vacant.reasons[2].english.contains("(select.age)")) }
            #expect(!vacant.reasons.contains { $0.english.hasPrefix("M3") })
        }
    }

    @Test func selectNoCandidateNamesTheFirstFailingCheck() {
        let member = Fixture.candidate("M1") {
            $0.status = .probationary
            $0.awaySince = Fixture.day("2026-01-01")
            $0.criminalRecord = true
        }
        let seat = select([member], posts: [Fixture.post(.partyCommittee, .member)]).first
        #expect(seat?.reasons.count == 2)
        #expect(failure(seat)?.contains("(select.absent)") == true)
        #expect(failure(seat)?.contains("select.negative-list") == false)
    }

    @Test func seatsComeRowByRowInPostOrder() {
        let seats = select(
            shoulderMembers,
            posts: [Fixture.post(.collectiveEconomy, .chair), Fixture.post(.supervisoryCouncil, .member, seats: 2)])
        #expect(seats.map(\.details.member) == ["A", "B", "C"])
        #expect(select(shoulderMembers, posts: []).isEmpty)
    }
}

public import PolicyKit

extension ChengduPilot: CadreSelectionPolicy {
    // MARK: Rules, in the spec's order

    /// `select.absent`.
    static let absent = Rule(
        "select.absent", point: .cadreSelection,
        meaning: Text(
            zh: "外出务工经商的党员（已填外出日期）不作为人选。",
            en: "A member who is away (any `away_since`) cannot be selected."))
    /// `select.age`.
    static let ageLimit = Rule(
        "select.age", point: .cadreSelection,
        meaning: Text(
            zh: "人选须年满18周岁、不超过规定的最高年龄。",
            en: "A candidate is 18 or older and at most `maxAge`."))
    /// `select.negative-list`.
    static let negativeList = Rule(
        "select.negative-list", point: .cadreSelection,
        meaning: Text(
            zh: "受过刑事处罚或为失信被执行人的，不作为人选（负面清单）。",
            en: "No criminal record and not a dishonest judgment debtor (the negative list)."))
    /// `select.sanction`.
    static let sanction = Rule(
        "select.sanction", point: .cadreSelection,
        meaning: Text(
            zh: "处分影响期未满的，不作为人选。",
            en: "A disciplinary penalty period must have ended before the as-of date."))
    /// `select.unqualified`.
    static let unqualified = Rule(
        "select.unqualified", point: .cadreSelection,
        meaning: Text(
            zh: "近3年民主评议被评为不合格的，不作为人选。",
            en: "Not rated unqualified in the last 3 years of democratic evaluation."))
    /// `select.standing`.
    static let standing = Rule(
        "select.standing", point: .cadreSelection,
        meaning: Text(
            zh: "社区党组织委员须为正式党员，书记须入党满2年。",
            en: "Party committee seats need a full member; its secretary needs 24 months since joining."))
    /// `select.appointed-secretary`.
    static let appointedSecretary = Rule(
        "select.appointed-secretary", point: .cadreSelection,
        meaning: Text(
            zh: "过渡期社区党组织书记由镇党委副书记兼任（委派）。",
            en: "In transition the party secretary's seat goes to the town deputy secretary (appointed)."))
    /// `select.one-shoulder`.
    static let oneShoulderSelection = Rule(
        "select.one-shoulder", point: .cadreSelection,
        meaning: Text(
            zh: "一肩挑：社区党组织书记兼任居委会主任。",
            en: "One shoulder: the party secretary also becomes the residents' committee director."))
    /// `select.village-representation`.
    static let villageRepresentation = Rule(
        "select.village-representation", point: .cadreSelection,
        meaning: Text(
            zh: "议事会先保证每个原行政村有一名得分最高的符合条件的代表。",
            en: "A deliberation council first seats the best-ranked eligible member of each original village."))
    /// `select.ranked`.
    static let ranked = Rule(
        "select.ranked", point: .cadreSelection,
        meaning: Text(
            zh: "按得分从高到低选出符合条件的人选。",
            en: "The best-ranked eligible member not yet selected takes the seat."))
    /// `select.no-candidate`.
    static let noCandidate = Rule(
        "select.no-candidate", point: .cadreSelection,
        meaning: Text(
            zh: "没有符合条件的人选的，该席位空缺。",
            en: "A seat nobody can fill is vacant."))

    static let selectionRules = [
        absent, ageLimit, negativeList, sanction, unqualified, standing, appointedSecretary, oneShoulderSelection,
        villageRepresentation, ranked, noCandidate,
    ]

    // MARK: Reasons

    /// The appointed secretary of transition, not named yet.
    static let appointedNobody = ReasonTemplate(
        "select.appointed-secretary-none",
        zh: "过渡期社区党组织书记由镇党委副书记兼任，社区尚未指定人选。",
        en: "In transition the town deputy secretary serves as party secretary; the community names none yet.")
    /// The appointed secretary of transition.
    static let appointedDeputy = ReasonTemplate(
        "select.appointed-secretary", slots: [.text("deputy")],
        zh: "过渡期社区党组织书记由镇党委副书记{deputy}兼任。",
        en: "In transition the town deputy secretary {deputy} serves as party secretary.")
    /// One shoulder.
    static let oneShoulderReason = ReasonTemplate(
        "select.one-shoulder", slots: [.member("secretary"), .amount("score")],
        zh: "一肩挑：社区党组织书记{secretary}兼任居委会主任（得分{score}分）。",
        en: "One shoulder: the party secretary {secretary} also becomes director (score {score}).")
    /// A village's representative.
    static let villageReason = ReasonTemplate(
        "select.village-representation", slots: [.member("member"), .place("village"), .amount("score")],
        zh: "原村代表：{member}为原{village}得分最高的符合条件党员（得分{score}分）。",
        en: "Village representation: {member} is the best-ranked eligible member from {village} (score {score}).")
    /// Selected by ranking.
    static let rankedReason = ReasonTemplate(
        "select.ranked", slots: [.member("member"), .amount("score")],
        zh: "按得分排序选出{member}（得分{score}分）。", en: "Selected by ranking: {member} (score {score}).")
    /// A vacant seat.
    static let vacantReason = ReasonTemplate(
        "select.no-candidate", zh: "没有符合条件的人选，该席位空缺。", en: "No eligible member is left: the seat is vacant.")
    /// A willing member who is away.
    static let absentReason = ReasonTemplate(
        "select.absent", slots: [.member("member"), .date("since")],
        zh: "{member}：自{since}外出（select.absent）。", en: "{member}: away since {since} (select.absent).")
    /// A willing member too young or too old.
    static let ageReason = ReasonTemplate(
        "select.age", slots: [.member("member"), .count("age"), .count("maxAge")],
        zh: "{member}：{age}岁，不在18至{maxAge}岁之间（select.age）。",
        en: "{member}: aged {age}, outside 18 to {maxAge} (select.age).")
    /// A willing member on the negative list.
    static let negativeListReason = ReasonTemplate(
        "select.negative-list", slots: [.member("member")],
        zh: "{member}：受过刑事处罚或为失信被执行人（select.negative-list）。",
        en: "{member}: a criminal record or a dishonest judgment debtor (select.negative-list).")
    /// A willing member under a penalty.
    static let sanctionReason = ReasonTemplate(
        "select.sanction", slots: [.member("member"), .date("until")],
        zh: "{member}：处分影响期至{until}（select.sanction）。",
        en: "{member}: under a disciplinary penalty until {until} (select.sanction).")
    /// A willing member rated unqualified.
    static let unqualifiedReason = ReasonTemplate(
        "select.unqualified", slots: [.member("member"), .count("year")],
        zh: "{member}：{year}年民主评议不合格，未满3年（select.unqualified）。",
        en: "{member}: rated unqualified in {year}, 3 years or less ago (select.unqualified).")
    /// A probationary member for a party committee seat.
    static let probationaryReason = ReasonTemplate(
        "select.standing-full", slots: [.member("member")],
        zh: "{member}：预备党员，不能担任社区党组织委员（select.standing）。",
        en: "{member}: a probationary member cannot sit on the party committee (select.standing).")
    /// A member too recent for secretary.
    static let tooRecentReason = ReasonTemplate(
        "select.standing", slots: [.member("member"), .date("joined")],
        zh: "{member}：{joined}入党，不满2年，不能担任书记（select.standing）。",
        en: "{member}: joined on {joined}, under 24 months ago, too soon for secretary (select.standing).")
    /// A member who holds another seat.
    static let alreadySelectedReason = ReasonTemplate(
        "select.already-selected", slots: [.member("member")],
        zh: "{member}：已当选本社区其他职位。", en: "{member}: already selected for another seat.")

    static let selectionReasons = [
        appointedNobody, appointedDeputy, oneShoulderReason, villageReason, rankedReason, vacantReason, absentReason,
        ageReason, negativeListReason, sanctionReason, unqualifiedReason, probationaryReason, tooRecentReason,
        alreadySelectedReason,
    ]

    /// Fills the community's posts row by row and seat by seat (选拔干部).
    public func selectCadres(in context: CommunityContext) -> [SeatDecision] {
        var pool = CandidatePool(module: self, context: context)
        let stage = stage(of: context)
        var decisions: [SeatDecision] = []
        decisions.reserveCapacity(context.posts.reduce(0) { $0 + $1.seats })
        for post in context.posts {
            if stage == .transition && post.body == .partyCommittee && post.title == .secretary {
                let deputy = context.community.townDeputySecretary
                let reason = deputy.isEmpty ? Self.appointedNobody() : Self.appointedDeputy(.text(deputy))
                for _ in 0..<post.seats {
                    decisions.append(
                        SeatDecision(
                            outcome: .appointed, rules: [Self.appointedSecretary], reasons: [reason],
                            details: SeatDetails(alternates: [], appointee: deputy)))
                }
                continue
            }
            let need = pool.requirement(for: post)
            var remaining = post.seats
            if oneShoulder, !pool.oneShoulderUsed, post.body == .residentsCommittee, post.title == .director,
                let secretary = pool.firstSecretary, pool.isEligible(secretary, need)
            {
                pool.oneShoulderUsed = true
                remaining -= 1
                decisions.append(
                    pool.select(
                        secretary, need: need, rule: Self.oneShoulderSelection,
                        reason: Self.oneShoulderReason(.member(pool.id(secretary)), .amount(pool.score(secretary)))))
            }
            if post.body == .deliberationCouncil && remaining > 0 {
                for representative in pool.villageRepresentatives(need, limit: remaining) {
                    remaining -= 1
                    let village = pool.village(representative)
                    decisions.append(
                        pool.select(
                            representative, need: need, rule: Self.villageRepresentation,
                            reason: Self.villageReason(
                                .member(pool.id(representative)), .place(village),
                                .amount(pool.score(representative)))))
                }
            }
            while remaining > 0 {
                remaining -= 1
                guard let best = pool.best(need) else {
                    let vacant = pool.vacancy(need)
                    decisions.append(vacant)
                    for _ in 0..<remaining { decisions.append(vacant) }
                    remaining = 0
                    break
                }
                decisions.append(
                    pool.select(
                        best, need: need, rule: Self.ranked,
                        reason: Self.rankedReason(.member(pool.id(best)), .amount(pool.score(best)))))
                if post.body == .partyCommittee && post.title == .secretary && pool.firstSecretary == nil {
                    pool.firstSecretary = best
                }
            }
        }
        return decisions
    }

    /// A candidate's score: 2 × education + min(cadre years, 10) + min(volunteer hours / 10, 10),
    /// plus 2 at 45 or younger.
    func score(education: Education, cadreYears: Int, volunteerHours: Amount, age: Int) -> Amount {
        let ten = Amount(10)
        let hours = min(volunteerHours.tenth, ten)
        return Amount(2 * educationPoints(education) + min(cadreYears, 10) + (age <= 45 ? 2 : 0)) + hours
    }

    /// The points of an education level in the score.
    func educationPoints(_ education: Education) -> Int {
        switch education {
        case .none: 0
        case .primary: 1
        case .junior: 2
        case .senior, .vocational: 3
        case .college: 4
        case .bachelor: 5
        case .master, .doctor: 6
        }
    }

    /// The first eligibility check a member fails for any seat, apart from the body's own
    /// (`select.standing`) and from being already selected; `nil` when none fails.
    func generalFailure(_ member: Member, asOf: CivilDate) -> Rule? {
        if member.awaySince != nil { return Self.absent }
        let age = member.birthDate.age(at: asOf)
        if age < 18 || age > maxAge { return Self.ageLimit }
        if member.criminalRecord || member.dishonestDebtor { return Self.negativeList }
        if let until = member.sanctionUntil, until >= asOf { return Self.sanction }
        if let year = member.unqualifiedYear, asOf.year - year <= 3 { return Self.unqualified }
        return nil
    }
}

/// What a seat asks of a member beyond the general checks.
struct SeatRequirement: Equatable {
    /// A party committee seat: a full member.
    var fullMember: Bool
    /// A party committee secretary seat: 24 months since joining.
    var standing: Bool
}

/// The willing members of one community who pass the general checks, ranked once, and which of
/// them the seats filled so far have taken.
struct CandidatePool {
    /// A ranked candidate.
    struct Candidate {
        var member: Int
        var score: Amount
        var isFull: Bool
        var hasStanding: Bool
    }

    let context: CommunityContext
    let module: ChengduPilot
    /// The candidates by ranking: score descending, cadre years descending, id ascending.
    let ranked: [Candidate]
    /// Whether the candidate at each ranking position has a seat.
    var taken: [Bool]
    /// The ranking position of the member selected for the community's first filled party
    /// committee secretary seat.
    var firstSecretary: Int?
    /// Whether one-shoulder has been applied in this community.
    var oneShoulderUsed = false

    init(module: ChengduPilot, context: CommunityContext) {
        self.module = module
        self.context = context
        let asOf = context.asOf
        let windowStart = ChengduPilot.yearWindowStart(asOf)
        var candidates: [Candidate] = []
        for index in context.members.indices where context.members[index].willingToServe {
            let member = context.members[index]
            guard module.generalFailure(member, asOf: asOf) == nil else { continue }
            var hours = Amount.zero
            for event in context.events[index]
            where event.kind == .volunteer && event.date > windowStart && event.date <= asOf {
                hours += event.amount
            }
            candidates.append(
                Candidate(
                    member: index,
                    score: module.score(
                        education: member.education, cadreYears: member.cadreYears, volunteerHours: hours,
                        age: member.birthDate.age(at: asOf)),
                    isFull: member.isFull,
                    hasStanding: member.joinDate.addingMonths(24) <= asOf))
        }
        let members = context.members
        candidates.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            let yearsA = members[a.member].cadreYears
            let yearsB = members[b.member].cadreYears
            if yearsA != yearsB { return yearsA > yearsB }
            return members[a.member].id.utf8Precedes(members[b.member].id)
        }
        ranked = candidates
        taken = Array(repeating: false, count: candidates.count)
    }

    /// What a seat of the post asks beyond the general checks.
    func requirement(for post: Post) -> SeatRequirement {
        SeatRequirement(
            fullMember: post.body == .partyCommittee, standing: post.body == .partyCommittee && post.title == .secretary
        )
    }

    /// Whether the candidate at ranking position `position` meets the seat's own requirement.
    func isEligible(_ position: Int, _ need: SeatRequirement) -> Bool {
        let candidate = ranked[position]
        return (!need.fullMember || candidate.isFull) && (!need.standing || candidate.hasStanding)
    }

    /// The member id of the candidate at `position`.
    func id(_ position: Int) -> String { context.members[ranked[position].member].id }

    /// The score of the candidate at `position`.
    func score(_ position: Int) -> Amount { ranked[position].score }

    /// The original village of the candidate at `position`.
    func village(_ position: Int) -> String { context.members[ranked[position].member].originVillage }

    /// The best-ranked eligible candidate without a seat.
    func best(_ need: SeatRequirement) -> Int? {
        ranked.indices.first { !taken[$0] && isEligible($0, need) }
    }

    /// The best-ranked eligible candidate of each original village without a seat, villages in
    /// the ranking order of those candidates, at most `limit`.
    func villageRepresentatives(_ need: SeatRequirement, limit: Int) -> [Int] {
        var villages: Set<String> = []
        var representatives: [Int] = []
        for position in ranked.indices where representatives.count < limit {
            guard !taken[position], isEligible(position, need) else { continue }
            let village = self.village(position)
            if !village.isEmpty && villages.insert(village).inserted {
                representatives.append(position)
            }
        }
        return representatives
    }

    /// Gives the seat to the candidate at `position`, with the next two eligible candidates
    /// without a seat as alternates.
    mutating func select(_ position: Int, need: SeatRequirement, rule: Rule, reason: Reason) -> SeatDecision {
        taken[position] = true
        var alternates: [String] = []
        for other in ranked.indices where alternates.count < 2 {
            if !taken[other] && isEligible(other, need) { alternates.append(id(other)) }
        }
        return SeatDecision(
            outcome: .selected, rules: [rule], reasons: [reason],
            details: SeatDetails(member: id(position), score: ranked[position].score, alternates: alternates))
    }

    /// A vacant seat, with each willing member's first failing check in its reasons.
    func vacancy(_ need: SeatRequirement) -> SeatDecision {
        var reasons = [ChengduPilot.vacantReason()]
        let asOf = context.asOf
        for member in context.members where member.willingToServe {
            let failure: Reason
            if let rule = module.generalFailure(member, asOf: asOf) {
                failure = failureReason(rule, member)
            } else if need.fullMember && !member.isFull {
                failure = ChengduPilot.probationaryReason(.member(member.id))
            } else if need.standing && member.joinDate.addingMonths(24) > asOf {
                failure = ChengduPilot.tooRecentReason(.member(member.id), .date(member.joinDate))
            } else {
                // Passing every check, the member must already hold a seat, or this one were filled.
                failure = ChengduPilot.alreadySelectedReason(.member(member.id))
            }
            reasons.append(failure)
        }
        return SeatDecision(
            outcome: .vacant, rules: [ChengduPilot.noCandidate], reasons: reasons, details: SeatDetails())
    }

    /// Why a member fails a general check.
    private func failureReason(_ rule: Rule, _ member: Member) -> Reason {
        let id = ReasonArgument.member(member.id)
        let asOf = context.asOf
        switch rule {
        case ChengduPilot.absent:
            return ChengduPilot.absentReason(id, .date(member.awaySince ?? asOf))
        case ChengduPilot.ageLimit:
            return ChengduPilot.ageReason(id, .count(member.birthDate.age(at: asOf)), .count(module.maxAge))
        case ChengduPilot.negativeList:
            return ChengduPilot.negativeListReason(id)
        case ChengduPilot.sanction:
            return ChengduPilot.sanctionReason(id, .date(member.sanctionUntil ?? asOf))
        default:
            return ChengduPilot.unqualifiedReason(id, .count(member.unqualifiedYear ?? asOf.year))
        }
    }
}

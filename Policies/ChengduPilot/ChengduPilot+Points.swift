public import PolicyKit

extension ChengduPilot: PointsPolicy {
    // MARK: Rules, in the spec's order

    /// `points.base`.
    static let base = Rule(
        "points.base", point: .points,
        meaning: Text(zh: "每名党员每半年基础分60分。", en: "Every member starts the half-year with 60 points."))
    /// `points.org-life`.
    static let orgLife = Rule(
        "points.org-life", point: .points,
        meaning: Text(
            zh: "参加组织生活每次加2分，最多加24分。", en: "+2 per organisational life attended, at most +24."))
    /// `points.volunteer`.
    static let volunteer = Rule(
        "points.volunteer", point: .points,
        meaning: Text(zh: "志愿服务每小时加1分，最多加20分。", en: "+1 per hour of volunteer service, at most +20."))
    /// `points.training`.
    static let training = Rule(
        "points.training", point: .points,
        meaning: Text(zh: "参加教育培训每次加2分，最多加6分。", en: "+2 per training attended, at most +6."))
    /// `points.dual-report`.
    static let dualReport = Rule(
        "points.dual-report", point: .points,
        meaning: Text(zh: "到社区双报到的加5分（一次）。", en: "+5, once, for reporting to the community."))
    /// `points.breach`.
    static let breach = Rule(
        "points.breach", point: .points,
        meaning: Text(
            zh: "违反小区公约每次扣5分，不设上限，总分最低为0分。",
            en: "−5 per breach of the subdivision's convention, no limit; the total never falls below 0."))
    /// `points.excellent-cap`.
    static let excellentCap = Rule(
        "points.excellent-cap", point: .points,
        meaning: Text(
            zh: "优秀不超过本社区正式党员的三分之一，按积分从高到低确定，其余90分以上的评为合格。",
            en:
                "At most a third of the community's full members are excellent, by points; the others at 90 or more are qualified."
        ))
    /// `points.letter`.
    static let letter = Rule(
        "points.letter", point: .points,
        meaning: Text(
            zh: "组织关系不在本社区的党员，其积分情况函告其组织关系所在的党组织。",
            en: "For a member whose relation is kept elsewhere, a letter goes to the organisation that keeps it."))

    static let pointsRules = [base, orgLife, volunteer, training, dualReport, breach, excellentCap, letter]

    // MARK: Reasons

    /// A member's points, their breakdown and the grade, in one sentence.
    static let pointsReason = ReasonTemplate(
        "points.total", slots: [.halfYear("period"), .amount("total"), .phrases("breakdown"), .phrase("grade")],
        zh: "{period}积分{total}分（基础分60分{breakdown}），{grade}。",
        en: "{period} points: {total} (base 60{breakdown}); {grade}.")
    /// Points for organisational life.
    static let orgLifePart = ReasonTemplate(
        "points.org-life", slots: [.amount("points")], zh: "，组织生活加{points}分", en: ", organisational life +{points}")
    /// Points for volunteer hours.
    static let volunteerPart = ReasonTemplate(
        "points.volunteer", slots: [.amount("hours"), .amount("points")],
        zh: "，志愿服务{hours}小时加{points}分", en: ", volunteer {hours} hours +{points}")
    /// Points for training.
    static let trainingPart = ReasonTemplate(
        "points.training", slots: [.amount("points")], zh: "，教育培训加{points}分", en: ", training +{points}")
    /// Points for the dual report.
    static let dualReportPart = ReasonTemplate("points.dual-report", zh: "，双报到加5分", en: ", dual report +5")
    /// Points taken for breaches.
    static let breachPart = ReasonTemplate(
        "points.breach", slots: [.amount("points")], zh: "，违反小区公约扣{points}分", en: ", convention breach −{points}")
    /// A probationary member.
    static let notGradedVerdict = ReasonTemplate(
        "points.not-graded", zh: "预备党员不参加评定", en: "a probationary member is not graded")
    /// Left out by the cap on excellent members.
    static let cappedVerdict = ReasonTemplate(
        "points.excellent-cap", slots: [.count("graded"), .count("cap")],
        zh: "达90分，但优秀不超过正式党员{graded}名的三分之一（{cap}名），按积分排序未入选，评为合格",
        en:
            "90 or more, but at most a third of the {graded} full members ({cap}) are excellent and the ranking left this member out: qualified"
    )
    /// Excellent.
    static let excellentVerdict = ReasonTemplate("points.excellent", zh: "90分以上，评为优秀", en: "90 or more: excellent")
    /// Qualified.
    static let qualifiedVerdict = ReasonTemplate("points.qualified", zh: "60分以上，评为合格", en: "60 or more: qualified")
    /// Needs attention.
    static let attentionVerdict = ReasonTemplate("points.attention", zh: "不足60分，需关注", en: "below 60: needs attention")
    /// The letter to the original village.
    static let villageLetter = ReasonTemplate(
        "points.letter-village", slots: [.place("village")],
        zh: "组织关系在原村，积分情况函告原村{village}党组织。",
        en: "The relation is kept at the original village: a letter goes to {village}.")
    /// The letter to an original village not named.
    static let unnamedVillageLetter = ReasonTemplate(
        "points.letter-village-unnamed",
        zh: "组织关系在原村，积分情况函告原村党组织（原村名称未填）。",
        en: "The relation is kept at the original village (not named): a letter goes to it.")
    /// The letter to the work unit.
    static let unitLetter = ReasonTemplate(
        "points.letter-unit", slots: [.place("unit")],
        zh: "组织关系在工作单位，积分情况函告{unit}党组织。", en: "The relation is kept at the work unit: a letter goes to {unit}.")
    /// The letter to a work unit not named.
    static let unnamedUnitLetter = ReasonTemplate(
        "points.letter-unit-unnamed",
        zh: "组织关系在工作单位，积分情况函告工作单位党组织（单位名称未填）。",
        en: "The relation is kept at the work unit (not named): a letter goes to it.")
    /// The letter to the organisation elsewhere.
    static let elsewhereLetter = ReasonTemplate(
        "points.letter-elsewhere",
        zh: "组织关系在其他地方，积分情况函告其组织关系所在党组织。",
        en: "The relation is kept elsewhere: a letter goes to the organisation that keeps it.")

    static let pointsReasons = [
        pointsReason, orgLifePart, volunteerPart, trainingPart, dualReportPart, breachPart, notGradedVerdict,
        cappedVerdict, excellentVerdict, qualifiedVerdict, attentionVerdict, villageLetter, unnamedVillageLetter,
        unitLetter, unnamedUnitLetter, elsewhereLetter,
    ]

    /// Each member's points for the half-year holding the as-of date, and the grade of each full
    /// member, with at most a third of them excellent.
    public func gradePoints(in context: CommunityContext) -> [PointsDecision] {
        let members = context.members
        let period = context.asOf.halfYear
        let tallies = members.indices.map { index in
            PointsTally(context.events(ofMemberAt: index, in: context.halfYearSoFar))
        }

        // The excellent cap: floor(graded / 3) of those at 90 or more, by points then id.
        let graded = context.fullMemberCount
        let cap = graded / 3
        let ninety = Amount(90)
        var high = members.indices.filter { members[$0].isFull && tallies[$0].total >= ninety }
        var capped = Array(repeating: false, count: members.count)
        if high.count > cap {
            high.sort { a, b in
                let (totalA, totalB) = (tallies[a].total, tallies[b].total)
                return totalA != totalB ? totalA > totalB : members[a].id.utf8Precedes(members[b].id)
            }
            for index in high[cap...] { capped[index] = true }
        }

        return members.indices.map { index in
            let tally = tallies[index]
            let total = tally.total
            var rules: [Rule] = []
            let grade: Grade
            let verdict: Reason
            if !members[index].isFull {
                grade = .notGraded
                verdict = Self.notGradedVerdict()
            } else if capped[index] {
                grade = .qualified
                rules.append(Self.excellentCap)
                verdict = Self.cappedVerdict(.count(graded), .count(cap))
            } else if total >= ninety {
                grade = .excellent
                verdict = Self.excellentVerdict()
            } else if total >= Amount(60) {
                grade = .qualified
                verdict = Self.qualifiedVerdict()
            } else {
                grade = .attention
                verdict = Self.attentionVerdict()
            }
            rules += tally.rules
            var reasons = [
                Self.pointsReason(
                    .halfYear(period), .amount(total), .phrases(tally.breakdown, separator: Text(zh: "", en: "")),
                    .phrase(verdict))
            ]
            var letterTo: String?
            switch members[index].relation {
            case .community:
                break
            case .originVillage:
                let village = members[index].originVillage
                letterTo = "village:" + village
                reasons.append(village.isEmpty ? Self.unnamedVillageLetter() : Self.villageLetter(.place(village)))
            case .workUnit:
                let employer = members[index].employer
                letterTo = "unit:" + employer
                reasons.append(employer.isEmpty ? Self.unnamedUnitLetter() : Self.unitLetter(.place(employer)))
            case .elsewhere:
                letterTo = "elsewhere"
                reasons.append(Self.elsewhereLetter())
            }
            if letterTo != nil { rules.append(Self.letter) }
            return PointsDecision(
                outcome: grade, rules: rules, reasons: reasons,
                details: PointsDetails(period: period, points: total, letterTo: letterTo))
        }
    }
}

/// One member's ledger events of the half-year, summed by kind.
struct PointsTally {
    var orgLife = Amount.zero
    var volunteer = Amount.zero
    var training = Amount.zero
    var breach = Amount.zero
    var hasOrgLife = false
    var hasVolunteer = false
    var hasTraining = false
    var hasDualReport = false
    var hasBreach = false

    /// Sums the events of the period.
    init(_ events: some Sequence<LedgerEvent>) {
        for event in events {
            switch event.kind {
            case .orgLife:
                orgLife += event.amount
                hasOrgLife = true
            case .volunteer:
                volunteer += event.amount
                hasVolunteer = true
            case .training:
                training += event.amount
                hasTraining = true
            case .dualReport:
                hasDualReport = true
            case .conventionBreach:
                breach += event.amount
                hasBreach = true
            case .cityTraining, .electionVote:
                break
            }
        }
    }

    var orgLifePoints: Amount { min(orgLife * 2, Amount(24)) }
    var volunteerPoints: Amount { min(volunteer, Amount(20)) }
    var trainingPoints: Amount { min(training * 2, Amount(6)) }
    var dualReportPoints: Amount { hasDualReport ? Amount(5) : .zero }
    var breachPoints: Amount { breach * 5 }

    /// The points: 60 plus the capped additions, less the breaches, never below 0.
    var total: Amount {
        max(Amount(60) + orgLifePoints + volunteerPoints + trainingPoints + dualReportPoints - breachPoints, .zero)
    }

    /// `points.base` and the rules that contributed, in the spec's order.
    var rules: [Rule] {
        var rules = [ChengduPilot.base]
        if hasOrgLife { rules.append(ChengduPilot.orgLife) }
        if hasVolunteer { rules.append(ChengduPilot.volunteer) }
        if hasTraining { rules.append(ChengduPilot.training) }
        if hasDualReport { rules.append(ChengduPilot.dualReport) }
        if hasBreach { rules.append(ChengduPilot.breach) }
        return rules
    }

    /// The parts of the points beyond the base, for the reason.
    var breakdown: [Reason] {
        var parts: [Reason] = []
        if hasOrgLife { parts.append(ChengduPilot.orgLifePart(.amount(orgLifePoints))) }
        if hasVolunteer { parts.append(ChengduPilot.volunteerPart(.amount(volunteer), .amount(volunteerPoints))) }
        if hasTraining { parts.append(ChengduPilot.trainingPart(.amount(trainingPoints))) }
        if hasDualReport { parts.append(ChengduPilot.dualReportPart()) }
        if hasBreach { parts.append(ChengduPilot.breachPart(.amount(breachPoints))) }
        return parts
    }
}

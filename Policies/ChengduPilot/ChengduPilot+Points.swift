public import PolicyKit

extension ChengduPilot: PointsPolicy {
    /// The rules of the `points` point (积分管理、函告), in the spec's order.
    static let pointsRules: [RuleInfo] = [
        RuleInfo(
            "points.base", point: .points,
            meaning: Reason(zh: "每名党员每半年基础分60分。", en: "Every member starts the half-year with 60 points.")),
        RuleInfo(
            "points.org-life", point: .points,
            meaning: Reason(
                zh: "参加组织生活每次加2分，最多加24分。", en: "+2 per organisational life attended, at most +24.")),
        RuleInfo(
            "points.volunteer", point: .points,
            meaning: Reason(zh: "志愿服务每小时加1分，最多加20分。", en: "+1 per hour of volunteer service, at most +20.")),
        RuleInfo(
            "points.training", point: .points,
            meaning: Reason(zh: "参加教育培训每次加2分，最多加6分。", en: "+2 per training attended, at most +6.")),
        RuleInfo(
            "points.dual-report", point: .points,
            meaning: Reason(zh: "到社区双报到的加5分（一次）。", en: "+5, once, for reporting to the community.")),
        RuleInfo(
            "points.breach", point: .points,
            meaning: Reason(
                zh: "违反小区公约每次扣5分，不设上限，总分最低为0分。",
                en: "−5 per breach of the subdivision's convention, no limit; the total never falls below 0.")),
        RuleInfo(
            "points.excellent-cap", point: .points,
            meaning: Reason(
                zh: "优秀不超过本社区正式党员的三分之一，按积分从高到低确定，其余90分以上的评为合格。",
                en:
                    "At most a third of the community's full members are excellent, by points; the others at 90 or more are qualified."
            )),
        RuleInfo(
            "points.letter", point: .points,
            meaning: Reason(
                zh: "组织关系不在本社区的党员，其积分情况函告其组织关系所在的党组织。",
                en: "For a member whose relation is kept elsewhere, a letter goes to the organisation that keeps it.")),
    ]

    /// Each member's points for the half-year holding the as-of date, and the grade of each full
    /// member, with at most a third of them excellent.
    public func gradePoints(in context: CommunityContext) -> [PointsDecision] {
        let asOf = context.asOf
        let period = asOf.halfYear
        let periodStart = period.start
        let members = context.members
        var tallies: [PointsTally] = []
        tallies.reserveCapacity(members.count)
        for index in members.indices {
            var tally = PointsTally()
            for event in context.events[index] where event.date >= periodStart && event.date <= asOf {
                tally.add(event)
            }
            tallies.append(tally)
        }
        let totals = tallies.map(\.total)

        // The excellent cap: floor(graded / 3) of those at 90 or more, by points then id.
        let graded = context.fullMemberCount
        let cap = graded / 3
        let ninety = Amount(90)
        var high = members.indices.filter { members[$0].isFull && totals[$0] >= ninety }
        var capped = Array(repeating: false, count: members.count)
        if high.count > cap {
            high.sort { a, b in
                totals[a] != totals[b] ? totals[a] > totals[b] : members[a].id.utf8Precedes(members[b].id)
            }
            for index in high[cap...] { capped[index] = true }
        }

        let periodText = "\(period.year)年\(period.isSecondHalf ? "下" : "上")半年"
        var decisions: [PointsDecision] = []
        decisions.reserveCapacity(members.count)
        for (index, member) in members.enumerated() {
            let tally = tallies[index]
            let total = totals[index]
            var rules: [String] = []
            var reasons: [Reason] = [tally.reason(total: total, periodText: periodText, period: period)]
            let grade: Grade
            if !member.isFull {
                grade = .notGraded
                reasons.append(Reason(zh: "预备党员，不参加评定。", en: "A probationary member is not graded."))
            } else if capped[index] {
                grade = .qualified
                rules.append("points.excellent-cap")
                reasons.append(
                    Reason(
                        zh: "积分达90分，但优秀不超过正式党员\(graded)名的三分之一（\(cap)名），按积分排序未入选，评为合格。",
                        en:
                            "90 or more, but at most a third of the \(graded) full members (\(cap)) are excellent and the ranking left this member out: qualified."
                    ))
            } else if total >= ninety {
                grade = .excellent
                reasons.append(Reason(zh: "积分90分以上，评为优秀。", en: "90 points or more: excellent."))
            } else if total >= Amount(60) {
                grade = .qualified
                reasons.append(Reason(zh: "积分60分以上，评为合格。", en: "60 points or more: qualified."))
            } else {
                grade = .attention
                reasons.append(Reason(zh: "积分不足60分，需关注。", en: "Below 60 points: needs attention."))
            }
            tally.appendRules(to: &rules)
            var letterTo: String?
            switch member.relation {
            case .community:
                break
            case .originVillage:
                letterTo = "village:\(member.originVillage)"
                reasons.append(
                    Reason(
                        zh: "组织关系在原村，积分情况函告原村\(member.originVillage)党组织。",
                        en: "The relation is kept at the original village: a letter goes to \(member.originVillage)."))
            case .workUnit:
                letterTo = "unit:\(member.employer)"
                reasons.append(
                    Reason(
                        zh: "组织关系在工作单位，积分情况函告\(member.employer)党组织。",
                        en: "The relation is kept at the work unit: a letter goes to \(member.employer)."))
            case .elsewhere:
                letterTo = "elsewhere"
                reasons.append(
                    Reason(
                        zh: "组织关系在其他地方，积分情况函告其组织关系所在党组织。",
                        en: "The relation is kept elsewhere: a letter goes to the organisation that keeps it."))
            }
            if letterTo != nil { rules.append("points.letter") }
            decisions.append(
                PointsDecision(
                    outcome: grade, rules: rules, reasons: reasons,
                    details: PointsDetails(period: period, points: total, letterTo: letterTo)))
        }
        return decisions
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

    /// Counts one event of the period.
    mutating func add(_ event: LedgerEvent) {
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

    var orgLifePoints: Amount { min(orgLife * 2, Amount(24)) }
    var volunteerPoints: Amount { min(volunteer, Amount(20)) }
    var trainingPoints: Amount { min(training * 2, Amount(6)) }
    var dualReportPoints: Amount { hasDualReport ? Amount(5) : .zero }
    var breachPoints: Amount { breach * 5 }

    /// The points: 60 plus the capped additions, less the breaches, never below 0.
    var total: Amount {
        max(Amount(60) + orgLifePoints + volunteerPoints + trainingPoints + dualReportPoints - breachPoints, .zero)
    }

    /// Appends `points.base` and the ids of the rules that contributed, in the spec's order.
    func appendRules(to rules: inout [String]) {
        rules.append("points.base")
        if hasOrgLife { rules.append("points.org-life") }
        if hasVolunteer { rules.append("points.volunteer") }
        if hasTraining { rules.append("points.training") }
        if hasDualReport { rules.append("points.dual-report") }
        if hasBreach { rules.append("points.breach") }
    }

    /// The breakdown of the points, in one sentence.
    func reason(total: Amount, periodText: String, period: HalfYear) -> Reason {
        var chinese = "\(periodText)积分\(total)分：基础分60分"
        var english = "\(period) points: \(total) (base 60"
        if hasOrgLife {
            chinese += "，组织生活加\(orgLifePoints)分"
            english += ", organisational life +\(orgLifePoints)"
        }
        if hasVolunteer {
            chinese += "，志愿服务\(volunteer)小时加\(volunteerPoints)分"
            english += ", volunteer \(volunteer) hours +\(volunteerPoints)"
        }
        if hasTraining {
            chinese += "，教育培训加\(trainingPoints)分"
            english += ", training +\(trainingPoints)"
        }
        if hasDualReport {
            chinese += "，双报到加5分"
            english += ", dual report +5"
        }
        if hasBreach {
            chinese += "，违反小区公约扣\(breachPoints)分"
            english += ", convention breach −\(breachPoints)"
        }
        return Reason(zh: chinese + "。", en: english + ").")
    }
}

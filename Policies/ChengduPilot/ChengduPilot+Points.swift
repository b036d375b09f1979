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
        var tallies: [PointsTally] = []
        tallies.reserveCapacity(context.events.count)
        for index in context.events.indices {
            var tally = PointsTally()
            for event in context.events[index] where event.date >= periodStart && event.date <= asOf {
                tally.add(event)
            }
            tallies.append(tally)
        }
        let totals = tallies.map(\.total)

        // Members are read through a buffer pointer: borrowed, not copied.
        return context.members.withUnsafeBufferPointer { members in
            grade(members, tallies: tallies, totals: totals, graded: fullMembers(context), period: period)
        }
    }

    /// The grades, letters and reasons of the members, given their tallies and points.
    private func grade(
        _ members: UnsafeBufferPointer<Member>, tallies: [PointsTally], totals: [Amount], graded: Int,
        period: HalfYear
    ) -> [PointsDecision] {
        // The excellent cap: floor(graded / 3) of those at 90 or more, by points then id.
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
        let periodName = period.description
        var decisions: [PointsDecision] = []
        decisions.reserveCapacity(members.count)
        // Members with the same tally and verdict have the same reason, word for word: it is
        // written once per community and shared (most members fall into a few dozen tallies).
        var reasonsByTally: [ReasonKey: Reason] = [:]
        // Likewise the letter to each village or work unit.
        var villageLetters = Letters()
        var unitLetters = Letters()
        for index in members.indices {
            let tally = tallies[index]
            let total = totals[index]
            let relation = members[index].relation
            var rules: [String] = []
            rules.reserveCapacity(capped[index] ? 3 : 2)
            let grade: Grade
            let verdict: (zh: String, en: String)
            if !members[index].isFull {
                grade = .notGraded
                verdict = ("预备党员不参加评定", "a probationary member is not graded")
            } else if capped[index] {
                grade = .qualified
                rules.append("points.excellent-cap")
                verdict = (
                    "达90分，但优秀不超过正式党员\(graded)名的三分之一（\(cap)名），按积分排序未入选，评为合格",
                    "90 or more, but at most a third of the \(graded) full members (\(cap)) are excellent and the ranking left this member out: qualified"
                )
            } else if total >= ninety {
                grade = .excellent
                verdict = ("90分以上，评为优秀", "90 or more: excellent")
            } else if total >= Amount(60) {
                grade = .qualified
                verdict = ("60分以上，评为合格", "60 or more: qualified")
            } else {
                grade = .attention
                verdict = ("不足60分，需关注", "below 60: needs attention")
            }
            tally.appendRules(to: &rules)
            let key = ReasonKey(tally: tally, grade: grade, capped: capped[index])
            let reason: Reason
            if let known = reasonsByTally[key] {
                reason = known
            } else {
                reason = tally.reason(total: total, periodText: periodText, periodName: periodName, verdict: verdict)
                reasonsByTally[key] = reason
            }
            var reasons = [reason]
            var letterTo: String?
            switch relation {
            case .community:
                break
            case .originVillage:
                let village = members[index].originVillage
                let letter = villageLetters.letter(to: village, code: "village:") {
                    village.isEmpty
                        ? Reason(
                            zh: "组织关系在原村，积分情况函告原村党组织（原村名称未填）。",
                            en: "The relation is kept at the original village (not named): a letter goes to it.")
                        : Reason(
                            zh: "组织关系在原村，积分情况函告原村\(village)党组织。",
                            en: "The relation is kept at the original village: a letter goes to \(village).")
                }
                letterTo = letter.to
                reasons.append(letter.reason)
            case .workUnit:
                let employer = members[index].employer
                let letter = unitLetters.letter(to: employer, code: "unit:") {
                    employer.isEmpty
                        ? Reason(
                            zh: "组织关系在工作单位，积分情况函告工作单位党组织（单位名称未填）。",
                            en: "The relation is kept at the work unit (not named): a letter goes to it.")
                        : Reason(
                            zh: "组织关系在工作单位，积分情况函告\(employer)党组织。",
                            en: "The relation is kept at the work unit: a letter goes to \(employer).")
                }
                letterTo = letter.to
                reasons.append(letter.reason)
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

/// The letters already written in a community, by the village or work unit they go to.
///
/// Found by the name as a `String` (which compares canonically equivalent texts as equal) but
/// reused only when the bytes are the same, so a name is always written as its member's row has it.
private struct Letters {
    private var byName: [String: (name: String, to: String, reason: Reason)] = [:]

    /// The letter to `name`: where it goes (`code` followed by the name) and its reason, made by
    /// `reason` the first time the name's bytes are met.
    mutating func letter(
        to name: String, code: String, _ reason: () -> Reason
    ) -> (to: String, reason: Reason) {
        if let known = byName[name], known.name.utf8.elementsEqual(name.utf8) { return (known.to, known.reason) }
        let made = (to: code + name, reason: reason())
        if byName[name] == nil { byName[name] = (name, made.to, made.reason) }
        return made
    }
}

/// What a member's points reason depends on, besides the community's period and cap.
private struct ReasonKey: Hashable {
    let tally: PointsTally
    let grade: Grade
    let capped: Bool
}

/// One member's ledger events of the half-year, summed by kind.

struct PointsTally: Hashable {
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

    /// The points, their breakdown and the grade, in one sentence.
    func reason(
        total: Amount, periodText: String, periodName: String, verdict: (zh: String, en: String)
    ) -> Reason {
        var chinese = TextBuffer(capacity: 256)
        var english = TextBuffer(capacity: 192)
        chinese.add(periodText)
        chinese.add("积分")
        chinese.add(total)
        chinese.add("分（基础分60分")
        english.add(periodName)
        english.add(" points: ")
        english.add(total)
        english.add(" (base 60")
        if hasOrgLife {
            chinese.add("，组织生活加")
            chinese.add(orgLifePoints)
            chinese.add("分")
            english.add(", organisational life +")
            english.add(orgLifePoints)
        }
        if hasVolunteer {
            chinese.add("，志愿服务")
            chinese.add(volunteer)
            chinese.add("小时加")
            chinese.add(volunteerPoints)
            chinese.add("分")
            english.add(", volunteer ")
            english.add(volunteer)
            english.add(" hours +")
            english.add(volunteerPoints)
        }
        if hasTraining {
            chinese.add("，教育培训加")
            chinese.add(trainingPoints)
            chinese.add("分")
            english.add(", training +")
            english.add(trainingPoints)
        }
        if hasDualReport {
            chinese.add("，双报到加5分")
            english.add(", dual report +5")
        }
        if hasBreach {
            chinese.add("，违反小区公约扣")
            chinese.add(breachPoints)
            chinese.add("分")
            english.add(", convention breach −")
            english.add(breachPoints)
        }
        chinese.add("），")
        chinese.add(verdict.zh)
        chinese.add("。")
        english.add("); ")
        english.add(verdict.en)
        english.add(".")
        return Reason(zh: chinese.string, en: english.string)
    }
}

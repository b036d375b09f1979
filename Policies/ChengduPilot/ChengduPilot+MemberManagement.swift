public import PolicyKit

extension ChengduPilot: MemberManagementPolicy {
    // MARK: Rules, in the spec's order: the four kinds of management, then the alerts

    /// Away long enough: dynamic management.
    static let mobile = Rule(
        "manage.mobile", point: .memberManagement,
        meaning: Text(
            zh: "外出务工经商满规定月数的，为流动党员，实行动态管理。",
            en: "Away for work or business for `mobileAfterMonths` months or more: a mobile member, dynamic management."
        ))
    /// In service with the relation at the work unit: joint management.
    static let inService = Rule(
        "manage.in-service", point: .memberManagement,
        meaning: Text(
            zh: "在职党员、组织关系在工作单位的，实行共同管理，须双报到。",
            en: "In service with the relation at the work unit: joint management, reporting to both."))
    /// The relation kept outside the community: dual management.
    static let relationOutside = Rule(
        "manage.relation-outside", point: .memberManagement,
        meaning: Text(zh: "组织关系不在本社区的，实行双重管理。", en: "The relation is kept outside the community: dual management."))
    /// Everyone else: grid management.
    static let grid = Rule(
        "manage.grid", point: .memberManagement,
        meaning: Text(
            zh: "其他党员纳入所在小区（楼栋）网格，实行网格管理。",
            en: "Every other member: grid management in the member's subdivision (or building)."))
    /// A transfer letter never lodged.
    static let pocketMember = Rule(
        "alert.pocket-member", point: .memberManagement,
        meaning: Text(
            zh: "组织关系介绍信开出超过规定月数仍未转接的，为口袋党员。",
            en: "A transfer letter unlodged for more than `letterValidMonths` months: a pocket member."))
    /// No organisational life for six months.
    static let lapsed = Rule(
        "alert.lapsed", point: .memberManagement,
        meaning: Text(zh: "超过6个月未参加组织生活的，予以提醒。", en: "No organisational life for more than 6 months."))
    /// A mobile member's four-clear facts incomplete.
    static let fourClear = Rule(
        "alert.four-clear", point: .memberManagement,
        meaning: Text(
            zh: "流动党员去向、联系方式、从事职业不清的（四清不全），予以提醒。",
            en: "A mobile member's whereabouts, contact or occupation is not known (four-clear incomplete)."))
    /// An in-service member who has not reported this half-year.
    static let notReported = Rule(
        "alert.not-reported", point: .memberManagement,
        meaning: Text(
            zh: "在职党员本半年度未到社区双报到的，予以提醒。",
            en: "An in-service member under joint management has not reported to the community this half-year."))

    static let managementRules = [
        mobile, inService, relationOutside, grid, pocketMember, lapsed, fourClear, notReported,
    ]

    // MARK: Reasons

    /// Dynamic management.
    static let awayReason = ReasonTemplate(
        "manage.mobile", slots: [.date("since"), .count("months")],
        zh: "自{since}外出，已满{months}个月，为流动党员，实行动态管理。",
        en: "Away since {since}, {months} months or more: a mobile member under dynamic management.")
    /// Joint management.
    static let inServiceReason = ReasonTemplate(
        "manage.in-service",
        zh: "在职党员，组织关系在工作单位，实行共同管理，须双报到。",
        en: "In service with the relation at the work unit: joint management, reporting to both.")
    /// Dual management.
    static let relationOutsideReason = ReasonTemplate(
        "manage.relation-outside", slots: [.term("where")],
        zh: "组织关系在{where}，实行双重管理。", en: "The relation is kept {where}: dual management.")
    /// Grid management.
    static let gridReason = ReasonTemplate(
        "manage.grid", slots: [.place("grid")],
        zh: "组织关系在本社区，纳入网格{grid}，实行网格管理。",
        en: "The relation is with the community: grid management in {grid}.")
    /// A pocket member.
    static let pocketMemberReason = ReasonTemplate(
        "alert.pocket-member", slots: [.date("issued"), .count("months")],
        zh: "组织关系介绍信于{issued}开出，超过{months}个月未转接，为口袋党员。",
        en: "A transfer letter issued on {issued} is unlodged after {months} months: a pocket member.")
    /// Lapsed, with a last organisational life on record.
    static let lapsedReason = ReasonTemplate(
        "alert.lapsed", slots: [.date("last")],
        zh: "最近一次参加组织生活为{last}，已超过6个月。", en: "Last organisational life on {last}, more than 6 months ago.")
    /// Lapsed, with none on record.
    static let neverAttendedReason = ReasonTemplate(
        "alert.lapsed-never",
        zh: "无参加组织生活记录，入党已超过6个月。", en: "No organisational life on record, more than 6 months after joining.")
    /// Four-clear incomplete.
    static let fourClearReason = ReasonTemplate(
        "alert.four-clear", slots: [.phrases("missing")],
        zh: "流动党员四清不全，缺{missing}。", en: "Four-clear incomplete, not known: {missing}.")
    /// One of the four-clear facts.
    static let whereabouts = ReasonTemplate("four-clear.whereabouts", zh: "去向", en: "whereabouts")
    /// One of the four-clear facts.
    static let contact = ReasonTemplate("four-clear.contact", zh: "联系方式", en: "contact")
    /// One of the four-clear facts.
    static let occupation = ReasonTemplate("four-clear.occupation", zh: "从事职业", en: "occupation")
    /// Not reported this half-year.
    static let notReportedReason = ReasonTemplate(
        "alert.not-reported", slots: [.halfYear("half")],
        zh: "{half}未到社区双报到。", en: "No report to the community in {half} so far.")

    static let managementReasons = [
        awayReason, inServiceReason, relationOutsideReason, gridReason, pocketMemberReason, lapsedReason,
        neverAttendedReason, fourClearReason, whereabouts, contact, occupation, notReportedReason,
    ]

    /// How the member is managed (四类管理), with the alerts the community should follow up.
    public func decideManagement(ofMemberAt index: Int, in context: CommunityContext) -> ManagementDecision {
        let member = context.members[index]
        let asOf = context.asOf
        let outcome: ManagementClass
        var rules: [Rule] = []
        var reasons: [Reason] = []
        var grid: String?
        if let away = member.awaySince, away.addingMonths(mobileAfterMonths) <= asOf {
            outcome = .dynamic
            rules.append(Self.mobile)
            reasons.append(Self.awayReason(.date(away), .count(mobileAfterMonths)))
        } else if member.employment == .inService && member.relation == .workUnit {
            outcome = .joint
            rules.append(Self.inService)
            reasons.append(Self.inServiceReason())
        } else if member.relation != .community {
            outcome = .dual
            rules.append(Self.relationOutside)
            reasons.append(Self.relationOutsideReason(.term(Self.keptAt(member.relation))))
        } else {
            outcome = .grid
            let cell = context.gridCell(ofMemberAt: index, byBuilding: gridGranularity == .building)
            grid = cell
            rules.append(Self.grid)
            reasons.append(Self.gridReason(.place(cell)))
        }

        var alerts: [ManagementAlert] = []
        if let letter = member.letterIssued, member.relation != .community,
            letter.addingMonths(letterValidMonths) < asOf
        {
            alerts.append(.pocketMember)
            rules.append(Self.pocketMember)
            reasons.append(Self.pocketMemberReason(.date(letter), .count(letterValidMonths)))
        }
        if let last = member.lastOrgLife {
            if last.addingMonths(6) < asOf {
                alerts.append(.lapsed)
                rules.append(Self.lapsed)
                reasons.append(Self.lapsedReason(.date(last)))
            }
        } else if member.joinDate.addingMonths(6) < asOf {
            alerts.append(.lapsed)
            rules.append(Self.lapsed)
            reasons.append(Self.neverAttendedReason())
        }
        if outcome == .dynamic {
            var missing: [Reason] = []
            if member.awayPlace.isEmpty { missing.append(Self.whereabouts()) }
            if member.phone.isEmpty { missing.append(Self.contact()) }
            if member.occupation.isEmpty { missing.append(Self.occupation()) }
            if !missing.isEmpty {
                alerts.append(.fourClearIncomplete)
                rules.append(Self.fourClear)
                reasons.append(Self.fourClearReason(.phrases(missing, separator: Text(zh: "、", en: ", "))))
            }
        }
        if outcome == .joint && !context.hasEvent(.dualReport, ofMemberAt: index, in: context.halfYearSoFar) {
            alerts.append(.notReported)
            rules.append(Self.notReported)
            reasons.append(Self.notReportedReason(.halfYear(asOf.halfYear)))
        }
        alerts.sort()
        return ManagementDecision(
            outcome: outcome, rules: rules, reasons: reasons, details: ManagementDetails(grid: grid, alerts: alerts))
    }

    /// Where a relation kept outside the community is kept, as the dual-management reason says it.
    static func keptAt(_ relation: Relation) -> Text {
        switch relation {
        case .originVillage: Text(zh: "原村", en: "at the original village")
        case .workUnit: Text(zh: "工作单位", en: "at the work unit")
        case .community: Text(zh: "本社区", en: "with this community")
        case .elsewhere: Text(zh: "其他地方", en: "elsewhere")
        }
    }
}

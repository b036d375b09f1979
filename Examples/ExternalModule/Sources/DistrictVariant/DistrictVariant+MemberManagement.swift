public import PolicyKit

extension DistrictVariant: MemberManagementPolicy {
    // MARK: Rules, in the order they are tried

    /// Away long enough: dynamic management.
    static let mobile = Rule(
        "variant.mobile", point: .memberManagement,
        meaning: Text(
            zh: "外出务工经商满规定月数（默认3个月）的，为流动党员，实行动态管理。",
            en: "Away for work or business `mobileAfterMonths` months (3 by default): dynamic management."))
    /// In service with the relation at the work unit: joint management.
    static let inService = Rule(
        "variant.in-service", point: .memberManagement,
        meaning: Text(
            zh: "在职党员、组织关系在工作单位的，实行共同管理。",
            en: "In service with the relation at the work unit: joint management."))
    /// The relation kept outside the community: dual management.
    static let relationOutside = Rule(
        "variant.relation-outside", point: .memberManagement,
        meaning: Text(zh: "组织关系不在本社区的，实行双重管理。", en: "The relation is kept outside the community: dual management."))
    /// Everyone else: a grid per building.
    static let gridBuilding = Rule(
        "variant.grid-building", point: .memberManagement,
        meaning: Text(zh: "其他党员按所在楼栋划分网格，实行网格管理。", en: "Every other member: grid management in the member's building."))
    /// A mobile member who cannot be reached.
    static let fourClear = Rule(
        "variant.alert-four-clear", point: .memberManagement,
        meaning: Text(
            zh: "流动党员去向或联系方式不清的，予以提醒（四清不全）。",
            en: "A mobile member whose whereabouts or contact is unknown: the four-clear alert."))

    static let managementRules = [mobile, inService, relationOutside, gridBuilding, fourClear]

    // MARK: Reasons

    /// Dynamic management.
    static let awayReason = ReasonTemplate(
        "variant.mobile", slots: [.date("since"), .count("months")],
        zh: "自{since}外出，已满{months}个月，为流动党员，实行动态管理。",
        en: "Away since {since}, {months} months or more: a mobile member, dynamic management.")
    /// Four-clear incomplete.
    static let unreachableReason = ReasonTemplate(
        "variant.alert-four-clear",
        zh: "去向或联系方式不清，四清不全。", en: "The member's whereabouts or contact is not known: four-clear incomplete.")
    /// Joint management.
    static let inServiceReason = ReasonTemplate(
        "variant.in-service",
        zh: "在职党员，组织关系在工作单位，实行共同管理。", en: "In service with the relation at the work unit: joint management.")
    /// Dual management.
    static let relationOutsideReason = ReasonTemplate(
        "variant.relation-outside", slots: [.term("relation")],
        zh: "组织关系在{relation}，实行双重管理。", en: "The relation is not with the community ({relation}): dual management.")
    /// Grid management by building.
    static let gridReason = ReasonTemplate(
        "variant.grid-building", slots: [.place("grid")],
        zh: "按楼栋纳入网格{grid}，实行网格管理。", en: "Grid management in the building's grid {grid}.")

    static let managementReasons = [awayReason, unreachableReason, inServiceReason, relationOutsideReason, gridReason]

    /// Dynamic, joint, dual or grid management, in that order of precedence, with the four-clear
    /// alert on a mobile member who cannot be reached.
    public func decideManagement(ofMemberAt index: Int, in context: CommunityContext) -> ManagementDecision {
        let member = context.members[index]
        if let away = member.awaySince, away.addingMonths(mobileAfterMonths) <= context.asOf {
            var rules = [Self.mobile]
            var reasons = [Self.awayReason(.date(away), .count(mobileAfterMonths))]
            var alerts: [ManagementAlert] = []
            if member.awayPlace.isEmpty || member.phone.isEmpty {
                alerts.append(.fourClearIncomplete)
                rules.append(Self.fourClear)
                reasons.append(Self.unreachableReason())
            }
            return ManagementDecision(
                outcome: .dynamic, rules: rules, reasons: reasons, details: ManagementDetails(alerts: alerts))
        }
        if member.employment == .inService && member.relation == .workUnit {
            return ManagementDecision(
                outcome: .joint, rules: [Self.inService], reasons: [Self.inServiceReason()],
                details: ManagementDetails())
        }
        if member.relation != .community {
            return ManagementDecision(
                outcome: .dual, rules: [Self.relationOutside],
                reasons: [Self.relationOutsideReason(.term(member.relation.term))], details: ManagementDetails())
        }
        let grid = context.gridCell(ofMemberAt: index, byBuilding: true)
        return ManagementDecision(
            outcome: .grid, rules: [Self.gridBuilding], reasons: [Self.gridReason(.place(grid))],
            details: ManagementDetails(grid: grid))
    }
}

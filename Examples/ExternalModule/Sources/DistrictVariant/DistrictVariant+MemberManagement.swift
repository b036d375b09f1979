public import PolicyKit

extension DistrictVariant: MemberManagementPolicy {
    /// The rules of the `member_management` point, in the order they are tried.
    static let managementRules: [RuleInfo] = [
        RuleInfo(
            "variant.mobile", point: .memberManagement,
            meaning: Reason(
                zh: "外出务工经商满规定月数（默认3个月）的，为流动党员，实行动态管理。",
                en: "Away for work or business `mobileAfterMonths` months (3 by default): dynamic management.")),
        RuleInfo(
            "variant.in-service", point: .memberManagement,
            meaning: Reason(
                zh: "在职党员、组织关系在工作单位的，实行共同管理。",
                en: "In service with the relation at the work unit: joint management.")),
        RuleInfo(
            "variant.relation-outside", point: .memberManagement,
            meaning: Reason(
                zh: "组织关系不在本社区的，实行双重管理。",
                en: "The relation is kept outside the community: dual management.")),
        RuleInfo(
            "variant.grid-building", point: .memberManagement,
            meaning: Reason(
                zh: "其他党员按所在楼栋划分网格，实行网格管理。",
                en: "Every other member: grid management in the member's building.")),
        RuleInfo(
            "variant.alert-four-clear", point: .memberManagement,
            meaning: Reason(
                zh: "流动党员去向或联系方式不清的，予以提醒（四清不全）。",
                en: "A mobile member whose whereabouts or contact is unknown: the four-clear alert.")),
    ]

    /// Dynamic, joint, dual or grid management, in that order of precedence, with the four-clear
    /// alert on a mobile member who cannot be reached.
    public func decideManagement(ofMemberAt index: Int, in context: CommunityContext) -> ManagementDecision {
        let member = context.members[index]
        if let away = member.awaySince, away.addingMonths(mobileAfterMonths) <= context.asOf {
            var rules = ["variant.mobile"]
            var reasons = [
                Reason(
                    zh: "自\(away.chineseText)外出，已满\(mobileAfterMonths)个月，为流动党员，实行动态管理。",
                    en: "Away since \(away), \(mobileAfterMonths) months or more: a mobile member, dynamic management.")
            ]
            var alerts: [ManagementAlert] = []
            if member.awayPlace.isEmpty || member.phone.isEmpty {
                alerts.append(.fourClearIncomplete)
                rules.append("variant.alert-four-clear")
                reasons.append(
                    Reason(
                        zh: "去向或联系方式不清，四清不全。",
                        en: "The member's whereabouts or contact is not known: four-clear incomplete."))
            }
            return ManagementDecision(
                outcome: .dynamic, rules: rules, reasons: reasons, details: ManagementDetails(alerts: alerts))
        }
        if member.employment == .inService && member.relation == .workUnit {
            return ManagementDecision(
                outcome: .joint, rules: ["variant.in-service"],
                reasons: [
                    Reason(
                        zh: "在职党员，组织关系在工作单位，实行共同管理。",
                        en: "In service with the relation at the work unit: joint management.")
                ],
                details: ManagementDetails())
        }
        if member.relation != .community {
            return ManagementDecision(
                outcome: .dual, rules: ["variant.relation-outside"],
                reasons: [
                    Reason(
                        zh: "组织关系在\(member.relation.chineseName)，实行双重管理。",
                        en: "The relation is not with the community (\(member.relation.englishName)): dual management.")
                ],
                details: ManagementDetails())
        }
        let subdivision = member.subdivision.isEmpty ? "-" : member.subdivision
        let building = member.building.isEmpty ? "-" : member.building
        let grid = "\(context.community.id)/\(subdivision)/\(building)"
        return ManagementDecision(
            outcome: .grid, rules: ["variant.grid-building"],
            reasons: [Reason(zh: "按楼栋纳入网格\(grid)，实行网格管理。", en: "Grid management in the building's grid \(grid).")],
            details: ManagementDetails(grid: grid))
    }
}

public import PolicyKit

extension ChengduPilot: MemberManagementPolicy {
    /// The rules of the `member_management` point (四类管理) and its alerts, in the spec's order.
    static let managementRules: [RuleInfo] = [
        RuleInfo(
            "manage.mobile", point: .memberManagement,
            meaning: Reason(
                zh: "外出务工经商满规定月数的，为流动党员，实行动态管理。",
                en:
                    "Away for work or business for `mobileAfterMonths` months or more: a mobile member, dynamic management."
            )),
        RuleInfo(
            "manage.in-service", point: .memberManagement,
            meaning: Reason(
                zh: "在职党员、组织关系在工作单位的，实行共同管理，须双报到。",
                en: "In service with the relation at the work unit: joint management, reporting to both.")),
        RuleInfo(
            "manage.relation-outside", point: .memberManagement,
            meaning: Reason(
                zh: "组织关系不在本社区的，实行双重管理。",
                en: "The relation is kept outside the community: dual management.")),
        RuleInfo(
            "manage.grid", point: .memberManagement,
            meaning: Reason(
                zh: "其他党员纳入所在小区（楼栋）网格，实行网格管理。",
                en: "Every other member: grid management in the member's subdivision (or building).")),
        RuleInfo(
            "alert.pocket-member", point: .memberManagement,
            meaning: Reason(
                zh: "组织关系介绍信开出超过规定月数仍未转接的，为口袋党员。",
                en: "A transfer letter unlodged for more than `letterValidMonths` months: a pocket member.")),
        RuleInfo(
            "alert.lapsed", point: .memberManagement,
            meaning: Reason(
                zh: "超过6个月未参加组织生活的，予以提醒。",
                en: "No organisational life for more than 6 months.")),
        RuleInfo(
            "alert.four-clear", point: .memberManagement,
            meaning: Reason(
                zh: "流动党员去向、联系方式、从事职业不清的（四清不全），予以提醒。",
                en: "A mobile member's whereabouts, contact or occupation is not known (four-clear incomplete).")),
        RuleInfo(
            "alert.not-reported", point: .memberManagement,
            meaning: Reason(
                zh: "在职党员本半年度未到社区双报到的，予以提醒。",
                en: "An in-service member under joint management has not reported to the community this half-year.")),
    ]

    /// How the member is managed (四类管理), with the alerts the community should follow up.
    public func decideManagement(ofMemberAt index: Int, in context: CommunityContext) -> ManagementDecision {
        // Read through a buffer pointer: the member is borrowed, not copied.
        context.members.withUnsafeBufferPointer { members in
            manage(members[index], events: context.events[index], in: context)
        }
    }

    /// The management of one member of the community.
    private func manage(_ member: Member, events: [LedgerEvent], in context: CommunityContext) -> ManagementDecision {
        let asOf = context.asOf
        let outcome: ManagementClass
        var rules: [String] = []
        var reasons: [Reason] = []
        var grid: String?
        rules.reserveCapacity(3)
        reasons.reserveCapacity(3)
        if let away = member.awaySince, away.addingMonths(mobileAfterMonths) <= asOf {
            outcome = .dynamic
            rules.append("manage.mobile")
            reasons.append(
                Self.reason(
                    date: away, months: mobileAfterMonths, zh: ("自", "外出，已满", "个月，为流动党员，实行动态管理。"),
                    en: ("Away since ", ", ", " months or more: a mobile member under dynamic management.")))
        } else if member.employment == .inService && member.relation == .workUnit {
            outcome = .joint
            rules.append("manage.in-service")
            reasons.append(
                Reason(
                    zh: "在职党员，组织关系在工作单位，实行共同管理，须双报到。",
                    en: "In service with the relation at the work unit: joint management, reporting to both."))
        } else if member.relation != .community {
            outcome = .dual
            rules.append("manage.relation-outside")
            reasons.append(
                Reason(
                    zh: "组织关系在\(member.relation.chineseName)，实行双重管理。",
                    en:
                        "The relation is kept \(member.relation == .elsewhere ? "elsewhere" : "at the \(member.relation.englishName)"): dual management."
                ))
        } else {
            outcome = .grid
            let community = context.community.id
            let subdivision = member.subdivision.isEmpty ? "-" : member.subdivision
            var place = TextBuffer(capacity: 64)
            place.add(community)
            place.add("/")
            place.add(subdivision)
            switch gridGranularity {
            case .subdivision:
                break
            case .building:
                place.add("/")
                place.add(member.building.isEmpty ? "-" : member.building)
            }
            let cell = place.string
            grid = cell
            rules.append("manage.grid")
            // Most members are managed by grid: their reason is built in one buffer per language.
            var chinese = TextBuffer(capacity: 96)
            chinese.add("组织关系在本社区，纳入网格")
            chinese.add(cell)
            chinese.add("，实行网格管理。")
            var english = TextBuffer(capacity: 96)
            english.add("The relation is with the community: grid management in ")
            english.add(cell)
            english.add(".")
            reasons.append(Reason(zh: chinese.string, en: english.string))
        }

        var alerts: [ManagementAlert] = []
        if let letter = member.letterIssued, member.relation != .community,
            letter.addingMonths(letterValidMonths) < asOf
        {
            alerts.append(.pocketMember)
            rules.append("alert.pocket-member")
            reasons.append(
                Self.reason(
                    date: letter, months: letterValidMonths, zh: ("组织关系介绍信于", "开出，超过", "个月未转接，为口袋党员。"),
                    en: ("A transfer letter issued on ", " is unlodged after ", " months: a pocket member.")))
        }
        if let last = member.lastOrgLife {
            if last.addingMonths(6) < asOf {
                alerts.append(.lapsed)
                rules.append("alert.lapsed")
                var chinese = TextBuffer(capacity: 96)
                chinese.add("最近一次参加组织生活为")
                chinese.add(chinese: last)
                chinese.add("，已超过6个月。")
                var english = TextBuffer(capacity: 64)
                english.add("Last organisational life on ")
                english.add(last)
                english.add(", more than 6 months ago.")
                reasons.append(Reason(zh: chinese.string, en: english.string))
            }
        } else if member.joinDate.addingMonths(6) < asOf {
            alerts.append(.lapsed)
            rules.append("alert.lapsed")
            reasons.append(
                Reason(
                    zh: "无参加组织生活记录，入党已超过6个月。",
                    en: "No organisational life on record, more than 6 months after joining."))
        }
        if outcome == .dynamic {
            let missing = fourClearMissing(member)
            if !missing.isEmpty {
                alerts.append(.fourClearIncomplete)
                rules.append("alert.four-clear")
                reasons.append(
                    Reason(
                        zh: "流动党员四清不全，缺\(missing.map(\.zh).joined(separator: "、"))。",
                        en: "Four-clear incomplete, not known: \(missing.map(\.en).joined(separator: ", "))."))
            }
        }
        if outcome == .joint && !hasDualReport(events, asOf: asOf) {
            let half = asOf.halfYear
            alerts.append(.notReported)
            rules.append("alert.not-reported")
            reasons.append(
                Reason(
                    zh: "\(half.year)年\(half.isSecondHalf ? "下" : "上")半年未到社区双报到。",
                    en: "No report to the community in \(half) so far."))
        }
        alerts.sort()
        return ManagementDecision(
            outcome: outcome, rules: rules, reasons: reasons,
            details: ManagementDetails(grid: grid, alerts: alerts))
    }

    /// A reason that names a date and a number of months, in both languages: each sentence is its
    /// three pieces with the date after the first and the months after the second, built in one
    /// buffer (these reasons are written once per member concerned).
    private static func reason(
        date: CivilDate, months: Int, zh: (StaticString, StaticString, StaticString),
        en: (StaticString, StaticString, StaticString)
    ) -> Reason {
        var chinese = TextBuffer(capacity: 128)
        chinese.add(zh.0)
        chinese.add(chinese: date)
        chinese.add(zh.1)
        chinese.add(months)
        chinese.add(zh.2)
        var english = TextBuffer(capacity: 96)
        english.add(en.0)
        english.add(date)
        english.add(en.1)
        english.add(months)
        english.add(en.2)
        return Reason(zh: chinese.string, en: english.string)
    }

    /// Which of a mobile member's four-clear facts are missing: whereabouts, contact, occupation.
    private func fourClearMissing(_ member: Member) -> [(zh: String, en: String)] {
        var missing: [(zh: String, en: String)] = []
        if member.awayPlace.isEmpty { missing.append(("去向", "whereabouts")) }
        if member.phone.isEmpty { missing.append(("联系方式", "contact")) }
        if member.occupation.isEmpty { missing.append(("从事职业", "occupation")) }
        return missing
    }

    /// Whether the events hold a `dual_report` dated in the half-year of `asOf`, on or before it.
    private func hasDualReport(_ events: [LedgerEvent], asOf: CivilDate) -> Bool {
        let start = asOf.halfYear.start
        return events.contains { $0.kind == .dualReport && $0.date >= start && $0.date <= asOf }
    }
}

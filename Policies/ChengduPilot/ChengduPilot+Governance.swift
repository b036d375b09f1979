public import PolicyKit

extension ChengduPilot: GovernancePolicy {
    /// The rules of the `governance` point, in the spec's order, then `gov.complete`.
    static let governanceRules: [RuleInfo] = [
        RuleInfo(
            "gov.policy-briefing", point: .governance,
            meaning: Reason(
                zh: "政治引领：一年内政策宣传少于规定次数。",
                en: "Political leadership: fewer than `briefingsPerYear` policy briefings in the year.")),
        RuleInfo(
            "gov.community-activity", point: .governance,
            meaning: Reason(
                zh: "思想引领：筹备期以外，一年内社区活动少于规定次数。",
                en: "Ideological leadership, outside preparation: fewer than `activitiesPerYear` community activities.")
        ),
        RuleInfo(
            "gov.body-missing", point: .governance,
            meaning: Reason(
                zh: "组织引领：缺少本阶段应设立的组织。",
                en: "Organisational leadership: a body the stage requires is missing.")),
        RuleInfo(
            "gov.social-organizations", point: .governance,
            meaning: Reason(
                zh: "组织引领：成熟期社会组织少于规定个数。",
                en: "Organisational leadership, maturity only: fewer than `minSocialOrgs` social organisations.")),
        RuleInfo(
            "gov.deliberation", point: .governance,
            meaning: Reason(
                zh: "制度引领：筹备期以外，一年内民主议事少于规定次数。",
                en: "Institutional leadership, outside preparation: fewer than `deliberationsPerYear` deliberations.")),
        RuleInfo(
            "gov.supervision", point: .governance,
            meaning: Reason(
                zh: "筹备期以外，一年内民主监督少于规定次数。",
                en: "Outside preparation: fewer than `supervisionsPerYear` supervision meetings in the year.")),
        RuleInfo(
            "gov.disclosure", point: .governance,
            meaning: Reason(
                zh: "筹备期以外，一年内事务公开少于规定次数。",
                en: "Outside preparation: fewer than `disclosuresPerYear` disclosures in the year.")),
        RuleInfo(
            "gov.volunteer-hours", point: .governance,
            meaning: Reason(
                zh: "服务引领：筹备期以外，一年内正式党员人均志愿服务少于规定小时数。",
                en:
                    "Service leadership, outside preparation: volunteer hours per full member below `volunteerHoursPerMember`."
            )),
        RuleInfo(
            "gov.secretary-training", point: .governance,
            meaning: Reason(
                zh: "素质提升：社区党组织书记一年内未参加市级示范培训。",
                en: "Capacity building: the selected party secretary had no city model training in the year.")),
        RuleInfo(
            "rights.consultation", point: .governance,
            meaning: Reason(
                zh: "制度保障：筹备期一年内未征求党员群众意见。",
                en: "Rights, preparation only: no consultation of members and residents in the year.")),
        RuleInfo(
            "rights.collective-assets", point: .governance,
            meaning: Reason(
                zh: "过渡期：原村党员未列入集体资产分配名单。",
                en: "Transition only: members from the original villages left off the collective asset list.")),
        RuleInfo(
            "rights.compensation", point: .governance,
            meaning: Reason(
                zh: "过渡期：原村党员未列入拆迁过渡补偿名单。",
                en: "Transition only: members from the original villages left off the compensation list.")),
        RuleInfo(
            "rights.housing-choice", point: .governance,
            meaning: Reason(
                zh: "过渡期：原村党员未列入安置房屋选择名单。",
                en: "Transition only: members from the original villages left off the housing choice list.")),
        RuleInfo(
            "rights.election", point: .governance,
            meaning: Reason(
                zh: "融合期：正式党员5年内未参加民主选举。",
                en: "Integration only: full members with no election vote in the last 60 months.")),
        RuleInfo(
            "rights.basic", point: .governance,
            meaning: Reason(
                zh: "成熟期：党员一年内未参加组织生活或教育培训。",
                en: "Maturity only: members with no organisational life or training in the year.")),
        RuleInfo(
            "lead.volunteer", point: .governance,
            meaning: Reason(
                zh: "三个带头：筹备期以外，在家的正式党员一年内未参加志愿服务。",
                en:
                    "Leading by example, outside preparation: full members at home with no volunteer service in the year."
            )),
        RuleInfo(
            "gov.complete", point: .governance,
            meaning: Reason(zh: "各项检查均无缺项。", en: "No check found anything wanting.")),
    ]

    /// The bodies each stage requires (组织引领).
    static func requiredBodies(_ stage: Stage) -> [GovernanceBodyKind] {
        switch stage {
        case .preparation:
            []
        case .transition:
            [.managementCommittee, .deliberationCouncil, .ownersCommittee]
        case .integration, .maturity:
            [
                .residentsCommittee, .deliberationCouncil, .supervisoryCouncil, .collectiveEconomy, .tradeUnion,
                .youthLeague, .womensFederation, .volunteerTeam,
            ]
        }
    }

    /// The community's governance checks, read with its stage.
    public func checkGovernance(in context: CommunityContext) -> GovernanceDecision {
        let stage = stage(of: context)
        let asOf = context.asOf
        let windowStart = Self.yearWindowStart(asOf)
        func inYear(_ date: CivilDate) -> Bool { date > windowStart && date <= asOf }
        let notPreparation = stage != .preparation

        var meetings: [MeetingKind: Int] = [:]
        for meeting in context.meetings where inYear(meeting.date) { meetings[meeting.kind, default: 0] += 1 }
        var bodies: Set<GovernanceBodyKind> = []
        var socialOrganizations = 0
        for body in context.bodies where body.established <= asOf {
            bodies.insert(body.kind)
            if body.kind == .socialOrganization { socialOrganizations += 1 }
        }

        var findings = GovernanceFindings()

        func meetingCheck(_ rule: String, _ kind: MeetingKind, _ least: Int) {
            let held = meetings[kind] ?? 0
            guard held < least else { return }
            findings.add(
                rule,
                Reason(
                    zh: "一年内\(kind.chineseName)\(held)次，少于\(least)次。",
                    en: "\(kind.englishName.capitalizedFirst) in the year: \(held), fewer than \(least)."))
        }

        // 1–2. 政治引领、思想引领.
        meetingCheck("gov.policy-briefing", .policyBriefing, briefingsPerYear)
        if notPreparation { meetingCheck("gov.community-activity", .communityActivity, activitiesPerYear) }

        // 3. 组织引领: the bodies the stage requires.
        let missing = Self.requiredBodies(stage).filter { !bodies.contains($0) }
        if !missing.isEmpty {
            findings.add(
                "gov.body-missing",
                Reason(
                    zh: "\(stage.chineseName)应设立的\(missing.map(\.chineseName).joined(separator: "、"))尚未设立。",
                    en:
                        "Not set up although the \(stage.englishName) stage requires it: \(missing.map(\.englishName).joined(separator: ", "))."
                ),
                concerned: missing.map(\.rawValue))
        }

        // 4. Social organisations of a mature community.
        if stage == .maturity && socialOrganizations < minSocialOrgs {
            findings.add(
                "gov.social-organizations",
                Reason(
                    zh: "社会组织\(socialOrganizations)个，少于\(minSocialOrgs)个。",
                    en: "\(socialOrganizations) social organisations, fewer than \(minSocialOrgs)."))
        }

        // 5–7. 制度引领.
        if notPreparation {
            meetingCheck("gov.deliberation", .deliberation, deliberationsPerYear)
            meetingCheck("gov.supervision", .supervision, supervisionsPerYear)
            meetingCheck("gov.disclosure", .disclosure, disclosuresPerYear)
        }

        // Members are read through a buffer pointer: borrowed, not copied.
        context.members.withUnsafeBufferPointer { members in
            // Each member's ledger in the year, read once.
            var volunteered = Array(repeating: false, count: members.count)
            var attended = Array(repeating: false, count: members.count)
            var voted = Array(repeating: false, count: members.count)
            var fullVolunteerHours = Amount.zero
            let electionStart = asOf.addingMonths(-60)
            for index in members.indices {
                let isFull = members[index].isFull
                for event in context.events[index] where event.date <= asOf {
                    switch event.kind {
                    case .volunteer where event.date > windowStart:
                        volunteered[index] = true
                        if isFull { fullVolunteerHours += event.amount }
                    case .orgLife where event.date > windowStart, .training where event.date > windowStart:
                        attended[index] = true
                    case .electionVote where event.date > electionStart:
                        voted[index] = true
                    default:
                        break
                    }
                }
            }

            // 8. 服务引领: volunteer hours per full member.
            let full = fullMembers(context)
            if notPreparation && full >= 1 && fullVolunteerHours < Amount(volunteerHoursPerMember) * full {
                findings.add(
                    "gov.volunteer-hours",
                    Reason(
                        zh: "一年内正式党员\(full)名志愿服务共\(fullVolunteerHours)小时，人均不足\(volunteerHoursPerMember)小时。",
                        en:
                            "\(full) full members gave \(fullVolunteerHours) volunteer hours in the year, under \(volunteerHoursPerMember) each."
                    ))
            }

            // 9. 素质提升: the secretary of the first party committee secretary seat.
            if let secretary = firstSecretary(context), let index = members.firstIndex(where: { $0.id == secretary }) {
                let trained = context.events[index].contains { $0.kind == .cityTraining && inYear($0.date) }
                if !trained {
                    findings.add(
                        "gov.secretary-training",
                        Reason(
                            zh: "社区党组织书记\(secretary)一年内未参加市级示范培训。",
                            en: "The party secretary \(secretary) had no city model training in the year."),
                        concerned: [secretary])
                }
            }

            // 10. 制度保障 in preparation: consultation.
            if stage == .preparation && (meetings[.consultation] ?? 0) == 0 {
                findings.add(
                    "rights.consultation",
                    Reason(zh: "一年内未征求党员群众意见。", en: "No consultation of members and residents in the year."))
            }

            // 11–13. Transition: members from the original villages on every distribution list.
            if stage == .transition {
                for (rule, kind) in [
                    ("rights.collective-assets", DistributionKind.collectiveAssets),
                    ("rights.compensation", .compensation),
                    ("rights.housing-choice", .housingChoice),
                ] {
                    let listed = Set(context.distributions.lazy.filter { $0.kind == kind }.map(\.memberID))
                    guard !listed.isEmpty else { continue }
                    let left = members.indices.filter { index in
                        !members[index].originVillage.isEmpty && !listed.contains(members[index].id)
                    }.map { members[$0].id }
                    guard !left.isEmpty else { continue }
                    findings.add(
                        rule,
                        Reason(
                            zh: "原村党员\(left.count)名未列入\(kind.chineseName)名单。",
                            en:
                                "\(left.count) members from the original villages are not on the \(kind.englishName) list."
                        ),
                        concerned: left)
                }
            }

            // 14. Integration: an election vote in the last 60 months.
            if stage == .integration {
                let absent = members.indices.filter { members[$0].isFull && !voted[$0] }.map { members[$0].id }
                if !absent.isEmpty {
                    findings.add(
                        "rights.election",
                        Reason(
                            zh: "正式党员\(absent.count)名自\(electionStart.chineseText)以来未参加民主选举。",
                            en: "\(absent.count) full members have not voted in an election since \(electionStart)."),
                        concerned: absent)
                }
            }

            // 15. Maturity: organisational life or training in the year.
            if stage == .maturity {
                let left = members.indices.filter { index in
                    !attended[index] && !(members[index].lastOrgLife.map(inYear) ?? false)
                }.map { members[$0].id }
                if !left.isEmpty {
                    findings.add(
                        "rights.basic",
                        Reason(
                            zh: "党员\(left.count)名一年内未参加组织生活或教育培训。",
                            en: "\(left.count) members had no organisational life or training in the year."),
                        concerned: left)
                }
            }

            // 16. 三个带头: full members at home who did not volunteer.
            if notPreparation {
                let idle = members.indices.filter { index in
                    members[index].isFull && members[index].awaySince == nil && !volunteered[index]
                }.map { members[$0].id }
                if !idle.isEmpty {
                    findings.add(
                        "lead.volunteer",
                        Reason(
                            zh: "在家的正式党员\(idle.count)名一年内未参加志愿服务。",
                            en: "\(idle.count) full members at home gave no volunteer service in the year."),
                        concerned: idle)
                }
            }
        }

        guard !findings.rules.isEmpty else {
            return GovernanceDecision(
                outcome: .complete, rules: ["gov.complete"],
                reasons: [Reason(zh: "\(stage.chineseName)各项检查均无缺项。", en: "Every \(stage.englishName) check is met.")],
                details: GovernanceDetails())
        }
        return GovernanceDecision(
            outcome: .gaps, rules: findings.rules, reasons: findings.reasons,
            details: GovernanceDetails(findings: findings.rules.sortedByUTF8(), concerned: findings.concerned))
    }

    /// The member selected for the community's first party committee secretary seat (seat 1 of
    /// that post) in this run's cadre selection, if a member holds it.
    func firstSecretary(_ context: CommunityContext) -> String? {
        guard let seats = context.decided.seats else { return nil }
        var seat = 0
        for post in context.posts {
            if post.body == .partyCommittee && post.title == .secretary && post.seats > 0 {
                guard seat < seats.count, seats[seat].outcome == .selected else { return nil }
                return seats[seat].details.member
            }
            seat += post.seats
        }
        return nil
    }
}

extension String {
    /// The text with its first letter in upper case, for an English name opening a sentence.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}

/// The findings of a community's governance checks, gathered in the spec's order.
struct GovernanceFindings {
    var rules: [String] = []
    var reasons: [Reason] = []
    var concerned: [String: [String]] = [:]

    /// Records a finding, with the sorted bodies or members it concerns when it names any.
    mutating func add(_ rule: String, _ reason: Reason, concerned list: [String]? = nil) {
        rules.append(rule)
        reasons.append(reason)
        if let list { concerned[rule] = list.inUTF8Order() }
    }
}

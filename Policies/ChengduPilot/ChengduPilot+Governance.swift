public import PolicyKit

extension ChengduPilot: GovernancePolicy {
    // MARK: Rules, in the spec's order

    /// `gov.policy-briefing`.
    static let policyBriefing = Rule(
        "gov.policy-briefing", point: .governance,
        meaning: Text(
            zh: "政治引领：一年内政策宣传少于规定次数。",
            en: "Political leadership: fewer than `briefingsPerYear` policy briefings in the year."))
    /// `gov.community-activity`.
    static let communityActivity = Rule(
        "gov.community-activity", point: .governance,
        meaning: Text(
            zh: "思想引领：筹备期以外，一年内社区活动少于规定次数。",
            en: "Ideological leadership, outside preparation: fewer than `activitiesPerYear` community activities."))
    /// `gov.body-missing`.
    static let bodyMissing = Rule(
        "gov.body-missing", point: .governance,
        meaning: Text(
            zh: "组织引领：缺少本阶段应设立的组织。",
            en: "Organisational leadership: a body the stage requires is missing."))
    /// `gov.social-organizations`.
    static let socialOrganizations = Rule(
        "gov.social-organizations", point: .governance,
        meaning: Text(
            zh: "组织引领：成熟期社会组织少于规定个数。",
            en: "Organisational leadership, maturity only: fewer than `minSocialOrgs` social organisations."))
    /// `gov.deliberation`.
    static let deliberation = Rule(
        "gov.deliberation", point: .governance,
        meaning: Text(
            zh: "制度引领：筹备期以外，一年内民主议事少于规定次数。",
            en: "Institutional leadership, outside preparation: fewer than `deliberationsPerYear` deliberations."))
    /// `gov.supervision`.
    static let supervision = Rule(
        "gov.supervision", point: .governance,
        meaning: Text(
            zh: "筹备期以外，一年内民主监督少于规定次数。",
            en: "Outside preparation: fewer than `supervisionsPerYear` supervision meetings in the year."))
    /// `gov.disclosure`.
    static let disclosure = Rule(
        "gov.disclosure", point: .governance,
        meaning: Text(
            zh: "筹备期以外，一年内事务公开少于规定次数。",
            en: "Outside preparation: fewer than `disclosuresPerYear` disclosures in the year."))
    /// `gov.volunteer-hours`.
    static let volunteerHours = Rule(
        "gov.volunteer-hours", point: .governance,
        meaning: Text(
            zh: "服务引领：筹备期以外，一年内正式党员人均志愿服务少于规定小时数。",
            en:
                "Service leadership, outside preparation: volunteer hours per full member below `volunteerHoursPerMember`."
        ))
    /// `gov.secretary-training`.
    static let secretaryTraining = Rule(
        "gov.secretary-training", point: .governance,
        meaning: Text(
            zh: "素质提升：社区党组织书记一年内未参加市级示范培训。",
            en: "Capacity building: the selected party secretary had no city model training in the year."))
    /// `rights.consultation`.
    static let consultation = Rule(
        "rights.consultation", point: .governance,
        meaning: Text(
            zh: "制度保障：筹备期一年内未征求党员群众意见。",
            en: "Rights, preparation only: no consultation of members and residents in the year."))
    /// `rights.collective-assets`.
    static let collectiveAssets = Rule(
        "rights.collective-assets", point: .governance,
        meaning: Text(
            zh: "过渡期：原村党员未列入集体资产分配名单。",
            en: "Transition only: members from the original villages left off the collective asset list."))
    /// `rights.compensation`.
    static let compensation = Rule(
        "rights.compensation", point: .governance,
        meaning: Text(
            zh: "过渡期：原村党员未列入拆迁过渡补偿名单。",
            en: "Transition only: members from the original villages left off the compensation list."))
    /// `rights.housing-choice`.
    static let housingChoice = Rule(
        "rights.housing-choice", point: .governance,
        meaning: Text(
            zh: "过渡期：原村党员未列入安置房屋选择名单。",
            en: "Transition only: members from the original villages left off the housing choice list."))
    /// `rights.election`.
    static let election = Rule(
        "rights.election", point: .governance,
        meaning: Text(
            zh: "融合期：正式党员5年内未参加民主选举。",
            en: "Integration only: full members with no election vote in the last 60 months."))
    /// `rights.basic`.
    static let basicRights = Rule(
        "rights.basic", point: .governance,
        meaning: Text(
            zh: "成熟期：党员一年内未参加组织生活或教育培训。",
            en: "Maturity only: members with no organisational life or training in the year."))
    /// `lead.volunteer`.
    static let leadVolunteer = Rule(
        "lead.volunteer", point: .governance,
        meaning: Text(
            zh: "三个带头：筹备期以外，在家的正式党员一年内未参加志愿服务。",
            en:
                "Leading by example, outside preparation: full members at home with no volunteer service in the year."
        ))
    /// `gov.complete`.
    static let governanceComplete = Rule(
        "gov.complete", point: .governance,
        meaning: Text(zh: "各项检查均无缺项。", en: "No check found anything wanting."))

    static let governanceRules = [
        policyBriefing, communityActivity, bodyMissing, socialOrganizations, deliberation, supervision, disclosure,
        volunteerHours, secretaryTraining, consultation, collectiveAssets, compensation, housingChoice, election,
        basicRights, leadVolunteer, governanceComplete,
    ]

    // MARK: Reasons

    /// Too few meetings of a kind in the year.
    static let fewMeetings = ReasonTemplate(
        "gov.meetings", slots: [.term("kind"), .count("held"), .count("least")],
        zh: "一年内{kind}{held}次，少于{least}次。", en: "{kind} in the year: {held}, fewer than {least}.")
    /// Bodies the stage requires, not set up.
    static let bodiesMissing = ReasonTemplate(
        "gov.body-missing", slots: [.term("stage"), .phrases("bodies")],
        zh: "{stage}应设立的{bodies}尚未设立。", en: "Not set up although the {stage} stage requires it: {bodies}.")
    /// One body's name, in a list of them.
    static let bodyName = ReasonTemplate("gov.body", slots: [.term("body")], zh: "{body}", en: "{body}")
    /// Too few social organisations.
    static let fewSocialOrganizations = ReasonTemplate(
        "gov.social-organizations", slots: [.count("count"), .count("least")],
        zh: "社会组织{count}个，少于{least}个。", en: "{count} social organisations, fewer than {least}.")
    /// Too few volunteer hours.
    static let fewVolunteerHours = ReasonTemplate(
        "gov.volunteer-hours", slots: [.count("members"), .amount("hours"), .count("least")],
        zh: "一年内正式党员{members}名志愿服务共{hours}小时，人均不足{least}小时。",
        en: "{members} full members gave {hours} volunteer hours in the year, under {least} each.")
    /// The secretary without city training.
    static let untrainedSecretary = ReasonTemplate(
        "gov.secretary-training", slots: [.member("secretary")],
        zh: "社区党组织书记{secretary}一年内未参加市级示范培训。",
        en: "The party secretary {secretary} had no city model training in the year.")
    /// No consultation.
    static let noConsultation = ReasonTemplate(
        "rights.consultation", zh: "一年内未征求党员群众意见。", en: "No consultation of members and residents in the year.")
    /// Members left off a distribution list.
    static let leftOffList = ReasonTemplate(
        "rights.distribution", slots: [.count("members"), .term("list")],
        zh: "原村党员{members}名未列入{list}名单。",
        en: "{members} members from the original villages are not on the {list} list.")
    /// Members who have not voted.
    static let notVoted = ReasonTemplate(
        "rights.election", slots: [.count("members"), .date("since")],
        zh: "正式党员{members}名自{since}以来未参加民主选举。",
        en: "{members} full members have not voted in an election since {since}.")
    /// Members without organisational life or training.
    static let noOrganisationalLife = ReasonTemplate(
        "rights.basic", slots: [.count("members")],
        zh: "党员{members}名一年内未参加组织生活或教育培训。",
        en: "{members} members had no organisational life or training in the year.")
    /// Members at home who did not volunteer.
    static let idleAtHome = ReasonTemplate(
        "lead.volunteer", slots: [.count("members")],
        zh: "在家的正式党员{members}名一年内未参加志愿服务。",
        en: "{members} full members at home gave no volunteer service in the year.")
    /// Every check met.
    static let everyCheckMet = ReasonTemplate(
        "gov.complete", slots: [.term("stage")], zh: "{stage}各项检查均无缺项。", en: "Every {stage} check is met.")

    static let governanceReasons = [
        fewMeetings, bodiesMissing, bodyName, fewSocialOrganizations, fewVolunteerHours, untrainedSecretary,
        noConsultation, leftOffList, notVoted, noOrganisationalLife, idleAtHome, everyCheckMet,
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

        func meetingCheck(_ rule: Rule, _ kind: MeetingKind, _ least: Int) {
            let held = meetings[kind] ?? 0
            guard held < least else { return }
            let name = Text(zh: kind.chineseName, en: kind.englishName.capitalizedFirst)
            findings.add(rule, Self.fewMeetings(.term(name), .count(held), .count(least)))
        }

        // 1–2. 政治引领、思想引领.
        meetingCheck(Self.policyBriefing, .policyBriefing, briefingsPerYear)
        if notPreparation { meetingCheck(Self.communityActivity, .communityActivity, activitiesPerYear) }

        // 3. 组织引领: the bodies the stage requires.
        let missing = Self.requiredBodies(stage).filter { !bodies.contains($0) }
        if !missing.isEmpty {
            findings.add(
                Self.bodyMissing,
                Self.bodiesMissing(
                    .term(stage.term),
                    .phrases(missing.map { Self.bodyName(.term($0.term)) }, separator: Text(zh: "、", en: ", "))),
                concerned: missing.map(\.rawValue))
        }

        // 4. Social organisations of a mature community.
        if stage == .maturity && socialOrganizations < minSocialOrgs {
            findings.add(
                Self.socialOrganizations,
                Self.fewSocialOrganizations(.count(socialOrganizations), .count(minSocialOrgs)))
        }

        // 5–7. 制度引领.
        if notPreparation {
            meetingCheck(Self.deliberation, .deliberation, deliberationsPerYear)
            meetingCheck(Self.supervision, .supervision, supervisionsPerYear)
            meetingCheck(Self.disclosure, .disclosure, disclosuresPerYear)
        }

        let members = context.members
        do {
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
            let full = context.fullMemberCount
            if notPreparation && full >= 1 && fullVolunteerHours < Amount(volunteerHoursPerMember) * full {
                findings.add(
                    Self.volunteerHours,
                    Self.fewVolunteerHours(.count(full), .amount(fullVolunteerHours), .count(volunteerHoursPerMember)))
            }

            // 9. 素质提升: the secretary of the first party committee secretary seat.
            if let secretary = firstSecretary(context), let index = members.firstIndex(where: { $0.id == secretary }) {
                let trained = context.events[index].contains { $0.kind == .cityTraining && inYear($0.date) }
                if !trained {
                    findings.add(
                        Self.secretaryTraining, Self.untrainedSecretary(.member(secretary)),
                        concerned: [secretary])
                }
            }

            // 10. 制度保障 in preparation: consultation.
            if stage == .preparation && (meetings[.consultation] ?? 0) == 0 {
                findings.add(
                    Self.consultation, Self.noConsultation())
            }

            // 11–13. Transition: members from the original villages on every distribution list.
            if stage == .transition {
                for (rule, kind) in [
                    (Self.collectiveAssets, DistributionKind.collectiveAssets),
                    (Self.compensation, .compensation),
                    (Self.housingChoice, .housingChoice),
                ] {
                    let listed = Set(context.distributions.lazy.filter { $0.kind == kind }.map(\.memberID))
                    guard !listed.isEmpty else { continue }
                    let left = members.indices.filter { index in
                        !members[index].originVillage.isEmpty && !listed.contains(members[index].id)
                    }.map { members[$0].id }
                    guard !left.isEmpty else { continue }
                    findings.add(
                        rule, Self.leftOffList(.count(left.count), .term(kind.term)),
                        concerned: left)
                }
            }

            // 14. Integration: an election vote in the last 60 months.
            if stage == .integration {
                let absent = members.indices.filter { members[$0].isFull && !voted[$0] }.map { members[$0].id }
                if !absent.isEmpty {
                    findings.add(
                        Self.election, Self.notVoted(.count(absent.count), .date(electionStart)),
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
                        Self.basicRights, Self.noOrganisationalLife(.count(left.count)),
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
                        Self.leadVolunteer, Self.idleAtHome(.count(idle.count)),
                        concerned: idle)
                }
            }
        }

        guard !findings.rules.isEmpty else {
            return GovernanceDecision(
                outcome: .complete, rules: [Self.governanceComplete], reasons: [Self.everyCheckMet(.term(stage.term))],
                details: GovernanceDetails())
        }
        return GovernanceDecision(
            outcome: .gaps, rules: findings.rules, reasons: findings.reasons,
            details: GovernanceDetails(findings: findings.rules.map(\.id).sortedByUTF8(), concerned: findings.concerned)
        )
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
    var rules: [Rule] = []
    var reasons: [Reason] = []
    var concerned: [String: [String]] = [:]

    /// Records a finding, with the sorted bodies or members it concerns when it names any.
    mutating func add(_ rule: Rule, _ reason: Reason, concerned list: [String]? = nil) {
        rules.append(rule)
        reasons.append(reason)
        if let list { concerned[rule.id] = list.inUTF8Order() }
    }
}

public import PolicyKit

extension ChengduPilot: BranchSetupPolicy {
    // MARK: Rules, in the spec's order

    /// Fewer than 3 full members: a joint branch.
    static let tooFewMembers = Rule(
        "setup.too-few-members", point: .branchSetup,
        meaning: Text(
            zh: "正式党员不足3名的，不论哪个阶段，与相邻社区成立联合党支部。",
            en: "Fewer than 3 full members, in any stage: a joint branch with neighbouring communities."))
    /// Preparation: a temporary branch.
    static let preparationSetup = Rule(
        "setup.preparation", point: .branchSetup,
        meaning: Text(
            zh: "筹备期成立临时党支部，全体正式党员编入，书记由选举产生。",
            en: "Preparation: one temporary branch of every full member, with an elected secretary."))
    /// Transition: a functional committee.
    static let transitionSetup = Rule(
        "setup.transition", point: .branchSetup,
        meaning: Text(
            zh: "过渡期成立功能型党委，由镇党委副书记兼任书记，按小区设网格党支部。",
            en: "Transition: a functional committee led by the town deputy secretary, over grid branches."))
    /// Transition without a town deputy secretary.
    static let noDeputySecretary = Rule(
        "setup.no-deputy-secretary", point: .branchSetup,
        meaning: Text(
            zh: "过渡期社区未指定镇党委副书记的，暂无书记人选。",
            en: "A transition community names no town deputy secretary: no secretary yet."))
    /// Integration: a general branch.
    static let integrationSetup = Rule(
        "setup.integration", point: .branchSetup,
        meaning: Text(
            zh: "融合期成立党总支，书记由选举产生，按小区设网格党支部。",
            en: "Integration: a general branch with an elected secretary, over grid branches."))
    /// Maturity: a regional committee.
    static let maturitySetup = Rule(
        "setup.maturity", point: .branchSetup,
        meaning: Text(
            zh: "成熟期成立区域党委，吸纳驻区单位党组织负责人任兼职委员，按小区设网格党支部。",
            en: "Maturity: a regional committee with part-time members from stationed units, over grid branches."))

    static let branchSetupRules = [
        tooFewMembers, preparationSetup, transitionSetup, noDeputySecretary, integrationSetup, maturitySetup,
    ]

    // MARK: Reasons

    /// The count every decision starts from.
    static let fullMembersCounted = ReasonTemplate(
        "setup.counted", slots: [.count("members")],
        zh: "社区有正式党员{members}名。", en: "The community has {members} full members.")
    /// Too few for a branch of its own.
    static let joinsNeighbours = ReasonTemplate(
        "setup.too-few-members",
        zh: "不足3名，与相邻社区成立联合党支部，不设本社区支部。",
        en: "Fewer than 3: the community joins a joint branch with its neighbours and has no branch of its own.")
    /// The temporary branch of preparation.
    static let temporaryBranch = ReasonTemplate(
        "setup.preparation", slots: [.phrase("committee")],
        zh: "筹备期成立临时党支部，全体正式党员编入，{committee}，书记由选举产生。",
        en: "Preparation: one temporary branch of every full member, {committee}, with an elected secretary.")
    /// A branch without a committee.
    static let secretaryOnly = ReasonTemplate("setup.secretary-only", zh: "只设书记", en: "a secretary only")
    /// A branch committee of some seats.
    static let branchCommittee = ReasonTemplate(
        "setup.committee", slots: [.count("seats")], zh: "支部委员会委员{seats}名", en: "a committee of {seats}")
    /// The grid branches under a committee.
    static let gridBranches = ReasonTemplate(
        "setup.grid-branches", slots: [.count("branches")],
        zh: "按小区设网格党支部{branches}个。", en: "{branches} grid branches by subdivision.")
    /// Transition, no deputy secretary named.
    static let functionalCommittee = ReasonTemplate(
        "setup.transition", slots: [.count("seats")],
        zh: "过渡期成立功能型党委（委员{seats}名），书记由镇党委副书记兼任。",
        en: "Transition: a functional committee of {seats} seats, led by the town deputy secretary.")
    /// No secretary yet.
    static let noSecretaryYet = ReasonTemplate(
        "setup.no-deputy-secretary",
        zh: "社区未指定镇党委副书记，暂无书记人选。",
        en: "The community names no town deputy secretary, so it has no secretary yet.")
    /// Transition, led by the named deputy secretary.
    static let functionalCommitteeLed = ReasonTemplate(
        "setup.transition-led", slots: [.count("seats"), .text("deputy")],
        zh: "过渡期成立功能型党委（委员{seats}名），由镇党委副书记{deputy}兼任书记。",
        en: "Transition: a functional committee of {seats} seats, led by the town deputy secretary {deputy}.")
    /// Maturity.
    static let regionalCommittee = ReasonTemplate(
        "setup.maturity", slots: [.count("units"), .count("seats")],
        zh: "成熟期成立区域党委，书记由选举产生；吸纳{units}个驻区单位党组织负责人任兼职委员，委员共{seats}名。",
        en:
            "Maturity: a regional committee with an elected secretary and part-time members from {units} stationed units, {seats} seats in all."
    )
    /// Integration.
    static let generalBranchReason = ReasonTemplate(
        "setup.integration", slots: [.count("seats")],
        zh: "融合期成立党总支（委员{seats}名），书记由选举产生。",
        en: "Integration: a general branch of {seats} seats, with an elected secretary.")

    static let branchSetupReasons = [
        fullMembersCounted, joinsNeighbours, temporaryBranch, secretaryOnly, branchCommittee, gridBranches,
        functionalCommittee, noSecretaryYet, functionalCommitteeLed, regionalCommittee, generalBranchReason,
    ]

    /// The party organisation the community's stage calls for (四步建党).
    public func decideBranchSetup(in context: CommunityContext) -> BranchSetupDecision {
        let community = context.community
        let count = context.fullMemberCount
        let counted = Self.fullMembersCounted(.count(count))
        if count < 3 {
            return BranchSetupDecision(
                outcome: .jointBranch, rules: [Self.tooFewMembers], reasons: [counted, Self.joinsNeighbours()],
                details: BranchSetupDetails(fullMembers: count, branches: [], committeeSeats: 0, secretarySource: .none)
            )
        }
        let stage = stage(of: context)
        if stage == .preparation {
            let seats = branchSeats(count)
            let ids = context.members.filter(\.isFull).map(\.id)
            let branch = Branch(id: "\(community.id)/temporary", members: ids.inUTF8Order(), committeeSeats: seats)
            let committee = seats == 0 ? Self.secretaryOnly() : Self.branchCommittee(.count(seats))
            return BranchSetupDecision(
                outcome: .temporaryBranch, rules: [Self.preparationSetup],
                reasons: [counted, Self.temporaryBranch(.phrase(committee))],
                details: BranchSetupDetails(
                    fullMembers: count, branches: [branch], committeeSeats: seats, secretarySource: .elected))
        }
        let branches = GridBranches().branches(
            communityID: community.id, members: context.members, seats: branchSeats)
        let top = topSeats(count)
        let grid = Self.gridBranches(.count(branches.count))
        switch stage {
        case .transition:
            let deputy = community.townDeputySecretary
            if deputy.isEmpty {
                return BranchSetupDecision(
                    outcome: .functionalCommittee, rules: [Self.transitionSetup, Self.noDeputySecretary],
                    reasons: [counted, Self.functionalCommittee(.count(top)), Self.noSecretaryYet(), grid],
                    details: BranchSetupDetails(
                        fullMembers: count, branches: branches, committeeSeats: top, secretarySource: .none))
            }
            return BranchSetupDecision(
                outcome: .functionalCommittee, rules: [Self.transitionSetup],
                reasons: [counted, Self.functionalCommitteeLed(.count(top), .text(deputy)), grid],
                details: BranchSetupDetails(
                    fullMembers: count, branches: branches, committeeSeats: top,
                    secretarySource: .townDeputySecretary))
        case .maturity:
            let units = partTimeUnits(context.units)
            let seats = top + units.count
            return BranchSetupDecision(
                outcome: .regionalCommittee, rules: [Self.maturitySetup],
                reasons: [counted, Self.regionalCommittee(.count(units.count), .count(seats)), grid],
                details: BranchSetupDetails(
                    fullMembers: count, branches: branches, committeeSeats: seats, secretarySource: .elected,
                    partTimeUnits: units))
        case .integration, .preparation:
            return BranchSetupDecision(
                outcome: .generalBranch, rules: [Self.integrationSetup],
                reasons: [counted, Self.generalBranchReason(.count(top)), grid],
                details: BranchSetupDetails(
                    fullMembers: count, branches: branches, committeeSeats: top, secretarySource: .elected))
        }
    }

    /// The units whose party organisations send a part-time member to a regional committee: those
    /// with a party organisation, by party members descending then id, at most
    /// `maxPartTimeMembers`.
    func partTimeUnits(_ units: [Unit]) -> [String] {
        units.filter(\.hasPartyOrganisation)
            .sorted { a, b in
                a.partyMembers != b.partyMembers ? a.partyMembers > b.partyMembers : a.id.utf8Precedes(b.id)
            }
            .prefix(maxPartTimeMembers)
            .map(\.id)
    }
}

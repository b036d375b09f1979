public import PolicyKit

extension ChengduPilot: BranchSetupPolicy {
    /// The rules of the `branch_setup` point (四步建党), in the spec's order.
    static let branchSetupRules: [RuleInfo] = [
        RuleInfo(
            "setup.too-few-members", point: .branchSetup,
            meaning: Reason(
                zh: "正式党员不足3名的，不论哪个阶段，与相邻社区成立联合党支部。",
                en: "Fewer than 3 full members, in any stage: a joint branch with neighbouring communities.")),
        RuleInfo(
            "setup.preparation", point: .branchSetup,
            meaning: Reason(
                zh: "筹备期成立临时党支部，全体正式党员编入，书记由选举产生。",
                en: "Preparation: one temporary branch of every full member, with an elected secretary.")),
        RuleInfo(
            "setup.transition", point: .branchSetup,
            meaning: Reason(
                zh: "过渡期成立功能型党委，由镇党委副书记兼任书记，按小区设网格党支部。",
                en: "Transition: a functional committee led by the town deputy secretary, over grid branches.")),
        RuleInfo(
            "setup.no-deputy-secretary", point: .branchSetup,
            meaning: Reason(
                zh: "过渡期社区未指定镇党委副书记的，暂无书记人选。",
                en: "A transition community names no town deputy secretary: no secretary yet.")),
        RuleInfo(
            "setup.integration", point: .branchSetup,
            meaning: Reason(
                zh: "融合期成立党总支，书记由选举产生，按小区设网格党支部。",
                en: "Integration: a general branch with an elected secretary, over grid branches.")),
        RuleInfo(
            "setup.maturity", point: .branchSetup,
            meaning: Reason(
                zh: "成熟期成立区域党委，吸纳驻区单位党组织负责人任兼职委员，按小区设网格党支部。",
                en: "Maturity: a regional committee with part-time members from stationed units, over grid branches.")),
    ]

    /// The party organisation the community's stage calls for (四步建党).
    public func decideBranchSetup(in context: CommunityContext) -> BranchSetupDecision {
        let community = context.community
        let count = fullMembers(context)
        let counted = Reason(zh: "社区有正式党员\(count)名。", en: "The community has \(count) full members.")
        if count < 3 {
            return BranchSetupDecision(
                outcome: .jointBranch, rules: ["setup.too-few-members"],
                reasons: [
                    counted,
                    Reason(
                        zh: "不足3名，与相邻社区成立联合党支部，不设本社区支部。",
                        en:
                            "Fewer than 3: the community joins a joint branch with its neighbours and has no branch of its own."
                    ),
                ],
                details: BranchSetupDetails(fullMembers: count, branches: [], committeeSeats: 0, secretarySource: .none)
            )
        }
        let stage = stage(of: context)
        if stage == .preparation {
            let seats = branchSeats(count)
            let members = context.members
            let ids = members.indices.filter { members[$0].isFull }.map { members[$0].id }
            let branch = Branch(id: "\(community.id)/temporary", members: ids.inUTF8Order(), committeeSeats: seats)
            return BranchSetupDecision(
                outcome: .temporaryBranch, rules: ["setup.preparation"],
                reasons: [
                    counted,
                    Reason(
                        zh: "筹备期成立临时党支部，全体正式党员编入，\(seatsText(seats, chinese: true))，书记由选举产生。",
                        en:
                            "Preparation: one temporary branch of every full member, \(seatsText(seats, chinese: false)), with an elected secretary."
                    ),
                ],
                details: BranchSetupDetails(
                    fullMembers: count, branches: [branch], committeeSeats: seats, secretarySource: .elected))
        }
        let branches = GridBranches().branches(
            communityID: community.id, members: context.members, seats: branchSeats)
        let top = topSeats(count)
        let grid = Reason(
            zh: "按小区设网格党支部\(branches.count)个。", en: "\(branches.count) grid branches by subdivision.")
        switch stage {
        case .transition:
            let deputy = community.townDeputySecretary
            if deputy.isEmpty {
                return BranchSetupDecision(
                    outcome: .functionalCommittee, rules: ["setup.transition", "setup.no-deputy-secretary"],
                    reasons: [
                        counted,
                        Reason(
                            zh: "过渡期成立功能型党委（委员\(top)名），书记由镇党委副书记兼任。",
                            en: "Transition: a functional committee of \(top) seats, led by the town deputy secretary."),
                        Reason(
                            zh: "社区未指定镇党委副书记，暂无书记人选。",
                            en: "The community names no town deputy secretary, so it has no secretary yet."),
                        grid,
                    ],
                    details: BranchSetupDetails(
                        fullMembers: count, branches: branches, committeeSeats: top, secretarySource: .none))
            }
            return BranchSetupDecision(
                outcome: .functionalCommittee, rules: ["setup.transition"],
                reasons: [
                    counted,
                    Reason(
                        zh: "过渡期成立功能型党委（委员\(top)名），由镇党委副书记\(deputy)兼任书记。",
                        en:
                            "Transition: a functional committee of \(top) seats, led by the town deputy secretary \(deputy)."
                    ),
                    grid,
                ],
                details: BranchSetupDetails(
                    fullMembers: count, branches: branches, committeeSeats: top,
                    secretarySource: .townDeputySecretary))
        case .maturity:
            let units = partTimeUnits(context.units)
            let seats = top + units.count
            return BranchSetupDecision(
                outcome: .regionalCommittee, rules: ["setup.maturity"],
                reasons: [
                    counted,
                    Reason(
                        zh: "成熟期成立区域党委，书记由选举产生；吸纳\(units.count)个驻区单位党组织负责人任兼职委员，委员共\(seats)名。",
                        en:
                            "Maturity: a regional committee with an elected secretary and part-time members from \(units.count) stationed units, \(seats) seats in all."
                    ),
                    grid,
                ],
                details: BranchSetupDetails(
                    fullMembers: count, branches: branches, committeeSeats: seats, secretarySource: .elected,
                    partTimeUnits: units))
        case .integration, .preparation:
            return BranchSetupDecision(
                outcome: .generalBranch, rules: ["setup.integration"],
                reasons: [
                    counted,
                    Reason(
                        zh: "融合期成立党总支（委员\(top)名），书记由选举产生。",
                        en: "Integration: a general branch of \(top) seats, with an elected secretary."),
                    grid,
                ],
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

    private func seatsText(_ seats: Int, chinese: Bool) -> String {
        if seats == 0 { return chinese ? "只设书记" : "a secretary only" }
        return chinese ? "支部委员会委员\(seats)名" : "a committee of \(seats)"
    }
}

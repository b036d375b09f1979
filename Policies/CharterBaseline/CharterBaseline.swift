public import PolicyKit

/// The national thresholds alone (全国标准): a community's party organisation follows from the
/// number of its full members, whatever its stage.
///
/// From 《中国共产党支部工作条例（试行）》 and 《中国共产党农村基层组织工作条例》: fewer than 3 full
/// members join a joint branch (联合党支部); 3 to 50 form one branch (党支部); 51 to 99 a general
/// branch (党总支) over grid branches; 100 or more a primary-level party committee (基层党委).
public struct CharterBaseline: BranchSetupPolicy {
    /// The module's name, version, rules and parameters.
    public static let metadata = ModuleMetadata(
        name: "CharterBaseline",
        version: SemanticVersion(1, 0, 0),
        summary: Reason(
            zh: "全国标准：按正式党员人数设置党的组织，不分发展阶段。",
            en: "National thresholds: the party organisation follows the number of full members, whatever the stage."),
        rules: [
            RuleInfo(
                "baseline.joint", point: .branchSetup,
                meaning: Reason(
                    zh: "正式党员不足3名的，与相邻社区成立联合党支部。",
                    en: "Fewer than 3 full members: a joint branch with neighbouring communities.")),
            RuleInfo(
                "baseline.branch", point: .branchSetup,
                meaning: Reason(
                    zh: "正式党员3至50名的，成立党支部。",
                    en: "3 to 50 full members: one party branch.")),
            RuleInfo(
                "baseline.general-branch", point: .branchSetup,
                meaning: Reason(
                    zh: "正式党员51至99名的，成立党总支，按小区设立网格党支部。",
                    en: "51 to 99 full members: a general branch over grid branches by subdivision.")),
            RuleInfo(
                "baseline.party-committee", point: .branchSetup,
                meaning: Reason(
                    zh: "正式党员100名以上的，成立基层党委，按小区设立网格党支部。",
                    en: "100 or more full members: a party committee over grid branches by subdivision.")),
        ],
        parameters: [
            ParameterSpec(
                "largeBranch", kind: .integer(7...500), default: .integer(30),
                meaning: Reason(
                    zh: "支部委员会设5名委员的党员人数下限（不足的设3名，不足7名的只设书记）。",
                    en: "Members from which a branch committee has 5 seats (3 below it; a secretary only under 7)."))
        ])

    let largeBranch: Int

    /// Creates the module with a profile's parameters.
    public init(parameters: Parameters) throws {
        largeBranch = try parameters.integer("largeBranch")
    }

    /// Seats on a branch committee of `members` full members: 0 (a secretary only) under 7, 3 under
    /// `largeBranch`, else 5.
    func branchSeats(_ members: Int) -> Int {
        members < 7 ? 0 : members < largeBranch ? 3 : 5
    }

    /// The organisation of a community from its number of full members.
    public func decideBranchSetup(in context: CommunityContext) -> BranchSetupDecision {
        let community = context.community.id
        let full = context.members.filter(\.isFull)
        let count = full.count
        let counted = Reason(zh: "社区有正式党员\(count)名。", en: "The community has \(count) full members.")
        if count < 3 {
            return BranchSetupDecision(
                outcome: .jointBranch, rules: ["baseline.joint"],
                reasons: [
                    counted,
                    Reason(
                        zh: "不足3名，与相邻社区联合成立联合党支部，不设本社区支部。",
                        en:
                            "Fewer than 3: the community joins a joint branch with its neighbours and has no branch of its own."
                    ),
                ],
                details: BranchSetupDetails(
                    fullMembers: count, branches: [], committeeSeats: 0, secretarySource: .none))
        }
        if count <= 50 {
            let seats = branchSeats(count)
            let ids = full.map(\.id).sortedByUTF8()
            return BranchSetupDecision(
                outcome: .branch, rules: ["baseline.branch"],
                reasons: [
                    counted,
                    Reason(
                        zh: "3至50名，成立一个党支部，\(seatsText(seats, chinese: true))，书记由选举产生。",
                        en: "3 to 50: one party branch, \(seatsText(seats, chinese: false)), with an elected secretary."
                    ),
                ],
                details: BranchSetupDetails(
                    fullMembers: count,
                    branches: [Branch(id: "\(community)/branch", members: ids, committeeSeats: seats)],
                    committeeSeats: seats, secretarySource: .elected))
        }
        let branches = GridBranches().branches(communityID: community, members: full, seats: branchSeats)
        let large = count >= 100
        return BranchSetupDecision(
            outcome: large ? .partyCommittee : .generalBranch,
            rules: [large ? "baseline.party-committee" : "baseline.general-branch"],
            reasons: [
                counted,
                large
                    ? Reason(
                        zh: "100名以上，成立基层党委（委员7名），下设\(branches.count)个网格党支部，书记由选举产生。",
                        en:
                            "100 or more: a party committee of 7 seats over \(branches.count) grid branches, with an elected secretary."
                    )
                    : Reason(
                        zh: "51至99名，成立党总支（委员5名），下设\(branches.count)个网格党支部，书记由选举产生。",
                        en:
                            "51 to 99: a general branch of 5 seats over \(branches.count) grid branches, with an elected secretary."
                    ),
            ],
            details: BranchSetupDetails(
                fullMembers: count, branches: branches, committeeSeats: large ? 7 : 5, secretarySource: .elected))
    }

    private func seatsText(_ seats: Int, chinese: Bool) -> String {
        if seats == 0 { return chinese ? "不设委员会、只设书记" : "a secretary only" }
        return chinese ? "支部委员会委员\(seats)名" : "a committee of \(seats)"
    }
}

/// The module's entry point, through which `charter` loads it.
@_cdecl("charter_policy_module_v1_CharterBaseline")
public func charterPolicyModule(_ handshake: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    exportPolicyModule(CharterBaseline.self, handshake)
}

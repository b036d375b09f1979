public import PolicyKit

/// The national thresholds alone (全国标准): a community's party organisation follows from the
/// number of its full members, whatever its stage.
///
/// From 《中国共产党支部工作条例（试行）》 and 《中国共产党农村基层组织工作条例》: fewer than 3 full
/// members join a joint branch (联合党支部); 3 to 50 form one branch (党支部); 51 to 99 a general
/// branch (党总支) over grid branches; 100 or more a primary-level party committee (基层党委).
public struct CharterBaseline: BranchSetupPolicy {
    // MARK: Rules

    /// Fewer than 3 full members: a joint branch.
    static let joint = Rule(
        "baseline.joint", point: .branchSetup,
        meaning: Text(
            zh: "正式党员不足3名的，与相邻社区成立联合党支部。",
            en: "Fewer than 3 full members: a joint branch with neighbouring communities."))
    /// 3 to 50 full members: one branch.
    static let branch = Rule(
        "baseline.branch", point: .branchSetup,
        meaning: Text(zh: "正式党员3至50名的，成立党支部。", en: "3 to 50 full members: one party branch."))
    /// 51 to 99 full members: a general branch.
    static let generalBranch = Rule(
        "baseline.general-branch", point: .branchSetup,
        meaning: Text(
            zh: "正式党员51至99名的，成立党总支，按小区设立网格党支部。",
            en: "51 to 99 full members: a general branch over grid branches by subdivision."))
    /// 100 or more full members: a party committee.
    static let partyCommittee = Rule(
        "baseline.party-committee", point: .branchSetup,
        meaning: Text(
            zh: "正式党员100名以上的，成立基层党委，按小区设立网格党支部。",
            en: "100 or more full members: a party committee over grid branches by subdivision."))

    // MARK: Reasons

    /// The count every decision starts from.
    static let counted = ReasonTemplate(
        "baseline.counted", slots: [.count("members")],
        zh: "社区有正式党员{members}名。", en: "The community has {members} full members.")
    /// The joint branch.
    static let joinsNeighbours = ReasonTemplate(
        "baseline.joint",
        zh: "不足3名，与相邻社区联合成立联合党支部，不设本社区支部。",
        en: "Fewer than 3: the community joins a joint branch with its neighbours and has no branch of its own.")
    /// One branch, with its committee.
    static let oneBranch = ReasonTemplate(
        "baseline.branch", slots: [.phrase("committee")],
        zh: "3至50名，成立一个党支部，{committee}，书记由选举产生。",
        en: "3 to 50: one party branch, {committee}, with an elected secretary.")
    /// A branch without a committee.
    static let secretaryOnly = ReasonTemplate(
        "baseline.secretary-only", zh: "不设委员会、只设书记", en: "a secretary only")
    /// A branch committee of some seats.
    static let committee = ReasonTemplate(
        "baseline.committee", slots: [.count("seats")], zh: "支部委员会委员{seats}名", en: "a committee of {seats}")
    /// A general branch over grid branches.
    static let generalBranchOverGrid = ReasonTemplate(
        "baseline.general-branch", slots: [.count("branches")],
        zh: "51至99名，成立党总支（委员5名），下设{branches}个网格党支部，书记由选举产生。",
        en: "51 to 99: a general branch of 5 seats over {branches} grid branches, with an elected secretary.")
    /// A party committee over grid branches.
    static let partyCommitteeOverGrid = ReasonTemplate(
        "baseline.party-committee", slots: [.count("branches")],
        zh: "100名以上，成立基层党委（委员7名），下设{branches}个网格党支部，书记由选举产生。",
        en: "100 or more: a party committee of 7 seats over {branches} grid branches, with an elected secretary.")

    // MARK: Parameters

    /// Members from which a branch committee has 5 seats.
    static let largeBranch = Parameter<Int>(
        "largeBranch", in: 7...500, default: 30, points: [.branchSetup],
        meaning: Text(
            zh: "支部委员会设5名委员的党员人数下限（不足的设3名，不足7名的只设书记）。",
            en: "Members from which a branch committee has 5 seats (3 below it; a secretary only under 7)."))

    /// The module's name, version, rules, reasons and parameters.
    public static let metadata = ModuleMetadata(
        name: "CharterBaseline",
        version: SemanticVersion(1, 0, 0),
        summary: Text(
            zh: "全国标准：按正式党员人数设置党的组织，不分发展阶段。",
            en: "National thresholds: the party organisation follows the number of full members, whatever the stage."),
        rules: [joint, branch, generalBranch, partyCommittee],
        reasons: [
            counted, joinsNeighbours, oneBranch, secretaryOnly, committee, generalBranchOverGrid,
            partyCommitteeOverGrid,
        ],
        parameters: [largeBranch])

    let largeBranch: Int

    /// Creates the module with a profile's parameters.
    public init(parameters: Parameters) throws {
        largeBranch = try parameters.value(of: Self.largeBranch)
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
        let counted = Self.counted(.count(count))
        if count < 3 {
            return BranchSetupDecision(
                outcome: .jointBranch, rules: [Self.joint], reasons: [counted, Self.joinsNeighbours()],
                details: BranchSetupDetails(
                    fullMembers: count, branches: [], committeeSeats: 0, secretarySource: .none))
        }
        if count <= 50 {
            let seats = branchSeats(count)
            let committee = seats == 0 ? Self.secretaryOnly() : Self.committee(.count(seats))
            return BranchSetupDecision(
                outcome: .branch, rules: [Self.branch], reasons: [counted, Self.oneBranch(.phrase(committee))],
                details: BranchSetupDetails(
                    fullMembers: count,
                    branches: [
                        Branch(id: "\(community)/branch", members: full.map(\.id).sortedByUTF8(), committeeSeats: seats)
                    ],
                    committeeSeats: seats, secretarySource: .elected))
        }
        let branches = GridBranches().branches(communityID: community, members: full, seats: branchSeats)
        let large = count >= 100
        let grid = ReasonArgument.count(branches.count)
        return BranchSetupDecision(
            outcome: large ? .partyCommittee : .generalBranch,
            rules: [large ? Self.partyCommittee : Self.generalBranch],
            reasons: [counted, large ? Self.partyCommitteeOverGrid(grid) : Self.generalBranchOverGrid(grid)],
            details: BranchSetupDetails(
                fullMembers: count, branches: branches, committeeSeats: large ? 7 : 5, secretarySource: .elected))
    }
}

/// The module's entry point, through which `charter` loads it.
@_cdecl("charter_policy_module_v2_CharterBaseline")
public func export(_ host: OpaquePointer) -> OpaquePointer? { CharterBaseline.export(host) }

/// A policy module: a named, versioned set of rules that decides one or more extension points.
///
/// A module type conforms to this protocol and to one protocol per point it provides
/// (``StagePolicy``, ``BranchSetupPolicy``, …). The host makes one instance per selection in a
/// district's profile, with that selection's parameters, and calls it from every core at once: a
/// module is a pure function of what it is given (no I/O, no clock, no randomness, no shared
/// mutable state).
public protocol PolicyModule: Sendable {
    /// The module's name, version, rules and parameters.
    static var metadata: ModuleMetadata { get }

    /// Creates an instance with the parameters a profile selected, already checked against
    /// ``metadata`` and completed with defaults.
    init(parameters: Parameters) throws
}

/// Decides which stage a community is in (`stage`).
public protocol StagePolicy: PolicyModule {
    /// The stage of `context.community`; `context.decided` is empty.
    func decideStage(in context: CommunityContext) -> StageDecision
}

/// Decides the party organisation a community sets up (`branch_setup`, 四步建党).
public protocol BranchSetupPolicy: PolicyModule {
    /// The organisation of `context.community`.
    func decideBranchSetup(in context: CommunityContext) -> BranchSetupDecision
}

/// Decides how a member is managed (`member_management`, 四类管理).
public protocol MemberManagementPolicy: PolicyModule {
    /// The management of the member at `index` in `context.members`.
    func decideManagement(ofMemberAt index: Int, in context: CommunityContext) -> ManagementDecision
}

/// Fills the seats of a community's bodies (`cadre_selection`, 选拔干部).
public protocol CadreSelectionPolicy: PolicyModule {
    /// One decision per seat of `context.posts`, row by row and seat by seat, in that order.
    func selectCadres(in context: CommunityContext) -> [SeatDecision]
}

/// Keeps members' half-yearly points and grades them (`points`, 积分管理、函告).
public protocol PointsPolicy: PolicyModule {
    /// One decision per member of `context.members`, in that order.
    func gradePoints(in context: CommunityContext) -> [PointsDecision]
}

/// Checks a community's governance (`governance`, 五项引领、素质提升、制度保障、三个带头).
public protocol GovernancePolicy: PolicyModule {
    /// The findings for `context.community`.
    func checkGovernance(in context: CommunityContext) -> GovernanceDecision
}

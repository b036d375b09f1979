/// A place in the model where a district chooses the policy that decides (扩展点).
///
/// The engine runs the points in the order of `allCases`; a later point reads the decisions of the
/// earlier ones for the same community.
public enum ExtensionPoint: String, CaseIterable, Hashable, Comparable, Sendable {
    /// Which stage a community is in.
    case stage
    /// Which party organisation a community sets up (四步建党).
    case branchSetup = "branch_setup"
    /// How each member is managed (四类管理).
    case memberManagement = "member_management"
    /// Who fills the seats of a community's bodies (选拔干部).
    case cadreSelection = "cadre_selection"
    /// Each member's half-yearly points and grade (积分管理、函告).
    case points
    /// Whether a community's governance is complete (五项引领、素质提升、制度保障、三个带头).
    case governance

    /// The subject of this point's decisions.
    public var subjectKind: SubjectKind {
        switch self {
        case .stage, .branchSetup, .governance: .community
        case .memberManagement, .points: .member
        case .cadreSelection: .seat
        }
    }

    /// The point's name in Simplified Chinese.
    public var chineseName: String {
        switch self {
        case .stage: "发展阶段"
        case .branchSetup: "组织设置"
        case .memberManagement: "党员管理"
        case .cadreSelection: "干部选拔"
        case .points: "积分管理"
        case .governance: "治理引领"
        }
    }

    /// The point's position in the run order.
    public var order: Int { ExtensionPoint.allCases.firstIndex(of: self) ?? 0 }

    /// Whether `lhs` runs before `rhs`.
    public static func < (lhs: ExtensionPoint, rhs: ExtensionPoint) -> Bool { lhs.order < rhs.order }

    /// Whether a module type provides this point.
    public func isProvided(by module: any PolicyModule.Type) -> Bool {
        switch self {
        case .stage: module is any StagePolicy.Type
        case .branchSetup: module is any BranchSetupPolicy.Type
        case .memberManagement: module is any MemberManagementPolicy.Type
        case .cadreSelection: module is any CadreSelectionPolicy.Type
        case .points: module is any PointsPolicy.Type
        case .governance: module is any GovernancePolicy.Type
        }
    }
}

/// What a decision is about.
public enum SubjectKind: String, Sendable {
    /// A community: `community:ID`.
    case community
    /// A member: `member:ID`.
    case member
    /// A seat of a post: `post:COMMUNITY_ID/BODY/POST/SEAT`.
    case seat
}

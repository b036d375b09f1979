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

    /// The outcome codes of this point's decisions, in the order a report lists them.
    public var outcomeCodes: [String] {
        switch self {
        case .stage: Stage.allCases.map(\.rawValue)
        case .branchSetup: OrganisationForm.allCases.map(\.rawValue)
        case .memberManagement: ManagementClass.allCases.map(\.rawValue)
        case .cadreSelection: SeatOutcome.allCases.map(\.rawValue)
        case .points: Grade.allCases.map(\.rawValue)
        case .governance: GovernanceOutcome.allCases.map(\.rawValue)
        }
    }

    /// The name of one of this point's outcome codes in `language` (`grid` → 网格管理), or the
    /// code itself when it is not one of the point's outcomes.
    public func outcomeName(_ code: String, in language: Language) -> String {
        switch self {
        case .stage: Stage(rawValue: code)?.name(in: language) ?? code
        case .branchSetup: OrganisationForm(rawValue: code)?.name(in: language) ?? code
        case .memberManagement: ManagementClass(rawValue: code)?.name(in: language) ?? code
        case .cadreSelection: SeatOutcome(rawValue: code)?.name(in: language) ?? code
        case .points: Grade(rawValue: code)?.name(in: language) ?? code
        case .governance: GovernanceOutcome(rawValue: code)?.name(in: language) ?? code
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

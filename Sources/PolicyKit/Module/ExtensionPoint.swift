/// A place in the model where a district chooses the policy that decides (扩展点).
///
/// The engine runs the points in the order of `allCases`; a later point reads the decisions of the
/// earlier ones for the same community. What the host needs to know of a point (what it decides
/// about, its names, its outcomes, the protocol a module adopts to provide it) is in one place,
/// ``definition``: adding a point is a case here, one entry there, its protocol and its decision
/// type.
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

    /// What the host knows of the point, in one entry per point.
    public var definition: PointDefinition {
        switch self {
        case .stage:
            PointDefinition(subject: .community, chineseName: "发展阶段", outcome: Stage.self) {
                $0 is any StagePolicy.Type
            }
        case .branchSetup:
            PointDefinition(subject: .community, chineseName: "组织设置", outcome: OrganisationForm.self) {
                $0 is any BranchSetupPolicy.Type
            }
        case .memberManagement:
            PointDefinition(subject: .member, chineseName: "党员管理", outcome: ManagementClass.self) {
                $0 is any MemberManagementPolicy.Type
            }
        case .cadreSelection:
            PointDefinition(subject: .seat, chineseName: "干部选拔", outcome: SeatOutcome.self) {
                $0 is any CadreSelectionPolicy.Type
            }
        case .points:
            PointDefinition(subject: .member, chineseName: "积分管理", outcome: Grade.self) {
                $0 is any PointsPolicy.Type
            }
        case .governance:
            PointDefinition(subject: .community, chineseName: "治理引领", outcome: GovernanceOutcome.self) {
                $0 is any GovernancePolicy.Type
            }
        }
    }

    /// The subject of this point's decisions.
    public var subjectKind: SubjectKind { definition.subject }

    /// The point's name in Simplified Chinese.
    public var chineseName: String { definition.chineseName }

    /// The outcome codes of this point's decisions, in the order a report lists them.
    public var outcomeCodes: [String] { definition.outcomeCodes }

    /// The name of one of this point's outcome codes in `language` (`grid` → 网格管理), or the
    /// code itself when it is not one of the point's outcomes.
    public func outcomeName(_ code: String, in language: Language) -> String {
        definition.outcomeName(code, language)
    }

    /// The point's position in the run order.
    public var order: Int { ExtensionPoint.allCases.firstIndex(of: self) ?? 0 }

    /// Whether `lhs` runs before `rhs`.
    public static func < (lhs: ExtensionPoint, rhs: ExtensionPoint) -> Bool { lhs.order < rhs.order }

    /// Whether a module type provides this point.
    public func isProvided(by module: any PolicyModule.Type) -> Bool { definition.isProvided(module) }
}

/// What the host knows of one extension point.
public struct PointDefinition: Sendable {
    /// What the point's decisions are about.
    public let subject: SubjectKind
    /// The point's name in Simplified Chinese.
    public let chineseName: String
    /// The outcome codes, in the order a report lists them.
    public let outcomeCodes: [String]
    /// The name of an outcome code in a language, or the code itself when it is not an outcome.
    public let outcomeName: @Sendable (String, Language) -> String
    /// Whether a module type adopts the point's protocol.
    public let isProvided: @Sendable (any PolicyModule.Type) -> Bool

    /// Describes a point whose outcomes are the cases of `outcome`.
    public init<Outcome: DomainCode>(
        subject: SubjectKind, chineseName: String, outcome: Outcome.Type,
        isProvided: @escaping @Sendable (any PolicyModule.Type) -> Bool
    ) {
        self.subject = subject
        self.chineseName = chineseName
        outcomeCodes = Outcome.allCases.map(\.rawValue)
        outcomeName = { code, language in Outcome(rawValue: code)?.name(in: language) ?? code }
        self.isProvided = isProvided
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

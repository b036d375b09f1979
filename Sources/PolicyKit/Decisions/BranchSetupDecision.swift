/// The party organisation a community sets up (四步建党): the outcome of `branch_setup`.
public enum OrganisationForm: String, DomainCode {
    /// 临时党支部: a temporary branch, while preparing.
    case temporaryBranch = "temporary_branch"
    /// 功能型党委: a functional committee, in transition.
    case functionalCommittee = "functional_committee"
    /// 党总支: a general branch.
    case generalBranch = "general_branch"
    /// 区域党委: a regional committee, with units' party organisations on it.
    case regionalCommittee = "regional_committee"
    /// 党支部: a branch.
    case branch
    /// 联合党支部: a joint branch with neighbouring communities.
    case jointBranch = "joint_branch"
    /// 基层党委: a primary-level party committee.
    case partyCommittee = "party_committee"

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .temporaryBranch: "临时党支部"
        case .functionalCommittee: "功能型党委"
        case .generalBranch: "党总支"
        case .regionalCommittee: "区域党委"
        case .branch: "党支部"
        case .jointBranch: "联合党支部"
        case .partyCommittee: "基层党委"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .temporaryBranch: "temporary branch"
        case .functionalCommittee: "functional committee"
        case .generalBranch: "general branch"
        case .regionalCommittee: "regional committee"
        case .branch: "branch"
        case .jointBranch: "joint branch"
        case .partyCommittee: "party committee"
        }
    }
}

/// Where a community's party secretary comes from.
public enum SecretarySource: String, DomainCode {
    /// Elected by the members.
    case elected
    /// The town party committee deputy secretary serves (镇党委副书记兼任).
    case townDeputySecretary = "town_deputy_secretary"
    /// No secretary of the community's own.
    case none

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .elected: "选举产生"
        case .townDeputySecretary: "镇党委副书记兼任"
        case .none: "无"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .elected: "elected"
        case .townDeputySecretary: "town deputy secretary"
        case .none: "none"
        }
    }
}

/// A party branch (党支部) of a community's organisation.
public struct Branch: Hashable, Sendable {
    /// The branch id, such as `C01/temporary` or `C01/锦江苑#2`.
    public var id: String
    /// The ids of its members, sorted by their UTF-8 bytes.
    public var members: [String]
    /// Seats on its committee; 0 means a secretary only.
    public var committeeSeats: Int

    /// Creates a branch.
    public init(id: String, members: [String], committeeSeats: Int) {
        self.id = id
        self.members = members
        self.committeeSeats = committeeSeats
    }
}

/// The details of a `branch_setup` decision.
public struct BranchSetupDetails: Hashable, Sendable {
    /// Full members of the community.
    public var fullMembers: Int
    /// The branches, sorted by id.
    public var branches: [Branch]
    /// Seats on the top body's committee.
    public var committeeSeats: Int
    /// Where the secretary comes from.
    public var secretarySource: SecretarySource
    /// Units whose party organisations send a part-time member to the committee, in the order
    /// chosen; empty outside maturity.
    public var partTimeUnits: [String]
    /// More keys for `details`, beyond those of the data contract.
    public var extra: [String: DetailValue]

    /// Creates the details of a branch setup.
    public init(
        fullMembers: Int, branches: [Branch], committeeSeats: Int, secretarySource: SecretarySource,
        partTimeUnits: [String] = [], extra: [String: DetailValue] = [:]
    ) {
        self.fullMembers = fullMembers
        self.branches = branches
        self.committeeSeats = committeeSeats
        self.secretarySource = secretarySource
        self.partTimeUnits = partTimeUnits
        self.extra = extra
    }
}

/// The party organisation a community sets up (`branch_setup` point).
public typealias BranchSetupDecision = Decision<OrganisationForm, BranchSetupDetails>

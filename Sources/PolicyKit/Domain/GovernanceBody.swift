/// The kind of a governance body set up in a community (自治组织、集体经济组织、群团组织、社会组织).
public enum GovernanceBodyKind: String, DomainCode {
    /// 管委会.
    case managementCommittee = "management_committee"
    /// 议事会.
    case deliberationCouncil = "deliberation_council"
    /// 业委会.
    case ownersCommittee = "owners_committee"
    /// 监事会.
    case supervisoryCouncil = "supervisory_council"
    /// 居委会.
    case residentsCommittee = "residents_committee"
    /// 集体经济组织.
    case collectiveEconomy = "collective_economy"
    /// 工会.
    case tradeUnion = "trade_union"
    /// 共青团.
    case youthLeague = "youth_league"
    /// 妇联.
    case womensFederation = "womens_federation"
    /// 社会组织.
    case socialOrganization = "social_organization"
    /// 党员志愿服务队.
    case volunteerTeam = "volunteer_team"

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .managementCommittee: "管委会"
        case .deliberationCouncil: "议事会"
        case .ownersCommittee: "业委会"
        case .supervisoryCouncil: "监事会"
        case .residentsCommittee: "居委会"
        case .collectiveEconomy: "集体经济组织"
        case .tradeUnion: "工会"
        case .youthLeague: "共青团"
        case .womensFederation: "妇联"
        case .socialOrganization: "社会组织"
        case .volunteerTeam: "党员志愿服务队"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .managementCommittee: "management committee"
        case .deliberationCouncil: "deliberation council"
        case .ownersCommittee: "owners' committee"
        case .supervisoryCouncil: "supervisory council"
        case .residentsCommittee: "residents' committee"
        case .collectiveEconomy: "collective economic organisation"
        case .tradeUnion: "trade union"
        case .youthLeague: "youth league"
        case .womensFederation: "women's federation"
        case .socialOrganization: "social organisation"
        case .volunteerTeam: "party members' volunteer team"
        }
    }
}

/// A governance body set up in a community: one row of `bodies.csv`.
public struct GovernanceBody: Hashable, Sendable {
    /// The community it is set up in.
    public var communityID: String
    /// What kind of body it is.
    public var kind: GovernanceBodyKind
    /// The day it was set up.
    public var established: CivilDate
    /// Its name, or "".
    public var name: String

    /// Creates a body row.
    public init(communityID: String, kind: GovernanceBodyKind, established: CivilDate, name: String = "") {
        self.communityID = communityID
        self.kind = kind
        self.established = established
        self.name = name
    }
}

/// The kind of a community's meeting or public act.
public enum MeetingKind: String, DomainCode {
    /// 民主议事.
    case deliberation
    /// 民主监督.
    case supervision
    /// 事务公开.
    case disclosure
    /// 政策宣传.
    case policyBriefing = "policy_briefing"
    /// 征求党员群众意见.
    case consultation
    /// 社区活动.
    case communityActivity = "community_activity"

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .deliberation: "民主议事"
        case .supervision: "民主监督"
        case .disclosure: "事务公开"
        case .policyBriefing: "政策宣传"
        case .consultation: "征求党员群众意见"
        case .communityActivity: "社区活动"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .deliberation: "deliberation"
        case .supervision: "supervision"
        case .disclosure: "disclosure"
        case .policyBriefing: "policy briefing"
        case .consultation: "consultation"
        case .communityActivity: "community activity"
        }
    }
}

/// A meeting or public act of a community: one row of `meetings.csv`.
public struct Meeting: Hashable, Sendable {
    /// The community that held it.
    public var communityID: String
    /// The day it was held.
    public var date: CivilDate
    /// What kind of meeting it was.
    public var kind: MeetingKind
    /// How many attended.
    public var attendees: Int

    /// Creates a meeting row.
    public init(communityID: String, date: CivilDate, kind: MeetingKind, attendees: Int = 0) {
        self.communityID = communityID
        self.date = date
        self.kind = kind
        self.attendees = attendees
    }
}

/// A list of a transition-stage distribution.
public enum DistributionKind: String, DomainCode {
    /// 集体资产分配.
    case collectiveAssets = "collective_assets"
    /// 拆迁过渡补偿.
    case compensation
    /// 安置房屋选择.
    case housingChoice = "housing_choice"

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .collectiveAssets: "集体资产分配"
        case .compensation: "拆迁过渡补偿"
        case .housingChoice: "安置房屋选择"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .collectiveAssets: "collective asset distribution"
        case .compensation: "resettlement compensation"
        case .housingChoice: "resettlement housing choice"
        }
    }
}

/// A member's place on a list of a transition-stage distribution: one row of `distributions.csv`.
public struct Distribution: Hashable, Sendable {
    /// The community whose list it is.
    public var communityID: String
    /// Which list.
    public var kind: DistributionKind
    /// The member on the list.
    public var memberID: String

    /// Creates a distribution row.
    public init(communityID: String, kind: DistributionKind, memberID: String) {
        self.communityID = communityID
        self.kind = kind
        self.memberID = memberID
    }
}

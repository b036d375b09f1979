/// The kind of an organisation stationed in a community.
public enum UnitKind: String, DomainCode {
    /// 机关: a government body.
    case government
    /// 企业: an enterprise.
    case enterprise
    /// 事业单位: a public institution.
    case institution
    /// 新经济组织: a new economic organisation.
    case newEconomic = "new_economic"
    /// 新社会组织: a new social organisation.
    case newSocial = "new_social"

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .government: "机关"
        case .enterprise: "企业"
        case .institution: "事业单位"
        case .newEconomic: "新经济组织"
        case .newSocial: "新社会组织"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .government: "government body"
        case .enterprise: "enterprise"
        case .institution: "public institution"
        case .newEconomic: "new economic organisation"
        case .newSocial: "new social organisation"
        }
    }
}

/// An organisation stationed in a community (驻区单位: 机关、企事业单位、两新组织): one row of
/// `units.csv`.
public struct Unit: Hashable, Sendable {
    /// The unit id, unique in the dataset.
    public var id: String
    /// The community it is stationed in.
    public var communityID: String
    /// The unit's name.
    public var name: String
    /// What kind of organisation it is.
    public var kind: UnitKind
    /// Party members in the unit.
    public var partyMembers: Int
    /// Whether the unit has its own party organisation.
    public var hasPartyOrganisation: Bool

    /// Creates a unit.
    public init(
        id: String, communityID: String, name: String = "", kind: UnitKind, partyMembers: Int = 0,
        hasPartyOrganisation: Bool = false
    ) {
        self.id = id
        self.communityID = communityID
        self.name = name
        self.kind = kind
        self.partyMembers = partyMembers
        self.hasPartyOrganisation = hasPartyOrganisation
    }
}

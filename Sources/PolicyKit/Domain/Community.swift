/// A community (社区) of the district: one row of `communities.csv`.
public struct Community: Hashable, Sendable {
    /// The community id, unique in the dataset.
    public var id: String
    /// The community's name.
    public var name: String
    /// The district (区/县) it belongs to.
    public var district: String
    /// The town or sub-district (镇/街道) that oversees it.
    public var town: String
    /// The stage the district has declared for it, if any.
    public var declaredStage: Stage?
    /// Households planned for resettlement.
    public var householdsPlanned: Int
    /// Households already moved in.
    public var householdsMovedIn: Int
    /// Whether an establishment-type residents' committee (居委会) has been set up.
    public var hasResidentsCommittee: Bool
    /// The town party committee deputy secretary assigned to it (镇党委副书记), or "".
    public var townDeputySecretary: String

    /// Creates a community; every field but the id has the data contract's default.
    public init(
        id: String, name: String = "", district: String = "", town: String = "",
        declaredStage: Stage? = nil, householdsPlanned: Int = 0, householdsMovedIn: Int = 0,
        hasResidentsCommittee: Bool = false, townDeputySecretary: String = ""
    ) {
        self.id = id
        self.name = name
        self.district = district
        self.town = town
        self.declaredStage = declaredStage
        self.householdsPlanned = householdsPlanned
        self.householdsMovedIn = householdsMovedIn
        self.hasResidentsCommittee = hasResidentsCommittee
        self.townDeputySecretary = townDeputySecretary
    }
}

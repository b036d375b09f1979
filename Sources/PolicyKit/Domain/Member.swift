/// A party member (党员) living in one of the district's communities: one row of `members.csv`.
public struct Member: Hashable, Sendable {
    /// The member id, unique in the dataset.
    public var id: String
    /// The member's name.
    public var name: String
    /// The community the member lives in.
    public var communityID: String
    /// The residential subdivision (小区), or "".
    public var subdivision: String
    /// The building (楼栋), or "".
    public var building: String
    /// The date of birth.
    public var birthDate: CivilDate
    /// The date of joining the party as a probationary member (入党时间).
    public var joinDate: CivilDate
    /// Full or probationary.
    public var status: MembershipStatus
    /// Where the member's organisational relation is kept.
    public var relation: Relation
    /// The original administrative village (原行政村) of a resettled villager, or "".
    public var originVillage: String
    /// What the member does for a living.
    public var employment: Employment
    /// The employer of an in-service member, or "".
    public var employer: String
    /// The first day of the member's current absence for work or business elsewhere (外出务工经商).
    public var awaySince: CivilDate?
    /// Where the absent member is (去向), or "".
    public var awayPlace: String
    /// The member's contact (联系方式), or "".
    public var phone: String
    /// What the member does (从事职业), or "".
    public var occupation: String
    /// The day a relation transfer letter (组织关系介绍信) was issued and not yet lodged.
    public var letterIssued: CivilDate?
    /// The member's last attendance of organisational life (组织生活).
    public var lastOrgLife: CivilDate?
    /// The member's highest education.
    public var education: Education
    /// Years served as a village or community cadre.
    public var cadreYears: Int
    /// Whether the member volunteered to stand for a post.
    public var willingToServe: Bool
    /// The last day of a disciplinary penalty period (处分影响期).
    public var sanctionUntil: CivilDate?
    /// The last year the member was rated 不合格 in democratic evaluation.
    public var unqualifiedYear: Int?
    /// Whether the member has been criminally punished.
    public var criminalRecord: Bool
    /// Whether the member is on the list of dishonest judgment debtors (失信被执行人).
    public var dishonestDebtor: Bool

    /// Creates a member; every field not named has the data contract's default.
    public init(
        id: String, name: String = "", communityID: String, subdivision: String = "",
        building: String = "", birthDate: CivilDate, joinDate: CivilDate,
        status: MembershipStatus, relation: Relation, originVillage: String = "",
        employment: Employment = .none, employer: String = "", awaySince: CivilDate? = nil,
        awayPlace: String = "", phone: String = "", occupation: String = "",
        letterIssued: CivilDate? = nil, lastOrgLife: CivilDate? = nil,
        education: Education = .none, cadreYears: Int = 0, willingToServe: Bool = false,
        sanctionUntil: CivilDate? = nil, unqualifiedYear: Int? = nil,
        criminalRecord: Bool = false, dishonestDebtor: Bool = false
    ) {
        self.id = id
        self.name = name
        self.communityID = communityID
        self.subdivision = subdivision
        self.building = building
        self.birthDate = birthDate
        self.joinDate = joinDate
        self.status = status
        self.relation = relation
        self.originVillage = originVillage
        self.employment = employment
        self.employer = employer
        self.awaySince = awaySince
        self.awayPlace = awayPlace
        self.phone = phone
        self.occupation = occupation
        self.letterIssued = letterIssued
        self.lastOrgLife = lastOrgLife
        self.education = education
        self.cadreYears = cadreYears
        self.willingToServe = willingToServe
        self.sanctionUntil = sanctionUntil
        self.unqualifiedYear = unqualifiedYear
        self.criminalRecord = criminalRecord
        self.dishonestDebtor = dishonestDebtor
    }

    /// Whether the member is a full member (正式党员).
    @inlinable public var isFull: Bool { status == .full }
}

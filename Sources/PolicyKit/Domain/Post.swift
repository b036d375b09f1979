/// A body whose posts cadre selection fills (两委、两会、集体经济组织).
public enum PostBody: String, DomainCode {
    /// 社区党组织委员会: the community's party committee.
    case partyCommittee = "party_committee"
    /// 居委会: the residents' committee.
    case residentsCommittee = "residents_committee"
    /// 议事会: the deliberation council.
    case deliberationCouncil = "deliberation_council"
    /// 监事会: the supervisory council.
    case supervisoryCouncil = "supervisory_council"
    /// 集体经济组织: the collective economic organisation.
    case collectiveEconomy = "collective_economy"

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .partyCommittee: "社区党组织委员会"
        case .residentsCommittee: "居委会"
        case .deliberationCouncil: "议事会"
        case .supervisoryCouncil: "监事会"
        case .collectiveEconomy: "集体经济组织"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .partyCommittee: "party committee"
        case .residentsCommittee: "residents' committee"
        case .deliberationCouncil: "deliberation council"
        case .supervisoryCouncil: "supervisory council"
        case .collectiveEconomy: "collective economic organisation"
        }
    }
}

/// A post in a body.
public enum PostTitle: String, DomainCode {
    /// 书记.
    case secretary
    /// 副书记.
    case deputySecretary = "deputy_secretary"
    /// 主任.
    case director
    /// 副主任.
    case deputyDirector = "deputy_director"
    /// 会长/理事长.
    case chair
    /// 委员/成员.
    case member

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .secretary: "书记"
        case .deputySecretary: "副书记"
        case .director: "主任"
        case .deputyDirector: "副主任"
        case .chair: "会长"
        case .member: "委员"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .secretary: "secretary"
        case .deputySecretary: "deputy secretary"
        case .director: "director"
        case .deputyDirector: "deputy director"
        case .chair: "chair"
        case .member: "member"
        }
    }
}

/// A post to fill in one of a community's bodies: one row of `posts.csv`.
///
/// Rows are filled in file order within a community: the order is the order of priority.
public struct Post: Hashable, Sendable {
    /// The community whose body it is.
    public var communityID: String
    /// The body.
    public var body: PostBody
    /// The post in the body.
    public var title: PostTitle
    /// Seats to fill, at least 1.
    public var seats: Int
    /// The number of the first seat of this row: seats are counted from 1 over every row of the
    /// community with the same body and post, so a second row continues the count.
    public var firstSeat: Int

    /// Creates a post row.
    public init(communityID: String, body: PostBody, title: PostTitle, seats: Int = 1, firstSeat: Int = 1) {
        self.communityID = communityID
        self.body = body
        self.title = title
        self.seats = seats
        self.firstSeat = firstSeat
    }

    /// The decision subject of one of its seats: `post:COMMUNITY/BODY/POST/SEAT`.
    public func subject(seat: Int) -> String {
        "post:\(communityID)/\(body.rawValue)/\(title.rawValue)/\(seat)"
    }
}

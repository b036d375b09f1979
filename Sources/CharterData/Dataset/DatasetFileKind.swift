/// The files of a dataset folder, in the data contract's order (the order they are read in, and
/// the order problems are listed in), each with its columns.
enum DatasetFileKind: Int, CaseIterable, Sendable {
    case communities, members, units, posts, events, bodies, meetings, distributions

    /// The base name, such as `members`.
    var name: String {
        switch self {
        case .communities: "communities"
        case .members: "members"
        case .units: "units"
        case .posts: "posts"
        case .events: "events"
        case .bodies: "bodies"
        case .meetings: "meetings"
        case .distributions: "distributions"
        }
    }

    /// Whether a dataset must have the file.
    var isRequired: Bool { self == .communities || self == .members }

    /// The columns, in the order of the column enumerations below (their raw values).
    var columns: [String] {
        switch self {
        case .communities: CommunityColumn.names
        case .members: MemberColumn.names
        case .units: UnitColumn.names
        case .posts: PostColumn.names
        case .events: EventColumn.names
        case .bodies: BodyColumn.names
        case .meetings: MeetingColumn.names
        case .distributions: DistributionColumn.names
        }
    }

    /// The columns a file of this kind must have, as indices into ``columns``.
    var requiredColumns: [Int] {
        switch self {
        case .communities: [CommunityColumn.id.rawValue]
        case .members:
            [
                MemberColumn.id, .communityID, .birthDate, .joinDate, .status, .relation,
            ].map(\.rawValue)
        case .units: [UnitColumn.id, .communityID, .kind].map(\.rawValue)
        case .posts: [PostColumn.communityID, .body, .post].map(\.rawValue)
        case .events: [EventColumn.memberID, .date, .kind].map(\.rawValue)
        case .bodies: [BodyColumn.communityID, .body, .established].map(\.rawValue)
        case .meetings: [MeetingColumn.communityID, .date, .kind].map(\.rawValue)
        case .distributions: [DistributionColumn.communityID, .kind, .memberID].map(\.rawValue)
        }
    }
}

/// The columns of `communities.csv`; raw values index ``names``.
enum CommunityColumn: Int, CaseIterable {
    case id, name, district, town, stage, householdsPlanned, householdsMovedIn, residentsCommittee
    case townDeputySecretary
    static let names = [
        "id", "name", "district", "town", "stage", "households_planned", "households_moved_in",
        "residents_committee", "town_deputy_secretary",
    ]
}

/// The columns of `members.csv`; raw values index ``names``.
enum MemberColumn: Int, CaseIterable {
    case id, name, communityID, subdivision, building, birthDate, joinDate, status, relation
    case originVillage, employment, employer, awaySince, awayPlace, phone, occupation, letterIssued
    case lastOrgLife, education, cadreYears, willingToServe, sanctionUntil, unqualifiedYear
    case criminalRecord, dishonestDebtor
    static let names = [
        "id", "name", "community_id", "subdivision", "building", "birth_date", "join_date", "status",
        "relation", "origin_village", "employment", "employer", "away_since", "away_place", "phone",
        "occupation", "letter_issued", "last_org_life", "education", "cadre_years", "willing_to_serve",
        "sanction_until", "unqualified_year", "criminal_record", "dishonest_debtor",
    ]
}

/// The columns of `units.csv`; raw values index ``names``.
enum UnitColumn: Int, CaseIterable {
    case id, communityID, name, kind, partyMembers, hasPartyOrg
    static let names = ["id", "community_id", "name", "kind", "party_members", "has_party_org"]
}

/// The columns of `posts.csv`; raw values index ``names``.
enum PostColumn: Int, CaseIterable {
    case communityID, body, post, seats
    static let names = ["community_id", "body", "post", "seats"]
}

/// The columns of `events.csv`; raw values index ``names``.
enum EventColumn: Int, CaseIterable {
    case memberID, date, kind, amount
    static let names = ["member_id", "date", "kind", "amount"]
}

/// The columns of `bodies.csv`; raw values index ``names``.
enum BodyColumn: Int, CaseIterable {
    case communityID, body, established, name
    static let names = ["community_id", "body", "established", "name"]
}

/// The columns of `meetings.csv`; raw values index ``names``.
enum MeetingColumn: Int, CaseIterable {
    case communityID, date, kind, attendees
    static let names = ["community_id", "date", "kind", "attendees"]
}

/// The columns of `distributions.csv`; raw values index ``names``.
enum DistributionColumn: Int, CaseIterable {
    case communityID, kind, memberID
    static let names = ["community_id", "kind", "member_id"]
}

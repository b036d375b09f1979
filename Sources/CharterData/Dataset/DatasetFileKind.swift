import CharterSupport

/// The files of a dataset folder, in the data contract's order (the order they are read in, and
/// the order problems are listed in), each with its columns.
enum DatasetFileKind: Int, CaseIterable, Sendable {
    case communities, members, units, posts, events, bodies, meetings, distributions

    /// The file as the data contract's table gives it.
    var file: DatasetFile { DatasetFile.allCases[rawValue] }

    /// The base name, such as `members`.
    var name: String { file.rawValue }

    /// Whether a dataset must have the file.
    var isRequired: Bool { self == .communities || self == .members }

    /// The columns, in the table's order, which the column enumerations below follow (their raw
    /// values are positions in it).
    var columns: [String] { file.columns }

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
    static let names = DatasetFile.communities.columns
}

/// The columns of `members.csv`; raw values index ``names``.
enum MemberColumn: Int, CaseIterable {
    case id, name, communityID, subdivision, building, birthDate, joinDate, status, relation
    case originVillage, employment, employer, awaySince, awayPlace, phone, occupation, letterIssued
    case lastOrgLife, education, cadreYears, willingToServe, sanctionUntil, unqualifiedYear
    case criminalRecord, dishonestDebtor
    static let names = DatasetFile.members.columns
}

/// The columns of `units.csv`; raw values index ``names``.
enum UnitColumn: Int, CaseIterable {
    case id, communityID, name, kind, partyMembers, hasPartyOrg
    static let names = DatasetFile.units.columns
}

/// The columns of `posts.csv`; raw values index ``names``.
enum PostColumn: Int, CaseIterable {
    case communityID, body, post, seats
    static let names = DatasetFile.posts.columns
}

/// The columns of `events.csv`; raw values index ``names``.
enum EventColumn: Int, CaseIterable {
    case memberID, date, kind, amount
    static let names = DatasetFile.events.columns
}

/// The columns of `bodies.csv`; raw values index ``names``.
enum BodyColumn: Int, CaseIterable {
    case communityID, body, established, name
    static let names = DatasetFile.bodies.columns
}

/// The columns of `meetings.csv`; raw values index ``names``.
enum MeetingColumn: Int, CaseIterable {
    case communityID, date, kind, attendees
    static let names = DatasetFile.meetings.columns
}

/// The columns of `distributions.csv`; raw values index ``names``.
enum DistributionColumn: Int, CaseIterable {
    case communityID, kind, memberID
    static let names = DatasetFile.distributions.columns
}

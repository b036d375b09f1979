/// The eight files of a district dataset, in the data contract's order, with the columns a
/// generated file carries (all of the contract's columns, in the contract's order).
public enum DatasetFile: String, CaseIterable, Sendable {
    /// `communities.csv`.
    case communities
    /// `members.csv`.
    case members
    /// `units.csv`.
    case units
    /// `posts.csv`.
    case posts
    /// `events.csv`.
    case events
    /// `bodies.csv`.
    case bodies
    /// `meetings.csv`.
    case meetings
    /// `distributions.csv`.
    case distributions

    /// The file's name in a dataset folder, such as `members.csv`.
    public var fileName: String { rawValue + ".csv" }

    /// The header row the contract names for the file.
    public var columns: [String] {
        switch self {
        case .communities:
            [
                "id", "name", "district", "town", "stage", "households_planned", "households_moved_in",
                "residents_committee", "town_deputy_secretary",
            ]
        case .members:
            [
                "id", "name", "community_id", "subdivision", "building", "birth_date", "join_date", "status",
                "relation", "origin_village", "employment", "employer", "away_since", "away_place", "phone",
                "occupation", "letter_issued", "last_org_life", "education", "cadre_years", "willing_to_serve",
                "sanction_until", "unqualified_year", "criminal_record", "dishonest_debtor",
            ]
        case .units: ["id", "community_id", "name", "kind", "party_members", "has_party_org"]
        case .posts: ["community_id", "body", "post", "seats"]
        case .events: ["member_id", "date", "kind", "amount"]
        case .bodies: ["community_id", "body", "established", "name"]
        case .meetings: ["community_id", "date", "kind", "attendees"]
        case .distributions: ["community_id", "kind", "member_id"]
        }
    }
}

public import PolicyKit

/// A district's dataset, read and checked: every row of every file as PolicyKit's values.
///
/// Rows keep the order of their files. Reading refuses a dataset that breaks the data contract
/// (see ``DatasetReader``), so a `Dataset` is always whole and consistent: ids are unique, every
/// reference names a row that exists.
public struct Dataset: Sendable {
    /// `communities.csv`.
    public var communities: [Community]
    /// `members.csv`.
    public var members: [Member]
    /// `units.csv` (empty when the file is absent).
    public var units: [Unit]
    /// `posts.csv`, with each row's first seat number counted (empty when absent).
    public var posts: [Post]
    /// `events.csv` (empty when absent).
    public var events: [LedgerEvent]
    /// `bodies.csv` (empty when absent).
    public var bodies: [GovernanceBody]
    /// `meetings.csv` (empty when absent).
    public var meetings: [Meeting]
    /// `distributions.csv` (empty when absent).
    public var distributions: [Distribution]
    /// The files that were read, in the data contract's order.
    public var files: [DatasetFileInfo]
    /// The rows' references to other rows as positions, as the reader resolved them (empty for a
    /// dataset built otherwise).
    public var references: RowReferences

    /// Creates a dataset from its rows.
    public init(
        communities: [Community] = [], members: [Member] = [], units: [Unit] = [], posts: [Post] = [],
        events: [LedgerEvent] = [], bodies: [GovernanceBody] = [], meetings: [Meeting] = [],
        distributions: [Distribution] = [], files: [DatasetFileInfo] = [], references: RowReferences = RowReferences()
    ) {
        self.communities = communities
        self.members = members
        self.units = units
        self.posts = posts
        self.events = events
        self.bodies = bodies
        self.meetings = meetings
        self.distributions = distributions
        self.files = files
        self.references = references
    }
}

/// One file of a dataset as it was read.
public struct DatasetFileInfo: Hashable, Sendable {
    /// The file's base name in the data contract, such as `members` (no extension).
    public var name: String
    /// The file's path as read.
    public var path: String
    /// The number of rows read.
    public var rows: Int
    /// The SHA-256 of the file's bytes, in lower-case hex.
    public var sha256: String

    /// Creates a file description.
    public init(name: String, path: String, rows: Int, sha256: String) {
        self.name = name
        self.path = path
        self.rows = rows
        self.sha256 = sha256
    }
}

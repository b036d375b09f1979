/// The references between a dataset's rows as row positions, resolved while the dataset was read,
/// so that grouping rows needs no lookup of ids.
///
/// Each array runs parallel to its rows: `memberCommunity[i]` is the position in
/// ``Dataset/communities`` of the community that `members[i]` names, and so on; -1 stands for an
/// id that names no row (which a checked dataset never has). A dataset built or changed other than
/// by ``DatasetReader`` may leave them empty or out of step with its rows: a reader of them checks
/// that a position is in range and names the same id before trusting it.
public struct RowReferences: Hashable, Sendable {
    /// For each member, its community's position.
    public var memberCommunity: [Int32]
    /// For each unit, its community's position.
    public var unitCommunity: [Int32]
    /// For each post, its community's position.
    public var postCommunity: [Int32]
    /// For each ledger event, its member's position.
    public var eventMember: [Int32]
    /// For each governance body, its community's position.
    public var bodyCommunity: [Int32]
    /// For each meeting, its community's position.
    public var meetingCommunity: [Int32]
    /// For each distribution row, its community's position.
    public var distributionCommunity: [Int32]
    /// For each distribution row, its member's position.
    public var distributionMember: [Int32]

    /// Creates references; every array empty by default (nothing resolved).
    public init(
        memberCommunity: [Int32] = [], unitCommunity: [Int32] = [], postCommunity: [Int32] = [],
        eventMember: [Int32] = [], bodyCommunity: [Int32] = [], meetingCommunity: [Int32] = [],
        distributionCommunity: [Int32] = [], distributionMember: [Int32] = []
    ) {
        self.memberCommunity = memberCommunity
        self.unitCommunity = unitCommunity
        self.postCommunity = postCommunity
        self.eventMember = eventMember
        self.bodyCommunity = bodyCommunity
        self.meetingCommunity = meetingCommunity
        self.distributionCommunity = distributionCommunity
        self.distributionMember = distributionMember
    }
}

public import CharterData
public import PolicyKit

/// The dataset's rows grouped by community, in the fixed order modules see them.
///
/// Built once per run in linear time (plus the sorts the order needs), before any module runs.
public struct DatasetIndex: Sendable {
    /// The dataset.
    public let dataset: Dataset
    /// For each community, its members' indices sorted by member id (UTF-8 bytes).
    public let membersByCommunity: [[Int]]
    /// For each member, its events' indices, by date (file order within a date).
    public let eventsByMember: [[Int]]
    /// For each community, its units' indices sorted by unit id.
    public let unitsByCommunity: [[Int]]
    /// For each community, its posts' indices in file order.
    public let postsByCommunity: [[Int]]
    /// For each community, its bodies' indices by date.
    public let bodiesByCommunity: [[Int]]
    /// For each community, its meetings' indices by date.
    public let meetingsByCommunity: [[Int]]
    /// For each community, its distribution rows' indices by list then member id.
    public let distributionsByCommunity: [[Int]]
    /// Community indices sorted by community id.
    public let communityOrder: [Int]
    /// Member indices sorted by member id.
    public let membersByID: [Int]
    /// For each member, its community's index and its position among the community's members
    /// (both -1 for a member of no community, which a checked dataset never has).
    public let memberPlaces: [MemberPlace]

    /// Where a member sits: its community, and its position in the community's sorted members.
    public struct MemberPlace: Hashable, Sendable {
        /// The community's index in the dataset.
        public let community: Int32
        /// The position among the community's members.
        public let position: Int32
    }

    /// Groups a (checked) dataset.
    public init(_ dataset: Dataset) {
        self.dataset = dataset
        var communityByID: [String: Int] = [:]
        communityByID.reserveCapacity(dataset.communities.count)
        for (index, community) in dataset.communities.enumerated() { communityByID[community.id] = index }
        var memberByID: [String: Int] = [:]
        memberByID.reserveCapacity(dataset.members.count)
        for (index, member) in dataset.members.enumerated() { memberByID[member.id] = index }

        /// Groups rows by the index of the id they name. Files list a community's or a member's rows
        /// together more often than not, so the last id is remembered and a repeat costs no lookup.
        func group<Row>(_ rows: [Row], by id: (Row) -> String, in table: [String: Int], count: Int) -> [[Int]] {
            var groups = Array(repeating: [Int](), count: count)
            var lastID: String?
            var lastGroup: Int?
            for (index, row) in rows.enumerated() {
                let rowID = id(row)
                if rowID != lastID {
                    lastID = rowID
                    lastGroup = table[rowID]
                }
                if let group = lastGroup { groups[group].append(index) }
            }
            return groups
        }
        let communities = dataset.communities.count
        let members = dataset.members
        // Members sorted by id once (files usually list them in that order already, so the check
        // is all it costs); grouped in that order, each community's members come out sorted too.
        var membersByID = Array(members.indices)
        if !membersByID.isSorted(by: { members[$0].id.utf8Precedes(members[$1].id) }) {
            membersByID.sort { members[$0].id.utf8Precedes(members[$1].id) }
        }
        let membersInIDOrder = membersByID.map { members[$0] }
        let grouped = group(membersInIDOrder, by: \.communityID, in: communityByID, count: communities)
        let membersByCommunity = grouped.map { $0.map { membersByID[$0] } }
        var places = Array(repeating: MemberPlace(community: -1, position: -1), count: members.count)
        for (community, group) in membersByCommunity.enumerated() {
            for (position, member) in group.enumerated() {
                places[member] = MemberPlace(community: Int32(community), position: Int32(position))
            }
        }
        self.membersByCommunity = membersByCommunity
        self.membersByID = membersByID
        self.memberPlaces = places

        let events = dataset.events
        var eventsByMember = group(events, by: \.memberID, in: memberByID, count: members.count)
        for index in eventsByMember.indices where eventsByMember[index].count > 1 {
            let byDate: (Int, Int) -> Bool = { (events[$0].date, $0) < (events[$1].date, $1) }
            if !eventsByMember[index].isSorted(by: byDate) { eventsByMember[index].sort(by: byDate) }
        }
        self.eventsByMember = eventsByMember

        let units = dataset.units
        var unitsByCommunity = group(units, by: \.communityID, in: communityByID, count: communities)
        for index in unitsByCommunity.indices {
            unitsByCommunity[index].sort { units[$0].id.utf8Precedes(units[$1].id) }
        }
        self.unitsByCommunity = unitsByCommunity

        postsByCommunity = group(dataset.posts, by: \.communityID, in: communityByID, count: communities)

        let bodies = dataset.bodies
        var bodiesByCommunity = group(bodies, by: \.communityID, in: communityByID, count: communities)
        for index in bodiesByCommunity.indices {
            bodiesByCommunity[index].sort { (bodies[$0].established, $0) < (bodies[$1].established, $1) }
        }
        self.bodiesByCommunity = bodiesByCommunity

        let meetings = dataset.meetings
        var meetingsByCommunity = group(meetings, by: \.communityID, in: communityByID, count: communities)
        for index in meetingsByCommunity.indices {
            meetingsByCommunity[index].sort { (meetings[$0].date, $0) < (meetings[$1].date, $1) }
        }
        self.meetingsByCommunity = meetingsByCommunity

        let distributions = dataset.distributions
        var distributionsByCommunity = group(distributions, by: \.communityID, in: communityByID, count: communities)
        for index in distributionsByCommunity.indices {
            distributionsByCommunity[index].sort {
                let lhs = distributions[$0]
                let rhs = distributions[$1]
                if lhs.kind != rhs.kind {
                    return DistributionKind.allCases.firstIndex(of: lhs.kind) ?? 0
                        < DistributionKind.allCases.firstIndex(of: rhs.kind) ?? 0
                }
                return lhs.memberID.utf8Precedes(rhs.memberID)
            }
        }
        self.distributionsByCommunity = distributionsByCommunity

        communityOrder = dataset.communities.indices.sorted {
            dataset.communities[$0].id.utf8Precedes(dataset.communities[$1].id)
        }
    }

    /// The subjects of every seat of a community's posts, in post order.
    public func seatSubjects(ofCommunity community: Int) -> [String] {
        postsByCommunity[community].flatMap { index -> [String] in
            let post = dataset.posts[index]
            return (0..<post.seats).map { post.subject(seat: post.firstSeat + $0) }
        }
    }

    /// The context a module sees for a community, before any point has decided.
    public func context(ofCommunity community: Int, asOf: CivilDate) -> CommunityContext {
        let memberIndices = membersByCommunity[community]
        return CommunityContext(
            community: dataset.communities[community], asOf: asOf,
            members: memberIndices.map { dataset.members[$0] },
            events: memberIndices.map { member in eventsByMember[member].map { dataset.events[$0] } },
            units: unitsByCommunity[community].map { dataset.units[$0] },
            posts: postsByCommunity[community].map { dataset.posts[$0] },
            bodies: bodiesByCommunity[community].map { dataset.bodies[$0] },
            meetings: meetingsByCommunity[community].map { dataset.meetings[$0] },
            distributions: distributionsByCommunity[community].map { dataset.distributions[$0] })
    }
}

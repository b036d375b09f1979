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

    /// Groups a (checked) dataset.
    public init(_ dataset: Dataset) {
        self.dataset = dataset
        var communityByID: [String: Int] = [:]
        communityByID.reserveCapacity(dataset.communities.count)
        for (index, community) in dataset.communities.enumerated() { communityByID[community.id] = index }
        var memberByID: [String: Int] = [:]
        memberByID.reserveCapacity(dataset.members.count)
        for (index, member) in dataset.members.enumerated() { memberByID[member.id] = index }

        func group<Row>(_ rows: [Row], by key: (Row) -> Int?, count: Int) -> [[Int]] {
            var groups = Array(repeating: [Int](), count: count)
            for (index, row) in rows.enumerated() {
                if let group = key(row) { groups[group].append(index) }
            }
            return groups
        }
        let communities = dataset.communities.count
        let members = dataset.members
        var membersByCommunity = group(members, by: { communityByID[$0.communityID] }, count: communities)
        for index in membersByCommunity.indices {
            membersByCommunity[index].sort { members[$0].id.utf8Precedes(members[$1].id) }
        }
        self.membersByCommunity = membersByCommunity

        let events = dataset.events
        var eventsByMember = group(events, by: { memberByID[$0.memberID] }, count: members.count)
        for index in eventsByMember.indices where eventsByMember[index].count > 1 {
            eventsByMember[index].sort { (events[$0].date, $0) < (events[$1].date, $1) }
        }
        self.eventsByMember = eventsByMember

        let units = dataset.units
        var unitsByCommunity = group(units, by: { communityByID[$0.communityID] }, count: communities)
        for index in unitsByCommunity.indices {
            unitsByCommunity[index].sort { units[$0].id.utf8Precedes(units[$1].id) }
        }
        self.unitsByCommunity = unitsByCommunity

        postsByCommunity = group(dataset.posts, by: { communityByID[$0.communityID] }, count: communities)

        let bodies = dataset.bodies
        var bodiesByCommunity = group(bodies, by: { communityByID[$0.communityID] }, count: communities)
        for index in bodiesByCommunity.indices {
            bodiesByCommunity[index].sort { (bodies[$0].established, $0) < (bodies[$1].established, $1) }
        }
        self.bodiesByCommunity = bodiesByCommunity

        let meetings = dataset.meetings
        var meetingsByCommunity = group(meetings, by: { communityByID[$0.communityID] }, count: communities)
        for index in meetingsByCommunity.indices {
            meetingsByCommunity[index].sort { (meetings[$0].date, $0) < (meetings[$1].date, $1) }
        }
        self.meetingsByCommunity = meetingsByCommunity

        let distributions = dataset.distributions
        var distributionsByCommunity = group(distributions, by: { communityByID[$0.communityID] }, count: communities)
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

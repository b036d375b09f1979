import CharterSupport
import Dispatch
public import PolicyKit
import Synchronization

/// The dataset's rows grouped by community, in the fixed order modules see them.
///
/// Built once per run in linear time (plus the sorts the order needs), before any module runs.
public struct DatasetIndex: Sendable {
    /// The dataset.
    public let dataset: Dataset
    /// For each community, its members' indices sorted by member id (UTF-8 bytes).
    public let membersByCommunity: [[Int]]
    /// Every event's index, member by member (in dataset order), each member's by date (file
    /// order within a date); member `m`'s are `memberEvents[eventStarts[m]..<eventStarts[m + 1]]`.
    ///
    /// One flat array rather than an array per member: a city has a million members, and a
    /// million small arrays cost more to make, to hold and to free than the events themselves.
    public let memberEvents: [Int32]
    /// Where each member's events start in ``memberEvents``, with the end as a last entry.
    public let eventStarts: [Int]

    /// The indices of member `member`'s events, by date.
    public func events(ofMember member: Int) -> ArraySlice<Int32> {
        memberEvents[eventStarts[member]..<eventStarts[member + 1]]
    }
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

    /// Groups a (checked) dataset; with more than one job, members and events are grouped side
    /// by side (the result is the same).
    ///
    /// Rows are grouped by the positions the reader resolved (``Dataset/references``), each
    /// checked to name the row's id; where they are missing or out of step (a dataset built or
    /// changed in code), the ids are looked up instead, with the same result.
    public init(_ dataset: Dataset, jobs: Int = 1) {
        self.dataset = dataset
        let communities = dataset.communities
        let references = dataset.references
        let communityCount = communities.count

        let members: MemberGroups
        let events: EventGroups
        if jobs > 1 {
            let groupedMembers = Mutex<MemberGroups?>(nil)
            let groupedEvents = Mutex<EventGroups?>(nil)
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 {
                    let grouped = Self.groupEvents(dataset)
                    groupedEvents.withLock { $0 = grouped }
                } else {
                    let grouped = Self.groupMembers(dataset)
                    groupedMembers.withLock { $0 = grouped }
                }
            }
            members = groupedMembers.withLock { $0 } ?? Self.groupMembers(dataset)
            events = groupedEvents.withLock { $0 } ?? Self.groupEvents(dataset)
        } else {
            members = Self.groupMembers(dataset)
            events = Self.groupEvents(dataset)
        }
        membersByCommunity = members.byCommunity
        membersByID = members.byID
        memberPlaces = members.places
        memberEvents = events.memberEvents
        eventStarts = events.starts

        func byCommunity(_ resolved: [Int32], rows: Int, _ id: (Int) -> String) -> [[Int]] {
            Self.group(
                Self.positions(
                    resolved, rows: rows, targets: communityCount, rowID: id, targetID: { communities[$0].id }),
                count: communityCount)
        }
        let units = dataset.units
        var unitsByCommunity = byCommunity(references.unitCommunity, rows: units.count) { units[$0].communityID }
        for index in unitsByCommunity.indices where unitsByCommunity[index].count > 1 {
            unitsByCommunity[index].sort { units[$0].id.utf8Precedes(units[$1].id) }
        }
        self.unitsByCommunity = unitsByCommunity

        postsByCommunity = byCommunity(references.postCommunity, rows: dataset.posts.count) {
            dataset.posts[$0].communityID
        }

        let bodies = dataset.bodies
        var bodiesByCommunity = byCommunity(references.bodyCommunity, rows: bodies.count) { bodies[$0].communityID }
        for index in bodiesByCommunity.indices where bodiesByCommunity[index].count > 1 {
            bodiesByCommunity[index].sort { (bodies[$0].established, $0) < (bodies[$1].established, $1) }
        }
        self.bodiesByCommunity = bodiesByCommunity

        let meetings = dataset.meetings
        var meetingsByCommunity = byCommunity(references.meetingCommunity, rows: meetings.count) {
            meetings[$0].communityID
        }
        for index in meetingsByCommunity.indices where meetingsByCommunity[index].count > 1 {
            meetingsByCommunity[index].sort { (meetings[$0].date, $0) < (meetings[$1].date, $1) }
        }
        self.meetingsByCommunity = meetingsByCommunity

        let distributions = dataset.distributions
        var distributionsByCommunity = byCommunity(references.distributionCommunity, rows: distributions.count) {
            distributions[$0].communityID
        }
        // Each row's list as its place in the contract's order, once, rather than looked up in
        // every comparison.
        let kindOrder = Dictionary(uniqueKeysWithValues: DistributionKind.allCases.enumerated().map { ($1, $0) })
        let kindRanks = distributions.map { kindOrder[$0.kind] ?? 0 }
        distributions.withUnsafeBufferPointer { distributions in
            let precedes: (Int, Int) -> Bool = { lhs, rhs in
                kindRanks[lhs] != kindRanks[rhs]
                    ? kindRanks[lhs] < kindRanks[rhs]
                    : distributions[lhs].memberID.utf8Precedes(distributions[rhs].memberID)
            }
            for index in distributionsByCommunity.indices where distributionsByCommunity[index].count > 1 {
                if !distributionsByCommunity[index].isSorted(by: precedes) {
                    distributionsByCommunity[index].sort(by: precedes)
                }
            }
        }
        self.distributionsByCommunity = distributionsByCommunity

        communityOrder = communities.indices.sorted { communities[$0].id.utf8Precedes(communities[$1].id) }
    }

    /// Members sorted by id, grouped by community, and each member's place.
    private struct MemberGroups: Sendable {
        let byCommunity: [[Int]]
        let byID: [Int]
        let places: [MemberPlace]
    }

    /// Every event's index, member by member, and where each member's start.
    private struct EventGroups: Sendable {
        let memberEvents: [Int32]
        let starts: [Int]
    }

    private static func groupMembers(_ dataset: Dataset) -> MemberGroups {
        let communities = dataset.communities
        let members = dataset.members
        // Members sorted by id once (files usually list them in that order already, so the check
        // is all it costs); grouped in that order, each community's members come out sorted too.
        var membersByID = Array(members.indices)
        if !membersByID.isSorted(by: { members[$0].id.utf8Precedes(members[$1].id) }) {
            membersByID = members.withUnsafeBufferPointer { members in
                sortedByID(members.count) { members[$0].id }
            }
        }
        let memberCommunity = positions(
            dataset.references.memberCommunity, rows: members.count, targets: communities.count,
            rowID: { members[$0].communityID }, targetID: { communities[$0].id })
        var membersByCommunity = emptyGroups(memberCommunity, count: communities.count)
        for member in membersByID {
            let community = Int(memberCommunity[member])
            if community >= 0 { membersByCommunity[community].append(member) }
        }
        var places = Array(repeating: MemberPlace(community: -1, position: -1), count: members.count)
        for (community, group) in membersByCommunity.enumerated() {
            for (position, member) in group.enumerated() {
                places[member] = MemberPlace(community: Int32(community), position: Int32(position))
            }
        }
        return MemberGroups(byCommunity: membersByCommunity, byID: membersByID, places: places)
    }

    private static func groupEvents(_ dataset: Dataset) -> EventGroups {
        let members = dataset.members
        let events = dataset.events
        let eventMember = positions(
            dataset.references.eventMember, rows: events.count, targets: members.count,
            rowID: { events[$0].memberID }, targetID: { members[$0].id })
        var starts = [Int](repeating: 0, count: members.count + 1)
        for member in eventMember where member >= 0 { starts[Int(member) + 1] += 1 }
        for member in 0..<members.count { starts[member + 1] += starts[member] }
        var memberEvents = [Int32](repeating: 0, count: starts[members.count])
        var next = starts
        for (event, member) in eventMember.enumerated() where member >= 0 {
            memberEvents[next[Int(member)]] = Int32(event)
            next[Int(member)] += 1
        }
        events.withUnsafeBufferPointer { events in
            let byDate: (Int32, Int32) -> Bool = {
                (events[Int($0)].date, $0) < (events[Int($1)].date, $1)
            }
            for member in 0..<members.count where starts[member + 1] - starts[member] > 1 {
                let range = starts[member]..<starts[member + 1]
                if !memberEvents[range].isSorted(by: byDate) { memberEvents[range].sort(by: byDate) }
            }
        }
        return EventGroups(memberEvents: memberEvents, starts: starts)
    }

    /// The indices `0..<count` sorted by `id(index)` in UTF-8 byte order.
    ///
    /// Each id's first eight bytes, as one integer, are its sort key, and ids are compared whole
    /// only where those are equal: an export in no order costs a sort of integers, not a million
    /// string comparisons that each fetch two ids from anywhere in memory.
    static func sortedByID(_ count: Int, _ id: (Int) -> String) -> [Int] {
        var keys: [(key: UInt64, index: Int32)] = []
        keys.reserveCapacity(count)
        for index in 0..<count {
            var key: UInt64 = 0
            var taken = 0
            for byte in id(index).utf8.prefix(8) {
                key = key << 8 | UInt64(byte)
                taken += 1
            }
            if taken < 8 { key <<= UInt64(8 * (8 - taken)) }
            keys.append((key, Int32(index)))
        }
        keys.sort { $0.key != $1.key ? $0.key < $1.key : id(Int($0.index)).utf8Precedes(id(Int($1.index))) }
        return keys.map { Int($0.index) }
    }

    /// For each row, the position of the target row its id names (-1 for none).
    ///
    /// These are the positions the reader resolved when every one of them names the same id, else
    /// the ids are looked up. Closures rather than key paths, so that no row is copied to read its
    /// id.
    private static func positions(
        _ resolved: [Int32], rows: Int, targets: Int, rowID: (Int) -> String, targetID: (Int) -> String
    ) -> [Int32] {
        if resolved.count == rows {
            var valid = true
            for (row, position) in resolved.enumerated() {
                guard position >= 0, Int(position) < targets, targetID(Int(position)) == rowID(row) else {
                    valid = false
                    break
                }
            }
            if valid { return resolved }
        }
        var table: [String: Int32] = [:]
        table.reserveCapacity(targets)
        for target in 0..<targets { table[targetID(target)] = Int32(target) }
        return (0..<rows).map { table[rowID($0)] ?? -1 }
    }

    /// Empty groups with room for the rows each will hold.
    private static func emptyGroups(_ positions: [Int32], count: Int) -> [[Int]] {
        var sizes = [Int](repeating: 0, count: count)
        for position in positions where position >= 0 { sizes[Int(position)] += 1 }
        return sizes.map { size in
            var group: [Int] = []
            group.reserveCapacity(size)
            return group
        }
    }

    /// The rows' indices grouped by the position each names, in row order; rows naming none are
    /// left out.
    private static func group(_ positions: [Int32], count: Int) -> [[Int]] {
        var groups = emptyGroups(positions, count: count)
        for (index, position) in positions.enumerated() where position >= 0 {
            groups[Int(position)].append(index)
        }
        return groups
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
            events: memberIndices.map { member in events(ofMember: member).map { dataset.events[Int($0)] } },
            units: unitsByCommunity[community].map { dataset.units[$0] },
            posts: postsByCommunity[community].map { dataset.posts[$0] },
            bodies: bodiesByCommunity[community].map { dataset.bodies[$0] },
            meetings: meetingsByCommunity[community].map { dataset.meetings[$0] },
            distributions: distributionsByCommunity[community].map { dataset.distributions[$0] })
    }
}

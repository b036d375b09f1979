import CharterData
public import PolicyKit

/// Everything a run decided, with the dataset it decided on, in the order the records are written.
public struct RunDecisions: Sendable {
    /// The dataset, grouped.
    public let index: DatasetIndex
    /// The results, one per community, in dataset order.
    public let results: [CommunityResult]
    /// The points the run decided, in run order.
    public let points: [ExtensionPoint]

    /// Pairs the results with their dataset.
    public init(index: DatasetIndex, results: [CommunityResult], points: [ExtensionPoint]) {
        self.index = index
        self.results = results
        self.points = points
    }

    /// Where one decision sits: the community's result and the position in its list (0 for a
    /// community's own decision).
    public struct Position: Hashable, Sendable {
        /// The community's index in the dataset (and in `results`).
        public let community: Int
        /// The member's or seat's position within the community's result.
        public let position: Int
    }

    /// The positions of every subject of `point`, sorted by subject (UTF-8 bytes).
    ///
    /// Two runs over the same dataset have the same positions, so their decisions pair up by index.
    public func positions(of point: ExtensionPoint) -> [Position] {
        switch point.subjectKind {
        case .community:
            return index.communityOrder.map { Position(community: $0, position: 0) }
        case .member:
            return memberOrder.map { Position(community: $0.community, position: $0.position) }
        case .seat:
            var seats: [(subject: String, position: Position)] = []
            for result in results {
                for (position, subject) in result.seatSubjects.enumerated() {
                    seats.append((subject, Position(community: result.community, position: position)))
                }
            }
            seats.sort { $0.subject.utf8Precedes($1.subject) }
            return seats.map(\.position)
        }
    }

    /// The record of `point` at `position`, or `nil` when the run did not decide it.
    public func record(of point: ExtensionPoint, at position: Position) -> DecisionRecord? {
        let result = results[position.community]
        let members = index.dataset.members
        let id = index.dataset.communities[position.community].id
        switch point {
        case .stage:
            return result.stage.map { DecisionRecord(community: id, module: $0.module, stage: $0.value) }
        case .branchSetup:
            return result.branchSetup.map { DecisionRecord(community: id, module: $0.module, branchSetup: $0.value) }
        case .governance:
            return result.governance.map { DecisionRecord(community: id, module: $0.module, governance: $0.value) }
        case .memberManagement:
            let member = members[result.members[position.position]].id
            return result.management.map {
                DecisionRecord(member: member, module: $0.module, management: $0.value[position.position])
            }
        case .points:
            let member = members[result.members[position.position]].id
            return result.points.map {
                DecisionRecord(member: member, module: $0.module, points: $0.value[position.position])
            }
        case .cadreSelection:
            let subject = result.seatSubjects[position.position]
            return result.seats.map {
                DecisionRecord(seat: subject, module: $0.module, seat: $0.value[position.position])
            }
        }
    }

    /// Calls `body` with every record of `point`, sorted by subject (UTF-8 bytes).
    public func forEachRecord(of point: ExtensionPoint, _ body: (DecisionRecord) throws -> Void) rethrows {
        guard points.contains(point) else { return }
        for position in positions(of: point) {
            if let record = record(of: point, at: position) { try body(record) }
        }
    }

    /// Every member as (community result, position in it), sorted by member id.
    public var memberOrder: [(community: Int, position: Int)] {
        let members = index.dataset.members
        var order: [(community: Int, position: Int)] = []
        order.reserveCapacity(members.count)
        for result in results {
            for position in result.members.indices { order.append((result.community, position)) }
        }
        order.sort {
            members[results[$0.community].members[$0.position]].id.utf8Precedes(
                members[results[$1.community].members[$1.position]].id)
        }
        return order
    }

    /// How many decisions of each outcome each point made.
    public var outcomeCounts: [ExtensionPoint: [String: Int]] {
        var counts: [ExtensionPoint: [String: Int]] = [:]
        for result in results {
            if let decided = result.stage {
                counts[.stage, default: [:]][decided.value.outcome.rawValue, default: 0] += 1
            }
            if let decided = result.branchSetup {
                counts[.branchSetup, default: [:]][decided.value.outcome.rawValue, default: 0] += 1
            }
            for decision in result.management?.value ?? [] {
                counts[.memberManagement, default: [:]][decision.outcome.rawValue, default: 0] += 1
            }
            for decision in result.seats?.value ?? [] {
                counts[.cadreSelection, default: [:]][decision.outcome.rawValue, default: 0] += 1
            }
            for decision in result.points?.value ?? [] {
                counts[.points, default: [:]][decision.outcome.rawValue, default: 0] += 1
            }
            if let decided = result.governance {
                counts[.governance, default: [:]][decided.value.outcome.rawValue, default: 0] += 1
            }
        }
        return counts
    }
}

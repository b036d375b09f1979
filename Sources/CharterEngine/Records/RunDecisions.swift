public import CharterData
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

    /// Calls `body` with every record of `point`, sorted by subject (UTF-8 bytes).
    public func forEachRecord(of point: ExtensionPoint, _ body: (DecisionRecord) throws -> Void) rethrows {
        let communities = index.dataset.communities
        let members = index.dataset.members
        switch point {
        case .stage, .branchSetup, .governance:
            for community in index.communityOrder {
                let result = results[community]
                let id = communities[community].id
                switch point {
                case .stage:
                    if let decided = result.stage {
                        try body(DecisionRecord(community: id, module: decided.module, stage: decided.value))
                    }
                case .branchSetup:
                    if let decided = result.branchSetup {
                        try body(DecisionRecord(community: id, module: decided.module, branchSetup: decided.value))
                    }
                default:
                    if let decided = result.governance {
                        try body(DecisionRecord(community: id, module: decided.module, governance: decided.value))
                    }
                }
            }
        case .memberManagement, .points:
            for (community, position) in memberOrder {
                let result = results[community]
                let member = members[result.members[position]].id
                if point == .memberManagement, let decided = result.management {
                    try body(DecisionRecord(member: member, module: decided.module, management: decided.value[position]))
                } else if point == .points, let decided = result.points {
                    try body(DecisionRecord(member: member, module: decided.module, points: decided.value[position]))
                }
            }
        case .cadreSelection:
            var seats: [(subject: String, community: Int, position: Int)] = []
            for result in results {
                guard result.seats != nil else { continue }
                for (position, subject) in result.seatSubjects.enumerated() {
                    seats.append((subject, result.community, position))
                }
            }
            seats.sort { $0.subject.utf8Precedes($1.subject) }
            for seat in seats {
                if let decided = results[seat.community].seats {
                    try body(DecisionRecord(seat: seat.subject, module: decided.module, seat: decided.value[seat.position]))
                }
            }
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
        order.sort { members[results[$0.community].members[$0.position]].id.utf8Precedes(
            members[results[$1.community].members[$1.position]].id) }
        return order
    }

    /// How many decisions of each outcome each point made.
    public var outcomeCounts: [ExtensionPoint: [String: Int]] {
        var counts: [ExtensionPoint: [String: Int]] = [:]
        for result in results {
            if let decided = result.stage { counts[.stage, default: [:]][decided.value.outcome.rawValue, default: 0] += 1 }
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

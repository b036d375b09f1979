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

    /// Every member as (community result, position in it), sorted by member id.
    public let memberOrder: [(community: Int, position: Int)]
    /// How many decisions of each outcome each point made.
    public let outcomeCounts: [ExtensionPoint: [String: Int]]

    /// Pairs the results with their dataset.
    public init(index: DatasetIndex, results: [CommunityResult], points: [ExtensionPoint]) {
        self.index = index
        self.results = results
        self.points = points
        self.memberOrder = RunDecisions.memberOrder(index: index, results: results)
        self.outcomeCounts = RunDecisions.outcomeCounts(results)
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

    /// Appends the record of `point` at `position` as one line of `decisions.jsonl` (without the
    /// line end); returns `false` when the run did not decide it.
    public func appendRecord(
        of point: ExtensionPoint, at position: Position, language: Language, to writer: inout JSONWriter
    ) -> Bool {
        let result = results[position.community]
        func community() -> String { "community:" + index.dataset.communities[position.community].id }
        func member() -> String { "member:" + index.dataset.members[result.members[position.position]].id }
        func append<Outcome: DomainCode, Details>(
            _ module: String, _ decision: Decision<Outcome, Details>, _ subject: String,
            _ details: (Decision<Outcome, Details>, inout JSONWriter) -> Void
        ) {
            DecisionEncoding.appendRecord(
                point: point, subject: subject, outcome: decision.outcome.rawValue, module: module,
                rules: decision.rules, reasons: decision.reasons, language: language, to: &writer
            ) { details(decision, &$0) }
        }
        let at = position.position
        switch point {
        case .stage:
            guard let decided = result.stage else { return false }
            append(decided.module, decided.value, community(), DecisionEncoding.details)
        case .branchSetup:
            guard let decided = result.branchSetup else { return false }
            append(decided.module, decided.value, community(), DecisionEncoding.details)
        case .governance:
            guard let decided = result.governance else { return false }
            append(decided.module, decided.value, community(), DecisionEncoding.details)
        case .memberManagement:
            guard let decided = result.management else { return false }
            append(decided.module, decided.value[at], member(), DecisionEncoding.details)
        case .points:
            guard let decided = result.points else { return false }
            append(decided.module, decided.value[at], member(), DecisionEncoding.details)
        case .cadreSelection:
            guard let decided = result.seats else { return false }
            append(decided.module, decided.value[at], result.seatSubjects[at], DecisionEncoding.details)
        }
        return true
    }

    /// Calls `body` with every record of `point`, sorted by subject (UTF-8 bytes).
    public func forEachRecord(of point: ExtensionPoint, _ body: (DecisionRecord) throws -> Void) rethrows {
        guard points.contains(point) else { return }
        for position in positions(of: point) {
            if let record = record(of: point, at: position) { try body(record) }
        }
    }

    static func memberOrder(index: DatasetIndex, results: [CommunityResult]) -> [(community: Int, position: Int)] {
        let members = index.dataset.members
        var order: [(community: Int, position: Int)] = []
        order.reserveCapacity(members.count)
        for result in results {
            for position in result.members.indices { order.append((result.community, position)) }
        }
        let ids = order.map { members[results[$0.community].members[$0.position]].id }
        let sorted = ids.indices.sorted { ids[$0].utf8Precedes(ids[$1]) }
        return sorted.map { order[$0] }
    }

    static func outcomeCounts(_ results: [CommunityResult]) -> [ExtensionPoint: [String: Int]] {
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

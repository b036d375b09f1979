import CharterRecords
import CharterSupport
public import PolicyKit

/// One decision that differs between two runs over the same dataset.
public struct DecisionChange: Sendable {
    /// The point.
    public let point: ExtensionPoint
    /// The subject.
    public let subject: String
    /// The community the subject belongs to (its index in the dataset).
    public let community: Int
    /// The base run's record, or `nil` when the base profile does not decide the point.
    public let base: DecisionRecord?
    /// The candidate run's record, or `nil` when the candidate profile does not decide the point.
    public let candidate: DecisionRecord?

    /// The outcome in the base run, or `-` when undecided.
    public var baseOutcome: String { base?.outcome ?? "-" }
    /// The outcome in the candidate run, or `-` when undecided.
    public var candidateOutcome: String { candidate?.outcome ?? "-" }

    /// The `details` keys whose values differ, sorted.
    public var changedDetailKeys: [String] {
        let before = base?.details ?? .object([])
        let after = candidate?.details ?? .object([])
        guard case .object(let lhs) = before, case .object(let rhs) = after else { return [] }
        let keys = Set(lhs.map(\.0)).union(rhs.map(\.0))
        return keys.filter { before[$0] != after[$0] }.sortedByUTF8()
    }
}

/// What changes, and for whom, when a district swaps a module: two runs over one dataset, paired
/// by (point, subject).
///
/// A decision counts as changed when its outcome, its rules or its details differ; a change of
/// module or of the wording of reasons alone does not.
public struct PolicyDiff: Sendable {
    /// Every changed decision, by point (run order) then subject.
    public let changes: [DecisionChange]
    /// Per point: how many subjects were compared.
    public let compared: [ExtensionPoint: Int]
    /// The points either run decides, in run order.
    public let points: [ExtensionPoint]

    /// Compares two runs over the same dataset.
    public init(base: RunDecisions, candidate: RunDecisions) {
        var changes: [DecisionChange] = []
        var compared: [ExtensionPoint: Int] = [:]
        let points = ExtensionPoint.allCases.filter { base.points.contains($0) || candidate.points.contains($0) }
        for point in points {
            let positions = base.positions(of: point)
            compared[point] = positions.count
            for position in positions {
                let before = base.points.contains(point) ? base.record(of: point, at: position) : nil
                let after = candidate.points.contains(point) ? candidate.record(of: point, at: position) : nil
                guard PolicyDiff.differ(before, after) else { continue }
                guard let subject = before?.subject ?? after?.subject else { continue }
                changes.append(
                    DecisionChange(
                        point: point, subject: subject, community: position.community, base: before, candidate: after))
            }
        }
        self.changes = changes
        self.compared = compared
        self.points = points
    }

    static func differ(_ lhs: DecisionRecord?, _ rhs: DecisionRecord?) -> Bool {
        guard let lhs, let rhs else { return (lhs == nil) != (rhs == nil) }
        return lhs.outcome != rhs.outcome || lhs.rules != rhs.rules || lhs.details != rhs.details
    }

    /// The changes of one point.
    public func changes(of point: ExtensionPoint) -> [DecisionChange] { changes.filter { $0.point == point } }

    /// For one point, how many subjects went from each outcome to each other, most first.
    public func transitions(of point: ExtensionPoint) -> [(from: String, to: String, count: Int)] {
        var counts: [String: (from: String, to: String, count: Int)] = [:]
        for change in changes where change.point == point && change.baseOutcome != change.candidateOutcome {
            let key = change.baseOutcome + "\u{0}" + change.candidateOutcome
            counts[key, default: (change.baseOutcome, change.candidateOutcome, 0)].count += 1
        }
        return counts.values.sorted { ($1.count, $0.from, $0.to) < ($0.count, $1.from, $1.to) }
    }

    /// Members selected for some seat in one run and for none in the other.
    public func seatMovers() -> (gained: [String], lost: [String]) {
        var before: Set<String> = []
        var after: Set<String> = []
        for change in changes where change.point == .cadreSelection {
            if case .string(let member)? = change.base?.details["member"] { before.insert(member) }
            if case .string(let member)? = change.candidate?.details["member"] { after.insert(member) }
        }
        return (after.subtracting(before).sortedByUTF8(), before.subtracting(after).sortedByUTF8())
    }
}

import CharterSupport
public import PolicyKit

/// How the host keeps and writes one extension point's decisions: one registration per point.
///
/// A point is defined once in PolicyKit (``ExtensionPoint/definition``: its subject, names and
/// outcomes); here it says where a community's result keeps its decisions and how its details are
/// written in `decisions.jsonl`; the engine's `RunnablePoint` adds how it is run. Everything
/// else (the records, their order, the diff, the policy tests) reaches every point through these.
public protocol HostedPoint {
    /// The point's outcomes.
    associatedtype Outcome: DomainCode
    /// What the point's decisions carry beside their outcome.
    associatedtype Details: Hashable & Sendable

    /// The point.
    static var point: ExtensionPoint { get }

    /// The point's decisions in a community's result, aligned with its subjects there.
    static func decisions(in result: CommunityResult) -> Decided<[Decision<Outcome, Details>]>?

    /// Keeps the point's decisions in a community's result.
    static func keep(_ decisions: Decided<[Decision<Outcome, Details>]>, in result: inout CommunityResult)

    /// Appends the details object of a decision, as `decisions.jsonl` writes it: the data
    /// contract's keys first, in its order, then the module's extra keys, sorted.
    static func details(_ decision: Decision<Outcome, Details>, to writer: inout JSONWriter)
}

/// The points the host runs and writes, by ``ExtensionPoint``: the one table of registrations.
///
/// `body` is called with the point's registration, so the caller's generic code is specialised
/// for each point (no type erasure on the path of every record).
@inline(__always)
public func withHostedPoint<Result>(
    _ point: ExtensionPoint, _ body: (any HostedPoint.Type) throws -> Result
) rethrows -> Result {
    switch point {
    case .stage: try body(StagePoint.self)
    case .branchSetup: try body(BranchSetupPoint.self)
    case .memberManagement: try body(MemberManagementPoint.self)
    case .cadreSelection: try body(CadreSelectionPoint.self)
    case .points: try body(PointsPoint.self)
    case .governance: try body(GovernancePoint.self)
    }
}

/// `stage`: where its decisions are kept, and its details.
public enum StagePoint: HostedPoint {
    public static var point: ExtensionPoint { .stage }

    public static func decisions(in result: CommunityResult) -> Decided<[StageDecision]>? { result.stageDecisions }

    public static func keep(_ decisions: Decided<[StageDecision]>, in result: inout CommunityResult) {
        result.stageDecisions = decisions
    }

    public static func details(_ decision: StageDecision, to writer: inout JSONWriter) {
        writer.raw("{\"declared\":")
        writer.bool(decision.details.declared)
        DecisionEncoding.extra(decision.details.extra, skipping: ["declared"], to: &writer)
        writer.byte(UInt8(ascii: "}"))
    }
}

/// `branch_setup`: where its decisions are kept, and its details.
public enum BranchSetupPoint: HostedPoint {
    public static var point: ExtensionPoint { .branchSetup }

    public static func decisions(in result: CommunityResult) -> Decided<[BranchSetupDecision]>? {
        result.branchSetupDecisions
    }

    public static func keep(_ decisions: Decided<[BranchSetupDecision]>, in result: inout CommunityResult) {
        result.branchSetupDecisions = decisions
    }

    public static func details(_ decision: BranchSetupDecision, to writer: inout JSONWriter) {
        let details = decision.details
        writer.raw("{\"full_members\":")
        writer.integer(details.fullMembers)
        writer.raw(",\"branches\":[")
        let branches =
            details.branches.isSorted { $0.id.utf8Precedes($1.id) }
            ? details.branches : details.branches.sorted { $0.id.utf8Precedes($1.id) }
        for (index, branch) in branches.enumerated() {
            if index > 0 { writer.byte(UInt8(ascii: ",")) }
            writer.raw("{\"id\":")
            writer.string(branch.id)
            writer.raw(",\"members\":")
            writer.strings(
                branch.members.isSorted { $0.utf8Precedes($1) } ? branch.members : branch.members.sortedByUTF8())
            writer.raw(",\"committee_seats\":")
            writer.integer(branch.committeeSeats)
            writer.byte(UInt8(ascii: "}"))
        }
        writer.raw("],\"committee_seats\":")
        writer.integer(details.committeeSeats)
        writer.raw(",\"secretary_source\":")
        writer.string(details.secretarySource.rawValue)
        writer.raw(",\"part_time_units\":")
        writer.strings(details.partTimeUnits)
        DecisionEncoding.extra(
            details.extra,
            skipping: ["full_members", "branches", "committee_seats", "secretary_source", "part_time_units"],
            to: &writer)
        writer.byte(UInt8(ascii: "}"))
    }
}

/// `member_management`: where its decisions are kept, and its details.
public enum MemberManagementPoint: HostedPoint {
    public static var point: ExtensionPoint { .memberManagement }

    public static func decisions(in result: CommunityResult) -> Decided<[ManagementDecision]>? { result.management }

    public static func keep(_ decisions: Decided<[ManagementDecision]>, in result: inout CommunityResult) {
        result.management = decisions
    }

    public static func details(_ decision: ManagementDecision, to writer: inout JSONWriter) {
        writer.byte(UInt8(ascii: "{"))
        if let grid = decision.details.grid {
            writer.raw("\"grid\":")
            writer.string(grid)
            writer.byte(UInt8(ascii: ","))
        }
        writer.raw("\"alerts\":")
        let alerts = decision.details.alerts
        if alerts.isEmpty {
            writer.raw("[]")
        } else {
            writer.strings(alerts.count < 2 ? alerts.map(\.rawValue) : alerts.map(\.rawValue).sortedByUTF8())
        }
        DecisionEncoding.extra(decision.details.extra, skipping: ["grid", "alerts"], to: &writer)
        writer.byte(UInt8(ascii: "}"))
    }
}

/// `cadre_selection`: where its decisions are kept, and its details.
public enum CadreSelectionPoint: HostedPoint {
    public static var point: ExtensionPoint { .cadreSelection }

    public static func decisions(in result: CommunityResult) -> Decided<[SeatDecision]>? { result.seats }

    public static func keep(_ decisions: Decided<[SeatDecision]>, in result: inout CommunityResult) {
        result.seats = decisions
    }

    public static func details(_ decision: SeatDecision, to writer: inout JSONWriter) {
        let details = decision.details
        writer.byte(UInt8(ascii: "{"))
        if let member = details.member {
            writer.raw("\"member\":")
            writer.string(member)
            writer.byte(UInt8(ascii: ","))
        }
        if let score = details.score {
            writer.raw("\"score\":")
            writer.amount(score)
            writer.byte(UInt8(ascii: ","))
        }
        writer.raw("\"alternates\":")
        writer.strings(details.alternates)
        if let appointee = details.appointee {
            writer.raw(",\"appointee\":")
            writer.string(appointee)
        }
        DecisionEncoding.extra(details.extra, skipping: ["member", "score", "alternates", "appointee"], to: &writer)
        writer.byte(UInt8(ascii: "}"))
    }
}

/// `points`: where its decisions are kept, and its details.
public enum PointsPoint: HostedPoint {
    public static var point: ExtensionPoint { .points }

    public static func decisions(in result: CommunityResult) -> Decided<[PointsDecision]>? { result.points }

    public static func keep(_ decisions: Decided<[PointsDecision]>, in result: inout CommunityResult) {
        result.points = decisions
    }

    public static func details(_ decision: PointsDecision, to writer: inout JSONWriter) {
        let details = decision.details
        writer.raw("{\"period\":")
        writer.halfYear(details.period)
        writer.raw(",\"points\":")
        writer.amount(details.points)
        if let letter = details.letterTo {
            writer.raw(",\"letter_to\":")
            writer.string(letter)
        }
        DecisionEncoding.extra(details.extra, skipping: ["period", "points", "letter_to"], to: &writer)
        writer.byte(UInt8(ascii: "}"))
    }
}

/// `governance`: where its decisions are kept, and its details.
public enum GovernancePoint: HostedPoint {
    public static var point: ExtensionPoint { .governance }

    public static func decisions(in result: CommunityResult) -> Decided<[GovernanceDecision]>? {
        result.governanceDecisions
    }

    public static func keep(_ decisions: Decided<[GovernanceDecision]>, in result: inout CommunityResult) {
        result.governanceDecisions = decisions
    }

    public static func details(_ decision: GovernanceDecision, to writer: inout JSONWriter) {
        let details = decision.details
        writer.raw("{\"findings\":")
        writer.strings(details.findings.sortedByUTF8())
        writer.raw(",\"concerned\":{")
        for (index, key) in details.concerned.keys.sortedByUTF8().enumerated() {
            if index > 0 { writer.byte(UInt8(ascii: ",")) }
            writer.string(key)
            writer.byte(UInt8(ascii: ":"))
            writer.strings((details.concerned[key] ?? []).sortedByUTF8())
        }
        writer.byte(UInt8(ascii: "}"))
        DecisionEncoding.extra(details.extra, skipping: ["findings", "concerned"], to: &writer)
        writer.byte(UInt8(ascii: "}"))
    }
}

import CharterSupport
public import PolicyKit

/// An extension point's whole registration in the host: how its modules are called, what the
/// points after it see, where a community's result keeps its decisions and how their details are
/// written in `decisions.jsonl`.
///
/// The point itself is defined once in PolicyKit (``ExtensionPoint/definition``: its subject,
/// names and outcomes; its policy protocol and decision type). The engine, the records and their
/// order, the outcome counts, the diff and the policy tests reach every point through its
/// registration, listed once in ``visitPoint(_:_:)``.
public protocol HostedPoint {
    /// The point's outcomes.
    associatedtype Outcome: DomainCode
    /// What the point's decisions carry beside their outcome.
    associatedtype Details: Hashable & Sendable
    /// The protocol a module provides for the point.
    associatedtype Policy

    /// The point.
    static var point: ExtensionPoint { get }

    /// The module as the point's policy, or `nil` when it does not provide the point.
    static func policy(_ module: any PolicyModule) -> Policy?

    /// How the module is called.
    static var call: PointCall<Policy, Decision<Outcome, Details>> { get }

    /// Hands the decisions to the points after this one, in the community's context.
    static func remember(_ decisions: [Decision<Outcome, Details>], in decided: inout EarlierDecisions)

    /// The point's decisions in a community's result, aligned with its subjects there.
    static func decisions(in result: CommunityResult) -> Decided<[Decision<Outcome, Details>]>?

    /// Keeps the point's decisions in a community's result.
    static func keep(_ decisions: Decided<[Decision<Outcome, Details>]>, in result: inout CommunityResult)

    /// Appends the details object of a decision, as `decisions.jsonl` writes it: the data
    /// contract's keys first, in its order, then the module's extra keys, sorted.
    static func details(_ decision: Decision<Outcome, Details>, to writer: inout JSONWriter)
}

/// How a point's module is called for a community.
public enum PointCall<Policy, Made> {
    /// Once, deciding the community.
    case community((Policy, CommunityContext) -> Made)
    /// Once per member, deciding that member (the member's position in the context).
    case eachMember((Policy, Int, CommunityContext) -> Made)
    /// Once, deciding every member, in the context's order.
    case allMembers((Policy, CommunityContext) -> [Made])
    /// Once, deciding every seat of the community's posts, in post order.
    case allSeats((Policy, CommunityContext) -> [Made])
}

/// Code that works on any point, called with the point's registration.
///
/// A visitor rather than a closure over `any HostedPoint.Type`: ``visitPoint(_:_:)`` calls it
/// with each registration's concrete type, so its generic code is specialised for each point, and
/// nothing on the path of a million decisions goes through an existential.
public protocol PointVisitor: ~Copyable {
    /// What a visit gives.
    associatedtype Output
    /// Works on the point that `point` registers.
    mutating func visit<Point: HostedPoint>(_ point: Point.Type) -> Output
}

/// Calls `visitor` with the registration of `point`: the one table of the host's points.
@inlinable
public func visitPoint<Visitor: PointVisitor & ~Copyable>(
    _ point: ExtensionPoint, _ visitor: inout Visitor
) -> Visitor.Output {
    switch point {
    case .stage: visitor.visit(StagePoint.self)
    case .branchSetup: visitor.visit(BranchSetupPoint.self)
    case .memberManagement: visitor.visit(MemberManagementPoint.self)
    case .cadreSelection: visitor.visit(CadreSelectionPoint.self)
    case .points: visitor.visit(PointsPoint.self)
    case .governance: visitor.visit(GovernancePoint.self)
    }
}

/// `stage`: how it is run, where its decisions are kept, and its details.
public enum StagePoint: HostedPoint {
    public static func policy(_ module: any PolicyModule) -> (any StagePolicy)? { module as? any StagePolicy }
    public static var call: PointCall<any StagePolicy, StageDecision> { .community { $0.decideStage(in: $1) } }
    public static func remember(_ decisions: [StageDecision], in decided: inout EarlierDecisions) {
        decided.stage = decisions.first
    }

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

/// `branch_setup`: how it is run, where its decisions are kept, and its details.
public enum BranchSetupPoint: HostedPoint {
    public static func policy(_ module: any PolicyModule) -> (any BranchSetupPolicy)? {
        module as? any BranchSetupPolicy
    }
    public static var call: PointCall<any BranchSetupPolicy, BranchSetupDecision> {
        .community { $0.decideBranchSetup(in: $1) }
    }
    public static func remember(_ decisions: [BranchSetupDecision], in decided: inout EarlierDecisions) {
        decided.branchSetup = decisions.first
    }

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

/// `member_management`: how it is run, where its decisions are kept, and its details.
public enum MemberManagementPoint: HostedPoint {
    public static func policy(_ module: any PolicyModule) -> (any MemberManagementPolicy)? {
        module as? any MemberManagementPolicy
    }
    public static var call: PointCall<any MemberManagementPolicy, ManagementDecision> {
        .eachMember { $0.decideManagement(ofMemberAt: $1, in: $2) }
    }
    public static func remember(_ decisions: [ManagementDecision], in decided: inout EarlierDecisions) {
        decided.management = decisions
    }

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

/// `cadre_selection`: how it is run, where its decisions are kept, and its details.
public enum CadreSelectionPoint: HostedPoint {
    public static func policy(_ module: any PolicyModule) -> (any CadreSelectionPolicy)? {
        module as? any CadreSelectionPolicy
    }
    public static var call: PointCall<any CadreSelectionPolicy, SeatDecision> { .allSeats { $0.selectCadres(in: $1) } }
    public static func remember(_ decisions: [SeatDecision], in decided: inout EarlierDecisions) {
        decided.seats = decisions
    }

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

/// `points`: how it is run, where its decisions are kept, and its details.
public enum PointsPoint: HostedPoint {
    public static func policy(_ module: any PolicyModule) -> (any PointsPolicy)? { module as? any PointsPolicy }
    public static var call: PointCall<any PointsPolicy, PointsDecision> { .allMembers { $0.gradePoints(in: $1) } }
    public static func remember(_ decisions: [PointsDecision], in decided: inout EarlierDecisions) {
        decided.points = decisions
    }

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

/// `governance`: how it is run, where its decisions are kept, and its details.
public enum GovernancePoint: HostedPoint {
    public static func policy(_ module: any PolicyModule) -> (any GovernancePolicy)? { module as? any GovernancePolicy }
    public static var call: PointCall<any GovernancePolicy, GovernanceDecision> {
        .community { $0.checkGovernance(in: $1) }
    }
    /// Governance is the last point: no later point sees it.
    public static func remember(_ decisions: [GovernanceDecision], in decided: inout EarlierDecisions) {}

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

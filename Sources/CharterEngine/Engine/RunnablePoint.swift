import CharterRecords
import PolicyKit

/// How the engine runs one extension point.
///
/// It names the protocol its modules provide, the call that decides, and what later points see of
/// its decisions. With ``HostedPoint`` (where a result keeps them and how they are written) and
/// PolicyKit's definition, this is the point's whole registration in the host.
protocol RunnablePoint: HostedPoint {
    /// The protocol a module provides for the point.
    associatedtype Policy

    /// The module as the point's policy, or `nil` when it does not provide the point.
    static func policy(_ module: any PolicyModule) -> Policy?

    /// How the module is called.
    static var call: PointCall<Policy, Decision<Outcome, Details>> { get }

    /// Hands the decisions to the points after this one, in the community's context.
    static func remember(_ decisions: [Decision<Outcome, Details>], in decided: inout EarlierDecisions)
}

/// How a point's module is called for a community.
enum PointCall<Policy, Made> {
    /// Once, deciding the community.
    case community((Policy, CommunityContext) -> Made)
    /// Once per member, deciding that member (the member's position in the context).
    case eachMember((Policy, Int, CommunityContext) -> Made)
    /// Once, deciding every member, in the context's order.
    case allMembers((Policy, CommunityContext) -> [Made])
    /// Once, deciding every seat of the community's posts, in post order.
    case allSeats((Policy, CommunityContext) -> [Made])
}

extension StagePoint: RunnablePoint {
    static func policy(_ module: any PolicyModule) -> (any StagePolicy)? { module as? any StagePolicy }
    static var call: PointCall<any StagePolicy, StageDecision> { .community { $0.decideStage(in: $1) } }
    static func remember(_ decisions: [StageDecision], in decided: inout EarlierDecisions) {
        decided.stage = decisions.first
    }
}

extension BranchSetupPoint: RunnablePoint {
    static func policy(_ module: any PolicyModule) -> (any BranchSetupPolicy)? { module as? any BranchSetupPolicy }
    static var call: PointCall<any BranchSetupPolicy, BranchSetupDecision> {
        .community { $0.decideBranchSetup(in: $1) }
    }
    static func remember(_ decisions: [BranchSetupDecision], in decided: inout EarlierDecisions) {
        decided.branchSetup = decisions.first
    }
}

extension MemberManagementPoint: RunnablePoint {
    static func policy(_ module: any PolicyModule) -> (any MemberManagementPolicy)? {
        module as? any MemberManagementPolicy
    }
    static var call: PointCall<any MemberManagementPolicy, ManagementDecision> {
        .eachMember { $0.decideManagement(ofMemberAt: $1, in: $2) }
    }
    static func remember(_ decisions: [ManagementDecision], in decided: inout EarlierDecisions) {
        decided.management = decisions
    }
}

extension CadreSelectionPoint: RunnablePoint {
    static func policy(_ module: any PolicyModule) -> (any CadreSelectionPolicy)? {
        module as? any CadreSelectionPolicy
    }
    static var call: PointCall<any CadreSelectionPolicy, SeatDecision> { .allSeats { $0.selectCadres(in: $1) } }
    static func remember(_ decisions: [SeatDecision], in decided: inout EarlierDecisions) {
        decided.seats = decisions
    }
}

extension PointsPoint: RunnablePoint {
    static func policy(_ module: any PolicyModule) -> (any PointsPolicy)? { module as? any PointsPolicy }
    static var call: PointCall<any PointsPolicy, PointsDecision> { .allMembers { $0.gradePoints(in: $1) } }
    static func remember(_ decisions: [PointsDecision], in decided: inout EarlierDecisions) {
        decided.points = decisions
    }
}

extension GovernancePoint: RunnablePoint {
    static func policy(_ module: any PolicyModule) -> (any GovernancePolicy)? { module as? any GovernancePolicy }
    static var call: PointCall<any GovernancePolicy, GovernanceDecision> { .community { $0.checkGovernance(in: $1) } }
    /// Governance is the last point: no later point sees it.
    static func remember(_ decisions: [GovernanceDecision], in decided: inout EarlierDecisions) {}
}

public import PolicyKit

/// A decision, or a community's set of decisions for one point, with the module that made it.
public struct Decided<Value: Sendable>: Sendable {
    /// `Name@version` of the module.
    public let module: String
    /// The decision or decisions.
    public let value: Value

    /// Pairs a decision with its module.
    public init(module: String, value: Value) {
        self.module = module
        self.value = value
    }
}

extension Decided {
    /// The one decision of a community point, kept as a list of one like every point's.
    public func only<Element>() -> Decided<Element>? where Value == [Element] {
        value.first.map { Decided<Element>(module: module, value: $0) }
    }
}

/// Everything a run decided for one community and its members and seats.
///
/// Every point's decisions are kept the same way, as a list aligned with the point's subjects in
/// the community (one for a community point), so the engine and the records reach each point
/// through its ``HostedPoint`` registration.
public struct CommunityResult: Sendable {
    /// The community's index in the dataset.
    public let community: Int
    /// Indices in the dataset of the community's members, sorted by member id.
    public let members: [Int]
    /// The subject of every seat of the community's posts, in post order.
    public let seatSubjects: [String]
    /// The community's `stage` decision, as a list of one.
    public var stageDecisions: Decided<[StageDecision]>?
    /// The community's `branch_setup` decision, as a list of one.
    public var branchSetupDecisions: Decided<[BranchSetupDecision]>?
    /// Each member's management, aligned with `members`.
    public var management: Decided<[ManagementDecision]>?
    /// Each seat's decision, aligned with `seatSubjects`.
    public var seats: Decided<[SeatDecision]>?
    /// Each member's points, aligned with `members`.
    public var points: Decided<[PointsDecision]>?
    /// The community's `governance` decision, as a list of one.
    public var governanceDecisions: Decided<[GovernanceDecision]>?

    /// The community's stage.
    public var stage: Decided<StageDecision>? { stageDecisions?.only() }
    /// The community's organisation.
    public var branchSetup: Decided<BranchSetupDecision>? { branchSetupDecisions?.only() }
    /// The community's governance checks.
    public var governance: Decided<GovernanceDecision>? { governanceDecisions?.only() }

    /// Creates an empty result for a community.
    public init(community: Int, members: [Int], seatSubjects: [String]) {
        self.community = community
        self.members = members
        self.seatSubjects = seatSubjects
    }
}

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

/// Everything a run decided for one community and its members and seats.
public struct CommunityResult: Sendable {
    /// The community's index in the dataset.
    public let community: Int
    /// Indices in the dataset of the community's members, sorted by member id.
    public let members: [Int]
    /// The subject of every seat of the community's posts, in post order.
    public let seatSubjects: [String]
    /// The community's stage.
    public var stage: Decided<StageDecision>?
    /// The community's organisation.
    public var branchSetup: Decided<BranchSetupDecision>?
    /// Each member's management, aligned with `members`.
    public var management: Decided<[ManagementDecision]>?
    /// Each seat's decision, aligned with `seatSubjects`.
    public var seats: Decided<[SeatDecision]>?
    /// Each member's points, aligned with `members`.
    public var points: Decided<[PointsDecision]>?
    /// The community's governance checks.
    public var governance: Decided<GovernanceDecision>?

    /// Creates an empty result for a community.
    public init(community: Int, members: [Int], seatSubjects: [String]) {
        self.community = community
        self.members = members
        self.seatSubjects = seatSubjects
    }
}

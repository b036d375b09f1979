/// The details of a `stage` decision.
public struct StageDetails: Hashable, Sendable {
    /// Whether the stage is the one the dataset declares for the community.
    public var declared: Bool
    /// More keys for `details`, beyond those of the data contract.
    public var extra: [String: DetailValue]

    /// Creates the details of a stage decision.
    public init(declared: Bool, extra: [String: DetailValue] = [:]) {
        self.declared = declared
        self.extra = extra
    }
}

/// The stage a community is in (`stage` point).
public typealias StageDecision = Decision<Stage, StageDetails>

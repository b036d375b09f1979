/// Whether a community's governance checks found anything wanting: the outcome of `governance`.
public enum GovernanceOutcome: String, DomainCode {
    /// Nothing found wanting.
    case complete
    /// One or more findings.
    case gaps

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String { self == .complete ? "无缺项" : "有缺项" }
    /// The name in English.
    public var englishName: String { self == .complete ? "complete" : "gaps" }
}

/// The details of a `governance` decision.
public struct GovernanceDetails: Hashable, Sendable {
    /// The ids of the checks found wanting; written sorted.
    public var findings: [String]
    /// For a finding about bodies or members: its rule id → the body names or member ids
    /// concerned; each list is written sorted.
    public var concerned: [String: [String]]
    /// More keys for `details`, beyond those of the data contract.
    public var extra: [String: DetailValue]

    /// Creates the details of a governance decision.
    public init(findings: [String] = [], concerned: [String: [String]] = [:], extra: [String: DetailValue] = [:]) {
        self.findings = findings
        self.concerned = concerned
        self.extra = extra
    }
}

/// A community's governance checks (`governance` point).
public typealias GovernanceDecision = Decision<GovernanceOutcome, GovernanceDetails>

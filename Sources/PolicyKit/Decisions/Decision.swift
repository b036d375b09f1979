/// What a policy module decided for one subject: the outcome, the rules that fired, why, and the
/// point's structured details.
public struct Decision<Outcome: Hashable & Sendable, Details: Hashable & Sendable>: Hashable, Sendable {
    /// The decision itself.
    public var outcome: Outcome
    /// The rules that fired, in the order they fired; the outcome's rule comes first.
    public var rules: [Rule]
    /// The ids of the rules that fired, in the order they fired, as `decisions.jsonl` lists them.
    public var ruleIDs: [String] { rules.map(\.id) }
    /// Why, in plain language, one entry per point a reader should know.
    public var reasons: [Reason]
    /// The point's structured details.
    public var details: Details

    /// Creates a decision.
    public init(outcome: Outcome, rules: [Rule], reasons: [Reason], details: Details) {
        self.outcome = outcome
        self.rules = rules
        self.reasons = reasons
        self.details = details
    }
}

/// A value of a decision's extra details: keys that a module adds beyond those the data contract
/// names, written into `details` as JSON.
public enum DetailValue: Hashable, Sendable {
    /// A string.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// An exact decimal number.
    case amount(Amount)
    /// `true` or `false`.
    case boolean(Bool)
    /// An array.
    case array([DetailValue])
    /// An object; its keys are written sorted by their UTF-8 bytes.
    case object([String: DetailValue])
}

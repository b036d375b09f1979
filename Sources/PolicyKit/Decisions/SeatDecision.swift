/// What became of one seat of a post: the outcome of `cadre_selection`.
public enum SeatOutcome: String, DomainCode {
    /// A member of the community was selected.
    case selected
    /// Someone from outside was appointed (the town deputy secretary, in transition).
    case appointed
    /// Nobody could fill it.
    case vacant

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .selected: "选出"
        case .appointed: "委派"
        case .vacant: "空缺"
        }
    }

    /// The name in English.
    public var englishName: String { rawValue }
}

/// The details of a `cadre_selection` decision.
public struct SeatDetails: Hashable, Sendable {
    /// The member selected, when selected.
    public var member: String?
    /// The selected member's score, when selected.
    public var score: Amount?
    /// The next best-ranked eligible members; empty unless selected.
    public var alternates: [String]
    /// Who was appointed, when appointed.
    public var appointee: String?
    /// More keys for `details`, beyond those of the data contract.
    public var extra: [String: DetailValue]

    /// Creates the details of a seat decision.
    public init(
        member: String? = nil, score: Amount? = nil, alternates: [String] = [], appointee: String? = nil,
        extra: [String: DetailValue] = [:]
    ) {
        self.member = member
        self.score = score
        self.alternates = alternates
        self.appointee = appointee
        self.extra = extra
    }
}

/// What became of one seat (`cadre_selection` point).
public typealias SeatDecision = Decision<SeatOutcome, SeatDetails>

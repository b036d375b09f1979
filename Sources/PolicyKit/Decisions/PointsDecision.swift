/// A member's grade for the half-year (积分评定): the outcome of `points`.
public enum Grade: String, DomainCode {
    /// 优秀.
    case excellent
    /// 合格.
    case qualified
    /// 需关注: below the qualifying points.
    case attention
    /// 不评定: a probationary member is not graded.
    case notGraded = "not_graded"

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .excellent: "优秀"
        case .qualified: "合格"
        case .attention: "需关注"
        case .notGraded: "不评定"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .excellent: "excellent"
        case .qualified: "qualified"
        case .attention: "attention"
        case .notGraded: "not graded"
        }
    }
}

/// The details of a `points` decision.
public struct PointsDetails: Hashable, Sendable {
    /// The half-year the points are kept for.
    public var period: HalfYear
    /// The member's points.
    public var points: Amount
    /// The organisation a letter (函告) on the member goes to, if any.
    public var letterTo: String?
    /// More keys for `details`, beyond those of the data contract.
    public var extra: [String: DetailValue]

    /// Creates the details of a points decision.
    public init(period: HalfYear, points: Amount, letterTo: String? = nil, extra: [String: DetailValue] = [:]) {
        self.period = period
        self.points = points
        self.letterTo = letterTo
        self.extra = extra
    }
}

/// A member's points and grade for the half-year (`points` point).
public typealias PointsDecision = Decision<Grade, PointsDetails>

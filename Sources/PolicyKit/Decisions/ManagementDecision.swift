/// How a member is managed (四类管理): the outcome of `member_management`.
public enum ManagementClass: String, DomainCode {
    /// 双重管理: the relation is kept elsewhere; the community manages the member too.
    case dual
    /// 网格管理: managed in the community's grid.
    case grid
    /// 动态管理: a mobile member away for work or business (流动党员).
    case dynamic
    /// 共同管理: an in-service member managed with the employer (在职党员、双报到).
    case joint

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .dual: "双重管理"
        case .grid: "网格管理"
        case .dynamic: "动态管理"
        case .joint: "共同管理"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .dual: "dual management"
        case .grid: "grid management"
        case .dynamic: "dynamic management"
        case .joint: "joint management"
        }
    }
}

/// An alert on a member that the community should follow up.
///
/// The reference modules raise the four named here; a module may raise others by code.
public struct ManagementAlert: RawRepresentable, Hashable, Comparable, Sendable {
    /// The alert's code as the decision records write it.
    public var rawValue: String

    /// Creates an alert from its code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// 口袋党员: a transfer letter was issued and never lodged.
    public static let pocketMember = ManagementAlert(rawValue: "pocket_member")
    /// 失联: no organisational life for six months.
    public static let lapsed = ManagementAlert(rawValue: "lapsed")
    /// 四清 incomplete: a mobile member's whereabouts, contact or occupation is not known.
    public static let fourClearIncomplete = ManagementAlert(rawValue: "four_clear_incomplete")
    /// 未双报到: an in-service member has not reported to the community this half-year.
    public static let notReported = ManagementAlert(rawValue: "not_reported")

    /// Orders alerts by the UTF-8 bytes of their codes.
    public static func < (lhs: ManagementAlert, rhs: ManagementAlert) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    /// The alert's name in Simplified Chinese, or its code when it is not one of the four above.
    public var chineseName: String {
        switch self {
        case .pocketMember: "口袋党员"
        case .lapsed: "未参加组织生活"
        case .fourClearIncomplete: "四清不全"
        case .notReported: "未双报到"
        default: rawValue
        }
    }

    /// The alert's name in English, or its code when it is not one of the four above.
    public var englishName: String {
        switch self {
        case .pocketMember: "pocket member"
        case .lapsed: "lapsed"
        case .fourClearIncomplete: "four-clear incomplete"
        case .notReported: "not reported"
        default: rawValue
        }
    }
}

/// The details of a `member_management` decision.
public struct ManagementDetails: Hashable, Sendable {
    /// The grid the member is managed in, for `grid` only.
    public var grid: String?
    /// Alerts to follow up; written sorted.
    public var alerts: [ManagementAlert]
    /// More keys for `details`, beyond those of the data contract.
    public var extra: [String: DetailValue]

    /// Creates the details of a management decision.
    public init(grid: String? = nil, alerts: [ManagementAlert] = [], extra: [String: DetailValue] = [:]) {
        self.grid = grid
        self.alerts = alerts
        self.extra = extra
    }
}

/// How a member is managed (`member_management` point).
public typealias ManagementDecision = Decision<ManagementClass, ManagementDetails>

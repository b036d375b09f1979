/// A member's standing in the party: 正式党员 or 预备党员.
public enum MembershipStatus: String, DomainCode {
    /// 正式党员: a full member.
    case full
    /// 预备党员: a probationary member.
    case probationary

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String { self == .full ? "正式党员" : "预备党员" }
    /// The name in English.
    public var englishName: String { self == .full ? "full member" : "probationary member" }
}

/// Where a member's organisational relation (组织关系) is kept.
public enum Relation: String, DomainCode {
    /// With this community's party organisation.
    case community
    /// With the party organisation of the member's original village (原行政村).
    case originVillage = "origin_village"
    /// With the member's employer (工作单位).
    case workUnit = "work_unit"
    /// Anywhere else.
    case elsewhere

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .community: "本社区"
        case .originVillage: "原村"
        case .workUnit: "工作单位"
        case .elsewhere: "其他地方"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .community: "this community"
        case .originVillage: "original village"
        case .workUnit: "work unit"
        case .elsewhere: "elsewhere"
        }
    }
}

/// What a member does for a living.
public enum Employment: String, DomainCode {
    /// 在职: in service with an employer.
    case inService = "in_service"
    /// 退休: retired.
    case retired
    /// 灵活就业: in flexible employment.
    case flexible
    /// 在校学生: a student.
    case student
    /// None of these.
    case none

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .inService: "在职"
        case .retired: "退休"
        case .flexible: "灵活就业"
        case .student: "学生"
        case .none: "无"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .inService: "in service"
        case .retired: "retired"
        case .flexible: "flexible employment"
        case .student: "student"
        case .none: "none"
        }
    }
}

/// A member's highest education (学历).
public enum Education: String, DomainCode {
    /// No schooling recorded.
    case none
    /// 小学.
    case primary
    /// 初中.
    case junior
    /// 高中.
    case senior
    /// 中专/职高.
    case vocational
    /// 大专.
    case college
    /// 本科.
    case bachelor
    /// 硕士.
    case master
    /// 博士.
    case doctor

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .none: "无"
        case .primary: "小学"
        case .junior: "初中"
        case .senior: "高中"
        case .vocational: "中专"
        case .college: "大专"
        case .bachelor: "本科"
        case .master: "硕士"
        case .doctor: "博士"
        }
    }

    /// The name in English.
    public var englishName: String { rawValue }
}

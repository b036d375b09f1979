public import PolicyKit

// The data contract's files and columns, in one table: the dataset reader, the generator and
// `charter template` and `charter import` all read it (../shared/spec/data-format.md).

/// A column's type, as the data contract gives it.
public enum ContractType: Sendable, Equatable {
    /// Any Unicode text.
    case text
    /// A base-10 integer.
    case integer
    /// A count: a base-10 integer, never negative.
    case count
    /// A number of seats: an integer, at least 1.
    case seats
    /// An amount: a decimal greater than 0.
    case amount
    /// A date, `YYYY-MM-DD`.
    case date
    /// `true` or `false` (also `1`/`0`, `yes`/`no`, `是`/`否`).
    case bool
    /// One of a fixed set of codes, with the names an office reads.
    case code([ContractCode])
}

/// One code of an enumerated column, with its names.
public struct ContractCode: Sendable, Equatable {
    /// The code as the data contract writes it, such as `full`.
    public let code: String
    /// Its name in Simplified Chinese, such as 正式党员.
    public let chineseName: String
    /// Its name in English.
    public let englishName: String
}

/// Whether a column must be given, and what an absent value means.
public enum ContractRequirement: Sendable, Equatable {
    /// Required, and unique within the file.
    case unique
    /// Required, and must name a row of another file (by its `id`).
    case reference(DatasetFile)
    /// Required.
    case required
    /// Optional: absent means this default (`""`, `0`, `false`, a code), or no value at all when `nil`.
    case optional(default: String?)
}

/// One column of a dataset file.
public struct ContractColumn: Sendable, Equatable {
    /// The column's name in the header, such as `birth_date`.
    public let name: String
    /// Its name as a Chinese header, such as 出生日期, which `charter import` accepts and
    /// `charter template --lang zh` writes.
    public let chineseName: String
    /// Its type.
    public let type: ContractType
    /// Whether it must be given.
    public let requirement: ContractRequirement
    /// What it means.
    public let meaning: Text
}

extension ContractCode {
    /// Every code of a domain enumeration, with its names.
    static func all<Code: DomainCode>(_: Code.Type) -> [ContractCode] {
        Code.allCases.map { ContractCode(code: $0.rawValue, chineseName: $0.chineseName, englishName: $0.englishName) }
    }
}

extension DatasetFile {
    /// The file's name as a Chinese office names it (a workbook sheet may be named so).
    public var chineseName: String {
        switch self {
        case .communities: "社区"
        case .members: "党员"
        case .units: "驻区单位"
        case .posts: "岗位"
        case .events: "积分记录"
        case .bodies: "组织"
        case .meetings: "会议活动"
        case .distributions: "分配名单"
        }
    }

    /// The file's columns, in the contract's order.
    public var contract: [ContractColumn] {
        switch self {
        case .communities:
            [
                ContractColumn(
                    name: "id", chineseName: "社区编号", type: .text, requirement: .unique,
                    meaning: Text(zh: "社区的编号", en: "community id")),
                ContractColumn(
                    name: "name", chineseName: "社区名称", type: .text, requirement: .optional(default: ""),
                    meaning: Text(zh: "社区名称", en: "community name")),
                ContractColumn(
                    name: "district", chineseName: "区县", type: .text, requirement: .optional(default: ""),
                    meaning: Text(zh: "所属区（县），如郫都区", en: "district (区/县), e.g. 郫都区")),
                ContractColumn(
                    name: "town", chineseName: "镇街", type: .text, requirement: .optional(default: ""),
                    meaning: Text(zh: "所属镇（街道）", en: "town or sub-district (镇/街道) that oversees it")),
                ContractColumn(
                    name: "stage", chineseName: "阶段", type: .code(ContractCode.all(Stage.self)),
                    requirement: .optional(default: nil),
                    meaning: Text(zh: "申报的发展阶段", en: "declared stage")),
                ContractColumn(
                    name: "households_planned", chineseName: "规划户数", type: .count, requirement: .optional(default: "0"),
                    meaning: Text(zh: "规划安置户数", en: "households planned for resettlement")),
                ContractColumn(
                    name: "households_moved_in", chineseName: "已入住户数", type: .count,
                    requirement: .optional(default: "0"),
                    meaning: Text(zh: "已入住户数", en: "households already moved in")),
                ContractColumn(
                    name: "residents_committee", chineseName: "已建居委会", type: .bool,
                    requirement: .optional(default: "false"),
                    meaning: Text(zh: "是否已建立居委会", en: "an establishment-type community (居委会) has been set up")),
                ContractColumn(
                    name: "town_deputy_secretary", chineseName: "联系镇街党委副书记", type: .text,
                    requirement: .optional(default: ""),
                    meaning: Text(
                        zh: "联系该社区的镇（街道）党（工）委副书记姓名",
                        en: "name of the town party committee deputy secretary assigned to it")),
            ]
        case .members:
            [
                ContractColumn(
                    name: "id", chineseName: "党员编号", type: .text, requirement: .unique,
                    meaning: Text(zh: "党员的编号", en: "member id")),
                ContractColumn(
                    name: "name", chineseName: "姓名", type: .text, requirement: .optional(default: ""),
                    meaning: Text(zh: "姓名", en: "name")),
                ContractColumn(
                    name: "community_id", chineseName: "所在社区编号", type: .text, requirement: .reference(.communities),
                    meaning: Text(zh: "居住的社区编号", en: "community of residence")),
                ContractColumn(
                    name: "subdivision", chineseName: "小区", type: .text, requirement: .optional(default: ""),
                    meaning: Text(zh: "居住的小区", en: "residential subdivision (小区)")),
                ContractColumn(
                    name: "building", chineseName: "楼栋", type: .text, requirement: .optional(default: ""),
                    meaning: Text(zh: "居住的楼栋", en: "building (楼栋)")),
                ContractColumn(
                    name: "birth_date", chineseName: "出生日期", type: .date, requirement: .required,
                    meaning: Text(zh: "出生日期", en: "date of birth")),
                ContractColumn(
                    name: "join_date", chineseName: "入党日期", type: .date, requirement: .required,
                    meaning: Text(zh: "入党日期（成为预备党员之日）", en: "date of joining the party (as a probationary member)")),
                ContractColumn(
                    name: "status", chineseName: "党员类别", type: .code(ContractCode.all(MembershipStatus.self)),
                    requirement: .required,
                    meaning: Text(zh: "正式党员或预备党员", en: "full or probationary member")),
                ContractColumn(
                    name: "relation", chineseName: "组织关系所在", type: .code(ContractCode.all(Relation.self)),
                    requirement: .required,
                    meaning: Text(zh: "组织关系所在的党组织", en: "where the organisational relation (组织关系) is")),
                ContractColumn(
                    name: "origin_village", chineseName: "原行政村", type: .text, requirement: .optional(default: ""),
                    meaning: Text(
                        zh: "安置农民原所在行政村", en: "original administrative village (原行政村), for resettled villagers")),
                ContractColumn(
                    name: "employment", chineseName: "就业状况", type: .code(ContractCode.all(Employment.self)),
                    requirement: .optional(default: "none"),
                    meaning: Text(zh: "就业状况", en: "employment")),
                ContractColumn(
                    name: "employer", chineseName: "工作单位", type: .text, requirement: .optional(default: ""),
                    meaning: Text(zh: "在职党员的工作单位", en: "employer, for in-service members")),
                ContractColumn(
                    name: "away_since", chineseName: "外出起始日期", type: .date, requirement: .optional(default: nil),
                    meaning: Text(
                        zh: "本次外出务工经商的起始日期",
                        en: "first day of the current absence for work or business elsewhere (外出务工经商)")),
                ContractColumn(
                    name: "away_place", chineseName: "外出去向", type: .text, requirement: .optional(default: ""),
                    meaning: Text(zh: "外出党员的去向", en: "where the absent member is (去向)")),
                ContractColumn(
                    name: "phone", chineseName: "联系方式", type: .text, requirement: .optional(default: ""),
                    meaning: Text(zh: "联系方式", en: "contact (联系方式)")),
                ContractColumn(
                    name: "occupation", chineseName: "从事职业", type: .text, requirement: .optional(default: ""),
                    meaning: Text(zh: "从事的职业", en: "what the member does (从事职业)")),
                ContractColumn(
                    name: "letter_issued", chineseName: "介绍信开具日期", type: .date, requirement: .optional(default: nil),
                    meaning: Text(
                        zh: "开具组织关系介绍信且尚未转入的日期",
                        en: "date a relation transfer letter (组织关系介绍信) was issued and not yet lodged")),
                ContractColumn(
                    name: "last_org_life", chineseName: "最近参加组织生活日期", type: .date, requirement: .optional(default: nil),
                    meaning: Text(zh: "最近一次参加组织生活的日期", en: "last attendance of organisational life (组织生活)")),
                ContractColumn(
                    name: "education", chineseName: "学历", type: .code(ContractCode.all(Education.self)),
                    requirement: .optional(default: "none"),
                    meaning: Text(zh: "学历", en: "education")),
                ContractColumn(
                    name: "cadre_years", chineseName: "任村社干部年数", type: .count, requirement: .optional(default: "0"),
                    meaning: Text(zh: "担任村（社区）干部的年数", en: "years served as a village or community cadre")),
                ContractColumn(
                    name: "willing_to_serve", chineseName: "愿意参选", type: .bool,
                    requirement: .optional(default: "false"),
                    meaning: Text(zh: "是否自愿参加选拔", en: "volunteered to stand for a post")),
                ContractColumn(
                    name: "sanction_until", chineseName: "处分影响期截止日期", type: .date, requirement: .optional(default: nil),
                    meaning: Text(zh: "处分影响期的最后一天", en: "last day of a disciplinary penalty period (处分影响期)")),
                ContractColumn(
                    name: "unqualified_year", chineseName: "最近评议不合格年份", type: .integer,
                    requirement: .optional(default: nil),
                    meaning: Text(zh: "民主评议中最近一次被评为不合格的年份", en: "last year rated 不合格 in democratic evaluation")),
                ContractColumn(
                    name: "criminal_record", chineseName: "受过刑事处罚", type: .bool,
                    requirement: .optional(default: "false"),
                    meaning: Text(zh: "是否受过刑事处罚", en: "has been criminally punished")),
                ContractColumn(
                    name: "dishonest_debtor", chineseName: "失信被执行人", type: .bool,
                    requirement: .optional(default: "false"),
                    meaning: Text(zh: "是否被列为失信被执行人", en: "on the court list of dishonest judgment debtors (失信被执行人)")),
            ]
        case .units:
            [
                ContractColumn(
                    name: "id", chineseName: "单位编号", type: .text, requirement: .unique,
                    meaning: Text(zh: "单位的编号", en: "unit id")),
                ContractColumn(
                    name: "community_id", chineseName: "所在社区编号", type: .text, requirement: .reference(.communities),
                    meaning: Text(zh: "驻在的社区编号", en: "community it is stationed in")),
                ContractColumn(
                    name: "name", chineseName: "单位名称", type: .text, requirement: .optional(default: ""),
                    meaning: Text(zh: "单位名称", en: "name")),
                ContractColumn(
                    name: "kind", chineseName: "单位类型", type: .code(ContractCode.all(UnitKind.self)),
                    requirement: .required,
                    meaning: Text(zh: "单位类型", en: "kind of organisation")),
                ContractColumn(
                    name: "party_members", chineseName: "党员人数", type: .count, requirement: .optional(default: "0"),
                    meaning: Text(zh: "单位党员人数", en: "party members in the unit")),
                ContractColumn(
                    name: "has_party_org", chineseName: "已建党组织", type: .bool, requirement: .optional(default: "false"),
                    meaning: Text(zh: "是否已建立党组织", en: "the unit has its own party organisation")),
            ]
        case .posts:
            [
                ContractColumn(
                    name: "community_id", chineseName: "社区编号", type: .text, requirement: .reference(.communities),
                    meaning: Text(zh: "社区编号", en: "community")),
                ContractColumn(
                    name: "body", chineseName: "机构", type: .code(ContractCode.all(PostBody.self)),
                    requirement: .required,
                    meaning: Text(zh: "岗位所属的组织", en: "the body the post belongs to")),
                ContractColumn(
                    name: "post", chineseName: "职务", type: .code(ContractCode.all(PostTitle.self)),
                    requirement: .required,
                    meaning: Text(zh: "职务", en: "the post")),
                ContractColumn(
                    name: "seats", chineseName: "职数", type: .seats, requirement: .optional(default: "1"),
                    meaning: Text(zh: "职数，至少为1", en: "seats to fill, at least 1")),
            ]
        case .events:
            [
                ContractColumn(
                    name: "member_id", chineseName: "党员编号", type: .text, requirement: .reference(.members),
                    meaning: Text(zh: "党员编号", en: "member")),
                ContractColumn(
                    name: "date", chineseName: "日期", type: .date, requirement: .required,
                    meaning: Text(zh: "日期", en: "date")),
                ContractColumn(
                    name: "kind", chineseName: "类别", type: .code(ContractCode.all(LedgerEventKind.self)),
                    requirement: .required,
                    meaning: Text(zh: "积分事项类别", en: "kind of ledger entry")),
                ContractColumn(
                    name: "amount", chineseName: "数量", type: .amount, requirement: .optional(default: "1"),
                    meaning: Text(zh: "时长或次数，大于0", en: "hours or count, greater than 0")),
            ]
        case .bodies:
            [
                ContractColumn(
                    name: "community_id", chineseName: "社区编号", type: .text, requirement: .reference(.communities),
                    meaning: Text(zh: "社区编号", en: "community")),
                ContractColumn(
                    name: "body", chineseName: "组织", type: .code(ContractCode.all(GovernanceBodyKind.self)),
                    requirement: .required,
                    meaning: Text(zh: "组织类别", en: "the body")),
                ContractColumn(
                    name: "established", chineseName: "成立日期", type: .date, requirement: .required,
                    meaning: Text(zh: "成立日期", en: "date it was set up")),
                ContractColumn(
                    name: "name", chineseName: "名称", type: .text, requirement: .optional(default: ""),
                    meaning: Text(zh: "名称", en: "name")),
            ]
        case .meetings:
            [
                ContractColumn(
                    name: "community_id", chineseName: "社区编号", type: .text, requirement: .reference(.communities),
                    meaning: Text(zh: "社区编号", en: "community")),
                ContractColumn(
                    name: "date", chineseName: "日期", type: .date, requirement: .required,
                    meaning: Text(zh: "日期", en: "date")),
                ContractColumn(
                    name: "kind", chineseName: "类别", type: .code(ContractCode.all(MeetingKind.self)),
                    requirement: .required,
                    meaning: Text(zh: "会议或活动类别", en: "kind of meeting or public act")),
                ContractColumn(
                    name: "attendees", chineseName: "参加人数", type: .count, requirement: .optional(default: "0"),
                    meaning: Text(zh: "参加人数", en: "attendees, never negative")),
            ]
        case .distributions:
            [
                ContractColumn(
                    name: "community_id", chineseName: "社区编号", type: .text, requirement: .reference(.communities),
                    meaning: Text(zh: "社区编号", en: "community")),
                ContractColumn(
                    name: "kind", chineseName: "类别", type: .code(ContractCode.all(DistributionKind.self)),
                    requirement: .required,
                    meaning: Text(zh: "分配名单类别", en: "the list")),
                ContractColumn(
                    name: "member_id", chineseName: "党员编号", type: .text, requirement: .reference(.members),
                    meaning: Text(zh: "名单上的党员编号", en: "a member on that list")),
            ]
        }
    }
}

public import PolicyKit

/// The model of Chengdu's village-to-community pilot (成都村转社区党组织建设试点).
///
/// It decides every extension point: the stage of a community (筹备期、过渡期、融合期、成熟期), the
/// party organisation each stage calls for (四步建党), how each member is managed (四类管理), who
/// fills the seats of the community's bodies (选拔干部), each member's half-yearly points and the
/// letters sent on members whose relation is kept elsewhere (积分管理、函告), and the governance
/// checks (五项引领、素质提升、制度保障、三个带头). The rules are those of
/// `spec/reference-policies.md`, section `ChengduPilot`; each point lives in its own file.
public struct ChengduPilot: PolicyModule {
    /// The module's name, version, rules, reasons and parameters.
    public static let metadata = ModuleMetadata(
        name: "ChengduPilot",
        version: SemanticVersion(1, 0, 0),
        summary: Text(
            zh: "成都村转社区试点：四步建党、四类管理、选拔干部、积分管理，及五项引领、素质提升、制度保障、三个带头的检查。",
            en:
                "Chengdu's village-to-community pilot: four-step party building, four kinds of member management, cadre selection, points, and the governance checks."
        ),
        rules: stageRules + branchSetupRules + managementRules + selectionRules + pointsRules + governanceRules,
        reasons: stageReasons + branchSetupReasons + managementReasons + selectionReasons + pointsReasons
            + governanceReasons,
        parameters: [
            maturityUnits, largeBranch, maxPartTimeMembers, mobileAfterMonths, gridGranularity, letterValidMonths,
            maxAge, oneShoulder, briefingsPerYear, activitiesPerYear, minSocialOrgs, deliberationsPerYear,
            supervisionsPerYear, disclosuresPerYear, volunteerHoursPerMember,
        ])

    /// How fine the grid of a grid-managed member is (`gridGranularity`).
    enum GridGranularity: String, CaseIterable, ParameterType {
        /// `COMMUNITY/SUBDIVISION`.
        case subdivision
        /// `COMMUNITY/SUBDIVISION/BUILDING`.
        case building
    }

    /// Units from which a settled community is mature (`maturityUnits`).
    let maturityUnits: Int
    /// Members from which a branch committee has 5 seats (`largeBranch`).
    let largeBranch: Int
    /// The most units that send a part-time member to a regional committee (`maxPartTimeMembers`).
    let maxPartTimeMembers: Int
    /// Months away after which a member is mobile (`mobileAfterMonths`).
    let mobileAfterMonths: Int
    /// The grid of a grid-managed member (`gridGranularity`).
    let gridGranularity: GridGranularity
    /// Months a transfer letter may stay unlodged (`letterValidMonths`).
    let letterValidMonths: Int
    /// The oldest age at which a member may be selected (`maxAge`).
    let maxAge: Int
    /// Whether the party secretary also becomes the residents' committee director (`oneShoulder`).
    let oneShoulder: Bool
    /// Policy briefings a year (`briefingsPerYear`).
    let briefingsPerYear: Int
    /// Community activities a year (`activitiesPerYear`).
    let activitiesPerYear: Int
    /// Social organisations a mature community should have (`minSocialOrgs`).
    let minSocialOrgs: Int
    /// Deliberation meetings a year (`deliberationsPerYear`).
    let deliberationsPerYear: Int
    /// Supervision meetings a year (`supervisionsPerYear`).
    let supervisionsPerYear: Int
    /// Disclosures a year (`disclosuresPerYear`).
    let disclosuresPerYear: Int
    /// Volunteer hours a year per full member (`volunteerHoursPerMember`).
    let volunteerHoursPerMember: Int

    /// Creates the module with a profile's parameters.
    public init(parameters: Parameters) throws {
        maturityUnits = try parameters.value(of: Self.maturityUnits)
        largeBranch = try parameters.value(of: Self.largeBranch)
        maxPartTimeMembers = try parameters.value(of: Self.maxPartTimeMembers)
        mobileAfterMonths = try parameters.value(of: Self.mobileAfterMonths)
        gridGranularity = try parameters.value(of: Self.gridGranularity)
        letterValidMonths = try parameters.value(of: Self.letterValidMonths)
        maxAge = try parameters.value(of: Self.maxAge)
        oneShoulder = try parameters.value(of: Self.oneShoulder)
        briefingsPerYear = try parameters.value(of: Self.briefingsPerYear)
        activitiesPerYear = try parameters.value(of: Self.activitiesPerYear)
        minSocialOrgs = try parameters.value(of: Self.minSocialOrgs)
        deliberationsPerYear = try parameters.value(of: Self.deliberationsPerYear)
        supervisionsPerYear = try parameters.value(of: Self.supervisionsPerYear)
        disclosuresPerYear = try parameters.value(of: Self.disclosuresPerYear)
        volunteerHoursPerMember = try parameters.value(of: Self.volunteerHoursPerMember)
    }

    // MARK: Parameters, with the spec's defaults

    /// The declaration of `maturityUnits`.
    static let maturityUnits = Parameter<Int>(
        "maturityUnits", in: 1...1000, default: 5, points: [.stage, .branchSetup, .cadreSelection, .governance],
        meaning: Text(
            zh: "已成立居委会的社区，驻区单位达到此数即进入成熟期。",
            en: "Units stationed in a community with a residents' committee from which it is mature."))
    /// The declaration of `largeBranch`.
    static let largeBranch = Parameter<Int>(
        "largeBranch", in: 7...500, default: 30, points: [.branchSetup],
        meaning: Text(
            zh: "支部委员会设5名委员的党员人数下限（不足的设3名，不足7名的只设书记）。",
            en: "Members from which a branch committee has 5 seats (3 below it; a secretary only under 7)."))
    /// The declaration of `maxPartTimeMembers`.
    static let maxPartTimeMembers = Parameter<Int>(
        "maxPartTimeMembers", in: 0...20, default: 4, points: [.branchSetup],
        meaning: Text(
            zh: "区域党委吸纳驻区单位党组织负责人任兼职委员的最多个数。",
            en: "The most units whose party organisations send a part-time member to a regional committee."))
    /// The declaration of `mobileAfterMonths`.
    static let mobileAfterMonths = Parameter<Int>(
        "mobileAfterMonths", in: 1...60, default: 6, points: [.memberManagement],
        meaning: Text(
            zh: "外出满此月数的党员为流动党员，实行动态管理。",
            en: "Months away after which a member is mobile and under dynamic management."))
    /// The declaration of `gridGranularity`.
    static let gridGranularity = Parameter<GridGranularity>(
        "gridGranularity", default: .subdivision, points: [.memberManagement],
        meaning: Text(
            zh: "网格管理的网格：按小区（subdivision）或按楼栋（building）。",
            en: "The grid of grid management: by subdivision, or by building."))
    /// The declaration of `letterValidMonths`.
    static let letterValidMonths = Parameter<Int>(
        "letterValidMonths", in: 1...24, default: 3, points: [.memberManagement],
        meaning: Text(
            zh: "组织关系介绍信开出后超过此月数未转接的，为口袋党员。",
            en: "Months after which a transfer letter not lodged makes its holder a pocket member."))
    /// The declaration of `maxAge`.
    static let maxAge = Parameter<Int>(
        "maxAge", in: 18...100, default: 60, points: [.cadreSelection],
        meaning: Text(
            zh: "干部人选的最高年龄（周岁）。",
            en: "The oldest age, in completed years, at which a member may be selected."))
    /// The declaration of `oneShoulder`.
    static let oneShoulder = Parameter<Bool>(
        "oneShoulder", default: true, points: [.cadreSelection],
        meaning: Text(
            zh: "推行一肩挑：社区党组织书记兼任居委会主任。",
            en: "One shoulder: the party secretary also becomes the residents' committee director."))
    /// The declaration of `briefingsPerYear`.
    static let briefingsPerYear = Parameter<Int>(
        "briefingsPerYear", in: 0...365, default: 4, points: [.governance],
        meaning: Text(
            zh: "一年内政策宣传的最少次数（政治引领）。",
            en: "The fewest policy briefings in a year (political leadership)."))
    /// The declaration of `activitiesPerYear`.
    static let activitiesPerYear = Parameter<Int>(
        "activitiesPerYear", in: 0...365, default: 4, points: [.governance],
        meaning: Text(
            zh: "一年内社区活动的最少次数（思想引领）。",
            en: "The fewest community activities in a year (ideological leadership)."))
    /// The declaration of `minSocialOrgs`.
    static let minSocialOrgs = Parameter<Int>(
        "minSocialOrgs", in: 0...100, default: 2, points: [.governance],
        meaning: Text(
            zh: "成熟期社区社会组织的最少个数（组织引领）。",
            en: "The fewest social organisations of a mature community (organisational leadership)."))
    /// The declaration of `deliberationsPerYear`.
    static let deliberationsPerYear = Parameter<Int>(
        "deliberationsPerYear", in: 0...365, default: 6, points: [.governance],
        meaning: Text(
            zh: "一年内民主议事的最少次数（制度引领）。",
            en: "The fewest deliberation meetings in a year (institutional leadership)."))
    /// The declaration of `supervisionsPerYear`.
    static let supervisionsPerYear = Parameter<Int>(
        "supervisionsPerYear", in: 0...365, default: 4, points: [.governance],
        meaning: Text(
            zh: "一年内民主监督的最少次数。",
            en: "The fewest supervision meetings in a year."))
    /// The declaration of `disclosuresPerYear`.
    static let disclosuresPerYear = Parameter<Int>(
        "disclosuresPerYear", in: 0...365, default: 12, points: [.governance],
        meaning: Text(
            zh: "一年内事务公开的最少次数。",
            en: "The fewest disclosures of community affairs in a year."))
    /// The declaration of `volunteerHoursPerMember`.
    static let volunteerHoursPerMember = Parameter<Int>(
        "volunteerHoursPerMember", in: 0...1000, default: 4, points: [.governance],
        meaning: Text(
            zh: "一年内正式党员人均志愿服务的最少小时数（服务引领）。",
            en: "The fewest volunteer hours a year per full member (service leadership)."))

    // MARK: Shared rules

    /// Seats on a branch committee of `members` full members (`branchSeats(n)`): 0 (a secretary
    /// only) under 7, 3 under `largeBranch`, else 5.
    func branchSeats(_ members: Int) -> Int {
        members < 7 ? 0 : members < largeBranch ? 3 : 5
    }

    /// Seats on the top committee of `members` full members (`topSeats(n)`): 5 under 100, else 7.
    func topSeats(_ members: Int) -> Int {
        members < 100 ? 5 : 7
    }

    /// The community's stage as the later points read it: this run's `stage` decision, else the
    /// declared stage, else the stage this module's own stage rules derive.
    func stage(of context: CommunityContext) -> Stage {
        context.stage ?? derivedStage(of: context).stage
    }

    /// The first day of "the year" of cadre selection and governance is after this date: the
    /// 365-day window holds the dates after `asOf − 365 days`, up to and including `asOf`.
    static func yearWindowStart(_ asOf: CivilDate) -> CivilDate { asOf.addingDays(-365) }
}

extension Array where Element == String {
    /// The strings sorted by their UTF-8 bytes, without sorting again when they already are (as
    /// ids read in the context's member order are).
    func inUTF8Order() -> [String] {
        for index in indices.dropFirst() where !self[index - 1].utf8Precedes(self[index]) {
            return sortedByUTF8()
        }
        return self
    }
}

/// The module's entry point, through which `charter` loads it.
@_cdecl("charter_policy_module_v2_ChengduPilot")
public func export(_ host: OpaquePointer) -> OpaquePointer? { ChengduPilot.export(host) }

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
    /// The module's name, version, rules and parameters.
    public static let metadata = ModuleMetadata(
        name: "ChengduPilot",
        version: SemanticVersion(1, 0, 0),
        summary: Reason(
            zh: "成都村转社区试点：四步建党、四类管理、选拔干部、积分管理，及五项引领、素质提升、制度保障、三个带头的检查。",
            en:
                "Chengdu's village-to-community pilot: four-step party building, four kinds of member management, cadre selection, points, and the governance checks."
        ),
        rules: ChengduPilot.stageRules + ChengduPilot.branchSetupRules + ChengduPilot.managementRules
            + ChengduPilot.selectionRules + ChengduPilot.pointsRules + ChengduPilot.governanceRules,
        parameters: ChengduPilot.parameterSpecs)

    /// How fine the grid of a grid-managed member is (`gridGranularity`).
    enum GridGranularity: String, CaseIterable, Sendable {
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
        maturityUnits = try parameters.integer("maturityUnits")
        largeBranch = try parameters.integer("largeBranch")
        maxPartTimeMembers = try parameters.integer("maxPartTimeMembers")
        mobileAfterMonths = try parameters.integer("mobileAfterMonths")
        let granularity = try parameters.text("gridGranularity")
        guard let grid = GridGranularity(rawValue: granularity) else {
            throw ParameterError(name: "gridGranularity", expected: "string")
        }
        gridGranularity = grid
        letterValidMonths = try parameters.integer("letterValidMonths")
        maxAge = try parameters.integer("maxAge")
        oneShoulder = try parameters.boolean("oneShoulder")
        briefingsPerYear = try parameters.integer("briefingsPerYear")
        activitiesPerYear = try parameters.integer("activitiesPerYear")
        minSocialOrgs = try parameters.integer("minSocialOrgs")
        deliberationsPerYear = try parameters.integer("deliberationsPerYear")
        supervisionsPerYear = try parameters.integer("supervisionsPerYear")
        disclosuresPerYear = try parameters.integer("disclosuresPerYear")
        volunteerHoursPerMember = try parameters.integer("volunteerHoursPerMember")
    }

    /// The parameters a district profile may set, with the spec's defaults.
    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "maturityUnits", kind: .integer(1...1000), default: .integer(5),
            meaning: Reason(
                zh: "已成立居委会的社区，驻区单位达到此数即进入成熟期。",
                en: "Units stationed in a community with a residents' committee from which it is mature.")),
        ParameterSpec(
            "largeBranch", kind: .integer(7...500), default: .integer(30),
            meaning: Reason(
                zh: "支部委员会设5名委员的党员人数下限（不足的设3名，不足7名的只设书记）。",
                en: "Members from which a branch committee has 5 seats (3 below it; a secretary only under 7).")),
        ParameterSpec(
            "maxPartTimeMembers", kind: .integer(0...20), default: .integer(4),
            meaning: Reason(
                zh: "区域党委吸纳驻区单位党组织负责人任兼职委员的最多个数。",
                en: "The most units whose party organisations send a part-time member to a regional committee.")),
        ParameterSpec(
            "mobileAfterMonths", kind: .integer(1...60), default: .integer(6),
            meaning: Reason(
                zh: "外出满此月数的党员为流动党员，实行动态管理。",
                en: "Months away after which a member is mobile and under dynamic management.")),
        ParameterSpec(
            "gridGranularity", kind: .choice(GridGranularity.allCases.map(\.rawValue)),
            default: .text(GridGranularity.subdivision.rawValue),
            meaning: Reason(
                zh: "网格管理的网格：按小区（subdivision）或按楼栋（building）。",
                en: "The grid of grid management: by subdivision, or by building.")),
        ParameterSpec(
            "letterValidMonths", kind: .integer(1...24), default: .integer(3),
            meaning: Reason(
                zh: "组织关系介绍信开出后超过此月数未转接的，为口袋党员。",
                en: "Months after which a transfer letter not lodged makes its holder a pocket member.")),
        ParameterSpec(
            "maxAge", kind: .integer(18...100), default: .integer(60),
            meaning: Reason(
                zh: "干部人选的最高年龄（周岁）。",
                en: "The oldest age, in completed years, at which a member may be selected.")),
        ParameterSpec(
            "oneShoulder", kind: .boolean, default: .boolean(true),
            meaning: Reason(
                zh: "推行一肩挑：社区党组织书记兼任居委会主任。",
                en: "One shoulder: the party secretary also becomes the residents' committee director.")),
        ParameterSpec(
            "briefingsPerYear", kind: .integer(0...365), default: .integer(4),
            meaning: Reason(
                zh: "一年内政策宣传的最少次数（政治引领）。",
                en: "The fewest policy briefings in a year (political leadership).")),
        ParameterSpec(
            "activitiesPerYear", kind: .integer(0...365), default: .integer(4),
            meaning: Reason(
                zh: "一年内社区活动的最少次数（思想引领）。",
                en: "The fewest community activities in a year (ideological leadership).")),
        ParameterSpec(
            "minSocialOrgs", kind: .integer(0...100), default: .integer(2),
            meaning: Reason(
                zh: "成熟期社区社会组织的最少个数（组织引领）。",
                en: "The fewest social organisations of a mature community (organisational leadership).")),
        ParameterSpec(
            "deliberationsPerYear", kind: .integer(0...365), default: .integer(6),
            meaning: Reason(
                zh: "一年内民主议事的最少次数（制度引领）。",
                en: "The fewest deliberation meetings in a year (institutional leadership).")),
        ParameterSpec(
            "supervisionsPerYear", kind: .integer(0...365), default: .integer(4),
            meaning: Reason(
                zh: "一年内民主监督的最少次数。",
                en: "The fewest supervision meetings in a year.")),
        ParameterSpec(
            "disclosuresPerYear", kind: .integer(0...365), default: .integer(12),
            meaning: Reason(
                zh: "一年内事务公开的最少次数。",
                en: "The fewest disclosures of community affairs in a year.")),
        ParameterSpec(
            "volunteerHoursPerMember", kind: .integer(0...1000), default: .integer(4),
            meaning: Reason(
                zh: "一年内正式党员人均志愿服务的最少小时数（服务引领）。",
                en: "The fewest volunteer hours a year per full member (service leadership).")),
    ]

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

    /// The number of full members living in the community: the spec's N.
    ///
    /// Counted here rather than with `CommunityContext.fullMemberCount`, which copies every member
    /// (about a hundred retains and releases a member, five times the cost of the count itself).
    func fullMembers(_ context: CommunityContext) -> Int {
        context.members.withUnsafeBufferPointer { members in
            var count = 0
            for index in members.indices where members[index].isFull { count += 1 }
            return count
        }
    }

    /// The first day of "the year" of cadre selection and governance is after this date: the
    /// 365-day window holds the dates after `asOf − 365 days`, up to and including `asOf`.
    static func yearWindowStart(_ asOf: CivilDate) -> CivilDate { asOf.addingDays(-365) }
}

/// A sentence built from pieces as UTF-8 bytes, for the reasons written once per member: the
/// pieces are copied into one buffer and become a `String` once, where appending to a `String`
/// (or an array) checks and grows it piece by piece.
struct TextBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    /// Creates an empty buffer with room for `capacity` bytes (it grows when it must).
    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    private mutating func append(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        if count + length > capacity {
            let grown = max(capacity * 2, count + length)
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: base, count: count)
            base.deallocate()
            base = larger
            capacity = grown
        }
        (base + count).update(from: bytes, count: length)
        count += length
    }

    /// Appends a literal.
    mutating func add(_ text: StaticString) {
        if text.hasPointerRepresentation {
            append(text.utf8Start, text.utf8CodeUnitCount)
        } else {
            add(text.description)
        }
    }

    /// Appends a string.
    mutating func add(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ $0.baseAddress.map { append($0, text.utf8.count) } })
            == nil
        {
            var copy = text
            copy.withUTF8 { utf8 in utf8.baseAddress.map { append($0, utf8.count) } }
        }
    }

    /// Appends a number as the decision records write it (`24`, `2.5`), without building a
    /// `String` for it.
    mutating func add(_ amount: Amount) {
        amount.withUTF8 { text in
            if let base = text.baseAddress { append(base, text.count) }
        }
    }

    /// Appends a whole number.
    mutating func add(_ number: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = number.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            if let base = digits.baseAddress {
                if number < 0 { add("-") }
                append(base + start, digits.count - start)
            }
        }
    }

    /// Appends a date as the records write it (`2026-06-30`).
    mutating func add(_ date: CivilDate) {
        date.withUTF8 { text in
            if let base = text.baseAddress { append(base, text.count) }
        }
    }

    /// Appends a date as Chinese prose writes it (`2026年6月30日`).
    mutating func add(chinese date: CivilDate) {
        date.withChineseUTF8 { text in
            if let base = text.baseAddress { append(base, text.count) }
        }
    }

    /// The text.
    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
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
@_cdecl("charter_policy_module_v1_ChengduPilot")
public func charterPolicyModule(_ handshake: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    exportPolicyModule(ChengduPilot.self, handshake)
}

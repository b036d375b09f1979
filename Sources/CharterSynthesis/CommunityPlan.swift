import PolicyKit

/// How one community of a synthetic district is to be made: everything about it that is decided
/// before its members are drawn.
///
/// A plan says which stage the community should reach under the stage rules (or which it
/// declares), how many full and probationary members live in each subdivision, its units and
/// posts, and whether its governance is to be complete or show gaps. The member synthesiser then
/// draws the members and their ledger within those bounds.
struct CommunityPlan {
    /// The community id.
    var id: String
    /// The community's name, such as 锦江社区.
    var name: String
    /// The town or sub-district (镇/街道).
    var town: String
    /// The stage the community is meant to be in.
    var stage: Stage
    /// Whether the stage is written in the `stage` column rather than left to the stage rules.
    var declared: Bool
    /// Households planned for resettlement.
    var householdsPlanned: Int
    /// Households moved in.
    var householdsMovedIn: Int
    /// Whether a residents' committee has been set up.
    var residentsCommittee: Bool
    /// The town party committee deputy secretary assigned to it, or "".
    var townDeputySecretary: String
    /// The original villages (原行政村) its resettled members come from.
    var villages: [String]
    /// Its subdivisions and how many members live in each.
    var subdivisions: [SubdivisionPlan]
    /// The units stationed in it.
    var units: [UnitPlan]
    /// Its posts, in priority order.
    var posts: [PostPlan]
    /// Whether every governance check is to pass; otherwise `gaps` says which are to fail.
    var complete: Bool
    /// The governance checks made to fail (on top of whatever the members' ledgers leave wanting).
    var gaps: Set<GovernanceGap>
    /// How active the members are, as a mix of activity classes.
    var activity: CommunityActivity
    /// Percent of members with an original village.
    var villagerShare: Int
    /// Percent of members of working age willing to stand for a post.
    var willingShare = 28
    /// The day of the month of the community's party day (主题党日), 1 to 28.
    var partyDay: Int = 10
    /// The day of the community's last two elections of its bodies.
    var elections: [CivilDate]
    /// Adjusts a drawn member, for curated districts; `nil` for generated ones.
    var tailor: (@Sendable (inout SyntheticMember) -> Void)?

    /// The number of members planned.
    var memberCount: Int { subdivisions.reduce(0) { $0 + $1.full + $1.probationary } }

    /// The number of full members planned.
    var fullCount: Int { subdivisions.reduce(0) { $0 + $1.full } }
}

/// A subdivision (小区) of a community and how many members live there.
struct SubdivisionPlan {
    /// The name, or "" for members whose subdivision is not recorded.
    var name: String
    /// How many buildings (楼栋) it has.
    var buildings: Int
    /// Full members living there.
    var full: Int
    /// Probationary members living there.
    var probationary: Int
}

/// A unit stationed in a community.
struct UnitPlan {
    /// The unit's name.
    var name: String
    /// What kind of unit it is.
    var kind: UnitKind
    /// Party members in the unit.
    var partyMembers: Int
    /// Whether it has its own party organisation.
    var hasPartyOrg: Bool
}

/// One row of `posts.csv`.
struct PostPlan {
    /// The body.
    var body: PostBody
    /// The post.
    var post: PostTitle
    /// Seats to fill.
    var seats: Int
}

/// A governance check a plan makes fail on purpose.
enum GovernanceGap: Hashable, CaseIterable {
    /// Too few policy briefings.
    case policyBriefing
    /// Too few community activities.
    case communityActivity
    /// A required body missing.
    case bodyMissing
    /// Too few social organisations (maturity).
    case socialOrganizations
    /// Too few deliberations.
    case deliberation
    /// Too few supervision meetings.
    case supervision
    /// Too few disclosures.
    case disclosure
    /// No consultation (preparation).
    case consultation
    /// Villagers left off a distribution list (transition).
    case distributions
    /// Full members without an election vote (integration).
    case election
    /// Members without organisational life or training in the year (maturity).
    case basicRights
    /// The secretary has no city training.
    case secretaryTraining

    /// Whether the check applies in a stage.
    func applies(in stage: Stage) -> Bool {
        switch self {
        case .policyBriefing, .secretaryTraining: true
        case .communityActivity, .deliberation, .supervision, .disclosure: stage != .preparation
        case .bodyMissing: stage != .preparation
        case .socialOrganizations, .basicRights: stage == .maturity
        case .consultation: stage == .preparation
        case .distributions: stage == .transition
        case .election: stage == .integration
        }
    }
}

/// The mix of members' activity in a community, in percent of members.
struct CommunityActivity {
    /// Members who take part in nearly everything (many ledger entries).
    var activists: Int
    /// Members who take part in very little.
    var inactive: Int
    /// Whether activists attend a monthly party day (固定主题党日), twelve org-life entries a year.
    var partyDays = false

    /// A community of ordinary activity.
    static let ordinary = CommunityActivity(activists: 10, inactive: 20)
    /// A model community (示范社区), where most members are active.
    static let model = CommunityActivity(activists: 80, inactive: 3, partyDays: true)
    /// A community where many members have drifted away.
    static let quiet = CommunityActivity(activists: 3, inactive: 45)

    /// The average number of ledger entries a member draws relative to an ordinary member.
    var weight: Double {
        let regular = 100 - activists - inactive
        let activist = MemberActivity.activist.eventFactor + (partyDays ? 18 / 5 : 0)
        return
            (Double(activists) * activist
            + Double(regular) * MemberActivity.regular.eventFactor
            + Double(inactive) * MemberActivity.inactive.eventFactor) / 100
    }
}

/// How active one member is.
enum MemberActivity {
    /// Attends most organisational life, volunteers often.
    case activist
    /// An ordinary member.
    case regular
    /// Rarely seen.
    case inactive

    /// How many ledger entries the member draws relative to the district's average.
    var eventFactor: Double {
        switch self {
        case .activist: 4
        case .regular: 0.9
        case .inactive: 0.25
        }
    }
}

/// Everything a policy module sees of one community when it decides: the community's rows of the
/// dataset, the run's as-of date, and what the earlier extension points decided for it.
///
/// The host builds one per community. Rows come in a fixed order whatever the order of the files:
/// members and units by id (UTF-8 bytes), each member's ledger events, bodies and meetings by
/// date, distributions by list and member id; posts keep their file order, which is the order of
/// priority.
public struct CommunityContext: Sendable {
    /// The community.
    public var community: Community
    /// The run's as-of date: every age, duration and window is measured to it.
    public var asOf: CivilDate
    /// The members who live in the community, sorted by id.
    public var members: [Member]
    /// Each member's ledger events, aligned with `members`, by date.
    public var events: [[LedgerEvent]]
    /// The units stationed in the community, sorted by id.
    public var units: [Unit]
    /// The community's posts, in file order.
    public var posts: [Post]
    /// The governance bodies set up in the community, by date.
    public var bodies: [GovernanceBody]
    /// The community's meetings and public acts, by date.
    public var meetings: [Meeting]
    /// Places on the community's distribution lists, by list then member id.
    public var distributions: [Distribution]
    /// What the extension points before this one decided for the community and its members.
    public var decided: EarlierDecisions

    /// Creates a community's context.
    public init(
        community: Community, asOf: CivilDate, members: [Member] = [], events: [[LedgerEvent]]? = nil,
        units: [Unit] = [], posts: [Post] = [], bodies: [GovernanceBody] = [], meetings: [Meeting] = [],
        distributions: [Distribution] = [], decided: EarlierDecisions = EarlierDecisions()
    ) {
        self.community = community
        self.asOf = asOf
        self.members = members
        self.events = events ?? Array(repeating: [], count: members.count)
        self.units = units
        self.posts = posts
        self.bodies = bodies
        self.meetings = meetings
        self.distributions = distributions
        self.decided = decided
    }

    /// The community's stage: the one this run's `stage` point decided, else the declared one
    /// (when the profile decides no stage), else `nil`.
    public var stage: Stage? { decided.stage?.outcome ?? community.declaredStage }

    /// The number of full members (正式党员) living in the community: the spec's N.
    public var fullMemberCount: Int { members.reduce(0) { $0 + ($1.isFull ? 1 : 0) } }
}

/// What the earlier extension points of this run decided for one community and its members.
///
/// A point the profile leaves out, or one that runs later, is `nil` here.
public struct EarlierDecisions: Sendable {
    /// The community's `stage` decision.
    public var stage: StageDecision?
    /// The community's `branch_setup` decision.
    public var branchSetup: BranchSetupDecision?
    /// Each member's `member_management` decision, aligned with the context's `members`.
    public var management: [ManagementDecision]?
    /// Each seat's `cadre_selection` decision, in post order.
    public var seats: [SeatDecision]?
    /// Each member's `points` decision, aligned with the context's `members`.
    public var points: [PointsDecision]?

    /// Creates a set of earlier decisions.
    public init(
        stage: StageDecision? = nil, branchSetup: BranchSetupDecision? = nil,
        management: [ManagementDecision]? = nil, seats: [SeatDecision]? = nil, points: [PointsDecision]? = nil
    ) {
        self.stage = stage
        self.branchSetup = branchSetup
        self.management = management
        self.seats = seats
        self.points = points
    }
}

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
    public var members: [Member] {
        didSet { fullMemberCount = Self.countFull(members) }
    }
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
        self.fullMemberCount = Self.countFull(members)
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

    /// The number of full members (正式党员) living in the community: the spec's N, counted once
    /// when the context is made.
    public private(set) var fullMemberCount: Int

    private static func countFull(_ members: [Member]) -> Int {
        var count = 0
        for index in members.indices where members[index].isFull { count += 1 }
        return count
    }

    /// The dates from the first day of the as-of date's half-year up to and including the as-of
    /// date: the window of the half-year's points and reports.
    public var halfYearSoFar: ClosedRange<CivilDate> { asOf.halfYear.start...asOf }

    /// The ledger events of the member at `index` dated within `window`, by date.
    ///
    /// The events are sorted by date, so the window is found by bisection, not by reading every
    /// event.
    public func events(ofMemberAt index: Int, in window: ClosedRange<CivilDate>) -> ArraySlice<LedgerEvent> {
        let all = events[index]
        func firstIndex(where isAfter: (CivilDate) -> Bool) -> Int {
            var low = all.startIndex
            var high = all.endIndex
            while low < high {
                let middle = (low + high) / 2
                if isAfter(all[middle].date) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        let start = firstIndex { $0 >= window.lowerBound }
        let end = firstIndex { $0 > window.upperBound }
        return all[start..<max(start, end)]
    }

    /// Whether the member at `index` has an event of `kind` dated within `window`.
    public func hasEvent(_ kind: LedgerEventKind, ofMemberAt index: Int, in window: ClosedRange<CivilDate>) -> Bool {
        events(ofMemberAt: index, in: window).contains { $0.kind == kind }
    }

    /// The grid cell of the member at `index`: `COMMUNITY/SUBDIVISION`, or with `byBuilding`
    /// `COMMUNITY/SUBDIVISION/BUILDING`; a subdivision or building left empty is written `-`.
    public func gridCell(ofMemberAt index: Int, byBuilding: Bool) -> String {
        // The member's fields are read in place: copying the member would retain all its texts.
        let subdivision = members[index].subdivision
        var cell = community.id
        cell.reserveCapacity(community.id.utf8.count + subdivision.utf8.count + 24)
        cell += "/"
        cell += subdivision.isEmpty ? "-" : subdivision
        if byBuilding {
            let building = members[index].building
            cell += "/"
            cell += building.isEmpty ? "-" : building
        }
        return cell
    }
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

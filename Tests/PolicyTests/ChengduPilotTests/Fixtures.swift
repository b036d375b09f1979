import ChengduPilot
import PolicyKit

/// Small builders for the contexts the tests hand to the module.
enum Fixture {
    /// The as-of date most tests run at: the last day of 2026H1.
    static let asOf = day("2026-06-30")

    /// A date written `YYYY-MM-DD`.
    static func day(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// The module with the spec's defaults, or some parameters overridden.
    static func pilot(_ overrides: [String: ParameterValue] = [:]) -> ChengduPilot {
        // swift-format-ignore: NeverUseForceTry
        try! ChengduPilot(parameters: Parameters(defaultsOf: ChengduPilot.metadata, overriddenBy: overrides))
    }

    /// A member of community `C1`: a full member born 1980-05-01, joined 2010-01-01, relation
    /// with the community, changed by `configure`.
    static func member(_ id: String, _ configure: (inout Member) -> Void = { _ in }) -> Member {
        var member = Member(
            id: id, communityID: "C1", birthDate: day("1980-05-01"), joinDate: day("2010-01-01"), status: .full,
            relation: .community, lastOrgLife: day("2026-06-01"))
        configure(&member)
        return member
    }

    /// `count` full members `M001`… in subdivision `subdivision`.
    static func members(_ count: Int, prefix: String = "M", subdivision: String = "") -> [Member] {
        (0..<count).map { index in
            let number = String(index + 1)
            let id = prefix + String(repeating: "0", count: max(0, 3 - number.count)) + number
            return member(id) { $0.subdivision = subdivision }
        }
    }

    /// A willing candidate for cadre selection.
    static func candidate(_ id: String, _ configure: (inout Member) -> Void = { _ in }) -> Member {
        member(id) {
            $0.willingToServe = true
            configure(&$0)
        }
    }

    /// A ledger event.
    static func event(_ member: String, _ date: String, _ kind: LedgerEventKind, _ amount: String = "1") -> LedgerEvent
    {
        guard let value = Amount(amount) else { fatalError("bad test amount \(amount)") }
        return LedgerEvent(memberID: member, date: day(date), kind: kind, amount: value)
    }

    /// A context for community `community`, members sorted by id and events aligned with them.
    static func context(
        _ community: Community = Community(id: "C1"), asOf: CivilDate = Fixture.asOf, members: [Member] = [],
        events: [LedgerEvent] = [], units: [PolicyKit.Unit] = [], posts: [Post] = [], bodies: [GovernanceBody] = [],
        meetings: [Meeting] = [], distributions: [Distribution] = [], decided: EarlierDecisions = EarlierDecisions()
    ) -> CommunityContext {
        let sorted = members.sorted { $0.id.utf8Precedes($1.id) }
        let aligned = sorted.map { member in
            events.filter { $0.memberID == member.id }.sorted { $0.date < $1.date }
        }
        return CommunityContext(
            community: community, asOf: asOf, members: sorted, events: aligned, units: units, posts: posts,
            bodies: bodies.sorted { $0.established < $1.established },
            meetings: meetings.sorted { $0.date < $1.date }, distributions: distributions, decided: decided)
    }

    /// A community of community `C1` in a declared stage.
    static func community(
        _ stage: Stage?, deputy: String = "", movedIn: Int = 0, residentsCommittee: Bool = false
    ) -> Community {
        Community(
            id: "C1", declaredStage: stage, householdsMovedIn: movedIn, hasResidentsCommittee: residentsCommittee,
            townDeputySecretary: deputy)
    }

    /// `count` meetings of `kind` on `date`.
    static func meetings(_ kind: MeetingKind, _ count: Int, on date: String = "2026-05-01") -> [Meeting] {
        Array(repeating: Meeting(communityID: "C1", date: day(date), kind: kind), count: count)
    }

    /// A body set up on `date`.
    static func body(_ kind: GovernanceBodyKind, _ date: String = "2020-01-01") -> GovernanceBody {
        GovernanceBody(communityID: "C1", kind: kind, established: day(date))
    }

    /// A post row of community `C1`.
    static func post(_ body: PostBody, _ title: PostTitle, seats: Int = 1, firstSeat: Int = 1) -> Post {
        Post(communityID: "C1", body: body, title: title, seats: seats, firstSeat: firstSeat)
    }

    /// A unit of community `C1`.
    static func unit(_ id: String, members: Int = 0, partyOrganisation: Bool = false) -> PolicyKit.Unit {
        PolicyKit.Unit(
            id: id, communityID: "C1", kind: .enterprise, partyMembers: members,
            hasPartyOrganisation: partyOrganisation)
    }
}

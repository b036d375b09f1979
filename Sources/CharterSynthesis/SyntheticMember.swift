import PolicyKit

/// A member of a synthetic district as drawn, with the ledger entries drawn for them, before the
/// row is written.
///
/// Curated districts adjust drawn members through ``CommunityPlan/tailor`` to show a particular
/// decision; the fields follow the columns of `members.csv`.
struct SyntheticMember: Sendable {
    /// The member's place in the district (its id is made from it).
    var number: Int
    /// The member's place in its community, from 0.
    var ordinal: Int
    /// The id, such as `m000042`.
    var id: String
    var name: String
    var subdivision: String
    var building: String
    var birthDate: CivilDate
    var joinDate: CivilDate
    var status: MembershipStatus
    var relation: Relation
    var originVillage: String
    var employment: Employment
    var employer: String
    var awaySince: CivilDate?
    var awayPlace: String
    var phone: String
    var occupation: String
    var letterIssued: CivilDate?
    var lastOrgLife: CivilDate?
    var education: Education
    var cadreYears: Int
    var willingToServe: Bool
    var sanctionUntil: CivilDate?
    var unqualifiedYear: Int?
    var criminalRecord: Bool
    var dishonestDebtor: Bool
    /// How active the member is.
    var activity: MemberActivity
    /// The member's ledger entries, in date order once written.
    var events: [SyntheticEvent]
    /// Whether the member stands on the community's distribution lists (for villagers).
    var onDistributionLists: Bool

    /// Whether the member is a full member.
    var isFull: Bool { status == .full }

    /// Adds a ledger entry.
    mutating func add(_ kind: LedgerEventKind, on date: CivilDate, tenths: Int = 10) {
        events.append(SyntheticEvent(day: date.dayNumber, kind: kind, tenths: tenths))
    }

    /// Removes every ledger entry of the given kinds.
    mutating func removeEvents(_ kinds: Set<LedgerEventKind>) {
        events.removeAll { kinds.contains($0.kind) }
    }
}

/// One ledger entry of a synthetic member.
struct SyntheticEvent: Sendable {
    /// The day, as days since 1970-01-01.
    var day: Int
    /// What happened.
    var kind: LedgerEventKind
    /// The amount in tenths: 25 is 2.5 hours.
    var tenths: Int
}

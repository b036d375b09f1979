import PolicyKit

/// Turns the rows of a dataset's files into PolicyKit's values, file by file in the data
/// contract's order, and makes the checks that span rows: unique ids, references to rows of
/// earlier files, seat numbers, places on distribution lists.
final class DatasetAssembler {
    private let log: ProblemLog
    private let asOf: CivilDate
    // The assembler is used by one reader on one thread, and every row touches these tables: the
    // run-time exclusivity checks on them were a tenth of the reading time.
    @exclusivity(unchecked) private(set) var dataset = Dataset()

    /// The file being read, and its name as it stands in the folder.
    private var kind = DatasetFileKind.communities
    private var fileName = ""

    /// The ids of each file with the line each was first used on, to name a repeat.
    @exclusivity(unchecked) private var communityIDs = IdentifierTable()
    @exclusivity(unchecked) private var memberIDs = IdentifierTable()
    @exclusivity(unchecked) private var unitIDs = IdentifierTable()
    /// Shared strings for the member columns whose texts repeat (subdivisions, buildings, …); one
    /// stored property each, so that each is changed in place.
    @exclusivity(unchecked) private var names = IdentifierTable(limit: 1 << 16)
    @exclusivity(unchecked) private var subdivisions = IdentifierTable(limit: 1 << 16)
    @exclusivity(unchecked) private var buildings = IdentifierTable(limit: 1 << 16)
    @exclusivity(unchecked) private var villages = IdentifierTable(limit: 1 << 16)
    @exclusivity(unchecked) private var employers = IdentifierTable(limit: 1 << 16)
    @exclusivity(unchecked) private var places = IdentifierTable(limit: 1 << 16)
    @exclusivity(unchecked) private var occupations = IdentifierTable(limit: 1 << 16)
    /// The next seat number of each post of each community.
    private var nextSeat: [SeatKey: Int] = [:]
    /// The line of each member's place on each distribution list.
    private var listPlaces: [ListPlace: Int] = [:]

    /// The files that references are checked against, when they were read whole; a missing or
    /// broken file is reported once, not again at every row that names one of its ids.
    private var communitiesFile: String?
    private var membersFile: String?

    private struct SeatKey: Hashable {
        let communityID: String
        let body: PostBody
        let title: PostTitle
    }

    private struct ListPlace: Hashable {
        let communityID: String
        let kind: DistributionKind
        let memberID: String
    }

    init(log: ProblemLog, asOf: CivilDate) {
        self.log = log
        self.asOf = asOf
    }

    /// Starts the rows of a file.
    func begin(_ kind: DatasetFileKind, fileName: String) {
        self.kind = kind
        self.fileName = fileName
    }

    /// Ends a file: `whole` when every row of it could be read, so that other files' references
    /// to it are checked.
    func end(whole: Bool) {
        guard whole else { return }
        switch kind {
        case .communities: communitiesFile = fileName
        case .members: membersFile = fileName
        default: break
        }
    }

    /// Makes room for about `rows` rows of the current file, so a large file is not copied as its
    /// array grows.
    func reserve(rows: Int) {
        let rows = min(rows, 50_000_000)
        switch kind {
        case .communities: dataset.communities.reserveCapacity(rows)
        case .members:
            dataset.members.reserveCapacity(rows)
            memberIDs.reserve(rows)
        case .units: dataset.units.reserveCapacity(rows)
        case .posts: dataset.posts.reserveCapacity(rows)
        case .events: dataset.events.reserveCapacity(rows)
        case .bodies: dataset.bodies.reserveCapacity(rows)
        case .meetings: dataset.meetings.reserveCapacity(rows)
        case .distributions: dataset.distributions.reserveCapacity(rows)
        }
    }

    /// Reads one row of the current file.
    func add<Fields: RowFields>(_ fields: Fields, line: Int) {
        var row = RowReader(fields: fields, kind: kind, fileName: fileName, line: line, log: log)
        switch kind {
        case .communities: addCommunity(&row)
        case .members: addMember(&row)
        case .units: addUnit(&row)
        case .posts: addPost(&row)
        case .events: addEvent(&row)
        case .bodies: addBody(&row)
        case .meetings: addMeeting(&row)
        case .distributions: addDistribution(&row)
        }
    }

    /// Registers the id of a row whose syntax is broken, so references to it are not reported too.
    ///
    /// The id is only a best guess, so it is not checked for uniqueness.
    func salvageID<Fields: RowFields>(_ fields: Fields) {
        switch kind {
        case .communities: _ = fields.withValue(0) { communityIDs.insert($0, line: 0) }
        case .members: _ = fields.withValue(0) { memberIDs.insert($0, line: 0) }
        default: break
        }
    }

    // MARK: - Cross-row checks

    private func community<Fields>(_ row: inout RowReader<Fields>, _ column: Int) -> String? {
        row.requiredReference(column, to: communityIDs, in: communitiesFile, what: "community")
    }

    private func member<Fields>(_ row: inout RowReader<Fields>, _ column: Int) -> String? {
        row.requiredReference(column, to: memberIDs, in: membersFile, what: "member")
    }

    private func checkNotAfterAsOf<Fields>(
        _ date: CivilDate?, _ row: inout RowReader<Fields>, column: Int, what: String
    ) {
        guard let date, date > asOf else { return }
        row.report(column, "The date is after the as-of date \(asOf); \(what).", value: date.description)
    }

    // MARK: - Rows

    private func addCommunity<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = CommunityColumn
        let id = row.requiredID(Column.id.rawValue, in: &communityIDs)
        let stage = row.code(Column.stage.rawValue, CodeTables.stage)
        let planned = row.integer(Column.householdsPlanned.rawValue, default: 0, isCount: true)
        let movedIn = row.integer(Column.householdsMovedIn.rawValue, default: 0, isCount: true)
        let committee = row.bool(Column.residentsCommittee.rawValue)
        guard let id, !row.failed else { return }
        dataset.communities.append(
            Community(
                id: id, name: row.string(Column.name.rawValue), district: row.string(Column.district.rawValue),
                town: row.string(Column.town.rawValue), declaredStage: stage, householdsPlanned: planned,
                householdsMovedIn: movedIn, hasResidentsCommittee: committee,
                townDeputySecretary: row.string(Column.townDeputySecretary.rawValue)))
    }

    private func addMember<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = MemberColumn
        let id = row.requiredID(Column.id.rawValue, in: &memberIDs)
        let communityID = community(&row, Column.communityID.rawValue)
        let birthDate = row.requiredDate(Column.birthDate.rawValue)
        checkNotAfterAsOf(birthDate, &row, column: Column.birthDate.rawValue, what: "a member cannot be born later")
        let joinDate = row.requiredDate(Column.joinDate.rawValue)
        checkNotAfterAsOf(
            joinDate, &row, column: Column.joinDate.rawValue, what: "a member cannot join the party later")
        let status = row.requiredCode(Column.status.rawValue, CodeTables.status)
        let relation = row.requiredCode(Column.relation.rawValue, CodeTables.relation)
        let employment = row.code(Column.employment.rawValue, CodeTables.employment) ?? .none
        let awaySince = row.date(Column.awaySince.rawValue)
        let letterIssued = row.date(Column.letterIssued.rawValue)
        let lastOrgLife = row.date(Column.lastOrgLife.rawValue)
        let education = row.code(Column.education.rawValue, CodeTables.education) ?? .none
        let cadreYears = row.integer(Column.cadreYears.rawValue, default: 0, isCount: true)
        let willing = row.bool(Column.willingToServe.rawValue)
        let sanctionUntil = row.date(Column.sanctionUntil.rawValue)
        let unqualifiedYear = row.optionalInteger(Column.unqualifiedYear.rawValue)
        let criminal = row.bool(Column.criminalRecord.rawValue)
        let dishonest = row.bool(Column.dishonestDebtor.rawValue)
        guard let id, let communityID, let birthDate, let joinDate, let status, let relation, !row.failed else {
            return
        }
        let name = row.string(Column.name.rawValue, interning: &names)
        let subdivision = row.string(Column.subdivision.rawValue, interning: &subdivisions)
        let building = row.string(Column.building.rawValue, interning: &buildings)
        let originVillage = row.string(Column.originVillage.rawValue, interning: &villages)
        let employer = row.string(Column.employer.rawValue, interning: &employers)
        let awayPlace = row.string(Column.awayPlace.rawValue, interning: &places)
        let occupation = row.string(Column.occupation.rawValue, interning: &occupations)
        dataset.members.append(
            Member(
                id: id, name: name, communityID: communityID, subdivision: subdivision, building: building,
                birthDate: birthDate, joinDate: joinDate, status: status, relation: relation,
                originVillage: originVillage, employment: employment, employer: employer, awaySince: awaySince,
                awayPlace: awayPlace, phone: row.string(Column.phone.rawValue), occupation: occupation,
                letterIssued: letterIssued, lastOrgLife: lastOrgLife, education: education, cadreYears: cadreYears,
                willingToServe: willing, sanctionUntil: sanctionUntil, unqualifiedYear: unqualifiedYear,
                criminalRecord: criminal, dishonestDebtor: dishonest))
    }

    private func addUnit<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = UnitColumn
        let id = row.requiredID(Column.id.rawValue, in: &unitIDs)
        let communityID = community(&row, Column.communityID.rawValue)
        let kind = row.requiredCode(Column.kind.rawValue, CodeTables.unitKind)
        let partyMembers = row.integer(Column.partyMembers.rawValue, default: 0, isCount: true)
        let hasOrg = row.bool(Column.hasPartyOrg.rawValue)
        guard let id, let communityID, let kind, !row.failed else { return }
        dataset.units.append(
            Unit(
                id: id, communityID: communityID, name: row.string(Column.name.rawValue), kind: kind,
                partyMembers: partyMembers, hasPartyOrganisation: hasOrg))
    }

    private func addPost<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = PostColumn
        let communityID = community(&row, Column.communityID.rawValue)
        let body = row.requiredCode(Column.body.rawValue, CodeTables.postBody)
        let title = row.requiredCode(Column.post.rawValue, CodeTables.postTitle)
        var seats = row.optionalInteger(Column.seats.rawValue) ?? 1
        if seats < 1 {
            row.report(Column.seats.rawValue, "A post has at least 1 seat.", value: String(seats))
            seats = 1
        }
        guard let communityID, let body, let title else { return }
        // Seats are numbered even past a bad row, so the rows after it keep their numbers.
        let key = SeatKey(communityID: communityID, body: body, title: title)
        let firstSeat = nextSeat[key] ?? 1
        nextSeat[key] = firstSeat + seats
        guard !row.failed else { return }
        dataset.posts.append(
            Post(communityID: communityID, body: body, title: title, seats: seats, firstSeat: firstSeat))
    }

    private func addEvent<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = EventColumn
        let memberID = member(&row, Column.memberID.rawValue)
        let date = row.requiredDate(Column.date.rawValue)
        let kind = row.requiredCode(Column.kind.rawValue, CodeTables.eventKind)
        let amount = row.positiveAmount(Column.amount.rawValue, default: Amount(1))
        guard let memberID, let date, let kind, let amount, !row.failed else { return }
        dataset.events.append(LedgerEvent(memberID: memberID, date: date, kind: kind, amount: amount))
    }

    private func addBody<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = BodyColumn
        let communityID = community(&row, Column.communityID.rawValue)
        let kind = row.requiredCode(Column.body.rawValue, CodeTables.bodyKind)
        let established = row.requiredDate(Column.established.rawValue)
        guard let communityID, let kind, let established, !row.failed else { return }
        dataset.bodies.append(
            GovernanceBody(
                communityID: communityID, kind: kind, established: established,
                name: row.string(Column.name.rawValue)))
    }

    private func addMeeting<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = MeetingColumn
        let communityID = community(&row, Column.communityID.rawValue)
        let date = row.requiredDate(Column.date.rawValue)
        let kind = row.requiredCode(Column.kind.rawValue, CodeTables.meetingKind)
        let attendees = row.integer(Column.attendees.rawValue, default: 0, isCount: true)
        guard let communityID, let date, let kind, !row.failed else { return }
        dataset.meetings.append(Meeting(communityID: communityID, date: date, kind: kind, attendees: attendees))
    }

    private func addDistribution<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = DistributionColumn
        let communityID = community(&row, Column.communityID.rawValue)
        let kind = row.requiredCode(Column.kind.rawValue, CodeTables.distributionKind)
        let memberID = member(&row, Column.memberID.rawValue)
        guard let communityID, let kind, let memberID else { return }
        let place = ListPlace(communityID: communityID, kind: kind, memberID: memberID)
        if let first = listPlaces[place] {
            row.report(
                Column.memberID.rawValue,
                "The member stands twice on the '\(kind.code)' list of community '\(communityID)'; the first place is on line \(first).",
                value: memberID)
        } else {
            listPlaces[place] = row.line
        }
        guard !row.failed else { return }
        dataset.distributions.append(Distribution(communityID: communityID, kind: kind, memberID: memberID))
    }
}

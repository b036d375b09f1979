import Dispatch
import PolicyKit

/// Turns the rows of one of a dataset's files into PolicyKit's values and makes the checks that
/// span rows: unique ids, references to rows of other files, seat numbers, places on
/// distribution lists.
///
/// Each file has its own assembler, so files can be read at the same time. References to
/// communities are checked as rows are read, against the communities file read before every other;
/// references to members wait until the members file is read (``resolveMembers(_:in:)``), so that
/// the members and the events can be read side by side.
final class DatasetAssembler {
    /// The file's kind, and its name as it stands in the folder.
    let kind: DatasetFileKind
    let fileName: String
    private let log: ProblemLog
    private let asOf: CivilDate
    // An assembler is used by one reader on one thread, and every row touches these tables: the
    // run-time exclusivity checks on them were a tenth of the reading time.
    /// The rows of this file (the other kinds' arrays stay empty) and their references.
    @exclusivity(unchecked) private(set) var dataset = Dataset()
    /// Whether every row of the file could be read, so that other files' references to it are
    /// checked; a missing or broken file is reported once, not again at every row naming its ids.
    private(set) var isWhole = false

    /// The ids of the communities file (the file read, or the one read before this one) and of
    /// the members file, each with the line it was first used on, to name a repeat.
    @exclusivity(unchecked) private(set) var communityIDs: IdentifierTable
    @exclusivity(unchecked) private(set) var memberIDs = IdentifierTable()
    @exclusivity(unchecked) private var unitIDs = IdentifierTable()
    /// The ids of the communities and members files written with a space at an end.
    @exclusivity(unchecked) private(set) var spacedCommunityIDs: SpacedIDs
    @exclusivity(unchecked) private(set) var spacedMemberIDs = SpacedIDs()
    /// The communities file when it was read whole: references to communities are checked.
    private let communitiesFile: String?
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
    @exclusivity(unchecked) private var nextSeat: [SeatKey: Int] = [:]
    /// The line of each member's place on each distribution list.
    @exclusivity(unchecked) private var listPlaces: [ListPlace: Int] = [:]

    /// The member references waiting for the members file: for each row kept, its line and the
    /// number of problems found before its reference (line in the high half); for each row not
    /// kept, the same with its id and the number of rows kept before it.
    @exclusivity(unchecked) private var memberPlaces: [UInt64] = []
    @exclusivity(unchecked)
    private var droppedMemberReferences: [(keptBefore: Int, line: Int, place: Int, id: String)] = []
    /// The previous row's member id, whose `String` a repeat shares.
    @exclusivity(unchecked) private var lastMemberID = ""

    private struct SeatKey: Hashable {
        let communityID: String
        let body: PostBody
        let title: PostTitle
    }

    /// A member's place on one of a community's lists.
    ///
    /// It hashes the community's row rather than its id: one string hashed instead of two, for
    /// the same keys (a community not found has row -1, and is told apart by its id in `==`).
    private struct ListPlace: Hashable {
        let communityID: String
        let communityRow: Int32
        let kind: DistributionKind
        let memberID: String

        func hash(into hasher: inout Hasher) {
            hasher.combine(communityRow)
            hasher.combine(kind)
            hasher.combine(memberID)
        }

        static func == (left: ListPlace, right: ListPlace) -> Bool {
            left.communityRow == right.communityRow && left.kind == right.kind && left.memberID == right.memberID
                && left.communityID == right.communityID
        }
    }

    /// Creates the assembler of one file; `communities` is the assembler of the communities file
    /// read before (none when this is the communities file, or when there is none).
    init(
        _ kind: DatasetFileKind, fileName: String, log: ProblemLog, asOf: CivilDate,
        communities: DatasetAssembler?
    ) {
        self.kind = kind
        self.fileName = fileName
        self.log = log
        self.asOf = asOf
        communityIDs = communities?.communityIDs ?? IdentifierTable()
        spacedCommunityIDs = communities?.spacedCommunityIDs ?? SpacedIDs()
        communitiesFile = communities.flatMap { $0.isWhole ? $0.fileName : nil }
    }

    /// The rows read, handed over: the assembler keeps none, so they are never copied.
    func takeDataset() -> Dataset {
        defer { dataset = Dataset() }
        return dataset
    }

    /// Ends the file: `whole` when every row of it could be read, so that other files'
    /// references to it are checked.
    func end(whole: Bool) {
        isWhole = whole
        // Every other file looks up the communities' ids, from several threads: hash them now.
        if kind == .communities { communityIDs.prepareForLookups() }
    }

    /// Gets the member ids ready to be looked up by other files' assemblers, from several
    /// threads: a members file sorted by id was read without hashing them.
    func prepareMemberLookups() {
        memberIDs.prepareForLookups()
    }

    /// Makes room for about `rows` rows of the file, so a large file is not copied as its
    /// array grows.
    func reserve(rows: Int) {
        let rows = min(rows, 50_000_000)
        switch kind {
        case .communities: dataset.communities.reserveCapacity(rows)
        case .members:
            dataset.members.reserveCapacity(rows)
            dataset.references.memberCommunity.reserveCapacity(rows)
            memberIDs.reserve(rows)
        case .units: dataset.units.reserveCapacity(rows)
        case .posts: dataset.posts.reserveCapacity(rows)
        case .events:
            dataset.events.reserveCapacity(rows)
            memberPlaces.reserveCapacity(rows)
        case .bodies: dataset.bodies.reserveCapacity(rows)
        case .meetings: dataset.meetings.reserveCapacity(rows)
        case .distributions:
            dataset.distributions.reserveCapacity(rows)
            memberPlaces.reserveCapacity(rows)
            // The estimate comes from the first rows; a hash table is not reserved beyond a
            // million places on its word.
            listPlaces.reserveCapacity(min(rows, 1 << 20))
        }
    }

    /// Reads one row of the file.
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

    private func community<Fields>(_ row: inout RowReader<Fields>, _ column: Int) -> (id: String, row: Int32)? {
        row.requiredReference(
            column, to: &communityIDs, in: communitiesFile, what: .community, spaced: &spacedCommunityIDs)
    }

    /// The position among `members` of the id of each of `count` rows (-1 for none), found on up
    /// to `jobs` threads, each taking one stretch of the rows.
    ///
    /// Within a stretch, a row naming the member after the one named before (rows in the members'
    /// order) or the same one again is found without hashing. The table is only read.
    private static func positions(
        of count: Int, among members: IdentifierTable, jobs: Int, id: (Int) -> String
    ) -> [Int32] {
        var positions = [Int32](repeating: -1, count: count)
        let stretches = count >= 100_000 ? max(1, jobs) : 1
        let length = (count + stretches - 1) / max(1, stretches)
        positions.withUnsafeMutableBufferPointer { positions in
            withoutActuallyEscaping(id) { id in
                let shared = SharedLookup(positions: positions, members: members, id: id)
                let resolve: @Sendable (Int) -> Void = { stretch in
                    var lastID: String?
                    var lastPosition: Int32 = -1
                    var lastFound = -1
                    for index in (stretch * length)..<min(count, (stretch + 1) * length) {
                        let rowID = shared.id(index)
                        // By bytes, as the table compares ids: two spellings of one text to
                        // Unicode (a composed and a decomposed accent) are two ids.
                        if lastID.map({ !$0.utf8.elementsEqual(rowID.utf8) }) ?? true {
                            lastID = rowID
                            if let found = shared.members.index(of: rowID, after: lastFound) {
                                lastFound = found
                                lastPosition = Int32(truncatingIfNeeded: found)
                            } else {
                                lastPosition = -1
                            }
                        }
                        shared.positions[index] = lastPosition
                    }
                }
                if stretches == 1 {
                    resolve(0)
                } else {
                    DispatchQueue.concurrentPerform(iterations: stretches, execute: resolve)
                }
            }
        }
        return positions
    }

    /// A member reference, checked later by ``resolveMembers(_:in:)``: notes where its problem
    /// would stand.
    private func member<Fields>(_ row: inout RowReader<Fields>, _ column: Int) -> (id: String, place: UInt64)? {
        let line = UInt64(UInt32(truncatingIfNeeded: row.line))
        let place = line << 32 | UInt64(UInt32(truncatingIfNeeded: log.foundCount))
        guard let id = row.deferredReference(column, last: &lastMemberID) else { return nil }
        return (id, place)
    }

    /// Notes the member reference of a row that is not kept.
    private func dropMemberReference(_ reference: (id: String, place: UInt64)?, keptBefore: Int) {
        guard let reference else { return }
        droppedMemberReferences.append(
            (keptBefore, Int(reference.place >> 32), Int(reference.place & 0xFFFF_FFFF), reference.id))
    }

    /// Checks the member references of the file's rows against `members` (the members file's
    /// ids, with those written with a space at an end in `spaced`), reporting each id that names
    /// no member when that file was read whole, and drops the rows it reports.
    func resolveMembers(_ members: IdentifierTable, spaced: SpacedIDs, in membersFile: String?, jobs: Int = 1) {
        guard kind == .events || kind == .distributions else { return }
        var positions =
            kind == .events
            ? dataset.events.withUnsafeBufferPointer { events in
                Self.positions(of: events.count, among: members, jobs: jobs) { events[$0].memberID }
            }
            : dataset.distributions.withUnsafeBufferPointer { rows in
                Self.positions(of: rows.count, among: members, jobs: jobs) { rows[$0].memberID }
            }
        let missing = membersFile == nil ? [] : positions.indices.filter { positions[$0] < 0 }
        func id(_ index: Int) -> String {
            kind == .events ? dataset.events[index].memberID : dataset.distributions[index].memberID
        }
        if let membersFile {
            var dropped = droppedMemberReferences.makeIterator()
            var nextDropped = dropped.next()
            func report(line: Int, place: Int, id: String) {
                log.add(
                    kind, after: place,
                    DatasetProblem(
                        file: fileName, line: line, column: "member_id",
                        message: ReferencedRow.member.unknown(
                            id, in: membersFile, spaced: spaced, isKnown: { members.index(of: $0) != nil }),
                        value: id))
            }
            func reportDropped(upTo kept: Int) {
                while let entry = nextDropped, entry.keptBefore <= kept {
                    if members.index(of: entry.id) == nil { report(line: entry.line, place: entry.place, id: entry.id) }
                    nextDropped = dropped.next()
                }
            }
            for index in missing {
                reportDropped(upTo: index)
                let place = memberPlaces[index]
                report(line: Int(place >> 32), place: Int(place & 0xFFFF_FFFF), id: id(index))
            }
            reportDropped(upTo: Int.max)
            if !missing.isEmpty { dropRows(missing, positions: &positions) }
        }
        if kind == .events {
            dataset.references.eventMember = positions
        } else {
            dataset.references.distributionMember = positions
        }
        memberPlaces = []
        droppedMemberReferences = []
    }

    /// Removes the rows at `indices` (sorted), whose member is missing, as if never kept.
    private func dropRows(_ indices: [Int], positions: inout [Int32]) {
        let drop = Set(indices)
        func keep<Element>(_ array: [Element]) -> [Element] {
            array.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        }
        positions = keep(positions)
        if kind == .events {
            dataset.events = keep(dataset.events)
        } else {
            dataset.distributions = keep(dataset.distributions)
            dataset.references.distributionCommunity = keep(dataset.references.distributionCommunity)
        }
    }

    private func checkNotAfterAsOf<Fields>(
        _ date: CivilDate?, _ row: inout RowReader<Fields>, column: Int, what: Text
    ) {
        guard let date, date > asOf else { return }
        row.report(
            column,
            Text(
                zh: "日期晚于截止日期 \(asOf)；\(what.chinese)。",
                en: "The date is after the as-of date \(asOf); \(what.english)."),
            value: date.description)
    }

    // MARK: - Rows

    private func addCommunity<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = CommunityColumn
        let id = row.requiredID(Column.id.rawValue, in: &communityIDs)
        if let id { spacedCommunityIDs.note(id, line: row.line) }
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
        if let id { spacedMemberIDs.note(id, line: row.line) }
        let community = self.community(&row, Column.communityID.rawValue)
        let birthDate = row.requiredDate(Column.birthDate.rawValue)
        checkNotAfterAsOf(
            birthDate, &row, column: Column.birthDate.rawValue,
            what: Text(zh: "党员的出生日期不能晚于它", en: "a member cannot be born later"))
        let joinDate = row.requiredDate(Column.joinDate.rawValue)
        checkNotAfterAsOf(
            joinDate, &row, column: Column.joinDate.rawValue,
            what: Text(zh: "入党日期不能晚于它", en: "a member cannot join the party later"))
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
        guard let id, let community, let birthDate, let joinDate, let status, let relation, !row.failed else {
            return
        }
        let name = row.string(Column.name.rawValue, interning: &names)
        let subdivision = row.string(Column.subdivision.rawValue, interning: &subdivisions)
        let building = row.string(Column.building.rawValue, interning: &buildings)
        let originVillage = row.string(Column.originVillage.rawValue, interning: &villages)
        let employer = row.string(Column.employer.rawValue, interning: &employers)
        let awayPlace = row.string(Column.awayPlace.rawValue, interning: &places)
        let occupation = row.string(Column.occupation.rawValue, interning: &occupations)
        dataset.references.memberCommunity.append(community.row)
        dataset.members.append(
            Member(
                id: id, name: name, communityID: community.id, subdivision: subdivision, building: building,
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
        let community = self.community(&row, Column.communityID.rawValue)
        let kind = row.requiredCode(Column.kind.rawValue, CodeTables.unitKind)
        let partyMembers = row.integer(Column.partyMembers.rawValue, default: 0, isCount: true)
        let hasOrg = row.bool(Column.hasPartyOrg.rawValue)
        guard let id, let community, let kind, !row.failed else { return }
        dataset.references.unitCommunity.append(community.row)
        dataset.units.append(
            Unit(
                id: id, communityID: community.id, name: row.string(Column.name.rawValue), kind: kind,
                partyMembers: partyMembers, hasPartyOrganisation: hasOrg))
    }

    private func addPost<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = PostColumn
        let community = self.community(&row, Column.communityID.rawValue)
        let body = row.requiredCode(Column.body.rawValue, CodeTables.postBody)
        let title = row.requiredCode(Column.post.rawValue, CodeTables.postTitle)
        var seats = row.optionalInteger(Column.seats.rawValue) ?? 1
        if seats < 1 {
            row.report(
                Column.seats.rawValue, Text(zh: "一个职务至少有 1 个席位。", en: "A post has at least 1 seat."),
                value: String(seats))
            seats = 1
        }
        guard let community, let body, let title else { return }
        let communityID = community.id
        // Seats are numbered even past a bad row, so the rows after it keep their numbers.
        let key = SeatKey(communityID: communityID, body: body, title: title)
        let firstSeat = nextSeat[key] ?? 1
        nextSeat[key] = firstSeat + seats
        guard !row.failed else { return }
        dataset.references.postCommunity.append(community.row)
        dataset.posts.append(
            Post(communityID: communityID, body: body, title: title, seats: seats, firstSeat: firstSeat))
    }

    private func addEvent<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = EventColumn
        let member = self.member(&row, Column.memberID.rawValue)
        let date = row.requiredDate(Column.date.rawValue)
        let kind = row.requiredCode(Column.kind.rawValue, CodeTables.eventKind)
        let amount = row.positiveAmount(Column.amount.rawValue, default: Amount(1))
        guard let member, let date, let kind, let amount, !row.failed else {
            dropMemberReference(member, keptBefore: dataset.events.count)
            return
        }
        memberPlaces.append(member.place)
        dataset.events.append(LedgerEvent(memberID: member.id, date: date, kind: kind, amount: amount))
    }

    private func addBody<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = BodyColumn
        let community = self.community(&row, Column.communityID.rawValue)
        let kind = row.requiredCode(Column.body.rawValue, CodeTables.bodyKind)
        let established = row.requiredDate(Column.established.rawValue)
        guard let community, let kind, let established, !row.failed else { return }
        dataset.references.bodyCommunity.append(community.row)
        dataset.bodies.append(
            GovernanceBody(
                communityID: community.id, kind: kind, established: established,
                name: row.string(Column.name.rawValue)))
    }

    private func addMeeting<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = MeetingColumn
        let community = self.community(&row, Column.communityID.rawValue)
        let date = row.requiredDate(Column.date.rawValue)
        let kind = row.requiredCode(Column.kind.rawValue, CodeTables.meetingKind)
        let attendees = row.integer(Column.attendees.rawValue, default: 0, isCount: true)
        guard let community, let date, let kind, !row.failed else { return }
        dataset.references.meetingCommunity.append(community.row)
        dataset.meetings.append(Meeting(communityID: community.id, date: date, kind: kind, attendees: attendees))
    }

    private func addDistribution<Fields>(_ row: inout RowReader<Fields>) {
        typealias Column = DistributionColumn
        let community = self.community(&row, Column.communityID.rawValue)
        let kind = row.requiredCode(Column.kind.rawValue, CodeTables.distributionKind)
        let member = self.member(&row, Column.memberID.rawValue)
        guard let community, let kind, let member else {
            dropMemberReference(member, keptBefore: dataset.distributions.count)
            return
        }
        let communityID = community.id
        let memberID = member.id
        let place = ListPlace(communityID: communityID, communityRow: community.row, kind: kind, memberID: memberID)
        if let first = listPlaces[place] {
            row.report(
                Column.memberID.rawValue,
                Text(
                    zh: "这名党员在社区 '\(communityID)' 的 '\(kind.code)' 名单上出现了两次；第一次在第 \(first) 行。",
                    en:
                        "The member stands twice on the '\(kind.code)' list of community '\(communityID)'; the first place is on line \(first)."
                ),
                value: memberID)
        } else {
            listPlaces[place] = row.line
        }
        guard !row.failed else {
            dropMemberReference(member, keptBefore: dataset.distributions.count)
            return
        }
        memberPlaces.append(member.place)
        dataset.references.distributionCommunity.append(community.row)
        dataset.distributions.append(Distribution(communityID: communityID, kind: kind, memberID: memberID))
    }
}

/// What the threads resolving member ids share: the positions they fill, each its own stretch,
/// and the member table and row ids they only read.
private struct SharedLookup: @unchecked Sendable {
    let positions: UnsafeMutableBufferPointer<Int32>
    let members: IdentifierTable
    let id: (Int) -> String
}

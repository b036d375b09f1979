import CharterData
import CharterSupport
public import PolicyKit

/// Everything a run decided, with the dataset it decided on, in the order the records are written.
public struct RunDecisions: Sendable {
    /// The dataset, grouped.
    public let index: DatasetIndex
    /// The results, one per community, in dataset order.
    public let results: [CommunityResult]
    /// The points the run decided, in run order.
    public let points: [ExtensionPoint]

    /// Every member as (community result, position in it), sorted by member id.
    public let memberOrder: [(community: Int, position: Int)]
    /// How many decisions of each outcome each point made.
    public let outcomeCounts: [ExtensionPoint: [String: Int]]

    /// Pairs the results with their dataset.
    public init(index: DatasetIndex, results: [CommunityResult], points: [ExtensionPoint]) {
        self.index = index
        self.results = results
        self.points = points
        self.memberOrder = RunDecisions.memberOrder(index: index)
        self.outcomeCounts = RunDecisions.outcomeCounts(results)
    }

    /// Where one decision sits: the community's result and the position in its list (0 for a
    /// community's own decision).
    public struct Position: Hashable, Sendable {
        /// The community's index in the dataset (and in `results`).
        public let community: Int
        /// The member's or seat's position within the community's result.
        public let position: Int
    }

    /// The positions of every subject of `point`, sorted by subject (UTF-8 bytes).
    ///
    /// Two runs over the same dataset have the same positions, so their decisions pair up by index.
    public func positions(of point: ExtensionPoint) -> [Position] {
        switch point.subjectKind {
        case .community:
            return index.communityOrder.map { Position(community: $0, position: 0) }
        case .member:
            return memberOrder.map { Position(community: $0.community, position: $0.position) }
        case .seat:
            var seats: [(subject: String, position: Position)] = []
            for result in results {
                for (position, subject) in result.seatSubjects.enumerated() {
                    seats.append((subject, Position(community: result.community, position: position)))
                }
            }
            seats.sort { $0.subject.utf8Precedes($1.subject) }
            return seats.map(\.position)
        }
    }

    /// The record of `point` at `position`, or `nil` when the run did not decide it.
    public func record(of point: ExtensionPoint, at position: Position) -> DecisionRecord? {
        struct Record: PointVisitor {
            let decisions: RunDecisions
            let position: Position
            func visit<Point: HostedPoint>(_ point: Point.Type) -> DecisionRecord? {
                decisions.record(of: point, at: position)
            }
        }
        var visitor = Record(decisions: self, position: position)
        return visitPoint(point, &visitor)
    }

    fileprivate func record<Point: HostedPoint>(of hosted: Point.Type, at position: Position) -> DecisionRecord? {
        let result = results[position.community]
        guard let decided = Point.decisions(in: result) else { return nil }
        return DecisionRecord(
            hosted, subject: subject(of: Point.point, at: position), module: decided.module,
            decision: decided.value[position.position])
    }

    /// The subject of the decision of `point` at `position`: `community:ID`, `member:ID` or the
    /// seat's subject.
    public func subject(of point: ExtensionPoint, at position: Position) -> String {
        let result = results[position.community]
        switch point.subjectKind {
        case .community: return "community:\(index.dataset.communities[position.community].id)"
        case .member: return "member:\(index.dataset.members[result.members[position.position]].id)"
        case .seat: return result.seatSubjects[position.position]
        }
    }

    /// Appends the record of `point` at `position` as one line of `decisions.jsonl` (without the
    /// line end); returns `false` when the run did not decide it.
    public func appendRecord(
        of point: ExtensionPoint, at position: Position, language: Language, to writer: inout JSONWriter
    ) -> Bool {
        appendRecords(of: point, at: [position], language: language, lineEnds: false, to: &writer) == 1
    }

    /// Appends the records of `point` at `positions`, each a line of `decisions.jsonl` (ended by a
    /// line feed when `lineEnds`), skipping those the run did not decide; returns how many it wrote.
    ///
    /// The point's registration is looked up once for all of them: the loop runs in code
    /// specialised for the point, and nothing is copied per record.
    public func appendRecords(
        of point: ExtensionPoint, at positions: ArraySlice<Position>, language: Language, lineEnds: Bool = true,
        to writer: inout JSONWriter
    ) -> Int {
        struct Append: PointVisitor, ~Copyable {
            let decisions: RunDecisions
            let positions: ArraySlice<Position>
            let language: Language
            let lineEnds: Bool
            var writer: JSONWriter
            var lists = WrittenLists()
            mutating func visit<Point: HostedPoint>(_ point: Point.Type) -> Int {
                var written = 0
                for position in positions
                where decisions.appendRecord(
                    of: point, at: position, language: language, to: &writer, written: &lists)
                {
                    if lineEnds { writer.byte(0x0A) }
                    written += 1
                }
                return written
            }
        }
        var visitor = Append(
            decisions: self, positions: positions, language: language, lineEnds: lineEnds, writer: writer)
        let written = visitPoint(point, &visitor)
        writer = visitor.writer
        return written
    }

    @inline(__always)
    fileprivate func appendRecord<Point: HostedPoint>(
        of hosted: Point.Type, at position: Position, language: Language, to writer: inout JSONWriter,
        written: inout WrittenLists
    ) -> Bool {
        // Everything is read through buffer pointers: the community's result, its decisions and
        // the member are borrowed where they lie. Copying them would retain every array and string
        // they hold, on millions of records, from every worker at once.
        results.withUnsafeBufferPointer { results in
            let community = position.community
            let at = position.position
            guard let decided = Point.decisions(in: results[community]) else { return false }
            decided.value.withUnsafeBufferPointer { decisions in
                // The decision is passed down, never captured by a closure: a capture copies it,
                // and a copy retains every string and array it holds.
                DecisionEncoding.appendRecordHead(
                    point: Point.point, subject: { appendSubject(of: Point.point, at: position, results, to: &$0) },
                    outcome: decisions[at].outcome.rawValue, module: decided.module, rules: decisions[at].rules,
                    reasons: decisions[at].reasons, language: language, to: &writer, written: &written)
                Point.details(decisions[at], to: &writer)
                writer.byte(UInt8(ascii: "}"))
            }
            return true
        }
    }

    /// Appends the subject of the decision at `position` as a JSON string.
    @inline(__always)
    private func appendSubject(
        of point: ExtensionPoint, at position: Position, _ results: UnsafeBufferPointer<CommunityResult>,
        to writer: inout JSONWriter
    ) {
        switch point.subjectKind {
        case .community:
            index.dataset.communities.withUnsafeBufferPointer {
                writer.string(prefix: "community:", $0[position.community].id)
            }
        case .member:
            index.dataset.members.withUnsafeBufferPointer {
                writer.string(prefix: "member:", $0[results[position.community].members[position.position]].id)
            }
        case .seat:
            writer.string(results[position.community].seatSubjects[position.position])
        }
    }

    public func forEachRecord(of point: ExtensionPoint, _ body: (DecisionRecord) throws -> Void) rethrows {
        guard points.contains(point) else { return }
        for position in positions(of: point) {
            if let record = record(of: point, at: position) { try body(record) }
        }
    }

    /// Each seat of a community's posts with its decision, post by post and seat by seat: the
    /// post, the seat's number (counted from the post's first seat) and the decision.
    public func forEachSeat(ofCommunity community: Int, _ body: (Post, Int, SeatDecision) -> Void) {
        guard let seats = results[community].seats?.value else { return }
        var seatIndex = 0
        for postIndex in index.postsByCommunity[community] {
            let post = index.dataset.posts[postIndex]
            for seat in 0..<post.seats where seatIndex < seats.count {
                body(post, post.firstSeat + seat, seats[seatIndex])
                seatIndex += 1
            }
        }
    }

    /// The dataset index of the member `id` of a community, found by binary search over the
    /// community's members (sorted by id), or `nil`.
    public func memberIndex(of id: String, inCommunity community: Int) -> Int? {
        results.withUnsafeBufferPointer { results in
            index.dataset.members.withUnsafeBufferPointer { allMembers in
                results[community].members.withUnsafeBufferPointer { members in
                    var low = 0
                    var high = members.count
                    while low < high {
                        let middle = (low + high) / 2
                        let candidate = allMembers[members[middle]].id
                        if candidate == id { return members[middle] }
                        if candidate.utf8Precedes(id) { low = middle + 1 } else { high = middle }
                    }
                    return nil
                }
            }
        }
    }

    /// The dataset indices of the community's members with these ids (nil for an id that is not
    /// one of the community's members), in the order of `ids`.
    ///
    /// Ids sorted by UTF-8 bytes, as the governance findings list them, are matched in one walk
    /// along the community's sorted members; others are looked up one by one.
    public func memberIndices(of ids: [String], inCommunity community: Int) -> [Int?] {
        guard ids.count > 4, ids.isSorted(by: { $0.utf8Precedes($1) }) else {
            return ids.map { memberIndex(of: $0, inCommunity: community) }
        }
        return results.withUnsafeBufferPointer { results in
            index.dataset.members.withUnsafeBufferPointer { allMembers in
                results[community].members.withUnsafeBufferPointer { members in
                    var found: [Int?] = []
                    found.reserveCapacity(ids.count)
                    var next = 0
                    for id in ids {
                        while next < members.count, allMembers[members[next]].id.utf8Precedes(id) { next += 1 }
                        if next < members.count, allMembers[members[next]].id == id {
                            found.append(members[next])
                        } else {
                            found.append(nil)
                        }
                    }
                    return found
                }
            }
        }
    }

    static func memberOrder(index: DatasetIndex) -> [(community: Int, position: Int)] {
        index.membersByID.compactMap { member in
            let place = index.memberPlaces[member]
            guard place.community >= 0 else { return nil }
            return (Int(place.community), Int(place.position))
        }
    }

    static func outcomeCounts(_ results: [CommunityResult]) -> [ExtensionPoint: [String: Int]] {
        var counts: [ExtensionPoint: [String: Int]] = [:]
        for point in ExtensionPoint.allCases {
            struct Count: PointVisitor {
                let results: [CommunityResult]
                func visit<Point: HostedPoint>(_ point: Point.Type) -> (point: ExtensionPoint, counts: [String: Int]) {
                    RunDecisions.outcomeCounts(of: point, results)
                }
            }
            var visitor = Count(results: results)
            let point = visitPoint(point, &visitor)
            if !point.counts.isEmpty { counts[point.point] = point.counts }
        }
        return counts
    }

    /// How many decisions of each outcome one point made, by outcome code.
    fileprivate static func outcomeCounts<Point: HostedPoint>(
        of hosted: Point.Type, _ results: [CommunityResult]
    ) -> (point: ExtensionPoint, counts: [String: Int]) {
        // Counted by enum value first (member decisions in runs, by `countOutcomes`), and turned
        // into codes once at the end: a city has millions of member decisions.
        var counts: [Point.Outcome: Int] = [:]
        results.withUnsafeBufferPointer { results in
            for index in results.indices { Point.decisions(in: results[index])?.value.countOutcomes(into: &counts) }
        }
        return (Point.point, Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }))
    }
}

extension Array {
    /// Adds the number of decisions with each outcome to `counts`.
    ///
    /// Counted in runs of the same outcome: an outcome's hash is its code's, a string's, and most
    /// neighbours share theirs (a city has millions of member decisions). Read through a buffer
    /// pointer, touching only the outcomes: copying a decision would retain each of its arrays and
    /// strings, a cache miss apiece.
    @inlinable
    public func countOutcomes<Outcome: DomainCode, Details>(into counts: inout [Outcome: Int])
    where Element == Decision<Outcome, Details> {
        withUnsafeBufferPointer { decisions in
            guard let first = decisions.first?.outcome else { return }
            var current = first
            var run = 0
            for index in decisions.indices {
                if decisions[index].outcome == current {
                    run += 1
                } else {
                    counts[current, default: 0] += run
                    current = decisions[index].outcome
                    run = 1
                }
            }
            counts[current, default: 0] += run
        }
    }
}

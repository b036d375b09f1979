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
        let result = results[position.community]
        let members = index.dataset.members
        let id = index.dataset.communities[position.community].id
        switch point {
        case .stage:
            return result.stage.map { DecisionRecord(community: id, module: $0.module, stage: $0.value) }
        case .branchSetup:
            return result.branchSetup.map { DecisionRecord(community: id, module: $0.module, branchSetup: $0.value) }
        case .governance:
            return result.governance.map { DecisionRecord(community: id, module: $0.module, governance: $0.value) }
        case .memberManagement:
            let member = members[result.members[position.position]].id
            return result.management.map {
                DecisionRecord(member: member, module: $0.module, management: $0.value[position.position])
            }
        case .points:
            let member = members[result.members[position.position]].id
            return result.points.map {
                DecisionRecord(member: member, module: $0.module, points: $0.value[position.position])
            }
        case .cadreSelection:
            let subject = result.seatSubjects[position.position]
            return result.seats.map {
                DecisionRecord(seat: subject, module: $0.module, seat: $0.value[position.position])
            }
        }
    }

    /// Appends the record of `point` at `position` as one line of `decisions.jsonl` (without the
    /// line end); returns `false` when the run did not decide it.
    public func appendRecord(
        of point: ExtensionPoint, at position: Position, language: Language, to writer: inout JSONWriter
    ) -> Bool {
        // Everything is read through buffer pointers: the community's result, its decisions and
        // the member are borrowed where they lie. Copying them would retain every array and string
        // they hold, on millions of records, from every worker at once.
        results.withUnsafeBufferPointer { results in
            index.dataset.members.withUnsafeBufferPointer { members in
                let community = position.community
                let at = position.position
                func communitySubject(_ writer: inout JSONWriter) {
                    index.dataset.communities.withUnsafeBufferPointer {
                        writer.string(prefix: "community:", $0[community].id)
                    }
                }
                func memberSubject(_ writer: inout JSONWriter) {
                    writer.string(prefix: "member:", members[results[community].members[at]].id)
                }
                // The decision is passed down, never captured by a closure: a capture copies it, and
                // a copy retains every string and array it holds.
                func append<Outcome: DomainCode, Details>(
                    _ module: String, _ decision: Decision<Outcome, Details>, _ subject: (inout JSONWriter) -> Void,
                    _ details: (Decision<Outcome, Details>, inout JSONWriter) -> Void
                ) {
                    DecisionEncoding.appendRecordHead(
                        point: point, subject: subject, outcome: decision.outcome.rawValue, module: module,
                        rules: decision.rules, reasons: decision.reasons, language: language, to: &writer)
                    details(decision, &writer)
                    writer.byte(UInt8(ascii: "}"))
                }
                switch point {
                case .stage:
                    guard let decided = results[community].stage else { return false }
                    append(decided.module, decided.value, communitySubject, DecisionEncoding.details)
                case .branchSetup:
                    guard let decided = results[community].branchSetup else { return false }
                    append(decided.module, decided.value, communitySubject, DecisionEncoding.details)
                case .governance:
                    guard let decided = results[community].governance else { return false }
                    append(decided.module, decided.value, communitySubject, DecisionEncoding.details)
                case .memberManagement:
                    guard let decided = results[community].management else { return false }
                    decided.value.withUnsafeBufferPointer {
                        append(decided.module, $0[at], memberSubject, DecisionEncoding.details)
                    }
                case .points:
                    guard let decided = results[community].points else { return false }
                    decided.value.withUnsafeBufferPointer {
                        append(decided.module, $0[at], memberSubject, DecisionEncoding.details)
                    }
                case .cadreSelection:
                    guard let decided = results[community].seats else { return false }
                    let subject = results[community].seatSubjects[at]
                    append(decided.module, decided.value[at], { $0.string(subject) }, DecisionEncoding.details)
                }
                return true
            }
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
        // Counted by enum value first (member decisions in runs, by `countOutcomes`), and turned
        // into codes once at the end: a city has millions of member decisions.
        var stages: [Stage: Int] = [:]
        var setups: [OrganisationForm: Int] = [:]
        var management: [ManagementClass: Int] = [:]
        var seats: [SeatOutcome: Int] = [:]
        var grades: [Grade: Int] = [:]
        var governance: [GovernanceOutcome: Int] = [:]
        results.withUnsafeBufferPointer { results in
            for index in results.indices {
                if let outcome = results[index].stage?.value.outcome { stages[outcome, default: 0] += 1 }
                if let outcome = results[index].branchSetup?.value.outcome { setups[outcome, default: 0] += 1 }
                results[index].management?.value.countOutcomes(into: &management)
                results[index].seats?.value.countOutcomes(into: &seats)
                results[index].points?.value.countOutcomes(into: &grades)
                if let outcome = results[index].governance?.value.outcome { governance[outcome, default: 0] += 1 }
            }
        }
        func codes<Outcome: DomainCode>(_ counts: [Outcome: Int]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
        }
        var counts: [ExtensionPoint: [String: Int]] = [:]
        if !stages.isEmpty { counts[.stage] = codes(stages) }
        if !setups.isEmpty { counts[.branchSetup] = codes(setups) }
        if !management.isEmpty { counts[.memberManagement] = codes(management) }
        if !seats.isEmpty { counts[.cadreSelection] = codes(seats) }
        if !grades.isEmpty { counts[.points] = codes(grades) }
        if !governance.isEmpty { counts[.governance] = codes(governance) }
        return counts
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

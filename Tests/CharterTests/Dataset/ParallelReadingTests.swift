import CharterSynthesis
import Foundation
import PolicyKit
import Testing

@testable import CharterData

/// Reading with several jobs gives exactly what reading on one thread gives: the same rows in
/// the same order, the same resolved references, the same problems in the same order, the same
/// count beyond the limit and the same warnings.
@Suite struct ParallelReadingTests {
    /// What a read gave, in a form that can be compared.
    struct Outcome: Equatable {
        var problems: [String] = []
        var omitted = 0
        var warnings: [String] = []
        var rows: [String] = []
        var references = RowReferences()
    }

    static func read(_ folder: String, jobs: Int, problemLimit: Int = 200) -> Outcome {
        var outcome = Outcome()
        do {
            let result = try DatasetReader(problemLimit: problemLimit, jobs: jobs).read(
                directory: folder, asOf: Fixtures.asOf)
            let dataset = result.dataset
            outcome.warnings = result.warnings.map(\.description)
            outcome.rows =
                dataset.communities.map { "\($0)" } + dataset.members.map { "\($0)" } + dataset.units.map { "\($0)" }
                + dataset.posts.map { "\($0)" } + dataset.events.map { "\($0)" } + dataset.bodies.map { "\($0)" }
                + dataset.meetings.map { "\($0)" } + dataset.distributions.map { "\($0)" }
                + dataset.files.map { "\($0)" }
            outcome.references = dataset.references
        } catch {
            outcome.problems = error.problems.map(\.description)
            outcome.omitted = error.omitted
        }
        return outcome
    }

    static let folders =
        Fixtures.cases("bad").map { "\(Fixtures.datasets)/bad/\($0)" }
        + Fixtures.cases("valid").map { "\(Fixtures.datasets)/valid/\($0)" }

    @Test(arguments: folders)
    func twoJobsReadAsOneDoes(_ folder: String) {
        let one = Self.read(folder, jobs: 1)
        #expect(one == Self.read(folder, jobs: 2), "\(folder)")
        #expect(one == Self.read(folder, jobs: 8), "\(folder)")
        for limit in [0, 1, 2] {
            #expect(Self.read(folder, jobs: 1, problemLimit: limit) == Self.read(folder, jobs: 3, problemLimit: limit))
        }
    }

    /// A dataset whose members, events and distributions all have problems, with references to
    /// missing members among them: the deferred reference problems take their places in line order
    /// and within their rows, and the limit keeps the first problems in that order.
    static func messyDataset() throws -> String {
        let folder = NSTemporaryDirectory() + "charter-parallel-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        try write("communities.csv", "id,name\nC1,一\nC2,二\n")
        var members = "id,community_id,birth_date,join_date,status,relation\n"
        for index in 0..<30 {
            members += "M\(index),C\(index % 3 == 0 ? 9 : 1),1970-01-01,1990-01-01,full,community\n"
        }
        try write("members.csv", members)
        var events = "member_id,date,kind,amount\n"
        for index in 0..<40 {
            let member = index % 4 == 0 ? "X\(index)" : "M\(index % 30)"
            let date = index % 5 == 0 ? "2026-13-01" : "2026-01-0\(index % 9 + 1)"
            events += "\(member),\(date),org_life,\(index % 7 == 0 ? "0" : "1")\n"
        }
        try write("events.csv", events)
        var distributions = "community_id,kind,member_id\n"
        for index in 0..<20 {
            let community = index % 6 == 0 ? "C7" : "C1"
            let member = index % 3 == 0 ? "Y\(index)" : "M\(index % 4)"
            distributions += "\(community),compensation,\(member)\n"
        }
        try write("distributions.csv", distributions)
        return folder
    }

    /// A ledger long enough to be resolved in stretches, one per thread, in no member order and
    /// with unknown members in several stretches, resolves and reports as on one thread.
    @Test func aLongLedgerResolvesInStretchesAsOnOneThread() throws {
        let work = try TemporaryDirectory()
        try DistrictGenerator(DistrictGenerator.Options(communities: 50, members: 25_000, seed: 5, order: .shuffled))
            .write(to: work.path)
        let path = work.path + "/events.csv"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count > 100_001)
        for place in [lines.count - 1, lines.count * 3 / 4, lines.count / 2 + 1, 2] {
            lines.insert("nobody\(place),2026-03-01,org_life,1", at: place)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let one = Self.read(work.path, jobs: 1)
        #expect(one.problems.count == 4)
        #expect(one.problems.allSatisfy { $0.contains("No member has this id") })
        #expect(one == Self.read(work.path, jobs: 2))
        #expect(one == Self.read(work.path, jobs: 3))
        // And a valid one gives the same references.
        lines.removeAll { $0.hasPrefix("nobody") }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let valid = Self.read(work.path, jobs: 1)
        #expect(valid.problems.isEmpty)
        #expect(valid == Self.read(work.path, jobs: 2))
    }

    /// A ledger row naming a member in another spelling of the same text to Unicode (a
    /// decomposed accent) names no member, even right after a row naming the member as written.
    @Test func anIdInAnotherUnicodeSpellingNamesNoMember() throws {
        let work = try TemporaryDirectory()
        let composed = "m\u{E9}1"
        let decomposed = "me\u{301}1"
        let files = [
            "communities.csv": "id\nC1\n",
            "members.csv": "id,community_id,birth_date,join_date,status,relation\n"
                + "\(composed),C1,1980-01-01,2000-01-01,full,community\n",
            "events.csv": "member_id,date,kind\n\(composed),2026-03-01,org_life\n\(decomposed),2026-03-02,org_life\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: work.url.appendingPathComponent(name)) }
        for jobs in [1, 2] {
            let outcome = Self.read(work.path, jobs: jobs)
            #expect(outcome.problems.count == 1, "\(outcome.problems)")
            #expect(outcome.problems.first?.hasPrefix("events.csv:3: column member_id: No member has this id") == true)
        }
    }

    @Test func deferredReferenceProblemsKeepTheirPlaces() throws {
        let folder = try Self.messyDataset()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let one = Self.read(folder, jobs: 1, problemLimit: 1000)
        #expect(one.omitted == 0)
        let events = one.problems.filter { $0.hasPrefix("events.csv:") }
        // Row 2 names X0, has a bad date and a zero amount: the reference comes first.
        #expect(
            Array(events.prefix(3)) == [
                "events.csv:2: column member_id: No member has this id; members.csv must hold a row with it. ('X0')",
                "events.csv:2: column date: The date is not valid; dates are written YYYY-MM-DD, e.g. 1975-03-09. ('2026-13-01')",
                "events.csv:2: column amount: The amount must be greater than 0. ('0')",
            ])
        let distributions = one.problems.filter { $0.hasPrefix("distributions.csv:2:") }
        #expect(
            distributions == [
                "distributions.csv:2: column community_id: No community has this id; communities.csv must hold a row with it. ('C7')",
                "distributions.csv:2: column member_id: No member has this id; members.csv must hold a row with it. ('Y0')",
            ])
        // The members' unknown communities come before every events problem.
        let firstEvent = try #require(one.problems.firstIndex { $0.hasPrefix("events.csv") })
        #expect(one.problems[..<firstEvent].allSatisfy { $0.hasPrefix("members.csv") })
        let total = one.problems.count
        for limit in [0, 1, 5, 10, 11, 12, 13, 20, 27, 40, total - 1, total, total + 1] {
            let limited = Self.read(folder, jobs: 1, problemLimit: limit)
            #expect(limited.problems == Array(one.problems.prefix(limit)), "limit \(limit)")
            #expect(limited.omitted == max(0, total - limit), "limit \(limit)")
            #expect(limited == Self.read(folder, jobs: 2, problemLimit: limit), "limit \(limit)")
        }
    }

    @Test func referencesNameTheRowsOfTheirIDs() throws {
        let result = try DatasetReader(jobs: 2).read(
            directory: "\(Fixtures.datasets)/valid/valid-all-files", asOf: Fixtures.asOf)
        let dataset = result.dataset
        let references = dataset.references
        #expect(references.memberCommunity.count == dataset.members.count)
        for (member, community) in zip(dataset.members, references.memberCommunity) {
            #expect(dataset.communities[Int(community)].id == member.communityID)
        }
        #expect(references.eventMember.count == dataset.events.count)
        for (event, member) in zip(dataset.events, references.eventMember) {
            #expect(dataset.members[Int(member)].id == event.memberID)
        }
        #expect(references.postCommunity.map { dataset.communities[Int($0)].id } == dataset.posts.map(\.communityID))
        #expect(references.unitCommunity.map { dataset.communities[Int($0)].id } == dataset.units.map(\.communityID))
        #expect(references.bodyCommunity.map { dataset.communities[Int($0)].id } == dataset.bodies.map(\.communityID))
        #expect(
            references.meetingCommunity.map { dataset.communities[Int($0)].id } == dataset.meetings.map(\.communityID))
        #expect(
            references.distributionCommunity.map { dataset.communities[Int($0)].id }
                == dataset.distributions.map(\.communityID))
        #expect(
            references.distributionMember.map { dataset.members[Int($0)].id } == dataset.distributions.map(\.memberID))
    }
}

import CharterData
import CharterSupport
import CharterSynthesis
import Foundation
import PolicyKit
import Testing

@Suite struct DistrictGeneratorDeterminismTests {
    private func generate(_ options: DistrictGenerator.Options) throws -> [String: Data] {
        let folder = temporaryFolder("determinism")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DistrictGenerator(options).write(to: folder)
        var files: [String: Data] = [:]
        for file in DatasetFile.allCases {
            files[file.fileName] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file.fileName))
        }
        return files
    }

    @Test func sameSeedGivesIdenticalBytes() throws {
        let options = DistrictGenerator.Options(communities: 25, members: 2500, seed: 42)
        let first = try generate(options)
        let second = try generate(options)
        for file in DatasetFile.allCases {
            #expect(first[file.fileName] == second[file.fileName], "\(file.fileName) differs between runs")
        }
    }

    @Test func differentSeedGivesDifferentDistrict() throws {
        let first = try generate(DistrictGenerator.Options(communities: 25, members: 2500, seed: 42))
        let second = try generate(DistrictGenerator.Options(communities: 25, members: 2500, seed: 43))
        #expect(first["members.csv"] != second["members.csv"])
        #expect(first["events.csv"] != second["events.csv"])
        #expect(first["communities.csv"] != second["communities.csv"])
    }

    @Test func asOfDateMovesTheDates() throws {
        let first = try generate(DistrictGenerator.Options(communities: 5, members: 300, seed: 1))
        let later = try generate(
            DistrictGenerator.Options(
                communities: 5, members: 300, seed: 1, asOf: CivilDate(year: 2027, month: 12, day: 31) ?? .earliest))
        #expect(first["events.csv"] != later["events.csv"])
    }

    /// The generator's numbers are its own: these values must never change, or every district
    /// generated from a seed changes with them.
    @Test func seededGeneratorSequenceIsFixed() {
        var rng = SeededGenerator(seed: 0)
        let values = (0..<3).map { _ in rng.next() }
        var again = SeededGenerator(seed: 0)
        #expect(values == (0..<3).map { _ in again.next() })
        #expect(values[0] == SeededGeneratorGolden.first)
        var bounded = SeededGenerator(seed: 7)
        for _ in 0..<10_000 {
            let value = bounded.below(7)
            #expect((0..<7).contains(value))
        }
    }
}

/// The first output of `SeededGenerator(seed: 0)`, xoshiro256** seeded by SplitMix64.
enum SeededGeneratorGolden {
    static let first: UInt64 = 0x99EC_5F36_CB75_F2B4
}

@Suite struct DistrictGeneratorShapeTests {
    /// The header of each file, as the data contract lists its columns.
    static let contractHeaders: [String: [String]] = [
        "communities": [
            "id", "name", "district", "town", "stage", "households_planned", "households_moved_in",
            "residents_committee", "town_deputy_secretary",
        ],
        "members": [
            "id", "name", "community_id", "subdivision", "building", "birth_date", "join_date", "status", "relation",
            "origin_village", "employment", "employer", "away_since", "away_place", "phone", "occupation",
            "letter_issued", "last_org_life", "education", "cadre_years", "willing_to_serve", "sanction_until",
            "unqualified_year", "criminal_record", "dishonest_debtor",
        ],
        "units": ["id", "community_id", "name", "kind", "party_members", "has_party_org"],
        "posts": ["community_id", "body", "post", "seats"],
        "events": ["member_id", "date", "kind", "amount"],
        "bodies": ["community_id", "body", "established", "name"],
        "meetings": ["community_id", "date", "kind", "attendees"],
        "distributions": ["community_id", "kind", "member_id"],
    ]

    @Test(arguments: DatasetFile.allCases)
    func fileHasTheContractsHeader(_ file: DatasetFile) throws {
        let table = try #require(SharedDistrict.tables[file.rawValue])
        #expect(table.header == DistrictGeneratorShapeTests.contractHeaders[file.rawValue])
        for (index, row) in table.rows.enumerated() {
            #expect(row.count == table.header.count, "\(file.fileName) row \(index + 2) has \(row.count) fields")
        }
    }

    @Test func rowCountsMatchTheOptions() throws {
        let tables = SharedDistrict.tables
        #expect(tables["communities"]?.rows.count == SharedDistrict.options.communities)
        #expect(tables["members"]?.rows.count == SharedDistrict.options.members)
        let events = try #require(tables["events"]).rows.count
        let perMember = Double(events) / Double(SharedDistrict.options.members)
        #expect(perMember > 4 && perMember < 6.5, "events per member: \(perMember)")
        for name in ["units", "posts", "bodies", "meetings", "distributions"] {
            #expect((tables[name]?.rows.count ?? 0) > 0, "\(name).csv is empty")
        }
    }

    @Test func summaryCountsTheRowsWritten() throws {
        let folder = temporaryFolder("summary")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let summary = try DistrictGenerator(DistrictGenerator.Options(communities: 7, members: 333, seed: 9))
            .write(to: folder)
        for file in DatasetFile.allCases {
            let table = try PlainCSV(path: folder + "/" + file.fileName)
            #expect(summary.rows(of: file) == table.rows.count, "\(file.fileName)")
        }
        #expect(summary.rows(of: .members) == 333)
    }

    @Test func noEventsWhenAskedForNone() throws {
        let folder = temporaryFolder("no-events")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = DistrictGenerator.Options(communities: 3, members: 100, seed: 1, eventsPerMember: 0)
        let summary = try DistrictGenerator(options).write(to: folder)
        #expect(summary.rows(of: .events) == 0)
        #expect(try PlainCSV(path: folder + "/events.csv").header == ["member_id", "date", "kind", "amount"])
    }
}

/// `--order shuffled`: the same rows as the sorted order, in the order of a district's export.
@Suite struct ShuffledOrderTests {
    private func generate(_ order: RowOrder, into folder: String) throws {
        try DistrictGenerator(DistrictGenerator.Options(communities: 12, members: 3000, seed: 9, order: order))
            .write(to: folder)
    }

    /// The sorted district's member ids, each with the id the same person has in the shuffled one
    /// (found by every other field of the row, which are unique in this district).
    private func newIDs(sorted: PlainCSV, shuffled: PlainCSV) throws -> [String: String] {
        let id = try #require(sorted.header.firstIndex(of: "id"))
        func person(_ row: [String]) -> [String] { row.enumerated().filter { $0.offset != id }.map(\.element) }
        let shuffledIDs = Dictionary(shuffled.rows.map { (person($0), $0[id]) }) { first, _ in first }
        try #require(shuffledIDs.count == shuffled.rows.count, "two members share every field but the id")
        var renamed: [String: String] = [:]
        for row in sorted.rows { renamed[row[id]] = try #require(shuffledIDs[person(row)], "\(row[id]) is missing") }
        return renamed
    }

    @Test func shuffledHoldsTheSamePeopleAndRowsInAnotherOrder() throws {
        let work = try TemporaryDirectory()
        try generate(.sorted, into: work.path + "/sorted")
        try generate(.shuffled, into: work.path + "/shuffled")
        let renamed = try newIDs(
            sorted: PlainCSV(path: work.path + "/sorted/members.csv"),
            shuffled: PlainCSV(path: work.path + "/shuffled/members.csv"))
        #expect(Set(renamed.keys) == Set(renamed.values), "the ids are not the same set")
        #expect(renamed.filter { $0.key != $0.value }.count > renamed.count / 2, "the ids were not dealt out afresh")
        for file in DatasetFile.allCases {
            let sorted = try PlainCSV(path: work.path + "/sorted/" + file.fileName)
            let shuffled = try PlainCSV(path: work.path + "/shuffled/" + file.fileName)
            #expect(sorted.header == shuffled.header, "\(file.fileName)")
            // The sorted rows with each member's new id are the shuffled rows.
            let idColumn = sorted.header.firstIndex(of: file == .members ? "id" : "member_id")
            let expected = sorted.rows.map { row in
                var row = row
                if let idColumn { row[idColumn] = renamed[row[idColumn]] ?? "?" }
                return row.joined(separator: ",")
            }
            #expect(
                expected.sorted() == shuffled.rows.map { $0.joined(separator: ",") }.sorted(),
                "\(file.fileName) has other rows")
            if sorted.rows.count > 20 {
                #expect(sorted.rows != shuffled.rows, "\(file.fileName) kept its order")
            }
        }
    }

    /// Ids in order do not go community by community, as they do in the sorted order.
    @Test func membersInIDOrderInterleaveTheCommunities() throws {
        let work = try TemporaryDirectory()
        try generate(.shuffled, into: work.path)
        let members = try PlainCSV(path: work.path + "/members.csv")
        let byID = members.rows.sorted { $0[0] < $1[0] }
        let column = try #require(members.header.firstIndex(of: "community_id"))
        let communities = byID.map { $0[column] }
        #expect(zip(communities, communities.dropFirst()).filter { $0 != $1 }.count > communities.count / 2)
    }

    @Test func membersComeInNoOrderAndTheLedgerByDate() throws {
        let work = try TemporaryDirectory()
        try generate(.shuffled, into: work.path)
        let members = try PlainCSV(path: work.path + "/members.csv")
        let ids = try members.column("id")
        let communities = try members.column("community_id")
        #expect(ids != ids.sorted(), "member ids are in order")
        // Communities interleave: many changes of community from one row to the next.
        let changes = zip(communities, communities.dropFirst()).filter { $0 != $1 }.count
        #expect(changes > ids.count / 2)
        let events = try PlainCSV(path: work.path + "/events.csv")
        let dates = try events.column("date")
        #expect(dates == dates.sorted(), "the ledger is not in date order")
        let eventMembers = try events.column("member_id")
        let firstDay = zip(dates, eventMembers).filter { $0.0 == dates[0] }.map(\.1)
        #expect(Set(firstDay).count > 1 || firstDay.count == 1)
        #expect(
            zip(eventMembers, eventMembers.dropFirst()).filter { $0 != $1 }.count > eventMembers.count / 2,
            "the ledger is grouped by member")
    }

    /// A community's posts are filled in their order, so each keeps it while communities interleave.
    @Test func postsKeepEachCommunitysOrder() throws {
        let work = try TemporaryDirectory()
        try generate(.sorted, into: work.path + "/sorted")
        try generate(.shuffled, into: work.path + "/shuffled")
        func byCommunity(_ path: String) throws -> [String: [String]] {
            let posts = try PlainCSV(path: path)
            return Dictionary(grouping: posts.rows.map { $0.joined(separator: ",") }) {
                String($0.prefix { $0 != "," })
            }
        }
        let sorted = try byCommunity(work.path + "/sorted/posts.csv")
        #expect(sorted.count > 1)
        #expect(sorted == (try byCommunity(work.path + "/shuffled/posts.csv")))
        let shuffled = try PlainCSV(path: work.path + "/shuffled/posts.csv").column("community_id")
        #expect(shuffled != shuffled.sorted(), "posts are grouped by community")
    }

    @Test func theSameSeedGivesTheSameShuffledBytes() throws {
        let work = try TemporaryDirectory()
        try generate(.shuffled, into: work.path + "/first")
        try generate(.shuffled, into: work.path + "/second")
        for file in DatasetFile.allCases {
            #expect(
                try Data(contentsOf: work.url.appendingPathComponent("first/" + file.fileName))
                    == Data(contentsOf: work.url.appendingPathComponent("second/" + file.fileName)), "\(file.fileName)")
        }
    }
}

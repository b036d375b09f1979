import Foundation
import PolicyKit
import Testing

@testable import CharterData

/// The id table gives the answers of a plain dictionary whatever the order of the ids: sorted
/// (kept out of the hash slots), broken partway, sorted again, repeated, guessed from broken rows;
/// and lookups in order, out of order, before and after the slots are filled.
@Suite struct IdentifierTableTests {
    /// Inserts `id` on `line`, as a row does.
    static func insert(_ table: inout IdentifierTable, _ id: String, line: Int) -> (key: String, firstLine: Int?) {
        var id = id
        return id.withUTF8 { table.insert($0, line: line) }
    }

    /// A plain model of the table: the first line of each id, and the ids in the order added.
    struct Model {
        var lines: [String: Int] = [:]
        var order: [String] = []

        mutating func insert(_ id: String, line: Int) -> Int? {
            if let first = lines[id] {
                guard first == 0 else { return first }
                lines[id] = line
                return nil
            }
            lines[id] = line
            order.append(id)
            return nil
        }
    }

    /// Inserts the ids, checking every answer against the model, then every lookup.
    static func check(_ ids: [(String, Int)], absent: [String] = ["", "M", "Z", "M00", "M0000000000000000000"]) {
        var table = IdentifierTable()
        var model = Model()
        for (id, line) in ids {
            let (key, firstLine) = insert(&table, id, line: line)
            #expect(key == id)
            #expect(firstLine == model.insert(id, line: line), "\(id) on line \(line)")
        }
        #expect(table.keys == model.order)
        for prepared in [false, true] {
            if prepared { table.prepareForLookups() }
            var previous = -1
            for (position, id) in model.order.enumerated() {
                #expect(table.index(of: id) == position, "\(id), prepared: \(prepared)")
                #expect(table.index(of: id, after: previous) == position, "\(id) in order")
                #expect(table.index(of: id, after: position) == position, "\(id) out of order")
                #expect(table.index(of: id, after: model.order.count - 1) == position)
                var bytes = id
                #expect(bytes.withUTF8 { table.find($0) } == id)
                previous = position
            }
            for id in absent where model.lines[id] == nil {
                #expect(table.index(of: id) == nil, "'\(id)', prepared: \(prepared)")
                #expect(table.index(of: id, after: -1) == nil)
                var bytes = id
                #expect(bytes.withUTF8 { table.find($0) } == nil)
            }
        }
    }

    static func ids(_ numbers: [Int], firstLine: Int = 2) -> [(String, Int)] {
        numbers.enumerated().map {
            ("M\(String(repeating: "0", count: 4 - String($0.element).count))\($0.element)", firstLine + $0.offset)
        }
    }

    @Test func sortedIDs() {
        Self.check(Self.ids(Array(0..<300)))
        Self.check([])
        Self.check([("only", 2)])
    }

    @Test func orderBrokenPartwayThenSortedAgain() {
        Self.check(Self.ids(Array(10..<100) + [5, 3] + Array(100..<200) + [50, 1] + Array(200..<250)))
    }

    @Test func repeatsAfterSortedRuns() {
        // The last id again, an earlier one, one from before a break, one after it.
        Self.check(
            Self.ids(Array(0..<50) + [49, 10] + Array(50..<80) + [79, 5, 60, 3, 3] + Array(80..<90) + [89, 0]))
    }

    @Test func randomOrders() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            var numbers = Array(0..<200)
            // Sorted runs with swaps and repeats among them.
            for _ in 0..<Int.random(in: 0...10, using: &generator) {
                numbers.swapAt(Int.random(in: 0..<200, using: &generator), Int.random(in: 0..<200, using: &generator))
            }
            for _ in 0..<Int.random(in: 0...10, using: &generator) {
                numbers.insert(
                    Int.random(in: 0..<200, using: &generator), at: Int.random(in: 0...numbers.count, using: &generator)
                )
            }
            Self.check(Self.ids(numbers))
        }
        Self.check(Self.ids((0..<300).map { ($0 * 7919) % 1000 }))
    }

    @Test func idsOfBrokenRowsTakeTheLineOfTheirFirstRealUse() {
        // Line 0: guessed from a row whose syntax is broken.
        Self.check([("A", 0), ("B", 3), ("A", 4), ("A", 5), ("C", 0), ("C", 0), ("B", 8), ("C", 9), ("C", 10)])
        Self.check([("B", 2), ("A", 0), ("A", 4), ("A", 5), ("B", 6)])
    }

    @Test func keysOfEveryLengthAndByteOrder() {
        // Prefixes, lengths around the word sizes, bytes above 0x7F.
        let texts = [
            "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno",
            "abcdefghijklmnop",
            "abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyz0123456789", "b", "社区", "社区一", "锦绣花园6期", "\u{7F}",
        ]
        Self.check(texts.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }).map { ($0, 2) })
        Self.check(texts.map { ($0, 2) } + texts.map { ($0, 3) })
        Self.check(texts.reversed().map { ($0, 2) })
    }

    @Test func internedTextsAreShared() {
        var table = IdentifierTable(limit: 3)
        func intern(_ text: String) -> String {
            var text = text
            return text.withUTF8 { table.intern($0) }
        }
        for text in ["x", "x", "y", "x", "y", "y", "z", "w", "w", "x", ""] { #expect(intern(text) == text) }
        #expect(table.keys == ["x", "y", "z"])
    }

    /// Many texts, of every length around the cache's 16 bytes, colliding in its buckets: each
    /// interned text is the text, and the table keeps each once, in the order first seen.
    @Test func internedTextsSurviveTheCache() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab社区1-".unicodeScalars).map(String.init)
        let texts = (0..<3000).map { index in
            (0..<(index % 22 + 1)).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
        }
        for limit in [3000, 100] {
            var table = IdentifierTable(limit: limit)
            var seen: [String] = []
            var known = Set<String>()
            for _ in 0..<4 {
                for text in texts.shuffled(using: &generator).prefix(2000) {
                    var bytes = text
                    #expect(bytes.withUTF8 { table.intern($0) } == text)
                    if seen.count < limit, known.insert(text).inserted { seen.append(text) }
                }
            }
            #expect(table.keys == seen)
        }
    }

    /// The reader's problems for ids out of order after a sorted run, and repeats after one.
    @Test func duplicateIDsAreNamedWhateverTheOrder() {
        var csv = "id,community_id,birth_date,join_date,status,relation\n"
        for id in ["M1", "M2", "M3", "M3", "M4", "M2", "M0", "M5", "M0", "M6", "M5", "M1"] {
            csv += "\(id),C1,1970-01-01,1990-01-01,full,community\n"
        }
        let (error, _, dataset) = DatasetReader.readFile(
            .members, form: ".csv", bytes: Array(csv.utf8), asOf: Fixtures.asOf)
        let problems = error?.problems.map(\.description) ?? []
        let message = "The id is used twice; it was first used on line"
        #expect(
            problems == [
                "members.csv:5: column id: \(message) 4. Ids must be unique. ('M3')",
                "members.csv:7: column id: \(message) 3. Ids must be unique. ('M2')",
                "members.csv:10: column id: \(message) 8. Ids must be unique. ('M0')",
                "members.csv:12: column id: \(message) 9. Ids must be unique. ('M5')",
                "members.csv:13: column id: \(message) 2. Ids must be unique. ('M1')",
            ])
        #expect(dataset.members.map(\.id) == ["M1", "M2", "M3", "M4", "M0", "M5", "M6"])
    }

    /// Events and distributions find their members whether the members file was sorted or not.
    @Test func referencesToSortedAndUnsortedMembers() throws {
        for ids in [["M1", "M2", "M3", "M4"], ["M3", "M1", "M4", "M2"], ["M1", "M3", "M2", "M4"]] {
            let folder = NSTemporaryDirectory() + "charter-ids-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            func write(_ name: String, _ text: String) throws {
                try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
            }
            try write("communities.csv", "id,name\nC1,一\nC2,二\n")
            try write(
                "members.csv",
                "id,community_id,birth_date,join_date,status,relation\n"
                    + ids.map { "\($0),C1,1970-01-01,1990-01-01,full,community\n" }.joined())
            var events = "member_id,date,kind,amount\n"
            for id in ["M1", "M1", "M2", "M3", "M4", "M2", "M9", "M4", "M3", "M1"] {
                events += "\(id),2026-01-01,org_life,1\n"
            }
            try write("events.csv", events)
            for jobs in [1, 2] {
                do {
                    _ = try DatasetReader(jobs: jobs).read(directory: folder, asOf: Fixtures.asOf)
                    Issue.record("M9 was found")
                } catch {
                    #expect(
                        error.problems.map(\.description) == [
                            "events.csv:8: column member_id: No member has this id; members.csv must hold a row with it. ('M9')"
                        ])
                }
            }
            try write("events.csv", events.replacingOccurrences(of: "M9", with: "M2"))
            let dataset = try DatasetReader(jobs: 2).read(directory: folder, asOf: Fixtures.asOf).dataset
            #expect(
                dataset.references.eventMember.map { dataset.members[Int($0)].id } == dataset.events.map(\.memberID))
        }
    }
}

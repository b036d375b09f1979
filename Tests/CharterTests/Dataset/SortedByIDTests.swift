import CharterSynthesis
import PolicyKit
import Testing

@testable import CharterData

/// Members sorted by id through integer keys of their first eight bytes come out exactly as a
/// byte-by-byte comparison of the whole ids orders them.
@Suite struct SortedByIDTests {
    @Test func theKeysOrderAsTheWholeIds() {
        let ids = [
            "m000010", "m00001", "m000010a", "m0000100", "m00001000", "m000010000", "m00001000b", "m00001000a",
            "党员0001", "党员0002", "党员00010", "a", "", "ab", "a\u{7F}", "Z", "zzzzzzzzzz", "zzzzzzzzz",
            "zzzzzzzz", "2026-0001", "2026-00010", "2026-00001", "é", "e\u{301}",
        ]
        let sorted = DatasetIndex.sortedByID(ids.count) { ids[$0] }
        #expect(sorted.map { ids[$0] } == ids.sorted { $0.utf8Precedes($1) })
        #expect(Set(sorted) == Set(ids.indices))
    }

    @Test func twentyThousandShuffledIdsSortAsStringsDo() {
        var generator = SeededGenerator(seed: 16)
        var ids = (0..<20_000).map { "m" + String($0 * 7919 % 100_003) + ($0 % 3 == 0 ? "x" : "") }
        for index in stride(from: ids.count - 1, to: 0, by: -1) { ids.swapAt(index, generator.below(index + 1)) }
        let sorted = DatasetIndex.sortedByID(ids.count) { ids[$0] }.map { ids[$0] }
        #expect(sorted == ids.sorted { $0.utf8Precedes($1) })
    }
}

import PolicyKit
import Testing

/// Sorting by UTF-8 bytes, as every list in the records is sorted.
@Suite struct UTF8OrderTests {
    @Test func listsComeOutInByteOrderWhetherOrNotTheyWereSorted() {
        // "Z" (0x5A) < "a" (0x61) < "é" (0xC3 0xA9) < "积" (0xE7…) by bytes, whatever a locale says.
        let sorted = ["Z", "a", "ab", "é", "积分"]
        #expect(sorted.sortedByUTF8() == sorted)
        #expect(sorted.reversed().sortedByUTF8() == sorted)
        #expect(["ab", "Z", "积分", "a", "é"].sortedByUTF8() == sorted)
        #expect([String]().sortedByUTF8().isEmpty)
        #expect(["m2", "m1", "m1"].sortedByUTF8() == ["m1", "m1", "m2"])
        // Canonically equal texts with different bytes keep their own places by bytes.
        #expect(["e\u{301}", "\u{E9}"].sortedByUTF8().map { Array($0.utf8) } == [[0x65, 0xCC, 0x81], [0xC3, 0xA9]])
    }
}

import CharterSupport
import PolicyKit
import Testing

@testable import CharterRecords

/// A list of rules or reasons written again from the JSON written for it before is the JSON it
/// would have had, whichever lists share storage and whichever only look alike.
@Suite struct WrittenListsTests {
    static let grid = Rule("test.grid", point: .memberManagement, meaning: Text(zh: "网格", en: "grid"))
    static let lives = ReasonTemplate(
        "test.lives", slots: [ReasonSlot("place", .place)], zh: "住在{place}", en: "lives in \"{place}\"")

    static func head(
        _ rules: [Rule], _ reasons: [Reason], _ language: Language, _ written: inout WrittenLists
    ) -> [UInt8] {
        var writer = JSONWriter()
        DecisionEncoding.appendRecordHead(
            point: .memberManagement, subject: { $0.string("member:m1") }, outcome: "grid", module: "T@1",
            rules: rules, reasons: reasons, language: language, to: &writer, written: &written)
        return writer.bytes
    }

    @Test func aListWrittenBeforeIsCopiedAsItWasWritten() {
        let shared = [Self.lives(.place("和美花园"))]
        let rules = [Self.grid]
        for language in [Language.english, .chinese] {
            var written = WrittenLists()
            let first = Self.head(rules, shared, language, &written)
            let again = Self.head(rules, shared, language, &written)
            // Equal lists in storage of their own, and different ones, are written afresh.
            let lookalike = Self.head([Self.grid], [Self.lives(.place("和美花园"))], language, &written)
            let other = Self.head(rules, [Self.lives(.place("金港新居"))], language, &written)
            let empty = Self.head([], [], language, &written)
            var fresh = WrittenLists()
            #expect(first == again)
            #expect(first == lookalike)
            #expect(other == Self.head(rules, [Self.lives(.place("金港新居"))], language, &fresh))
            #expect(other != first)
            #expect(String(decoding: empty, as: UTF8.self).contains("\"rules\":[],\"reasons\":[]"))
            let text = String(decoding: first, as: UTF8.self)
            #expect(
                text.contains(language == .english ? "lives in \\\"和美花园\\\"" : "住在和美花园"), "\(text)")
        }
    }

    /// After the trial, lists that never repeat are written as they come, the same bytes.
    @Test func listsThatNeverRepeatAreWrittenAsTheyCome() {
        var written = WrittenLists()
        var plain = WrittenLists()
        for index in 0..<(WrittenLists.trial + 10) {
            let reasons = [Self.lives(.place("小区\(index)"))]
            #expect(
                Self.head([Self.grid], reasons, .english, &written)
                    == Self.head([Self.grid], reasons, .english, &plain))
        }
    }
}

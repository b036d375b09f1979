import CharterEngine
import CharterSupport
import PolicyKit
import Testing

/// A reason's template is cut at its slots once, and the host writes it straight into the record;
/// what it writes is the reason's own text, escaped, in either language.
@Suite struct ReasonRenderingTests {
    static let everyKind = ReasonTemplate(
        "test.every-kind",
        slots: [
            .date("date"), .halfYear("half"), .count("count"), .amount("amount"), .member("member"), .place("place"),
            .text("text"), .term("term"), .phrase("phrase"), .phrases("list"),
        ],
        zh: "{date}·{half}·{count}名·{amount}分·{member}·{place}·{text}·{term}·{phrase}·缺{list}。",
        en: "{date} {half} {count} members, {amount} points, {member} in {place} \"{text}\" {term}; {phrase}: {list}.")
    static let part = ReasonTemplate("test.part", slots: [.count("n")], zh: "第{n}项", en: "item {n}")

    static func reason(text: String) -> Reason {
        everyKind(
            .date(CivilDate(year: 2026, month: 6, day: 30) ?? .earliest), .halfYear(HalfYear(year: 2026, second: true)),
            .count(-12), .amount(Amount("2.5") ?? .zero), .member("m0011"), .place("C01/小区"), .text(text),
            .term(Text(zh: "网格管理", en: "grid management")), .phrase(part(.count(1))),
            .phrases([part(.count(2)), part(.count(3))], separator: Text(zh: "、", en: ", ")))
    }

    @Test func eachKindIsWrittenAsItsLanguageWritesIt() {
        let reason = Self.reason(text: "plain")
        #expect(
            reason.chinese == "2026年6月30日·2026年下半年·-12名·2.5分·m0011·C01/小区·plain·网格管理·第1项·缺第2项、第3项。")
        #expect(
            reason.english
                == "2026-06-30 2026H2 -12 members, 2.5 points, m0011 in C01/小区 \"plain\" grid management; item 1: item 2, item 3."
        )
        #expect(reason.problems == [])
    }

    @Test(arguments: ["plain", "a \"quote\", a \\ backslash", "tab\tand\nline", "\u{1}control"])
    func theRecordHoldsTheReasonsTextEscaped(text: String) throws {
        let reason = Self.reason(text: text)
        for language in Language.allCases {
            var writer = JSONWriter()
            writer.reason(reason, in: language)
            var expected = JSONWriter()
            expected.string(reason.text(in: language))
            #expect(writer.bytes == expected.bytes)
        }
    }

    @Test func slotsAreCheckedInBothLanguages() {
        let good = ReasonTemplate("t.good", slots: [.count("n")], zh: "{n}名", en: "{n} members")
        #expect(good.problems == [])
        let missing = ReasonTemplate("t.missing", slots: [.count("n")], zh: "若干名", en: "{n} members")
        #expect(missing.problems == ["reason template 't.missing': the Chinese text does not use the slot '{n}'"])
        let unknown = ReasonTemplate("t.unknown", zh: "{x}名", en: "members")
        #expect(unknown.problems == ["reason template 't.unknown': the Chinese text names '{x}', which is not a slot"])
        // An unknown name stays in the text as written, and so does a brace that closes nothing.
        #expect(unknown().chinese == "{x}名")
        #expect(ReasonTemplate("t.brace", zh: "{未闭合", en: "{open").english == "{open")
    }

    @Test func aValueTooManyOrOfAnotherKindIsAProblem() {
        let template = ReasonTemplate("t.n", slots: [.count("n")], zh: "{n}名", en: "{n}")
        #expect(template(.count(1)).problems == [])
        #expect(template().problems == ["reason 't.n' leaves the slot 'n' unfilled"])
        #expect(template(.text("1")).problems == ["reason 't.n' fills the slot 'n' (count) with a text"])
        #expect(template(.count(1), .count(2)).problems == ["reason 't.n' has 2 values for 1 slots"])
    }
}

extension ReasonTemplate {
    /// The template's text in English with no values: what a reason of it with no slots says.
    fileprivate var english: String { self().english }
}

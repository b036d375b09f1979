import PolicyKit
import Testing

/// Dates are written `YYYY-MM-DD` in records and `2026年6月30日` in Chinese reasons, spelled out
/// here by hand at the edges of each field's width.
@Suite struct DateTextTests {
    @Test(arguments: [
        (2026, 6, 30, "2026-06-30", "2026年6月30日"),
        (2026, 12, 1, "2026-12-01", "2026年12月1日"),
        (1, 1, 1, "0001-01-01", "1年1月1日"),
        (999, 10, 9, "0999-10-09", "999年10月9日"),
        (9999, 12, 31, "9999-12-31", "9999年12月31日"),
        (2000, 2, 29, "2000-02-29", "2000年2月29日"),
    ])
    func datesAreWrittenInBothForms(year: Int, month: Int, day: Int, iso: String, chinese: String) throws {
        let date = try #require(CivilDate(year: year, month: month, day: day))
        #expect(date.description == iso)
        #expect(date.withUTF8 { String(decoding: $0, as: UTF8.self) } == iso)
        #expect(date.chineseText == chinese)
        #expect(date.withChineseUTF8 { String(decoding: $0, as: UTF8.self) } == chinese)
    }
}

import PolicyKit
import Testing

@testable import CharterWorkbook

extension WorkbookTests {
    /// The values a workbook's cells are read into: references, serial dates, number formats and
    /// SpreadsheetML's escaped text.
    @Suite struct WorkbookValuesTests {
        @Test(arguments: [
            ("A1", 1, 1), ("Z9", 26, 9), ("AA10", 27, 10), ("AZ1", 52, 1), ("BA1", 53, 1), ("ZZ1", 702, 1),
            ("AAA1", 703, 1), ("XFD1048576", 16384, 1_048_576),
        ])
        func cellReferences(_ text: String, _ column: Int, _ row: Int) throws {
            let reference = try #require(CellReference(text))
            #expect(reference.column == column)
            #expect(reference.row == row)
            #expect(reference.description == text)
            #expect(CellReference.columnName(column) == String(text.prefix { $0.isLetter }))
        }

        @Test(arguments: ["", "A", "1", "A0", "A01", "XFE1", "A1048577", "a1", "$A$1", "AAAA1", "A1B", "A-1", "A 1"])
        func notCellReferences(_ text: String) {
            #expect(CellReference(text) == nil)
        }

        @Test func referencesInReadingOrder() throws {
            let order = try ["B1", "C1", "A2", "AA2", "A10"].map { try #require(CellReference($0)) }
            #expect(order.sorted() == order)
            #expect(CellReference(column: 0, row: 1) == nil)
            #expect(CellReference(column: 16385, row: 1) == nil)
        }

        static func date(_ text: String) -> CivilDate? { CivilDate(text) }

        @Test(arguments: [
            (1.0, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (45000, "2023-03-15"), (46203, "2026-06-30"),
            (46203.9999, "2026-06-30"), (46203.99999999999, "2026-07-01"), (2_958_465, "9999-12-31"),
            (31118.5, "1985-03-12"),
        ])
        func serialDatesOf1900(_ serial: Double, _ expected: String) {
            #expect(ExcelDate.date(serial: serial, system: .from1900) == Self.date(expected))
        }

        @Test(arguments: [0, 0.99, 60, 60.5, -1, 2_958_466, .nan, .infinity, -.infinity, 1e300])
        func serialsOf1900ThatAreNoDay(_ serial: Double) {
            #expect(ExcelDate.date(serial: serial, system: .from1900) == nil)
        }

        @Test func serialDatesOf1904() {
            #expect(ExcelDate.date(serial: 0, system: .from1904) == Self.date("1904-01-01"))
            #expect(ExcelDate.date(serial: 44741, system: .from1904) == Self.date("2026-06-30"))
            #expect(ExcelDate.date(serial: 2_957_003, system: .from1904) == Self.date("9999-12-31"))
            #expect(ExcelDate.date(serial: 2_957_004, system: .from1904) == nil)
            #expect(ExcelDate.date(serial: -1, system: .from1904) == nil)
        }

        @Test func serialsBackAndForth() throws {
            for serial in [1, 2, 58, 59, 61, 62, 366, 1000, 46203, 2_958_465] {
                let date = try #require(ExcelDate.date(serial: Double(serial), system: .from1900))
                #expect(ExcelDate.serial(of: date, system: .from1900) == serial)
                // The two systems are 1462 days apart (from 1900-03-01 on).
                if serial > 1462 { #expect(ExcelDate.serial(of: date, system: .from1904) == serial - 1462) }
            }
        }

        @Test(arguments: [
            "yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\";@", "[$-804]yyyy\"年\"m\"月\"d\"日\"",
            "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", "mmm-yy", "m/d/yy h:mm", "d-mmm", "mmmm", "yyyy-mm-dd hh:mm:ss",
            "[Red]yyyy/m/d", "YYYY-MM-DD", "yyyy;General", "m\"月\"d\"日\"", "dd/mm/yyyy\\ hh:mm",
        ])
        func dateFormats(_ code: String) {
            #expect(NumberFormat.isDate(code))
        }

        @Test(arguments: [
            "General", "0.00", "#,##0 \"元\"", "h:mm", "h:mm:ss AM/PM", "[h]:mm:ss", "mm:ss", "@", "0.00E+00",
            "\"day\"0", "\\d0", "_(* #,##0_)", "h\"时\"mm\"分\"", "上午/下午h\"时\"mm\"分\"", "[mm]:ss", "0;[Red]-0",
            "AM/PM", "General;yyyy", "[$¥-804]#,##0.00", "* 0", "", "\"",
        ])
        func notDateFormats(_ code: String) {
            #expect(!NumberFormat.isDate(code))
        }

        @Test func builtInDateFormats() {
            for id in [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58] {
                #expect(NumberFormat.builtInDates.contains(id))
            }
            for id in [0, 1, 2, 9, 13, 18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 49, 55, 56] {
                #expect(!NumberFormat.builtInDates.contains(id))
            }
        }

        @Test(arguments: [
            ("a_x000D_b", "a\rb"), ("_x005F_x000D_", "_x000D_"), ("_xD83D__xDE00_", "😀"), ("_xD83D_", "_xD83D_"),
            ("_xDE00_", "_xDE00_"), ("_x00zz_", "_x00zz_"), ("_x000", "_x000"), ("plain", "plain"),
            ("_x4e00__X4E00_", "一_X4E00_"),
        ])
        func escapesDecoded(_ stored: String, _ meant: String) {
            #expect(SpreadsheetText.decoded(stored) == meant)
        }

        @Test(arguments: ["a\rb", "_x000D_", "tab\there", "line\nfeed", "\u{1}\u{1F}", "_x_", "党员 😀", "\u{FFFE}"])
        func escapesRoundTrip(_ text: String) {
            let encoded = SpreadsheetText.encoded(text)
            #expect(SpreadsheetText.decoded(encoded) == text)
            #expect(!encoded.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" })
        }

        @Test func trimmedOfXMLSpaceOnly() {
            #expect(SpreadsheetText.trimmed(" \t\r\n a b \n") == "a b")
            #expect(SpreadsheetText.trimmed("\u{3000}全角\u{3000}") == "\u{3000}全角\u{3000}")
            #expect(SpreadsheetText.trimmed("   ") == "")
            #expect(SpreadsheetText.trimmed("") == "")
        }
    }
}

import CharterWorkbook
import Foundation
import PolicyKit
import Testing

extension WorkbookTests {
    /// The xlsx reader on workbooks written as Excel, WPS and old Mac Excel save them
    /// (Fixtures/workbooks, from scripts/make-workbook-fixtures.py).
    @Suite struct WorkbookReaderTests {
        static func fixture(_ name: String) throws -> Workbook {
            let bytes = [UInt8](try Data(contentsOf: Repository.fixture("workbooks/" + name)))
            return try Workbook(bytes: bytes, name: name)
        }

        static func reference(_ text: String) throws -> CellReference { try #require(CellReference(text)) }

        static func date(_ year: Int, _ month: Int, _ day: Int) throws -> CivilDate {
            try #require(CivilDate(year: year, month: month, day: day))
        }

        /// The kinds and texts of a row, `nil` for an empty cell.
        static func row(_ cells: [Cell]) -> [String?] { cells.map { $0.isEmpty ? nil : $0.text } }

        @Test func aWorkbookAsExcelSavesOne() throws {
            let workbook = try Self.fixture("excel-members.xlsx")
            #expect(workbook.sheets.map(\.name) == ["党员", "组织"])
            #expect(workbook.dateSystem == .from1900)
            let members = try #require(workbook.sheet(named: "党员"))
            // Rows 1 to 5: row 4 is left out, and row 6 holds only formatted empty cells.
            #expect(members.rows.count == 5)
            #expect(Self.row(members.rows[0]) == ["编号", "姓名", "出生日期", "入党日期", "党员类别", "在职", "积分", "备注"])
            #expect(members.rows[0].allSatisfy { $0.kind == .text })
            #expect(
                Self.row(members.rows[1]) == ["M001", "张三", "31118", "40360", "正式党员", "TRUE", "12.5", "#N/A"])
            #expect(
                members.rows[1].map(\.kind) == [
                    .text, .text, .date(try Self.date(1985, 3, 12)), .date(try Self.date(2010, 7, 1)), .text,
                    .bool(true), .number, .error,
                ])
            // The rich text's runs joined, its phonetic run left out; C3 left out; F3 formatted but
            // empty; a date with a time of day; a formula's text result.
            #expect(
                Self.row(members.rows[2]) == ["M002", "王五", nil, "43646.75", "预备党员", nil, "0.1", "M002-预备党员"])
            #expect(members.rows[2][3].kind == .date(try Self.date(2019, 6, 30)))
            #expect(members.rows[2][2].reference == (try Self.reference("C3")))
            #expect(members.rows[3].isEmpty)
            // A space kept by xml:space, a time and a duration as numbers, an escaped carriage return.
            #expect(
                Self.row(members.rows[4]) == ["M003", "李四 ", "0.5", "1.25", "正式党员", "FALSE", "-3E-2", "第一行\r\n第二行"])
            #expect(members.rows[4][2].kind == .number)
            #expect(members.rows[4][3].kind == .number)
            #expect(members.rows[4][5].kind == .bool(false))
            #expect(members.columnCount == 8)
            #expect(
                members[try Self.reference("Z99")] == Cell(reference: try Self.reference("Z99"), kind: .empty, text: "")
            )
            #expect(members[try Self.reference("B3")].text == "王五")
            let units = try #require(workbook.sheet(named: "组织"))
            #expect(units.rows.map(Self.row) == [["锦江区"], ["成华区"]])
        }

        @Test func everyCellKnowsItsReference() throws {
            let members = try #require(try Self.fixture("excel-members.xlsx").sheets.first)
            for (rowIndex, row) in members.rows.enumerated() {
                for (columnIndex, cell) in row.enumerated() {
                    #expect(cell.reference == CellReference(column: columnIndex + 1, row: rowIndex + 1))
                }
            }
        }

        @Test func storedEntriesReadAsDeflatedOnes() throws {
            #expect(try Self.fixture("excel-members-stored.xlsx").sheets == Self.fixture("excel-members.xlsx").sheets)
        }

        @Test func theLeastAWorkbookCanBe() throws {
            // No package relationships, shared strings or styles; references left out.
            let workbook = try Self.fixture("minimal.xlsx")
            let sheet = try #require(workbook.sheets.first)
            #expect(sheet.name == "members")
            #expect(sheet.rows.map(Self.row) == [["id", "name"], ["M001", "Zhang San", "7"]])
            #expect(sheet.rows[1].map(\.reference.description) == ["A2", "B2", "C2"])
            #expect(sheet.rows[1][2].kind == .number)
        }

        @Test func the1904DateSystem() throws {
            let workbook = try Self.fixture("date1904.xlsx")
            #expect(workbook.dateSystem == .from1904)
            #expect(
                workbook.sheets[0].rows[0].map(\.kind) == [
                    .date(try Self.date(2026, 6, 30)), .date(try Self.date(1904, 1, 1)),
                ])
        }

        @Test func strictNamespacesChineseBuiltInDatesHiddenAndChartSheets() throws {
            let workbook = try Self.fixture("wps-strict.xlsx")
            #expect(workbook.sheets.map(\.name) == ["名单", "隐藏", "图表"])
            #expect(workbook.sheets.map(\.isHidden) == [false, true, false])
            #expect(workbook.sheets[2].rows.isEmpty)
            let dates = workbook.sheets[0].rows[0]
            #expect(
                dates.map(\.kind) == [
                    .date(try Self.date(2026, 6, 30)), .date(try Self.date(2026, 6, 30)), .number, .text,
                ])
            #expect(workbook.sheets[1].rows.map(Self.row) == [[], [nil, "hidden"]])
        }

        @Test func sheetsAreFoundWithoutCase() throws {
            let workbook = Workbook(sheets: [Sheet(name: "Members", rows: [])])
            #expect(workbook.sheet(named: "members")?.name == "Members")
            #expect(workbook.sheet(named: "member") == nil)
        }

        @Test func whatAFileLooksLike() throws {
            let bytes = [UInt8](try Data(contentsOf: Repository.fixture("workbooks/minimal.xlsx")))
            #expect(Workbook.looksLikeZip(bytes))
            #expect(!Workbook.looksLikeZip(Array("id,name\n".utf8)))
            #expect(Workbook.looksLikeZip(ZipWriter().bytes))
            let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
            #expect(Workbook.looksLikeCompoundFile(ole))
            #expect(!Workbook.looksLikeCompoundFile(bytes))
        }
    }
}

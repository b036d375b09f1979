import CharterSupport
import PolicyKit
import Testing

@testable import CharterImport

/// `charter import`'s conversions, each at its boundary: what it changes (and reports), and what
/// it refuses.
@Suite struct ImporterTests {
    @Test(arguments: ["2026/6/30", "2026-6-30", "2026.6.30", "2026年6月30日", "2026-06-30", "2026/06/30"])
    func excelsDateFormsAreRead(text: String) {
        #expect(Importer.date(text)?.description == "2026-06-30")
    }

    @Test(arguments: ["2026/13/1", "26/6/30", "2026-6/30", "2026年6月", "2026.6.31", "30/6/2026", "2026-06-30x", ""])
    func otherFormsAreNotDates(text: String) {
        #expect(Importer.date(text) == nil)
    }

    @Test func excelSerialNumbersAreDatesOfThe1900System() {
        #expect(Importer.excelSerialDate(46203)?.description == "2026-06-30")
        #expect(Importer.excelSerialDate(59)?.description == "1900-02-28")
        #expect(Importer.excelSerialDate(61)?.description == "1900-03-01")
        // Excel's 29 February 1900, which never was, and numbers that are no date.
        #expect(Importer.excelSerialDate(60) == nil)
        #expect(Importer.excelSerialDate(0) == nil)
        #expect(Importer.excelSerialDate(2_958_466) == nil)
    }

    @Test func fullWidthFormsAndSpacesAreUndone() {
        #expect(Importer.halfWidth("ｍ００１") == "m001")
        #expect(Importer.halfWidth("２０２６／６／３０") == "2026/6/30")
        #expect(Importer.halfWidth("张三") == "张三")
        #expect(Importer.trimmed("\u{3000}m1 \t") == "m1")
        #expect(Importer.trimmed("   ") == "")
    }

    static func members(_ rows: [[String]], header: [String]? = nil) -> ImportTable {
        let head =
            header ?? ["党员编号", "所在社区编号", "出生日期", "入党日期", "党员类别", "组织关系所在", "姓名"]
        let all = [head] + rows
        return ImportTable(
            file: .members, source: "members.xlsx[党员]", isWorkbook: true,
            rows: all.enumerated().map { (index, row) in (index + 1, row.map { ImportCell($0) }) })
    }

    @Test func chineseHeadersLabelsAndDatesBecomeTheContracts() throws {
        let table = Self.members([["ｍ１ ", "C1", "1980/5/1", "2005年7月1日", "正式党员", "本社区", " 张 三 "]])
        let result = Importer.convert([table])
        #expect(result.problems == [])
        let file = try #require(result.files.first)
        #expect(file.columns == ["id", "name", "community_id", "birth_date", "join_date", "status", "relation"])
        #expect(file.rows == [["m1", "张 三", "C1", "1980-05-01", "2005-07-01", "full", "community"]])
        let changed = Set(result.changes.map(\.position))
        #expect(changed.contains("members.xlsx[党员]!A2"))
        #expect(changed.contains("members.xlsx[党员]!E2"))
        #expect(!changed.contains("members.xlsx[党员]!B2"))
        let status = try #require(result.changes.first { $0.position == "members.xlsx[党员]!E2" })
        #expect(status.before == "正式党员" && status.after == "full" && status.column == "status")
        #expect(String(decoding: file.csv(), as: UTF8.self).hasPrefix("id,name,community_id,"))
    }

    @Test func aCodeThatIsNoLabelIsAProblemAtItsCell() throws {
        let result = Importer.convert([Self.members([["m1", "C1", "1980-05-01", "2005-07-01", "正式", "本社区", ""]])])
        let problem = try #require(result.problems.first)
        #expect(problem.position == "members.xlsx[党员]!E2")
        #expect(problem.column == "status")
        #expect(problem.message(in: .chinese).contains("full（正式党员）"))
        #expect(problem.message(in: .english).hasPrefix("members.xlsx[党员]!E2: column status: '正式' is not a value"))
    }

    @Test func aRowOfEmptyCellsIsLeftOutAndReported() {
        let result = Importer.convert([
            Self.members([
                ["m1", "C1", "1980-05-01", "2005-07-01", "full", "community", ""], ["", " ", "", "", "", "", ""],
            ])
        ])
        #expect(result.problems == [])
        #expect(result.files.first?.rows.count == 1)
        #expect(
            result.changes.contains {
                $0.position == "members.xlsx[党员]!3" && $0.why.english == "an empty row, left out"
            })
    }

    @Test func aMissingRequiredColumnAndAnUnknownOneAreSaid() {
        let result = Importer.convert([
            Self.members(
                [["m1", "C1", "1980-05-01", "2005-07-01", "full", "x"]],
                header: ["id", "社区编号x", "birth_date", "join_date", "status", "备注"])
        ])
        #expect(result.problems.contains { $0.column == "community_id" })
        #expect(result.problems.contains { $0.column == "relation" })
        #expect(result.changes.contains { $0.before == "备注" && $0.after == "" })
    }

    @Test func aRequiredValueLeftEmptyIsAProblem() {
        let result = Importer.convert([Self.members([["m1", "C1", "", "2005-07-01", "full", "community", ""]])])
        #expect(result.problems.map(\.position) == ["members.xlsx[党员]!C2"])
    }

    @Test func excelDateCellsAndSerialsInDateColumnsAreDates() throws {
        var table = Self.members([["m1", "C1", "29342", "2005-07-01", "full", "community", ""]])
        var rows = table.rows
        rows[1].cells[2] = ImportCell("29342", kind: .number)
        rows[1].cells[3] = ImportCell("38534", kind: .date(CivilDate(year: 2005, month: 7, day: 1) ?? .earliest))
        table = ImportTable(file: .members, source: table.source, isWorkbook: true, rows: rows)
        let result = Importer.convert([table])
        #expect(result.problems == [])
        #expect(result.files.first?.rows.first?[3] == "1980-05-01")
        #expect(result.files.first?.rows.first?[4] == "2005-07-01")
        // A serial number written as text is not taken for a date.
        let text = Importer.convert([Self.members([["m1", "C1", "29342", "2005-07-01", "full", "community", ""]])])
        #expect(text.problems.map(\.position) == ["members.xlsx[党员]!C2"])
    }

    @Test func gb18030IsReadAndNamed() throws {
        // 党员编号,姓名 / m1,张三 in GB18030.
        let bytes: [UInt8] =
            [181, 179, 212, 177, 177, 224, 186, 197, 44, 208, 213, 195, 251, 10] + Array("m1,".utf8) + [
                213, 197, 200, 253, 10,
            ]
        let table = try ImportSources.readCSV(bytes, file: .members, source: "members.csv").get()
        #expect(table.encoding == "GB18030")
        #expect(table.rows.map { $0.cells.map(\.text) } == [["党员编号", "姓名"], ["m1", "张三"]])
    }

    @Test func aFullWidthCommaIsNamedWhenTheFieldsDoNotCount() {
        let bytes = Array("id,name,community_id\nm1，张三，C1\n".utf8)
        guard case .failure(let problem) = ImportSources.readCSV(bytes, file: .members, source: "members.csv") else {
            Issue.record("a line of full-width commas was read")
            return
        }
        #expect(problem.position == "members.csv:2")
        #expect(problem.message(in: .english).contains("full-width comma"))
        #expect(problem.message(in: .chinese).contains("全角逗号"))
    }

    @Test func aWorkbookUnderACSVNameIsSaidToBeOne() {
        let bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]
        guard case .failure(let problem) = ImportSources.readCSV(bytes, file: .members, source: "members.csv") else {
            Issue.record("a workbook was read as CSV")
            return
        }
        #expect(problem.message(in: .english).contains("rename it to .xlsx"))
    }

    @Test func quotedFieldsAndLineEndsAreRFC4180() throws {
        let bytes = Array("id,name\r\n\"m1\",\"张\"\"三\"\r\n\"m2\",\"a\nb\"\r\n".utf8)
        let table = try ImportSources.readCSV(bytes, file: .members, source: "members.csv").get()
        #expect(table.rows.map { $0.cells.map(\.text) } == [["id", "name"], ["m1", "张\"三"], ["m2", "a\nb"]])
        #expect(table.rows.map(\.line) == [1, 2, 3])
    }
}

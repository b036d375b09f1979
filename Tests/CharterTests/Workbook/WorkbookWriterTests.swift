import CharterWorkbook
import Testing

extension WorkbookTests {
    /// The workbook writer, read back by the workbook reader.
    @Suite struct WorkbookWriterTests {
        static let tricky = [
            "a & b < c > d \"e\" 'f'", " leading and trailing ", "two\r\nlines", "tab\there", "\u{1}control\u{1F}",
            "_x000D_ literal", "党员 😀", "0012", "110101199003071234", "2026/6/30",
        ]

        @Test func whatIsWrittenReadsBack() throws {
            var writer = WorkbookWriter()
            try writer.addSheet("党员", rows: [["编号", "姓名"], ["M001", "张三"], Self.tricky], header: true)
            try writer.addSheet("members", rows: [["id"], [], ["", "", "third"], ["x", ""]], columnWidths: [20, 8])
            try writer.addSheet("empty", rows: [])
            let workbook = try Workbook(bytes: try writer.bytes(), name: "template.xlsx")
            #expect(workbook.sheets.map(\.name) == ["党员", "members", "empty"])
            let first = workbook.sheets[0].rows.map { $0.map(\.text) }
            #expect(first == [["编号", "姓名"], ["M001", "张三"], Self.tricky])
            #expect(workbook.sheets[0].rows.allSatisfy { $0.allSatisfy { $0.kind == .text } })
            // Empty strings are empty cells; nothing is kept after a row's last text.
            let second = workbook.sheets[1].rows.map { $0.map { $0.isEmpty ? nil : $0.text } }
            #expect(second == [["id"], [], [nil, nil, "third"], ["x"]])
            #expect(workbook.sheets[2].rows.isEmpty)
        }

        @Test func theArchiveHasThePartsExcelNeeds() throws {
            var writer = WorkbookWriter()
            try writer.addSheet("a", rows: [["1"]])
            try writer.addSheet("b", rows: [["2"]])
            let archive = try ZipArchive(bytes: try writer.bytes())
            #expect(
                archive.entries.map(\.name.description) == [
                    "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                    "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                ])
            #expect(archive.entries.allSatisfy { $0.method == 0 })
            let types = String(decoding: try archive.contents(of: archive.entries[0]), as: UTF8.self)
            #expect(types.contains("<Override PartName=\"/xl/worksheets/sheet2.xml\""))
        }

        @Test func rowsWithoutTextAreLeftOut() throws {
            var writer = WorkbookWriter()
            try writer.addSheet("a", rows: [["1"], [], ["", ""], ["4"]])
            let archive = try ZipArchive(bytes: try writer.bytes())
            let sheet = try #require(archive.entry(named: "xl/worksheets/sheet1.xml"))
            let xml = String(decoding: try archive.contents(of: sheet), as: UTF8.self)
            #expect(xml.contains("<row r=\"1\">") && xml.contains("<row r=\"4\">"))
            #expect(!xml.contains("<row r=\"2\">") && !xml.contains("<row r=\"3\">"))
        }

        @Test func theSameSheetsMakeTheSameBytes() throws {
            func bytes() throws -> [UInt8] {
                var writer = WorkbookWriter()
                try writer.addSheet("党员", rows: [["a", "b"]], header: true)
                return try writer.bytes()
            }
            #expect(try bytes() == bytes())
        }

        @Test(arguments: [
            "", "a:b", "a\\b", "a/b", "a?b", "a*b", "a[b", "a]b", "'quoted", "quoted'", "History", "HISTORY",
            String(repeating: "长", count: 32), "tab\tname",
        ])
        func aSheetNameExcelRefuses(_ name: String) {
            var writer = WorkbookWriter()
            #expect(throws: WorkbookError(.invalidSheetName(name))) { try writer.addSheet(name, rows: []) }
        }

        @Test(arguments: ["党员", "a'b", String(repeating: "长", count: 31), "Sheet 1", "历史 History"])
        func aSheetNameExcelAccepts(_ name: String) throws {
            var writer = WorkbookWriter()
            try writer.addSheet(name, rows: [["x"]])
            #expect(try Workbook(bytes: try writer.bytes()).sheets.map(\.name) == [name])
        }

        @Test func aNameOnceWithoutCase() throws {
            var writer = WorkbookWriter()
            try writer.addSheet("Members", rows: [])
            #expect(throws: WorkbookError(.duplicateSheetName("members"))) { try writer.addSheet("members", rows: []) }
        }

        @Test func noSheetsIsNoWorkbook() {
            #expect(throws: WorkbookError(.noSheets)) { try WorkbookWriter().bytes() }
        }

        @Test func theLongestTextACellHolds() throws {
            var writer = WorkbookWriter()
            let longest = String(repeating: "a", count: WorkbookWriter.maxTextLength)
            try writer.addSheet("a", rows: [[longest]])
            #expect(try Workbook(bytes: try writer.bytes()).sheets[0].rows[0][0].text == longest)
            let error = #expect(throws: WorkbookError.self) { try writer.addSheet("b", rows: [["", longest + "a"]]) }
            #expect(error?.reason == .textTooLong(limit: WorkbookWriter.maxTextLength))
            #expect(error?.location == "[b]!B1")
        }

        @Test func aTableWiderThanASheet() {
            var writer = WorkbookWriter()
            let row = Array(repeating: "", count: 16385)
            #expect(throws: WorkbookError(.beyondSheet(rows: 1, columns: 16385), sheet: "a")) {
                try writer.addSheet("a", rows: [row])
            }
        }
    }
}

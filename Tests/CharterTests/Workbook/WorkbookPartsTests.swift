import CharterWorkbook
import Foundation
import PolicyKit
import Testing

/// A workbook's parts written into a zip for one test: a sheet's XML, and the shared strings and
/// styles when the test needs them.
struct TestWorkbook {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    var sheets: [(name: String, xml: String)]
    var sharedStrings: [String]?
    var styles: String?
    var workbook: String?
    var extraParts: [(String, String)] = []

    /// A workbook of one sheet whose `<sheetData>` holds `rows`.
    init(rows: String, name: String = "Sheet1", sharedStrings: [String]? = nil, styles: String? = nil) {
        sheets = [(name, Self.sheet(rows))]
        self.sharedStrings = sharedStrings
        self.styles = styles
    }

    /// A worksheet whose `<sheetData>` holds `rows`.
    static func sheet(_ rows: String) -> String {
        "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheetData>\(rows)</sheetData></worksheet>"
    }

    /// A styles part whose cell formats have the number formats `ids`.
    static func styles(_ ids: [Int], formats: [Int: String] = [:]) -> String {
        let definitions = formats.map { "<numFmt numFmtId=\"\($0.key)\" formatCode=\"\($0.value)\"/>" }.joined()
        let cellFormats = ids.map { "<xf numFmtId=\"\($0)\"/>" }.joined()
        return
            "<styleSheet xmlns=\"\(main)\"><numFmts>\(definitions)</numFmts><cellXfs>\(cellFormats)</cellXfs></styleSheet>"
    }

    var bytes: [UInt8] {
        get throws {
            let sheetList = sheets.enumerated().map { index, sheet in
                "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            }.joined()
            var links = sheets.indices.map { index in
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            }
            var writer = ZipWriter()
            if let sharedStrings {
                links.append(
                    "<Relationship Id=\"rS\" Type=\"\(Self.relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                )
                let items = sharedStrings.map { "<si>\($0)</si>" }.joined()
                try writer.add(
                    "xl/sharedStrings.xml", contents: Array("<sst xmlns=\"\(Self.main)\">\(items)</sst>".utf8))
            }
            if let styles {
                links.append("<Relationship Id=\"rY\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>")
                try writer.add("xl/styles.xml", contents: Array(styles.utf8))
            }
            let workbook =
                self.workbook
                ?? "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\"><sheets>\(sheetList)</sheets></workbook>"
            try writer.add("xl/workbook.xml", contents: Array(workbook.utf8))
            let rels =
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(links.joined())</Relationships>"
            try writer.add("xl/_rels/workbook.xml.rels", contents: Array(rels.utf8))
            for (index, sheet) in sheets.enumerated() {
                try writer.add("xl/worksheets/sheet\(index + 1).xml", contents: Array(sheet.xml.utf8))
            }
            for (path, text) in extraParts { try writer.add(path, contents: Array(text.utf8)) }
            return writer.bytes
        }
    }

    /// The workbook read.
    func read(limits: Workbook.Limits = Workbook.Limits()) throws -> Workbook {
        try Workbook(bytes: try bytes, name: "members.xlsx", limits: limits)
    }

    /// The error reading it, or `nil` when it reads.
    func error(limits: Workbook.Limits = Workbook.Limits()) throws -> WorkbookError? {
        let bytes = try bytes
        do {
            _ = try Workbook(bytes: bytes, name: "members.xlsx", limits: limits)
            return nil
        } catch {
            return error
        }
    }

    /// The first sheet's rows, as kinds.
    func kinds() throws -> [[Cell.Kind]] { try read().sheets[0].rows.map { $0.map(\.kind) } }
    /// The first sheet's rows, as texts (`nil` for an empty cell).
    func texts() throws -> [[String?]] { try read().sheets[0].rows.map { $0.map { $0.isEmpty ? nil : $0.text } } }
}

extension WorkbookTests {
    /// The xlsx reader, part by part, on workbooks written for each case: what each cell type
    /// gives, and where each refusal starts.
    @Suite struct WorkbookPartsTests {
        static func inline(_ reference: String, _ text: String) -> String {
            "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
        }

        // MARK: Cell references and order

        @Test(arguments: ["A0", "XFE1", "a1", "A1048577", "$A$1", "1", "A"])
        func aBadCellReference(_ reference: String) throws {
            let error = try TestWorkbook(rows: "<row r=\"1\"><c r=\"\(reference)\"><v>1</v></c></row>").error()
            #expect(error?.reason == .badCellReference(reference))
            #expect(error?.sheet == "Sheet1")
        }

        @Test func theLastColumnAndTheLastRow() throws {
            let wide = try TestWorkbook(rows: "<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>").read().sheets[0]
            #expect(wide.rows[0].count == 16384)
            #expect(wide.rows[0].last?.reference.description == "XFD1")
            let tall = try TestWorkbook(rows: "<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>").read()
            #expect(tall.sheets[0].rows.count == 1_048_576)
            // A cell left without a reference after XFD has nowhere to go.
            let past = try TestWorkbook(rows: "<row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c><v>2</v></c></row>").error()
            #expect(past?.reason == .badCellReference("XFE1"))
        }

        @Test func rowsInOrder() throws {
            let two = "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>"
            let back = try TestWorkbook(rows: two + "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").error()
            #expect(back?.reason == .rowOutOfOrder(row: 1, previous: 2))
            #expect(
                back?.description.hasPrefix("members.xlsx[Sheet1]: xl/worksheets/sheet1.xml:1: Row 1 comes after row 2")
                    == true)
            #expect(try TestWorkbook(rows: two + two).error()?.reason == .rowOutOfOrder(row: 2, previous: 2))
            // Without numbers, each row is the next; a numbered one may skip ahead.
            let counted = try TestWorkbook(
                rows: "<row><c><v>1</v></c></row><row r=\"3\"><c><v>3</v></c></row><row><c><v>4</v></c></row>")
            #expect(try counted.texts() == [["1"], [], ["3"], ["4"]])
        }

        @Test(arguments: ["x", "0", "1048577", "-1", ""])
        func aBadRowNumber(_ number: String) throws {
            let error = try TestWorkbook(rows: "<row r=\"\(number)\"></row>").error()
            #expect(error?.reason == .badRowNumber(number))
        }

        @Test func cellsInOrderWithinTheirRow() throws {
            let back = try TestWorkbook(rows: "<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>")
                .error()
            #expect(back?.reason == .cellOutOfOrder(previous: try #require(CellReference("B1"))))
            #expect(back?.description.hasPrefix("members.xlsx[Sheet1]!A1: The cell comes after B1") == true)
            let twice = try TestWorkbook(rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>")
                .error()
            #expect(twice?.reason == .cellOutOfOrder(previous: try #require(CellReference("A1"))))
            let elsewhere = try TestWorkbook(rows: "<row r=\"2\"><c r=\"A3\"><v>1</v></c></row>").error()
            #expect(elsewhere?.reason == .cellOutsideRow(row: 2))
            #expect(elsewhere?.cell?.description == "A3")
            let outside = try TestWorkbook(rows: "<c r=\"A1\"><v>1</v></c>").error()
            #expect(outside?.reason == .cellOutsideRow(row: 0))
        }

        @Test func emptyCellsBeforeAValueAreFilledAndNoneAfterTheLast() throws {
            let rows =
                "<row r=\"2\"><c r=\"C2\"><v>1</v></c><c r=\"E2\" s=\"0\"/></row><row r=\"4\"><c r=\"A4\" s=\"0\"/></row>"
            let sheet = try TestWorkbook(rows: rows, styles: TestWorkbook.styles([0])).read().sheets[0]
            #expect(sheet.rows.count == 2)
            #expect(sheet.rows[0].isEmpty)
            #expect(sheet.rows[1].map(\.reference.description) == ["A2", "B2", "C2"])
            #expect(sheet.rows[1].map(\.isEmpty) == [true, true, false])
        }

        // MARK: Cell types

        @Test func sharedStrings() throws {
            let strings = [
                "<t>plain</t>", "<t>  trimmed\n</t>", "<t xml:space=\"preserve\">  kept </t>",
                "<r><t>rich</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> text</t></r>",
                "<t>入党</t><rPh sb=\"0\" eb=\"2\"><t>phonetic</t></rPh>", "<t>a &amp; b &#x4E00; <![CDATA[<c>]]></t>",
                "<t>_x005F_x0041_ _x0041_ _xD83D__xDE00_ _xD83D_ _x00zz_</t>", "<t></t>",
            ]
            let cells = (0..<strings.count).map {
                "<c r=\"\(CellReference.columnName($0 + 1))1\" t=\"s\"><v>\($0)</v></c>"
            }
            let workbook = TestWorkbook(rows: "<row r=\"1\">\(cells.joined())</row>", sharedStrings: strings)
            #expect(
                try workbook.texts() == [
                    [
                        "plain", "trimmed", "  kept ", "rich text", "入党", "a & b 一 <c>", "_x0041_ A 😀 _xD83D_ _x00zz_",
                    ]
                ])
            #expect(try workbook.kinds()[0].allSatisfy { $0 == .text })
        }

        @Test func xmlSpaceIsInherited() throws {
            // Set on the item, and on the whole part; a <t> may set it back.
            var workbook = TestWorkbook(
                rows: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>")
            workbook.extraParts = [
                (
                    "xl/sharedStrings.xml",
                    "<sst xmlns=\"\(TestWorkbook.main)\"><si xml:space=\"preserve\"><t> item </t></si>"
                        + "<si xml:space=\"preserve\"><t xml:space=\"default\"> back </t></si></sst>"
                )
            ]
            #expect(try workbook.texts() == [[" item ", "back"]])
        }

        @Test(arguments: [("2", 2), ("-1", 2), ("x", 2), ("", 2), ("0", 0)])
        func aSharedStringIndexOutOfRange(_ index: String, _ count: Int) throws {
            let strings = count == 0 ? nil : Array(repeating: "<t>a</t>", count: count)
            let error = try TestWorkbook(
                rows: "<row r=\"1\"><c r=\"C1\" t=\"s\"><v>\(index)</v></c></row>", sharedStrings: strings
            )
            .error()
            #expect(error?.reason == .sharedStringIndex(index, count: count))
            #expect(error?.location == "members.xlsx[Sheet1]!C1")
        }

        @Test func theLastSharedStringAndNoValue() throws {
            let workbook = TestWorkbook(
                rows: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c><c r=\"B1\" t=\"s\"/></row>",
                sharedStrings: ["<t>a</t>", "<t>b</t>"])
            #expect(try workbook.texts() == [["b"]])
        }

        @Test func inlineAndFormulaStrings() throws {
            let rows =
                "<row r=\"1\">" + Self.inline("A1", " a ")
                + "<c r=\"B1\" t=\"inlineStr\"><is><r><t>x</t></r><r><t xml:space=\"preserve\"> y</t></r></is></c>"
                + "<c r=\"C1\" t=\"str\"><f>A1</f><v> a _x000D_</v></c><c r=\"D1\" t=\"str\"><f>B1</f></c>"
                + "<c r=\"E1\" t=\"inlineStr\"><is><t></t></is></c><c r=\"F1\" t=\"inlineStr\"><v>ignored</v><is><t>z</t></is></c></row>"
            #expect(try TestWorkbook(rows: rows).texts() == [["a", "x y", " a \r", nil, nil, "z"]])
        }

        @Test(arguments: ["1", "-1", "0", "1.5", ".5", "5.", "-0.25", "1E+20", "4.5e-3", "12345678901234567890", " 7 "])
        func aNumber(_ text: String) throws {
            let sheet = try TestWorkbook(rows: "<row r=\"1\"><c r=\"A1\"><v>\(text)</v></c></row>").read().sheets[0]
            #expect(sheet.rows[0][0].kind == .number)
            #expect(sheet.rows[0][0].text == text.trimmingCharacters(in: .whitespaces))
        }

        @Test(arguments: ["abc", "inf", "nan", "0x10", "1e", "1.2.3", "+1", "--1", "1,5", "."])
        func notANumber(_ text: String) throws {
            let error = try TestWorkbook(rows: "<row r=\"1\"><c r=\"A1\" t=\"n\"><v>\(text)</v></c></row>").error()
            #expect(error?.reason == .badNumber(text))
        }

        @Test func booleansErrorsAndISODates() throws {
            let rows =
                "<row r=\"1\"><c r=\"A1\" t=\"b\"><v>1</v></c><c r=\"B1\" t=\"b\"><v>0</v></c>"
                + "<c r=\"C1\" t=\"e\"><v>#DIV/0!</v></c><c r=\"D1\" t=\"d\"><v>2026-06-30</v></c>"
                + "<c r=\"E1\" t=\"d\"><v>2026-06-30T10:30:00</v></c><c r=\"F1\" t=\"b\"><v>true</v></c></row>"
            let workbook = TestWorkbook(rows: rows)
            let june30 = try #require(CivilDate(year: 2026, month: 6, day: 30))
            #expect(
                try workbook.kinds() == [
                    [.bool(true), .bool(false), .error, .date(june30), .date(june30), .bool(true)]
                ])
            #expect(
                try workbook.texts() == [["TRUE", "FALSE", "#DIV/0!", "2026-06-30", "2026-06-30T10:30:00", "TRUE"]])
        }

        @Test func refusedValues() throws {
            func reason(_ cell: String) throws -> WorkbookError.Reason? {
                try TestWorkbook(rows: "<row r=\"1\">\(cell)</row>").error()?.reason
            }
            #expect(try reason("<c r=\"A1\" t=\"b\"><v>2</v></c>") == .badBoolean("2"))
            #expect(try reason("<c r=\"A1\" t=\"d\"><v>2026-6-30</v></c>") == .badDate("2026-6-30"))
            #expect(try reason("<c r=\"A1\" t=\"d\"><v>2026-06-31</v></c>") == .badDate("2026-06-31"))
            #expect(try reason("<c r=\"A1\" t=\"d\"><v>2026-06-30 10:30</v></c>") == .badDate("2026-06-30 10:30"))
            #expect(try reason("<c r=\"A1\" t=\"x\"><v>1</v></c>") == .unknownCellType("x"))
        }

        // MARK: Styles and dates

        @Test func dateFormatsMakeDates() throws {
            // 0 General, 14 a built-in date, 20 a built-in time, 176 a custom date, 177 a duration.
            let styles = TestWorkbook.styles(
                [0, 14, 20, 176, 177, 31],
                formats: [176: "yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;", 177: "[h]:mm"])
            let cells = (0..<6).map { "<c r=\"\(CellReference.columnName($0 + 1))1\" s=\"\($0)\"><v>46203.5</v></c>" }
            let kinds = try TestWorkbook(rows: "<row r=\"1\">\(cells.joined())</row>", styles: styles).kinds()
            let june30 = try #require(CivilDate(year: 2026, month: 6, day: 30))
            #expect(kinds == [[.number, .date(june30), .number, .date(june30), .number, .date(june30)]])
        }

        @Test func aDateFormattedNumberThatIsNoDateIsANumber() throws {
            let cells = ["0", "60", "-1", "2958466"].enumerated().map {
                "<c r=\"\(CellReference.columnName($0.offset + 1))1\" s=\"1\"><v>\($0.element)</v></c>"
            }
            let kinds = try TestWorkbook(
                rows: "<row r=\"1\">\(cells.joined())</row>", styles: TestWorkbook.styles([0, 14])
            )
            .kinds()
            #expect(kinds == [[.number, .number, .number, .number]])
        }

        @Test func aStyleIndexOutOfRange() throws {
            let styles = TestWorkbook.styles([0, 14, 0])
            let last = try TestWorkbook(rows: "<row r=\"1\"><c r=\"A1\" s=\"2\"><v>1</v></c></row>", styles: styles)
                .error()
            #expect(last == nil)
            let past = try TestWorkbook(rows: "<row r=\"1\"><c r=\"A1\" s=\"3\"><v>1</v></c></row>", styles: styles)
                .error()
            #expect(past?.reason == .styleIndex("3", count: 3))
            // Without a styles part, style 0 is the default and no other exists.
            #expect(try TestWorkbook(rows: "<row r=\"1\"><c r=\"A1\" s=\"0\"><v>1</v></c></row>").error() == nil)
            let none = try TestWorkbook(rows: "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>1</v></c></row>").error()
            #expect(none?.reason == .styleIndex("1", count: 0))
        }

        @Test func cellStyleFormatsAreNotCellFormats() throws {
            let styles =
                "<styleSheet xmlns=\"\(TestWorkbook.main)\"><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
                + "<cellXfs><xf numFmtId=\"0\"/></cellXfs></styleSheet>"
            let kinds = try TestWorkbook(
                rows: "<row r=\"1\"><c r=\"A1\" s=\"0\"><v>46203</v></c></row>", styles: styles
            ).kinds()
            #expect(kinds == [[.number]])
        }

        // MARK: Markup compatibility and extensions

        @Test func alternateContentReadsTheFallbackAndExtensionsAreSkipped() throws {
            let rows =
                "<row r=\"1\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:x14=\"urn:x14\">"
                + "<mc:AlternateContent><mc:Choice Requires=\"x14\">\(Self.inline("A1", "choice"))</mc:Choice>"
                + "<mc:Fallback>\(Self.inline("A1", "fallback"))</mc:Fallback></mc:AlternateContent>"
                + "<x14:extra>\(Self.inline("B1", "extension"))</x14:extra>\(Self.inline("C1", "plain"))</row>"
            #expect(try TestWorkbook(rows: rows).texts() == [["fallback", nil, "plain"]])
        }

        // MARK: Limits

        @Test func theCellLimitCountsTheEmptyCellsFilledIn() throws {
            let limits = Workbook.Limits(maxCells: 3)
            let three = TestWorkbook(rows: "<row r=\"1\"><c r=\"C1\"><v>1</v></c></row>")
            #expect(try three.error(limits: limits) == nil)
            let four = TestWorkbook(
                rows: "<row r=\"1\"><c r=\"C1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>")
            let error = try four.error(limits: limits)
            #expect(error?.reason == .tooManyCells(limit: 3))
            #expect(error?.location == "members.xlsx[Sheet1]!A2")
        }

        @Test func theTotalSizeLimit() throws {
            let workbook = TestWorkbook(rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
            let size = try ZipArchive(bytes: try workbook.bytes).entries.map(\.uncompressedSize).reduce(0, +)
            #expect(try workbook.error(limits: Workbook.Limits(maxTotalSize: size)) == nil)
            let error = try workbook.error(limits: Workbook.Limits(maxTotalSize: size - 1))
            #expect(error?.reason == .tooLarge(limit: size - 1))
        }

        // MARK: The workbook part and its relationships

        @Test func workbookRefusals() throws {
            var noSheets = TestWorkbook(rows: "")
            noSheets.workbook = "<workbook xmlns=\"\(TestWorkbook.main)\"><sheets/></workbook>"
            #expect(try noSheets.error()?.reason == .noSheets)
            var unnamed = TestWorkbook(rows: "")
            unnamed.workbook =
                "<workbook xmlns=\"\(TestWorkbook.main)\" xmlns:r=\"\(TestWorkbook.relationships)\"><sheets><sheet sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            #expect(try unnamed.error()?.reason == .missingAttribute(element: "sheet", attribute: "name"))
            var unlinked = TestWorkbook(rows: "")
            unlinked.workbook =
                "<workbook xmlns=\"\(TestWorkbook.main)\" xmlns:r=\"\(TestWorkbook.relationships)\"><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId9\"/></sheets></workbook>"
            #expect(try unlinked.error()?.reason == .unknownRelationship("rId9"))
            var twice = TestWorkbook(rows: "", name: "党员")
            twice.sheets.append(("党员", TestWorkbook.sheet("")))
            let duplicate = try twice.error()
            #expect(duplicate?.reason == .duplicateSheetName("党员"))
            var cased = TestWorkbook(rows: "", name: "Members")
            cased.sheets.append(("members", TestWorkbook.sheet("")))
            #expect(try cased.error()?.reason == .duplicateSheetName("members"))
        }

        @Test func missingParts() throws {
            var writer = ZipWriter()
            try writer.add("docProps/app.xml", contents: Array("<Properties/>".utf8))
            #expect(throws: WorkbookError(.missingPart("xl/workbook.xml"))) { try Workbook(bytes: writer.bytes) }
            // A relationship to a sheet the archive does not hold.
            var missingSheet = TestWorkbook(rows: "")
            missingSheet.sheets.append(("Second", TestWorkbook.sheet("")))
            let bytes = try missingSheet.bytes
            let archive = try ZipArchive(bytes: bytes)
            var rewritten = ZipWriter()
            for entry in archive.entries where entry.name.text != "xl/worksheets/sheet2.xml" {
                try rewritten.add(entry.name.description, contents: try archive.contents(of: entry))
            }
            let error = #expect(throws: WorkbookError.self) { try Workbook(bytes: rewritten.bytes, name: "w.xlsx") }
            #expect(error?.reason == .missingPart("xl/worksheets/sheet2.xml"))
            #expect(error?.sheet == "Second")
        }

        // MARK: XML

        @Test func malformedXML() throws {
            let unclosed = TestWorkbook(rows: "<row r=\"1\">\n<c r=\"A1\"><v>1</v></c>\n</sheetData>")
            let error = try unclosed.error()
            #expect(error?.code == "workbook.malformed-xml")
            #expect(error?.part == "xl/worksheets/sheet1.xml")
            #expect(error?.line == 3)
            #expect(error?.description.hasPrefix("members.xlsx[Sheet1]: xl/worksheets/sheet1.xml:3: ") == true)
            var emptyStyles = TestWorkbook(rows: "")
            emptyStyles.styles = ""
            let empty = try emptyStyles.error()
            #expect(empty?.code == "workbook.malformed-xml")
            #expect(empty?.description.hasPrefix("members.xlsx: xl/styles.xml:") == true)
            var entity = TestWorkbook(rows: "")
            entity.sheets[0].xml =
                "<worksheet xmlns=\"\(TestWorkbook.main)\"><sheetData>&undefined;</sheetData></worksheet>"
            #expect(try entity.error()?.code == "workbook.malformed-xml")
        }

        @Test func whatLibxml2RecoversFromIsStillMalformed() throws {
            // The root left open, a mismatched end tag, text after the root, a second root.
            let main = TestWorkbook.main
            for xml in [
                "<worksheet xmlns=\"\(main)\"><sheetData>", "<worksheet xmlns=\"\(main)\"><sheetData></worksheet>",
                "<worksheet xmlns=\"\(main)\"/>trailing", "<worksheet xmlns=\"\(main)\"/><worksheet/>",
                "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>",
            ] {
                var workbook = TestWorkbook(rows: "")
                workbook.sheets[0].xml = xml
                let error = try workbook.error()
                #expect(error?.code == "workbook.malformed-xml", "\(xml): \(String(describing: error))")
            }
        }

        @Test func aPartOfMoreThanTenMegabytesReads() throws {
            // libxml2 refuses more than 10 MB in one piece; the reader gives it the part in pieces.
            let padding = String(repeating: " ", count: 11_000)
            let rows = (1...1000).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" + padding }
            let workbook = TestWorkbook(rows: rows.joined())
            #expect(try workbook.bytes.count > 11_000_000)
            let sheet = try workbook.read().sheets[0]
            #expect(sheet.rows.count == 1000)
            #expect(sheet.rows[999][0].text == "1000")
        }

        @Test func aDocumentTypeIsRefused() throws {
            var laughs = TestWorkbook(rows: "")
            laughs.sheets[0].xml =
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<worksheet xmlns=\"\(TestWorkbook.main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"
            let error = try laughs.error()
            #expect(error?.reason == .documentType)
            #expect(error?.part == "xl/worksheets/sheet1.xml")
        }

        @Test(arguments: ["<?x?>", "<?xml?>", "<?党员?>", "<??>", "<?x-y.z?>"])
        func aProcessingInstructionOfATargetAloneIsRefused(_ instruction: String) throws {
            // FoundationXML crashes on one: the part must never reach it.
            var workbook = TestWorkbook(rows: "")
            workbook.sheets[0].xml = TestWorkbook.sheet("") + instruction
            #expect(try workbook.error()?.reason == .processingInstruction)
            var first = TestWorkbook(rows: "")
            first.styles = instruction + "<styleSheet xmlns=\"\(TestWorkbook.main)\"/>"
            #expect(try first.error()?.reason == .processingInstruction)
            // Cut off by the end of the part, as well.
            var cut = TestWorkbook(rows: "")
            cut.sheets[0].xml = TestWorkbook.sheet("") + instruction.dropLast(2)
            #expect(try cut.error()?.reason == .processingInstruction)
        }

        @Test(arguments: ["<?x ?>", "<?x data?>", "<?x\tdata?>", "<?mso-application progid=\"Excel.Sheet\"?>"])
        func aProcessingInstructionWithContentIsIgnored(_ instruction: String) throws {
            var workbook = TestWorkbook(rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
            workbook.sheets[0].xml = "<?xml version=\"1.0\"?>" + instruction + workbook.sheets[0].xml
            #expect(try workbook.texts() == [["1"]])
        }

        @Test func aPartInUTF16IsRefused() throws {
            var wide = TestWorkbook(rows: "")
            wide.styles = "\u{FEFF}<styleSheet/>"
            // The writer stores UTF-8; write the part again as UTF-16 with its byte order mark.
            let archive = try ZipArchive(bytes: try wide.bytes)
            var writer = ZipWriter()
            for entry in archive.entries {
                let contents = try archive.contents(of: entry)
                if entry.name.text == "xl/styles.xml" {
                    let utf16 = "\u{FEFF}<styleSheet/>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
                    try writer.add("xl/styles.xml", contents: utf16)
                } else {
                    try writer.add(entry.name.description, contents: contents)
                }
            }
            #expect(throws: WorkbookError(.notUTF8, part: "xl/styles.xml")) { try Workbook(bytes: writer.bytes) }
        }

        @Test func aPartNotInUTF8IsRefused() throws {
            var gbk = TestWorkbook(rows: "")
            gbk.sheets[0].xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?>" + TestWorkbook.sheet("")
            #expect(try gbk.error()?.reason == .notUTF8)
            var latin = TestWorkbook(rows: "")
            latin.sheets[0].xml = "<?xml version='1.0' encoding = 'ISO-8859-1' ?>" + TestWorkbook.sheet("")
            #expect(try latin.error()?.reason == .notUTF8)
            // Declared UTF-8 in any spelling, or not declared: read.
            for declaration in [
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", "<?xml version=\"1.0\"?>", "",
            ] {
                var utf8 = TestWorkbook(rows: "")
                utf8.sheets[0].xml = "\u{FEFF}" + declaration + TestWorkbook.sheet("")
                #expect(try utf8.error() == nil, "\(declaration)")
            }
            // Bytes that are not UTF-8, in a part that says it is.
            let bytes = try TestWorkbook(rows: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>党</t></is></c></row>")
                .bytes
            let archive = try ZipArchive(bytes: bytes)
            var writer = ZipWriter()
            for entry in archive.entries {
                var contents = try archive.contents(of: entry)
                if entry.name.text == "xl/worksheets/sheet1.xml", let index = contents.firstIndex(of: 0xE5) {
                    contents[index] = 0xB5  // GBK's first byte of 党, alone
                }
                try writer.add(entry.name.description, contents: contents)
            }
            #expect(throws: WorkbookError(.notUTF8, part: "xl/worksheets/sheet1.xml", sheet: "Sheet1")) {
                try Workbook(bytes: writer.bytes)
            }
        }

        // MARK: The file itself

        @Test func notAWorkbook() throws {
            let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
            #expect(throws: WorkbookError(.compoundFile, workbook: "members.xlsx")) {
                try Workbook(bytes: ole, name: "members.xlsx")
            }
            let csv = #expect(throws: WorkbookError.self) {
                try Workbook(bytes: Array("id,name\n".utf8), name: "members.xlsx")
            }
            #expect(csv?.code == "zip.not-a-zip")
            #expect(csv?.description.hasPrefix("members.xlsx: This is not a zip archive") == true)
            #expect(csv?.message(in: .chinese).hasPrefix("members.xlsx: 这不是 zip 压缩包") == true)
        }

        @Test func aDamagedEntryIsNamed() throws {
            var bytes = try TestWorkbook(rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").bytes
            let archive = try ZipArchive(bytes: bytes)
            let sheet = try #require(archive.entry(named: "xl/worksheets/sheet1.xml"))
            bytes[sheet.localHeaderOffset + 30 + 24 + 3] ^= 1
            let error = #expect(throws: WorkbookError.self) { try Workbook(bytes: bytes, name: "members.xlsx") }
            #expect(error?.code == "zip.checksum-mismatch")
            #expect(
                error?.description.hasPrefix("members.xlsx[Sheet1]: xl/worksheets/sheet1.xml: The entry's checksum")
                    == true)
        }
    }
}

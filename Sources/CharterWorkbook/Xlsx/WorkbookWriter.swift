/// A small workbook written from tables of text, for the templates an office fills in
/// (`charter template --xlsx`).
///
/// Each sheet is a table of strings, written as inline strings in a zip of stored entries. Every
/// cell, and every column's empty cells, has the text format (`@`), so that what an office types
/// stays as typed: an id `0012` keeps its zeros, an 18-digit identity card number its digits, and a
/// date the form it was typed in. A sheet may have a header row, bold and frozen in place. The same
/// sheets always make the same bytes.
public struct WorkbookWriter: Sendable {
    /// A sheet to write.
    struct SheetTable: Sendable {
        let name: String
        let rows: [[String]]
        let header: Bool
        let columnWidths: [Int]
    }

    private var sheets: [SheetTable] = []

    /// The most characters (UTF-16 code units) Excel lets a cell hold.
    public static let maxTextLength = 32767

    /// Creates a writer without sheets.
    public init() {}

    /// Adds a sheet named `name` holding `rows` (rows may differ in length; an empty string is an
    /// empty cell).
    ///
    /// - Parameters:
    ///   - header: whether the first row is a header: bold, and frozen when the sheet scrolls.
    ///   - columnWidths: the widths of the first columns, in characters; the others are 12.
    /// - Throws: ``WorkbookError`` for a name Excel would refuse or one the workbook already has,
    ///   a table larger than a sheet, or a text longer than a cell holds.
    public mutating func addSheet(
        _ name: String, rows: [[String]], header: Bool = false, columnWidths: [Int] = []
    ) throws(WorkbookError) {
        guard Self.isValidSheetName(name) else { throw WorkbookError(.invalidSheetName(name)) }
        let folded = name.lowercased()
        guard !sheets.contains(where: { $0.name.lowercased() == folded }) else {
            throw WorkbookError(.duplicateSheetName(name))
        }
        let columns = rows.map(\.count).max() ?? 0
        guard rows.count <= CellReference.maxRow, columns <= CellReference.maxColumn else {
            throw WorkbookError(.beyondSheet(rows: rows.count, columns: columns), sheet: name)
        }
        for (rowIndex, row) in rows.enumerated() {
            for (columnIndex, text) in row.enumerated() where text.utf16.count > Self.maxTextLength {
                throw WorkbookError(
                    .textTooLong(limit: Self.maxTextLength), sheet: name,
                    cell: CellReference(within: columnIndex + 1, row: rowIndex + 1))
            }
        }
        sheets.append(SheetTable(name: name, rows: rows, header: header, columnWidths: columnWidths))
    }

    /// Whether Excel accepts `name` for a sheet: 1 to 31 characters, none of `: \ / ? * [ ]` and
    /// no control character, no apostrophe at either end, and not `History` (which Excel keeps
    /// for itself).
    public static func isValidSheetName(_ name: String) -> Bool {
        let forbidden: Set<Unicode.Scalar> = [":", "\\", "/", "?", "*", "[", "]"]
        return (1...31).contains(name.utf16.count) && !name.hasPrefix("'") && !name.hasSuffix("'")
            && name.lowercased() != "history"
            && !name.unicodeScalars.contains {
                forbidden.contains($0) || $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
            }
    }

    /// The workbook's bytes.
    ///
    /// - Throws: ``WorkbookError`` when no sheet was added (a workbook has at least one).
    public func bytes() throws(WorkbookError) -> [UInt8] {
        guard !sheets.isEmpty else { throw WorkbookError(.noSheets) }
        var parts: [(String, String)] = []
        let overrides =
            [("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")]
            + sheets.indices.map {
                (
                    "/xl/worksheets/sheet\($0 + 1).xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
                )
            } + [("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")]
        parts.append(
            (
                "[Content_Types].xml",
                Self.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined() + "</Types>"
            ))
        parts.append(("_rels/.rels", Self.relationships([("rId1", "officeDocument", "xl/workbook.xml")])))
        let sheetList = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(Self.escaped(sheet.name, attribute: true))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        parts.append(
            (
                "xl/workbook.xml",
                Self.declaration + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.officeRelationships)\">"
                    + "<bookViews><workbookView/></bookViews><sheets>\(sheetList.joined())</sheets></workbook>"
            ))
        parts.append(
            (
                "xl/_rels/workbook.xml.rels",
                Self.relationships(
                    sheets.indices.map { ("rId\($0 + 1)", "worksheet", "worksheets/sheet\($0 + 1).xml") }
                        + [("rId\(sheets.count + 1)", "styles", "styles.xml")])
            ))
        parts.append(("xl/styles.xml", Self.styles))
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", Self.worksheet(sheet)))
        }
        var writer = ZipWriter()
        do {
            for (path, text) in parts { try writer.add(path, contents: Array(text.utf8)) }
        } catch {
            throw WorkbookError(.archive(error))
        }
        return writer.bytes
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A relationships part of `(id, type, target)`s, the types named by their last segment.
    static func relationships(_ items: [(String, String, String)]) -> String {
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + items.map {
                "<Relationship Id=\"\($0.0)\" Type=\"\(officeRelationships)/\($0.1)\" Target=\"\($0.2)\"/>"
            }.joined() + "</Relationships>"
    }

    /// The styles: cell format 0 the default, 1 text, 2 bold text (the header).
    static let styles =
        declaration + "<styleSheet xmlns=\"\(main)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    /// A worksheet part, its elements in the order the schema sets.
    static func worksheet(_ sheet: SheetTable) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(officeRelationships)\">"
        if sheet.header && !sheet.rows.isEmpty {
            xml +=
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        }
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        let columns = min(max(sheet.rows.map(\.count).max() ?? 0, sheet.columnWidths.count), CellReference.maxColumn)
        if columns > 0 {
            xml += "<cols>"
            for column in 1...columns {
                let width = column <= sheet.columnWidths.count ? sheet.columnWidths[column - 1] : 12
                xml +=
                    "<col min=\"\(column)\" max=\"\(column)\" width=\"\(max(1, min(width, 255)))\" style=\"1\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() where row.contains(where: { !$0.isEmpty }) {
            let style = sheet.header && rowIndex == 0 ? 2 : 1
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, text) in row.enumerated() where !text.isEmpty {
                let reference = CellReference(within: columnIndex + 1, row: rowIndex + 1)
                xml +=
                    "<c r=\"\(reference)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                    + escaped(SpreadsheetText.encoded(text), attribute: false) + "</t></is></c>"
            }
            xml += "</row>"
        }
        return xml
            + "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
    }

    /// `text` with XML's special characters written as references (and `"` too in an attribute).
    static func escaped(_ text: String, attribute: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where attribute: output += "&quot;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }
}

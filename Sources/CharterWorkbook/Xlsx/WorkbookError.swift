public import CharterSupport
public import PolicyKit

/// A workbook that cannot be read (or written), placed as precisely as it can be.
///
/// Written `WORKBOOK[SHEET]!CELL: message` for a problem with one cell (`members.xlsx[党员]!C12:`),
/// `WORKBOOK: PART:LINE: message` for one in a part of the workbook, and `WORKBOOK: message` for
/// one with the whole file; `WORKBOOK` is the name given to ``Workbook/init(bytes:name:limits:)``,
/// left out when there is none.
public struct WorkbookError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        /// The file is an OLE compound file: an Excel 97–2003 workbook (`.xls`), or an `.xlsx`
        /// protected by a password, which Excel encrypts into one.
        case compoundFile
        /// The zip container cannot be read.
        case archive(ZipError)
        /// A part the workbook needs is not in the archive.
        case missingPart(String)
        /// More would be decompressed than the limit on the whole workbook.
        case tooLarge(limit: Int)
        /// A part is not UTF-8, or declares another encoding.
        case notUTF8
        /// A part has a document type declaration, which no workbook has.
        case documentType
        /// A part has a processing instruction of a target alone (`<?x?>`), which no workbook has
        /// (and on which the XML parser of the toolchain's Foundation crashes).
        case processingInstruction
        /// A part is not well-formed XML (FoundationXML's error code, and the column).
        case malformedXML(code: Int, column: Int)
        /// The workbook lists no sheets.
        case noSheets
        /// An element lacks an attribute it needs.
        case missingAttribute(element: String, attribute: String)
        /// A sheet refers to a relationship that the workbook's relationships do not have.
        case unknownRelationship(String)
        /// Two sheets have the same name (Excel compares them without case).
        case duplicateSheetName(String)
        /// A sheet name Excel would not accept (when writing).
        case invalidSheetName(String)
        /// A cell reference is not a column and a row within Excel's (`A1` to `XFD1048576`).
        case badCellReference(String)
        /// A row number is not a number from 1 to 1 048 576.
        case badRowNumber(String)
        /// A row comes after a later row, or repeats one.
        case rowOutOfOrder(row: Int, previous: Int)
        /// A cell comes after a cell to its right, or repeats one.
        case cellOutOfOrder(previous: CellReference)
        /// A cell's reference names another row than the row it is in.
        case cellOutsideRow(row: Int)
        /// A shared-string cell's index is not one of the workbook's shared strings.
        case sharedStringIndex(String, count: Int)
        /// A cell's style index is not one of the workbook's cell formats.
        case styleIndex(String, count: Int)
        /// A number cell's value is not a number.
        case badNumber(String)
        /// A boolean cell's value is not 0 or 1.
        case badBoolean(String)
        /// A date cell's (`t="d"`) value is not an ISO 8601 date.
        case badDate(String)
        /// A cell's type is none of SpreadsheetML's.
        case unknownCellType(String)
        /// A sheet has more cells than the limit, counting the empty ones before each filled one.
        case tooManyCells(limit: Int)
        /// A sheet to write has more rows or columns than Excel's sheet (when writing).
        case beyondSheet(rows: Int, columns: Int)
        /// A text to write is longer than Excel lets a cell hold (when writing).
        case textTooLong(limit: Int)
    }

    /// What is wrong.
    public let reason: Reason
    /// The workbook's file name, when the reader was given one.
    public var workbook: String?
    /// The part of the workbook (`xl/worksheets/sheet1.xml`), if one.
    public var part: String?
    /// The line in the part, if known.
    public var line: Int?
    /// The sheet's name, for a problem in a sheet.
    public var sheet: String?
    /// The cell, for a problem with one cell.
    public var cell: CellReference?

    /// Creates the error.
    public init(
        _ reason: Reason, workbook: String? = nil, part: String? = nil, line: Int? = nil, sheet: String? = nil,
        cell: CellReference? = nil
    ) {
        self.reason = reason
        self.workbook = workbook
        self.part = part
        self.line = line
        self.sheet = sheet
        self.cell = cell
    }

    /// A stable code for the reason, such as `workbook.shared-string-index` (a zip or inflate
    /// error's own code for ``Reason/archive(_:)``).
    public var code: String {
        switch reason {
        case .compoundFile: "workbook.compound-file"
        case .archive(let error): error.code
        case .missingPart: "workbook.missing-part"
        case .tooLarge: "workbook.too-large"
        case .notUTF8: "workbook.not-utf8"
        case .documentType: "workbook.document-type"
        case .processingInstruction: "workbook.processing-instruction"
        case .malformedXML: "workbook.malformed-xml"
        case .noSheets: "workbook.no-sheets"
        case .missingAttribute: "workbook.missing-attribute"
        case .unknownRelationship: "workbook.unknown-relationship"
        case .duplicateSheetName: "workbook.duplicate-sheet-name"
        case .invalidSheetName: "workbook.invalid-sheet-name"
        case .badCellReference: "workbook.bad-cell-reference"
        case .badRowNumber: "workbook.bad-row-number"
        case .rowOutOfOrder: "workbook.row-out-of-order"
        case .cellOutOfOrder: "workbook.cell-out-of-order"
        case .cellOutsideRow: "workbook.cell-outside-row"
        case .sharedStringIndex: "workbook.shared-string-index"
        case .styleIndex: "workbook.style-index"
        case .badNumber: "workbook.bad-number"
        case .badBoolean: "workbook.bad-boolean"
        case .badDate: "workbook.bad-date"
        case .unknownCellType: "workbook.unknown-cell-type"
        case .tooManyCells: "workbook.too-many-cells"
        case .beyondSheet: "workbook.beyond-sheet"
        case .textTooLong: "workbook.text-too-long"
        }
    }

    /// Where the problem is: `members.xlsx[党员]!C12`, `members.xlsx: xl/styles.xml:3`, or empty.
    public var location: String {
        var text = workbook ?? ""
        if let sheet {
            text += "[\(sheet)]"
            if let cell { return text + "!\(cell)" }
        }
        if let part {
            if !text.isEmpty { text += ": " }
            text += part + (line.map { ":\($0)" } ?? "")
        }
        return text
    }

    /// The location and the message, in English.
    public var description: String { message(in: .english) }

    /// The location and the message in `language`.
    public func message(in language: Language) -> String {
        let text: String
        if case .archive(let error) = reason {
            text = error.message(in: language)
        } else {
            text = self.text(chinese: language == .chinese)
        }
        let location = location
        return location.isEmpty ? text : "\(location): \(text)"
    }

    /// The sentence without the location.
    func text(chinese zh: Bool) -> String {
        switch reason {
        case .compoundFile:
            return zh
                ? "这不是 .xlsx 工作簿，而是 Excel 97–2003 工作簿（.xls）或设置了打开密码的工作簿：请在 Excel 中取消密码，再另存为“Excel 工作簿 (*.xlsx)”或“CSV UTF-8”。"
                : "This is not an .xlsx workbook but an Excel 97-2003 workbook (.xls), or one protected by a password: in Excel, remove any password, then save it as Excel Workbook (.xlsx) or CSV UTF-8."
        case .archive(let error):
            return error.text(chinese: zh)
        case .missingPart(let path):
            return zh
                ? "工作簿缺少部件“\(path)”：这不是 Excel 保存的 .xlsx 文件，或者文件已损坏。"
                : "The workbook has no part '\(path)': it is not an .xlsx file as Excel saves one, or it is damaged."
        case .tooLarge(let limit):
            return zh
                ? "工作簿解压后超过 \(limit) 字节的上限：文件过大，或是一个“压缩炸弹”。"
                : "The workbook decompresses to more than the limit of \(limit) bytes: it is too large, or a zip bomb."
        case .notUTF8:
            return zh
                ? "该部件不是 UTF-8 编码（Excel 保存的工作簿都是 UTF-8）：请在 Excel 中重新保存。"
                : "The part is not in UTF-8, as every workbook Excel saves is: save it again from Excel."
        case .documentType:
            return zh
                ? "该部件含有文档类型声明（<!DOCTYPE>），工作簿不会有这种声明：拒绝读取。"
                : "The part has a document type declaration (<!DOCTYPE>), which no workbook has: it is not read."
        case .processingInstruction:
            return zh
                ? "该部件含有没有内容的处理指令（<?…?>），工作簿不会有这种指令：拒绝读取。"
                : "The part has a processing instruction without content (<?…?>), which no workbook has: it is not read."
        case .malformedXML(let code, let column):
            return zh
                ? "该部件的 XML 格式有误（第 \(column) 列，XML 解析错误 \(code)）：文件已损坏。"
                : "The part is not well-formed XML (at column \(column), XML parser error \(code)): the file is damaged."
        case .noSheets:
            return zh ? "工作簿中没有工作表。" : "The workbook has no sheets."
        case .missingAttribute(let element, let attribute):
            return zh
                ? "元素 <\(element)> 缺少属性 \(attribute)：文件已损坏。"
                : "An element <\(element)> has no attribute \(attribute): the file is damaged."
        case .unknownRelationship(let id):
            return zh
                ? "工作表引用的关系“\(id)”在 workbook.xml.rels 中不存在：文件已损坏。"
                : "A sheet refers to relationship '\(id)', which workbook.xml.rels does not have: the file is damaged."
        case .duplicateSheetName(let name):
            return zh
                ? "有两个工作表都叫“\(name)”（不区分大小写）：请给其中一个改名。"
                : "Two sheets are named '\(name)' (without regard to case): rename one of them."
        case .invalidSheetName(let name):
            return zh
                ? "工作表名称“\(name)”不可用：名称须为 1 至 31 个字符，不含 : \\ / ? * [ ]，且不以单引号开头或结尾。"
                : "The sheet name '\(name)' is not allowed: a name has 1 to 31 characters, none of : \\ / ? * [ ], and does not start or end with an apostrophe."
        case .badCellReference(let text):
            return zh
                ? "单元格引用“\(text)”无效（应为 A1 至 XFD1048576 之间的列和行）：文件已损坏。"
                : "The cell reference '\(text)' is not a column and a row from A1 to XFD1048576: the file is damaged."
        case .badRowNumber(let text):
            return zh
                ? "行号“\(text)”无效（应为 1 至 1048576）：文件已损坏。"
                : "The row number '\(text)' is not a number from 1 to 1048576: the file is damaged."
        case .rowOutOfOrder(let row, let previous):
            return zh
                ? "第 \(row) 行出现在第 \(previous) 行之后：行的顺序错乱或重复，文件已损坏。"
                : "Row \(row) comes after row \(previous): rows out of order or repeated, the file is damaged."
        case .cellOutOfOrder(let previous):
            return zh
                ? "该单元格出现在 \(previous) 之后：单元格的顺序错乱或重复，文件已损坏。"
                : "The cell comes after \(previous): cells out of order or repeated, the file is damaged."
        case .cellOutsideRow(let row):
            return zh
                ? "该单元格位于第 \(row) 行的记录中，但引用的是另一行：文件已损坏。"
                : "The cell is in the record of row \(row) but names another row: the file is damaged."
        case .sharedStringIndex(let index, let count):
            return zh
                ? "单元格引用了第 \(index) 个共享字符串，但工作簿只有 \(count) 个（从 0 起算）：文件已损坏。"
                : "The cell refers to shared string \(index), but the workbook has \(count) (counted from 0): the file is damaged."
        case .styleIndex(let index, let count):
            return zh
                ? "单元格使用第 \(index) 个单元格格式，但工作簿只有 \(count) 个（从 0 起算）：文件已损坏。"
                : "The cell uses cell format \(index), but the workbook has \(count) (counted from 0): the file is damaged."
        case .badNumber(let text):
            return zh
                ? "数值单元格的值“\(text)”不是数字：文件已损坏。"
                : "The number cell's value '\(text)' is not a number: the file is damaged."
        case .badBoolean(let text):
            return zh
                ? "逻辑值单元格的值“\(text)”不是 0 或 1：文件已损坏。"
                : "The boolean cell's value '\(text)' is not 0 or 1: the file is damaged."
        case .badDate(let text):
            return zh
                ? "日期单元格的值“\(text)”不是 YYYY-MM-DD 形式的日期：文件已损坏。"
                : "The date cell's value '\(text)' is not a date written YYYY-MM-DD: the file is damaged."
        case .unknownCellType(let type):
            return zh
                ? "单元格类型“\(type)”不是 SpreadsheetML 的类型（s、str、inlineStr、n、b、e、d）：文件已损坏。"
                : "The cell type '\(type)' is none of SpreadsheetML's (s, str, inlineStr, n, b, e, d): the file is damaged."
        case .tooManyCells(let limit):
            return zh
                ? "工作表的单元格超过 \(limit) 个（包括每个有值单元格之前的空单元格）：请删除多余的行和列。"
                : "The sheet has more than \(limit) cells, counting the empty ones before each filled one: delete the rows and columns it does not need."
        case .beyondSheet(let rows, let columns):
            return zh
                ? "\(rows) 行 \(columns) 列的表格超出了 Excel 工作表的 1048576 行、16384 列。"
                : "A table of \(rows) rows and \(columns) columns does not fit in an Excel sheet's 1048576 rows and 16384 columns."
        case .textTooLong(let limit):
            return zh
                ? "该单元格的文字超过了 Excel 单元格最多能容纳的 \(limit) 个字符。"
                : "The cell's text is longer than the \(limit) characters an Excel cell holds."
        }
    }
}

import PolicyKit

/// Reads a worksheet part (`xl/worksheets/sheetN.xml`): the cells of its `<sheetData>`, row by
/// row, into ``Cell`` values.
///
/// A row or a cell without a reference is the one after the previous; rows and cells must come in
/// order, as Excel writes them. Cells the sheet leaves out before a cell with a value become empty
/// cells, and nothing is kept after a row's last value or the sheet's last row with one (a format
/// applied to a thousand empty rows costs nothing).
final class WorksheetReader: XMLPartHandler {
    let sharedStrings: [String]
    let styles: CellStyles
    let dateSystem: ExcelDate.System
    let maxCells: Int

    private(set) var rows: [[Cell]] = []
    private var cellCount = 0
    private var inSheetData = false
    /// The row being read (0 before the first), and its cells so far.
    private var row = 0
    private var inRow = false
    private var rowCells: [Cell] = []
    /// The last cell's column in this row (0 before the first).
    private var column = 0
    /// The cell being read.
    private var cell: (reference: CellReference, type: String, isDate: Bool)?
    private var value: String?
    private var inValue = false
    private var inline: StringItemText?

    init(sharedStrings: [String], styles: CellStyles, dateSystem: ExcelDate.System, maxCells: Int) {
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.dateSystem = dateSystem
        self.maxCells = maxCells
    }

    func start(_ element: XMLPart.Element) throws(WorkbookError) {
        if let _ = inline {
            inline?.start(element)
            return
        }
        switch element.name {
        case "sheetData": inSheetData = true
        case "row" where inSheetData: try startRow(element)
        case "c" where inSheetData: try startCell(element)
        case "v" where cell != nil:
            inValue = true
            value = ""
        case "is" where cell != nil: inline = StringItemText()
        default: break
        }
    }

    func end(_ name: String) throws(WorkbookError) {
        if inline != nil && name != "is" {
            inline?.end(name)
            return
        }
        switch name {
        case "sheetData": inSheetData = false
        case "row" where inRow: endRow()
        case "c" where cell != nil: try endCell()
        case "v": inValue = false
        case "is":
            value = inline?.value ?? ""
            inline = nil
        default: break
        }
    }

    func characters(_ text: String) {
        if inline != nil {
            inline?.characters(text)
        } else if inValue {
            value? += text
        }
    }

    private func startRow(_ element: XMLPart.Element) throws(WorkbookError) {
        var number = row + 1
        if let text = element.attributes["r"] {
            guard let given = Int(text), (1...CellReference.maxRow).contains(given) else {
                throw WorkbookError(.badRowNumber(text))
            }
            number = given
        }
        guard number > row, number <= CellReference.maxRow else {
            throw WorkbookError(.rowOutOfOrder(row: number, previous: row))
        }
        row = number
        inRow = true
        rowCells = []
        column = 0
    }

    private func endRow() {
        inRow = false
        guard !rowCells.isEmpty else { return }
        while rows.count < row - 1 { rows.append([]) }
        rows.append(rowCells)
        rowCells = []
    }

    private func startCell(_ element: XMLPart.Element) throws(WorkbookError) {
        guard inRow else { throw WorkbookError(.cellOutsideRow(row: row)) }
        let reference: CellReference
        if let text = element.attributes["r"] {
            guard let given = CellReference(text) else { throw WorkbookError(.badCellReference(text)) }
            guard given.row == row else { throw WorkbookError(.cellOutsideRow(row: row), cell: given) }
            reference = given
        } else {
            guard let next = CellReference(column: column + 1, row: row) else {
                throw WorkbookError(.badCellReference("\(CellReference.columnName(column + 1))\(row)"))
            }
            reference = next
        }
        guard reference.column > column else {
            throw WorkbookError(
                .cellOutOfOrder(previous: CellReference(column: column, row: row) ?? reference), cell: reference)
        }
        var isDate = false
        if let text = element.attributes["s"] {
            guard let index = Int(text), index >= 0, index < max(styles.isDate.count, 1) else {
                throw WorkbookError(.styleIndex(text, count: styles.isDate.count), cell: reference)
            }
            isDate = index < styles.isDate.count && styles.isDate[index]
        }
        cell = (reference, element.attributes["t"] ?? "n", isDate)
        value = nil
        column = reference.column
    }

    private func endCell() throws(WorkbookError) {
        guard let (reference, type, isDate) = cell else { return }
        cell = nil
        let kind: Cell.Kind
        var text = value ?? ""
        switch type {
        case "s":
            guard value != nil else {
                kind = .empty
                break
            }
            let index = SpreadsheetText.trimmed(text)
            guard let number = Int(index), number >= 0, number < sharedStrings.count else {
                throw WorkbookError(.sharedStringIndex(index, count: sharedStrings.count), cell: reference)
            }
            text = sharedStrings[number]
            kind = text.isEmpty ? .empty : .text
        case "str", "inlineStr":
            if type == "str" { text = SpreadsheetText.decoded(text) }
            kind = text.isEmpty ? .empty : .text
        case "n":
            text = SpreadsheetText.trimmed(text)
            if text.isEmpty {
                kind = .empty
                break
            }
            guard Self.isNumber(text), let number = Double(text) else {
                throw WorkbookError(.badNumber(text), cell: reference)
            }
            kind = isDate ? (ExcelDate.date(serial: number, system: dateSystem).map { .date($0) } ?? .number) : .number
        case "b":
            switch SpreadsheetText.trimmed(text) {
            case "": kind = .empty
            case "0", "false": kind = .bool(false)
            case "1", "true": kind = .bool(true)
            default: throw WorkbookError(.badBoolean(text), cell: reference)
            }
            if case .bool(let truth) = kind { text = truth ? "TRUE" : "FALSE" }
        case "e":
            text = SpreadsheetText.trimmed(text)
            kind = text.isEmpty ? .empty : .error
        case "d":
            text = SpreadsheetText.trimmed(text)
            if text.isEmpty {
                kind = .empty
                break
            }
            let day = text.prefix(10)
            guard let date = CivilDate(day), text.count == 10 || text.dropFirst(10).first == "T" else {
                throw WorkbookError(.badDate(text), cell: reference)
            }
            kind = .date(date)
        default:
            throw WorkbookError(.unknownCellType(type), cell: reference)
        }
        guard kind != .empty else { return }
        let added = reference.column - rowCells.count
        guard cellCount + added <= maxCells else {
            throw WorkbookError(.tooManyCells(limit: maxCells), cell: reference)
        }
        cellCount += added
        while rowCells.count < reference.column - 1 {
            rowCells.append(
                Cell(reference: CellReference(within: rowCells.count + 1, row: row), kind: .empty, text: ""))
        }
        rowCells.append(Cell(reference: reference, kind: kind, text: text))
    }

    /// Whether `text` is a number as SpreadsheetML writes one: `-`, digits with at most one `.`,
    /// and an exponent (`1.5`, `-0.25`, `4.5E-3`, `.5`); not `inf`, `nan` or hexadecimal, which
    /// `Double` would read.
    static func isNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(whole)
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fraction)
        }
        guard whole + fraction > 0 else { return false }
        if bytes.first == UInt8(ascii: "E") || bytes.first == UInt8(ascii: "e") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix(while: isDigit).count
            guard exponent > 0 else { return false }
            bytes = bytes.dropFirst(exponent)
        }
        return bytes.isEmpty
    }
}

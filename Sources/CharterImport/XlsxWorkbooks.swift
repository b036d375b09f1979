import CharterSupport
import CharterWorkbook
import PolicyKit

/// Reads `.xlsx` workbooks for `charter import` with ``CharterWorkbook``.
public struct XlsxWorkbooks: WorkbookReading {
    /// Creates the reader.
    public init() {}

    public func sheets(of bytes: [UInt8], named name: String) throws(ImportProblem) -> [WorkbookSheet] {
        let workbook: Workbook
        do {
            workbook = try Workbook(bytes: bytes, name: name)
        } catch {
            // The workbook's own message names the workbook, the sheet and the cell.
            throw ImportProblem(position: "", Text(zh: error.message(in: .chinese), en: error.message(in: .english)))
        }
        return workbook.sheets.filter { !$0.isHidden }.map { sheet in
            WorkbookSheet(
                name: sheet.name,
                rows: sheet.rows.enumerated().map { index, cells in
                    (index + 1, cells.map(Self.cell))
                })
        }
    }

    static func cell(_ cell: Cell) -> ImportCell {
        switch cell.kind {
        case .empty: ImportCell("")
        case .text, .error: ImportCell(cell.text)
        case .number: ImportCell(cell.text, kind: .number)
        case .date(let date): ImportCell(cell.text, kind: .date(date))
        case .bool(let value): ImportCell(value ? "true" : "false")
        }
    }
}

/// One sheet of a workbook (工作表): its name and its cells, row by row.
public struct Sheet: Hashable, Sendable {
    /// The name on the sheet's tab, such as `党员`.
    public let name: String
    /// Whether the sheet is hidden (`state="hidden"` or `"veryHidden"`).
    public let isHidden: Bool
    /// The rows from row 1 to the last row with a value; `rows[0]` is row 1.
    ///
    /// Each row holds its cells from column A to its last cell with a value, the cells a sheet
    /// leaves out filled in as empty ones; a row without values is empty. A chart sheet has no
    /// rows.
    public let rows: [[Cell]]

    /// Creates a sheet.
    public init(name: String, isHidden: Bool = false, rows: [[Cell]]) {
        self.name = name
        self.isHidden = isHidden
        self.rows = rows
    }

    /// The cell at `reference`: an empty one beyond what ``rows`` holds.
    public subscript(reference: CellReference) -> Cell {
        let row = reference.row - 1
        let column = reference.column - 1
        guard row < rows.count, column < rows[row].count else {
            return Cell(reference: reference, kind: .empty, text: "")
        }
        return rows[row][column]
    }

    /// The number of columns up to the last one with a value in any row.
    public var columnCount: Int { rows.map(\.count).max() ?? 0 }
}

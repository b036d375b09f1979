public import CharterSupport
import CharterWorkbook
public import PolicyKit

/// One cell of what an office has, as it was read: its text, and for a workbook what Excel knew
/// of it (a date, a number).
public struct ImportCell: Sendable, Equatable {
    /// What the cell holds.
    public enum Kind: Sendable, Equatable {
        /// Text, or a CSV field.
        case text
        /// A number (a workbook's numeric cell), its text as Excel stored it.
        case number
        /// A date (a workbook's numeric cell with a date format), already turned into a date.
        case date(CivilDate)
    }

    /// The cell's text as read (for a date cell, the serial number Excel stored).
    public var text: String
    /// What the cell is.
    public var kind: Kind

    /// Creates a cell.
    public init(_ text: String, kind: Kind = .text) {
        self.text = text
        self.kind = kind
    }
}

/// A table an office gave for one dataset file: a CSV file or a workbook's sheet, header first.
public struct ImportTable: Sendable {
    /// The dataset file it becomes.
    public let file: DatasetFile
    /// Where it came from, for messages: `events.csv`, `members.xlsx[党员]`.
    public let source: String
    /// Whether positions are written as a workbook's cells (`members.xlsx[党员]!C12`) or as a
    /// CSV file's lines (`events.csv:12`).
    public let isWorkbook: Bool
    /// The text encoding it was read in, when it was not UTF-8 (`GB18030`).
    public let encoding: String?
    /// The rows, header first, each with the line (CSV) or row number (sheet) it starts on.
    public let rows: [(line: Int, cells: [ImportCell])]

    /// Creates a table.
    public init(
        file: DatasetFile, source: String, isWorkbook: Bool, encoding: String? = nil,
        rows: [(line: Int, cells: [ImportCell])]
    ) {
        self.file = file
        self.source = source
        self.isWorkbook = isWorkbook
        self.encoding = encoding
        self.rows = rows
    }

    /// Where a row's cell stands, for messages and the report: `members.xlsx[党员]!C12` or
    /// `events.csv:12`.
    public func position(line: Int, column: Int?) -> String {
        guard isWorkbook else { return "\(source):\(line)" }
        guard let column else { return "\(source)!\(line)" }
        return "\(source)!\(ImportTable.columnLetters(column))\(line)"
    }

    /// The letters of a column, counted from 0: `A`, …, `Z`, `AA`, ….
    public static func columnLetters(_ index: Int) -> String { CellReference.columnName(index + 1) }
}

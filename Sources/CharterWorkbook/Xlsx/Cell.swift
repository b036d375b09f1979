public import PolicyKit

/// One cell of a sheet: where it is, what it holds, and its text.
public struct Cell: Hashable, Sendable {
    /// What a cell holds.
    public enum Kind: Hashable, Sendable {
        /// Nothing: a cell the sheet leaves out, or one with a format and no value.
        case empty
        /// Text: a shared string, an inline string or a formula's text result.
        case text
        /// A number that is not a date.
        case number
        /// A number formatted as a date (an Excel serial date), or an ISO 8601 date cell, as the
        /// calendar day it names; a time of day in it is dropped.
        case date(CivilDate)
        /// `TRUE` or `FALSE`.
        case bool(Bool)
        /// An error value such as `#N/A` or `#DIV/0!`, in ``Cell/text``.
        case error
    }

    /// The cell's place, such as `C12`.
    public let reference: CellReference
    /// What the cell holds.
    public let kind: Kind
    /// The cell's value as the workbook stores it: the text of a text cell; the number as written
    /// (`45107`, `0.1`, `1E-3`) for a number or a date; `TRUE` or `FALSE`; the error's name; empty
    /// for an empty cell.
    public let text: String

    /// Creates a cell.
    public init(reference: CellReference, kind: Kind, text: String) {
        self.reference = reference
        self.kind = kind
        self.text = text
    }

    /// Whether the cell holds nothing.
    public var isEmpty: Bool { kind == .empty }
}

/// A cell's place in a sheet: its column and row, both from 1, written `C12`.
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The column, 1 (`A`) to 16 384 (`XFD`).
    public let column: Int
    /// The row, 1 to 1 048 576.
    public let row: Int

    /// The last column Excel has (`XFD`).
    public static let maxColumn = 16384
    /// The last row Excel has.
    public static let maxRow = 1_048_576

    /// Creates the reference when the column and row are within Excel's sheet.
    public init?(column: Int, row: Int) {
        guard (1...Self.maxColumn).contains(column), (1...Self.maxRow).contains(row) else { return nil }
        self.column = column
        self.row = row
    }

    /// Creates a reference the caller knows to lie within the sheet.
    init(within column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Reads a reference written `A1` to `XFD1048576` (capital letters, no `$`), or returns `nil`.
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0 && letters < 3:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0 && digits < 7:
                guard digits > 0 || byte != UInt8(ascii: "0") else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        self.init(column: column, row: row)
    }

    /// The column's letters: `A` for 1, `Z` for 26, `AA` for 27, `XFD` for 16 384.
    public static func columnName(_ column: Int) -> String {
        var letters: [UInt8] = []
        var rest = column
        while rest > 0 {
            letters.append(UInt8(ascii: "A") + UInt8((rest - 1) % 26))
            rest = (rest - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The column's letters, such as `C`.
    public var columnName: String { Self.columnName(column) }

    /// The reference as Excel writes it, such as `C12`.
    public var description: String { "\(columnName)\(row)" }

    /// Whether `lhs` comes before `rhs` in reading order: by row, then by column.
    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

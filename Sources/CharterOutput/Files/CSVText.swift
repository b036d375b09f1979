import PolicyKit

/// CSV text as the tables write it: UTF-8 with a byte order mark (so spreadsheet programs read the
/// Chinese right), CRLF line ends, fields quoted only when they need it.
///
/// Rows are written whole with ``row(_:)``, or field by field with the `field` methods and
/// ``endRow()``, which build no array and no intermediate strings.
struct CSVText {
    /// The text so far.
    private(set) var bytes: [UInt8]
    /// Whether the next field is the first of its row.
    private var atRowStart = true

    /// Starts the text, with a byte order mark unless told otherwise.
    init(byteOrderMark: Bool = true) {
        bytes = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    }

    /// Starts a text (without a byte order mark) in `buffer`'s storage, emptied.
    init(reusing buffer: inout [UInt8]) {
        bytes = []
        swap(&bytes, &buffer)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends a row of fields.
    mutating func row(_ fields: [String]) {
        for field in fields { self.field(field) }
        endRow()
    }

    /// Appends one field of the current row, quoted when it holds a comma, a quote or a line end.
    mutating func field(_ text: String) {
        separate()
        // A native string lends its bytes; only another kind is copied first.
        if text.utf8.withContiguousStorageIfAvailable({ append(field: $0) }) == nil {
            var copy = text
            copy.withUTF8 { append(field: $0) }
        }
    }

    /// Appends one field of the current row from its UTF-8 bytes, quoted when it needs it.
    mutating func field(utf8 bytes: [UInt8]) {
        separate()
        bytes.withUnsafeBufferPointer { append(field: $0) }
    }

    private mutating func append(field utf8: UnsafeBufferPointer<UInt8>) {
        var needsQuotes = false
        for byte in utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a field holding a whole number.
    mutating func field(_ value: Int) {
        separate()
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// Appends a field holding an amount, written as the decision records write it (`64`, `26.5`).
    mutating func field(_ value: Amount) {
        separate()
        value.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends an empty field.
    mutating func emptyField() { separate() }

    /// Ends the current row.
    mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        atRowStart = true
    }

    private mutating func separate() {
        if atRowStart {
            atRowStart = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
    }

    /// Takes the text written so far, leaving the text empty.
    mutating func drain() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        atRowStart = true
        return taken
    }
}

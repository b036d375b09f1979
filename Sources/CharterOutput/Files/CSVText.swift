import CharterData
import CharterSupport
import PolicyKit

/// CSV text as the tables write it: UTF-8 with a byte order mark (so spreadsheet programs read the
/// Chinese right), CRLF line ends, fields quoted only when they need it.
///
/// Text from the data is never read as a formula (OWASP's "CSV injection"): a text field that
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written quoted with a `'` before
/// it, which Excel and LibreOffice show as text. That is every text field, even one that looks
/// like a negative number (`-1` from the data is data text); numbers the host writes go through
/// `field(_: Int)` and `field(_: Amount)` and stay numbers.
///
/// Rows are written whole with ``row(_:)``, or field by field with the `field` methods and
/// ``endRow()``, which build no array and no intermediate strings, into a ``ByteBuffer`` (a city's
/// `members.csv` is a million rows of a dozen fields).
struct CSVText: ~Copyable {
    private var output: ByteBuffer
    /// Whether the next field is the first of its row.
    private var atRowStart = true

    /// Starts the text, with a byte order mark unless told otherwise, with room for `capacity`
    /// bytes (it grows when it must).
    init(byteOrderMark: Bool = true, capacity: Int = 4096) {
        output = ByteBuffer(capacity: capacity)
        if byteOrderMark { output.append("\u{FEFF}") }
    }

    /// Appends the text written so far to `bytes`, and empties the text.
    mutating func move(appendingTo bytes: inout [UInt8]) {
        output.move(appendingTo: &bytes)
        atRowStart = true
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { output.append(bytes) }

    @inline(__always)
    private mutating func append(byte: UInt8) { output.append(byte: byte) }

    /// Appends a row of fields.
    mutating func row(_ fields: [String]) {
        for field in fields { self.field(field) }
        endRow()
    }

    /// Appends one text field of the current row, quoted when it holds a comma, a quote or a line
    /// end, and quoted behind a `'` when a spreadsheet would take it for a formula.
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
        CSVField.append(utf8, guardingFormulas: true, to: &output)
    }

    /// Appends a field holding a whole number.
    mutating func field(_ value: Int) {
        separate()
        output.append(decimal: value)
    }

    /// Appends a field holding an amount, written as the decision records write it (`64`, `26.5`).
    mutating func field(_ value: Amount) {
        separate()
        value.withUTF8 { append($0) }
    }

    /// Appends an empty field.
    mutating func emptyField() { separate() }

    /// Ends the current row.
    mutating func endRow() {
        output.append("\r\n")
        atRowStart = true
    }

    private mutating func separate() {
        if atRowStart {
            atRowStart = false
        } else {
            append(byte: UInt8(ascii: ","))
        }
    }
}

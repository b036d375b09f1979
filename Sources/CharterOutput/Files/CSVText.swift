import PolicyKit

/// CSV text as the tables write it: UTF-8 with a byte order mark (so spreadsheet programs read the
/// Chinese right), CRLF line ends, fields quoted only when they need it.
///
/// Rows are written whole with ``row(_:)``, or field by field with the `field` methods and
/// ``endRow()``, which build no array and no intermediate strings. The text lives in memory the
/// writer owns rather than in an array, whose uniqueness and capacity checks on every append cost
/// more than the appending (a city's `members.csv` is a million rows of a dozen fields).
struct CSVText: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Whether the next field is the first of its row.
    private var atRowStart = true

    /// Starts the text, with a byte order mark unless told otherwise, with room for `capacity`
    /// bytes (it grows when it must).
    init(byteOrderMark: Bool = true, capacity: Int = 4096) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
        if byteOrderMark {
            base[0] = 0xEF
            base[1] = 0xBB
            base[2] = 0xBF
            count = 3
        }
    }

    deinit { base.deallocate() }

    /// Appends the text written so far to `output`, and empties the text.
    mutating func move(appendingTo output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        count = 0
        atRowStart = true
    }

    /// Makes room for `length` more bytes and returns where they go.
    @inline(__always)
    private mutating func room(_ length: Int) -> UnsafeMutablePointer<UInt8> {
        if count + length > capacity { grow(count + length) }
        let at = base + count
        count += length
        return at
    }

    private mutating func grow(_ needed: Int) {
        let grown = max(capacity * 2, needed)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = grown
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        room(bytes.count).update(from: source, count: bytes.count)
    }

    @inline(__always)
    private mutating func append(byte: UInt8) { room(1).pointee = byte }

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
            append(utf8)
            return
        }
        append(byte: UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { append(byte: byte) }
            append(byte: byte)
        }
        append(byte: UInt8(ascii: "\""))
    }

    /// Appends a field holding a whole number.
    mutating func field(_ value: Int) {
        separate()
        if value >= 0 && value < 10 {
            append(byte: UInt8(ascii: "0") + UInt8(value))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var magnitude = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
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
        let end = room(2)
        end[0] = 0x0D
        end[1] = 0x0A
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

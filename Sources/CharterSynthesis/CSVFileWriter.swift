import CharterSupport
public import PolicyKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A CSV file written row by row through a large byte buffer, so a district of millions of rows
/// never exists as one `String` in memory.
///
/// Fields are written as bytes; text that needs quoting under RFC 4180 (a comma, a quote or a
/// line end) is quoted, with `""` for a quote. Rows end with LF.
public struct CSVFileWriter: ~Copyable {
    /// The file's path.
    public let path: String
    /// How many data rows (not counting the header) have been written.
    public private(set) var rows = 0
    private let descriptor: Int32
    private var buffer: ByteBuffer
    private let capacity: Int
    private var atRowStart = true

    /// Creates (or truncates) the file at `path` and writes its header row.
    public init(path: String, header: [String], capacity: Int = 1 << 20) throws(SynthesisError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SynthesisError(code: .cannotWrite, OutputError.lastFailure(path: path, creating: true))
        }
        self.path = path
        self.descriptor = descriptor
        self.capacity = capacity
        buffer = ByteBuffer(capacity: capacity + 4096)
        for name in header { field(name) }
        buffer.append(byte: 0x0A)
        atRowStart = true
    }

    deinit {
        close(descriptor)
    }

    /// Writes a text field, quoting it when it holds a comma, a quote or a line end.
    public mutating func field(_ text: String) {
        separator()
        CSVField.append(text, guardingFormulas: false, to: &buffer)
    }

    /// Writes a field of bytes already known to need no quoting (codes, ids, pre-encoded names).
    public mutating func field(bytes: [UInt8]) {
        separator()
        append(bytes)
    }

    /// Writes a field of bytes already known to need no quoting, followed by a decimal suffix, as
    /// ids such as `m0000042` are written: `prefix` then `number` zero-padded to `width` digits.
    public mutating func field(prefix: [UInt8], number: Int, width: Int) {
        separator()
        append(prefix)
        appendDigits(number, width: width)
    }

    /// Writes a field made of two byte runs, such as a surname and a given name.
    public mutating func field(bytes first: [UInt8], _ second: [UInt8], _ third: [UInt8] = []) {
        separator()
        append(first)
        append(second)
        append(third)
    }

    /// Writes a whole number.
    public mutating func field(_ number: Int) {
        separator()
        appendDigits(number, width: 1)
    }

    /// Writes an amount in tenths as `digits[.digit]`: 25 is written `2.5`, 30 is written `3`.
    public mutating func field(tenths: Int) {
        separator()
        appendDigits(tenths / 10, width: 1)
        if tenths % 10 != 0 {
            buffer.append(byte: 0x2E)
            buffer.append(byte: UInt8(0x30 + tenths % 10))
        }
    }

    /// Writes a date as `YYYY-MM-DD`.
    public mutating func field(_ date: CivilDate) {
        separator()
        appendDigits(date.year, width: 4)
        buffer.append(byte: 0x2D)
        appendDigits(date.month, width: 2)
        buffer.append(byte: 0x2D)
        appendDigits(date.day, width: 2)
    }

    /// Writes an optional date; absent is an empty field.
    public mutating func field(_ date: CivilDate?) {
        if let date { field(date) } else { empty() }
    }

    /// Writes `true` or `false`.
    public mutating func field(_ flag: Bool) {
        field(bytes: flag ? CSVFileWriter.trueBytes : CSVFileWriter.falseBytes)
    }

    /// Writes an empty field (the contract's "absent").
    public mutating func empty() {
        separator()
    }

    /// Ends the current row, flushing the buffer to the file when it is full.
    public mutating func endRow() throws(SynthesisError) {
        buffer.append(byte: 0x0A)
        atRowStart = true
        rows += 1
        if buffer.byteCount >= capacity { try flush() }
    }

    /// Writes what is buffered, then makes the file's bytes durable enough to be renamed into place.
    public mutating func finish() throws(SynthesisError) {
        try flush()
        guard fsync(descriptor) == 0 || errno == EINVAL else {
            throw SynthesisError(code: .cannotWrite, OutputError.lastFailure(path: path, creating: false))
        }
    }

    /// Appends bytes as they are.
    private mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer.append($0) }
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    @inline(__always)
    private mutating func separator() {
        if atRowStart {
            atRowStart = false
        } else {
            buffer.append(byte: 0x2C)
        }
    }

    private mutating func appendDigits(_ number: Int, width: Int) {
        var value = number
        if value < 0 {
            buffer.append(byte: 0x2D)
            value = -value
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
            )
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(0x30 + value % 10)
                value /= 10
                count += 1
            } while value > 0
            while count < width && count < 20 {
                raw[count] = 0x30
                count += 1
            }
            var index = count - 1
            while index >= 0 {
                buffer.append(byte: raw[index])
                index -= 1
            }
        }
    }

    private mutating func flush() throws(SynthesisError) {
        var failure: SynthesisError?
        buffer.withBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress?.advanced(by: offset), bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = SynthesisError(code: .cannotWrite, OutputError.lastFailure(path: path, creating: false))
                    return
                }
                offset += written
            }
        }
        buffer.removeAll()
        if let failure { throw failure }
    }
}

/// Bytes appended to memory the buffer owns, for the writers of large files.
///
/// An array checks its uniqueness and capacity on every append, and a decision record or a table
/// row is dozens of appends: those checks cost more than the copying. The buffer checks its room
/// once per append and grows by doubling. It is not copyable, so its memory has one owner.
public struct ByteBuffer: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int

    /// Creates an empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 256) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The number of bytes written.
    public var byteCount: Int { count }

    /// A copy of the bytes written.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Calls `body` with the bytes written, where they lie.
    public func withBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Empties the buffer, keeping its memory.
    public mutating func removeAll() { count = 0 }

    /// Appends the bytes written to `output`, and empties the buffer.
    public mutating func move(appendingTo output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    /// Makes room for `length` more bytes, counts them as written, and returns where they go.
    @inlinable @inline(__always)
    public mutating func room(_ length: Int) -> UnsafeMutablePointer<UInt8> {
        if count + length > capacity { grow(count + length) }
        let at = base + count
        count += length
        return at
    }

    @usableFromInline
    mutating func grow(_ needed: Int) {
        let grown = max(capacity * 2, needed)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = grown
    }

    /// Appends bytes as they are.
    @inlinable @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        room(bytes.count).initialize(from: source, count: bytes.count)
    }

    /// Appends a literal as it is.
    @inlinable @inline(__always)
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Appends one byte.
    @inlinable @inline(__always)
    public mutating func append(byte: UInt8) { room(1).initialize(to: byte) }

    /// Appends a whole number in decimal digits, with a `-` when negative.
    public mutating func append(decimal value: Int) {
        if value >= 0 && value < 10 {
            append(byte: UInt8(ascii: "0") + UInt8(value))
            return
        }
        // Digits from the right into a small buffer on the stack, then one append.
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
}

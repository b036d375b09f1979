public import PolicyKit

/// Appends compact JSON to a byte buffer, without building an intermediate value.
///
/// Decision records are written through this: a city run writes millions of them, so each is
/// encoded straight from the typed decision into the output bytes, in a ``ByteBuffer``.
public struct JSONWriter: ~Copyable {
    @usableFromInline var output: ByteBuffer

    /// Creates an empty writer with room for `capacity` bytes (it grows when it must).
    public init(capacity: Int = 256) {
        output = ByteBuffer(capacity: capacity)
    }

    /// A copy of the bytes written so far.
    public var bytes: [UInt8] { output.bytes }

    /// Appends the bytes written so far to `output`, and empties the writer.
    @inlinable
    public mutating func move(appendingTo bytes: inout [UInt8]) {
        output.move(appendingTo: &bytes)
    }

    @inlinable @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { output.append(bytes) }

    /// How many bytes have been written.
    public var byteCount: Int { output.byteCount }

    /// Appends bytes already encoded (a piece of JSON written before), as they are.
    @inlinable
    public mutating func raw(encoded bytes: UnsafeBufferPointer<UInt8>) { output.append(bytes) }

    /// Appends to `copy` the bytes written since the writer held `start` of them.
    public func copyBytes(since start: Int, to copy: inout [UInt8]) {
        output.withBytes { written in
            copy.append(contentsOf: written[start..<written.count])
        }
    }

    /// Appends bytes as they are.
    @inlinable
    public mutating func raw(_ text: StaticString) { output.append(text) }

    /// Appends one byte.
    @inlinable
    public mutating func byte(_ value: UInt8) { output.append(byte: value) }

    /// Appends `"key":`.
    @inlinable
    public mutating func key(_ key: StaticString) {
        byte(UInt8(ascii: "\""))
        output.append(key)
        output.append("\":")
    }

    /// Appends a string literal, escaped; non-ASCII text is written as UTF-8.
    @inlinable
    public mutating func string(_ text: String) {
        byte(UInt8(ascii: "\""))
        escaped(text)
        byte(UInt8(ascii: "\""))
    }

    /// Appends a JSON string made of `prefix` (which needs no escaping) and `text`, escaped.
    @inlinable
    public mutating func string(prefix: StaticString, _ text: String) {
        byte(UInt8(ascii: "\""))
        output.append(prefix)
        escaped(text)
        byte(UInt8(ascii: "\""))
    }

    /// Appends the text, escaped as JSON wants it, without the quotes.
    @inlinable
    mutating func escaped(_ text: String) {
        // A native string lends its bytes; only another kind is copied first.
        if text.utf8.withContiguousStorageIfAvailable({ escaped(utf8: $0) }) == nil {
            var copy = text
            copy.withUTF8 { escaped(utf8: $0) }
        }
    }

    @inlinable
    mutating func escaped(utf8: UnsafeBufferPointer<UInt8>) {
        guard let source = utf8.baseAddress else { return }
        let length = utf8.count
        // Most text needs no escaping: check it a word at a time, the last word overlapping the
        // one before it, and copy it whole.
        if length >= 8 {
            var offset = 0
            while offset + 8 < length,
                !JSONWriter.needsEscaping(UnsafeRawPointer(source + offset).loadUnaligned(as: UInt64.self))
            {
                offset += 8
            }
            if offset + 8 >= length,
                !JSONWriter.needsEscaping(UnsafeRawPointer(source + length - 8).loadUnaligned(as: UInt64.self))
            {
                append(utf8)
                return
            }
        }
        var start = 0
        var index = 0
        // Eight bytes at a time while none of them needs escaping (most text never does).
        while index < length {
            if index + 8 <= length,
                !JSONWriter.needsEscaping(UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = source[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                append(UnsafeBufferPointer(start: source + start, count: index - start))
                escape(byte)
                start = index + 1
            }
            index += 1
        }
        append(UnsafeBufferPointer(start: source + start, count: length - start))
    }

    /// Whether any of the eight bytes is a control character, a quote or a backslash.
    @inlinable @inline(__always)
    static func needsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    @inlinable
    mutating func escape(_ value: UInt8) {
        byte(UInt8(ascii: "\\"))
        switch value {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte(value)
        case 0x0A: byte(UInt8(ascii: "n"))
        case 0x0D: byte(UInt8(ascii: "r"))
        case 0x09: byte(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            raw("u00")
            hex.withUTF8Buffer { digits in
                byte(digits[Int(value >> 4)])
                byte(digits[Int(value & 0xF)])
            }
        }
    }

    /// Appends a whole number.
    @inlinable
    public mutating func integer(_ value: Int) { output.append(decimal: value) }

    /// Appends an exact decimal: an integer when whole, else its significant decimals.
    @inlinable
    public mutating func amount(_ value: Amount) {
        value.withUTF8 { append($0) }
    }

    /// Appends a half-year as a JSON string, as `HalfYear.description` writes it (`"2026H1"`).
    @inlinable
    public mutating func halfYear(_ period: HalfYear) {
        byte(UInt8(ascii: "\""))
        integer(period.year)
        byte(UInt8(ascii: "H"))
        byte(period.isSecondHalf ? UInt8(ascii: "2") : UInt8(ascii: "1"))
        byte(UInt8(ascii: "\""))
    }

    /// Appends `true` or `false`.
    @inlinable
    public mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// Appends an array of strings.
    @inlinable
    public mutating func strings(_ values: [String]) {
        byte(UInt8(ascii: "["))
        for index in values.indices {
            if index > 0 { byte(UInt8(ascii: ",")) }
            string(values[index])
        }
        byte(UInt8(ascii: "]"))
    }

    /// Appends a JSON value.
    @inlinable
    public mutating func value(_ value: JSONValue) {
        var text: [UInt8] = []
        value.write(to: &text)
        text.withUnsafeBufferPointer { append($0) }
    }

    /// Appends the ids of the rules that fired, as an array of strings.
    @inlinable
    public mutating func rules(_ rules: [Rule]) {
        byte(UInt8(ascii: "["))
        for index in rules.indices {
            if index > 0 { byte(UInt8(ascii: ",")) }
            string(rules[index].id)
        }
        byte(UInt8(ascii: "]"))
    }

    /// Appends a reason in `language` as a JSON string, rendered from its template and the values
    /// of its slots straight into the output.
    @inlinable
    public mutating func reason(_ reason: Reason, in language: Language) {
        byte(UInt8(ascii: "\""))
        reasonText(reason, language)
        byte(UInt8(ascii: "\""))
    }

    @inlinable
    mutating func reasonText(_ reason: Reason, _ language: Language) {
        guard let template = reason.template else {
            escaped(reason.text(in: language))
            return
        }
        let arguments = reason.arguments
        for segment in template.segments(in: language) {
            escaped(segment.literal)
            if let slot = segment.slot, slot < arguments.count { argument(arguments[slot], language) }
        }
    }

    @inlinable
    mutating func argument(_ argument: ReasonArgument, _ language: Language) {
        switch argument {
        case .date(let date):
            if language == .chinese { date.withChineseUTF8 { append($0) } } else { date.withUTF8 { append($0) } }
        case .halfYear(let half):
            integer(half.year)
            if language == .chinese {
                if half.isSecondHalf { raw("年下半年") } else { raw("年上半年") }
            } else {
                raw(half.isSecondHalf ? "H2" : "H1")
            }
        case .count(let number): integer(number)
        case .amount(let amount): self.amount(amount)
        case .member(let text), .place(let text), .text(let text): escaped(text)
        case .term(let term): escaped(language == .chinese ? term.chinese : term.english)
        case .phrase(let reason): reasonText(reason, language)
        case .phrases(let reasons, let separator):
            for index in reasons.indices {
                if index > 0 { escaped(language == .chinese ? separator.chinese : separator.english) }
                reasonText(reasons[index], language)
            }
        }
    }
}

/// One field of a CSV record: where its text lies in the input buffer, without its quotes.
struct CSVField {
    /// The first byte of the text.
    var start: Int
    /// One past the last byte of the text.
    var end: Int
    /// Whether the text holds doubled quotes (`""`) to be read as one.
    var hasDoubledQuotes: Bool
}

/// Something wrong with the syntax of a CSV record.
enum CSVSyntaxIssue: Equatable {
    /// A quote stands inside a field that does not start with one.
    case quoteInUnquotedField
    /// Something other than a comma or the line end follows a closing quote.
    case textAfterClosingQuote
    /// A quoted field runs to the end of the file.
    case unterminatedQuote
    /// A byte is not part of well-formed UTF-8.
    case invalidUTF8(byte: UInt8)
}

/// Splits RFC 4180 CSV into records, straight from the input's bytes.
///
/// A record is a list of ``CSVField`` spans into the input buffer, valid until the next call to
/// ``next()``. Nothing is copied and no `String` is made here: the fields a reader needs are
/// decoded from their bytes later. Empty lines (no characters at all) are skipped; a quoted field
/// may span lines, and the record keeps the physical line it starts on.
struct CSVTokenizer {
    let input: ByteInput
    /// Room for the fields of a record, grown as needed; an array's append was a third of the
    /// tokenizer's time.
    private let storage = FieldStorage()
    private var fieldCount = 0
    /// The record's fields, valid until the next call to ``next()``.
    var fields: UnsafeBufferPointer<CSVField> {
        UnsafeBufferPointer(start: storage.base, count: fieldCount)
    }
    /// The physical line the current record starts on (1-based).
    private(set) var line = 0
    /// The first syntax problem of the current record, and the field it is in.
    private(set) var issue: (kind: CSVSyntaxIssue, field: Int)?
    /// Offset of the first byte of the current record in the buffer.
    private(set) var recordStart = 0
    /// Offset one past the current record, terminator included.
    private(set) var recordEnd = 0
    /// Where the record's UTF-8 check starts: its first byte, or past what the plain-record
    /// reader checked already.
    private var checkUTF8From = 0
    private var nextLine = 1
    private var position = 0
    private var startedFile = false

    init(input: ByteInput) {
        self.input = input
    }

    private enum Outcome {
        case record(end: Int, newlines: Int)
        case emptyLine(length: Int)
        case needMore
        case endOfInput
    }

    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2C
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    /// The high bit of each byte of `word` (little-endian) that ends or breaks a field.
    ///
    /// Those are a comma, a line feed, a carriage return and a quote. Bits above the first one found may be wrong (a borrow runs on),
    /// but the lowest set bit is always exact, and that is the one used.
    @inline(__always)
    static func specialByteMask(_ word: UInt64) -> UInt64 {
        @inline(__always) func equal(_ byte: UInt64) -> UInt64 {
            let bits = word ^ (byte &* 0x0101_0101_0101_0101)
            return (bits &- 0x0101_0101_0101_0101) & ~bits & 0x8080_8080_8080_8080
        }
        return equal(0x2C) | equal(0x0A) | equal(0x0D) | equal(0x22)
    }

    /// Bit n is set when byte n ends or breaks an unquoted field.
    private static let specialBytes: UInt64 = 1 << 0x0A | 1 << 0x0D | 1 << 0x22 | 1 << 0x2C

    /// Moves to the next record; returns `false` at the end of the input.
    mutating func next() -> Bool {
        if !startedFile {
            startedFile = true
            skipByteOrderMark()
        }
        while true {
            switch parse(from: position) {
            case .record(let end, let newlines):
                recordStart = position
                recordEnd = end
                line = nextLine
                nextLine += newlines
                position = end
                checkUTF8()
                return true
            case .emptyLine(let length):
                position += length
                nextLine += 1
            case .needMore:
                let keep = position
                input.refill(keepingFrom: keep)
                position = 0
            case .endOfInput:
                return false
            }
        }
    }

    private mutating func skipByteOrderMark() {
        while input.end < 3 && input.refill(keepingFrom: 0) {}
        let buffer = input.buffer
        if input.end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }

    /// Notes the first byte of the record that is not UTF-8, in the field that holds it.
    private mutating func checkUTF8() {
        guard checkUTF8From < recordEnd,
            let bad = UTF8Validation.firstInvalidByte(
                UnsafePointer(input.buffer), from: max(checkUTF8From, recordStart), to: recordEnd)
        else { return }
        let fields = self.fields
        var field = max(fields.count - 1, 0)
        for (index, span) in fields.enumerated() where bad < span.end {
            field = index
            break
        }
        if issue == nil { issue = (.invalidUTF8(byte: input.buffer[bad]), field) }
    }

    private mutating func note(_ kind: CSVSyntaxIssue) {
        if issue == nil { issue = (kind, fieldCount) }
    }

    private mutating func parse(from start: Int) -> Outcome {
        let buffer = input.buffer
        let end = input.end
        let eof = input.atEndOfFile
        fieldCount = 0
        issue = nil
        var p = start
        if p == end { return eof ? .endOfInput : .needMore }
        if buffer[p] == Self.lineFeed { return .emptyLine(length: 1) }
        if buffer[p] == Self.carriageReturn {
            if p + 1 == end { return eof ? .emptyLine(length: 1) : .needMore }
            if buffer[p + 1] == Self.lineFeed { return .emptyLine(length: 2) }
        }
        if let outcome = parsePlainRecord(buffer, from: start, end: end) { return outcome }
        fieldCount = 0
        checkUTF8From = start
        var newlines = 0
        while true {
            let fieldStart = p
            if p < end && buffer[p] == Self.quote {
                p += 1
                var doubled = false
                quoted: while true {
                    while p < end {
                        let byte = buffer[p]
                        if byte == Self.quote { break }
                        if byte == Self.lineFeed { newlines += 1 }
                        p += 1
                    }
                    if p == end {
                        guard eof else { return .needMore }
                        note(.unterminatedQuote)
                        append(fieldStart + 1, end, doubled)
                        return .record(end: end, newlines: newlines)
                    }
                    // buffer[p] is a quote: doubled, or closing.
                    if p + 1 == end {
                        guard eof else { return .needMore }
                        append(fieldStart + 1, p, doubled)
                        return .record(end: end, newlines: newlines)
                    }
                    let after = buffer[p + 1]
                    if after == Self.quote {
                        doubled = true
                        p += 2
                        continue
                    }
                    let contentEnd = p
                    p += 1
                    if after == Self.comma {
                        append(fieldStart + 1, contentEnd, doubled)
                        p += 1
                        break quoted
                    }
                    if after == Self.lineFeed {
                        append(fieldStart + 1, contentEnd, doubled)
                        return .record(end: p + 1, newlines: newlines + 1)
                    }
                    if after == Self.carriageReturn {
                        if p + 1 == end {
                            guard eof else { return .needMore }
                            append(fieldStart + 1, contentEnd, doubled)
                            return .record(end: end, newlines: newlines)
                        }
                        if buffer[p + 1] == Self.lineFeed {
                            append(fieldStart + 1, contentEnd, doubled)
                            return .record(end: p + 2, newlines: newlines + 1)
                        }
                    }
                    // Text after the closing quote: an error. Read on to the field's end as if
                    // unquoted so the records after it are still read, and keep the raw text.
                    note(.textAfterClosingQuote)
                    switch scanUnquoted(buffer, from: p, end: end, eof: eof) {
                    case .needMore:
                        return .needMore
                    case .fieldEnd(let fieldEnd, let next, let endsRecord, let lines):
                        append(fieldStart, fieldEnd, false)
                        if endsRecord { return .record(end: next, newlines: newlines + lines) }
                        p = next
                    }
                    break quoted
                }
                continue
            }
            switch scanUnquoted(buffer, from: p, end: end, eof: eof) {
            case .needMore:
                return .needMore
            case .fieldEnd(let fieldEnd, let next, let endsRecord, let lines):
                append(fieldStart, fieldEnd, false)
                if endsRecord { return .record(end: next, newlines: newlines + lines) }
                p = next
            }
        }
    }

    /// Reads a record that ends in a line feed alone, the common case, eight bytes at a time.
    ///
    /// The record must hold no other line break, carriage return or stray quote. Commas, quotes and the line feed are
    /// found from one mask a word, and runs of non-ASCII bytes are checked as UTF-8 on the way, so
    /// the record is not read twice. A quoted field (with doubled quotes or commas inside) stays
    /// on this path as long as it holds no line break and its closing quote is followed by a comma
    /// or the line feed.
    ///
    /// Returns `nil`, having changed nothing that the general reader relies on, when the record
    /// is not of that shape, or is not whole in the bytes read so far.
    @inline(__always)
    private mutating func parsePlainRecord(
        _ buffer: UnsafeMutablePointer<UInt8>, from start: Int, end: Int
    ) -> Outcome? {
        let raw = UnsafeRawPointer(buffer)
        var p = start
        var fieldStart = start
        // Inside a quoted field: where its text starts (past the opening quote), else -1.
        var quotedFrom = -1
        var doubled = false
        // Bytes before `checked` are known to be well-formed UTF-8; `invalid` is the first byte
        // found that is not.
        var checked = start
        var invalid = -1
        // The fields go straight to their storage, counted here and noted in `fieldCount` once the
        // record is read: kept in registers, not reloaded after each store.
        var fields = storage.base
        var capacity = storage.capacity
        var count = 0
        @inline(__always) func add(_ start: Int, _ end: Int, _ doubled: Bool) {
            if count == capacity {
                storage.grow()
                fields = storage.base
                capacity = storage.capacity
            }
            fields[count] = CSVField(start: start, end: end, hasDoubledQuotes: doubled)
            count &+= 1
        }
        words: while p + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            // The word's non-ASCII bytes not checked yet, from the first, in one call.
            var high = word & 0x8080_8080_8080_8080
            if high != 0 && invalid < 0 && checked < p &+ 8 {
                if checked > p { high &= UInt64.max << UInt64((checked &- p) &* 8) }
                if high != 0 {
                    let first = p &+ high.trailingZeroBitCount &>> 3
                    switch UTF8Validation.check(UnsafePointer(buffer), from: first, through: p &+ 8, end: end) {
                    case .valid(let next): checked = next
                    case .invalid(let at): invalid = at
                    case .needMore: return nil
                    }
                }
            }
            var special = Self.asciiBelowHyphen(word)
            if special == 0 {
                p &+= 8
                continue
            }
            if quotedFrom < 0 {
                // Most words hold commas and nothing else below `-`: no byte needs a look.
                let commas = Self.bytesEqual(word, Self.comma)
                if special == commas {
                    // (Offsets are within the buffer: no overflow.)
                    repeat {
                        let at = p &+ special.trailingZeroBitCount &>> 3
                        special &= special &- 1
                        add(fieldStart, at, false)
                        fieldStart = at &+ 1
                    } while special != 0
                    p &+= 8
                    continue
                }
            }
            while special != 0 {
                let at = p + special.trailingZeroBitCount >> 3
                special &= special &- 1
                let byte = buffer[at]
                if quotedFrom >= 0 {
                    if byte == Self.quote {
                        // Doubled, or closing.
                        guard at + 1 < end else { return nil }
                        let after = buffer[at + 1]
                        if after == Self.quote {
                            doubled = true
                        } else if after == Self.comma {
                            add(quotedFrom, at, doubled)
                            quotedFrom = -1
                            fieldStart = at + 2
                        } else if after == Self.lineFeed {
                            add(quotedFrom, at, doubled)
                            fieldCount = count
                            checkUTF8From = invalid >= 0 && invalid < at ? invalid : at
                            return .record(end: at + 2, newlines: 1)
                        } else {
                            return nil
                        }
                        // Read on past the byte after the quote, which this word may hold.
                        p = at + 2
                        continue words
                    }
                    if byte == Self.lineFeed || byte == Self.carriageReturn { return nil }
                } else if byte == Self.comma {
                    add(fieldStart, at, false)
                    fieldStart = at + 1
                } else if byte == Self.lineFeed {
                    add(fieldStart, at, false)
                    fieldCount = count
                    checkUTF8From = invalid >= 0 && invalid < at ? invalid : at
                    return .record(end: at + 1, newlines: 1)
                } else if byte == Self.quote {
                    guard at == fieldStart else { return nil }
                    quotedFrom = at + 1
                    doubled = false
                    p = at + 1
                    continue words
                } else if byte == Self.carriageReturn {
                    return nil
                }
            }
            p += 8
        }
        return nil
    }

    /// The high bit of each byte of `word` equal to `byte`, exact for every byte.
    @inline(__always)
    static func bytesEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let bits = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((bits & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | bits) & 0x8080_8080_8080_8080
    }

    /// The high bit of each ASCII byte of `word` below `-` (0x2D): the candidates for a comma,
    /// quote, line feed or carriage return, exact for every byte (no borrow between bytes).
    @inline(__always)
    static func asciiBelowHyphen(_ word: UInt64) -> UInt64 {
        let sum = (word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5353_5353_5353_5353
        return ~(sum | word) & 0x8080_8080_8080_8080
    }

    @inline(__always)
    private mutating func append(_ start: Int, _ end: Int, _ doubled: Bool) {
        if fieldCount == storage.capacity { storage.grow() }
        storage.base[fieldCount] = CSVField(start: start, end: end, hasDoubledQuotes: doubled)
        fieldCount += 1
    }

    private enum Scan {
        case needMore
        /// The field's text ends at `end`; the next field (or record) starts at `next`.
        case fieldEnd(end: Int, next: Int, endsRecord: Bool, newlines: Int)
    }

    /// Scans an unquoted field (or what follows a stray closing quote) to the next comma or line end.
    ///
    /// A quote on the way is an error but is kept as text.
    @inline(__always)
    private mutating func scanUnquoted(
        _ buffer: UnsafeMutablePointer<UInt8>, from start: Int, end: Int, eof: Bool
    ) -> Scan {
        var p = start
        while true {
            // Eight bytes at a time while none of them ends or breaks the field, then byte by byte.
            let raw = UnsafeRawPointer(buffer)
            while p + 8 <= end {
                let mask = Self.specialByteMask(raw.loadUnaligned(fromByteOffset: p, as: UInt64.self))
                if mask != 0 {
                    p += mask.trailingZeroBitCount >> 3
                    break
                }
                p += 8
            }
            // The four bytes that end or break a field are all below 0x2D, so most bytes take one
            // comparison.
            while p < end {
                let byte = buffer[p]
                if byte <= Self.comma && (Self.specialBytes >> UInt64(byte)) & 1 != 0 { break }
                p += 1
            }
            if p == end {
                guard eof else { return .needMore }
                return .fieldEnd(end: end, next: end, endsRecord: true, newlines: 0)
            }
            switch buffer[p] {
            case Self.comma:
                return .fieldEnd(end: p, next: p + 1, endsRecord: false, newlines: 0)
            case Self.lineFeed:
                return .fieldEnd(end: p, next: p + 1, endsRecord: true, newlines: 1)
            case Self.carriageReturn:
                if p + 1 == end {
                    guard eof else { return .needMore }
                    return .fieldEnd(end: p, next: end, endsRecord: true, newlines: 0)
                }
                if buffer[p + 1] == Self.lineFeed {
                    return .fieldEnd(end: p, next: p + 2, endsRecord: true, newlines: 1)
                }
                p += 1
            default:
                note(.quoteInUnquotedField)
                p += 1
            }
        }
    }
}

/// The memory that holds a record's fields: a plain buffer, freed with its owner.
final class FieldStorage {
    private(set) var base: UnsafeMutablePointer<CSVField>
    private(set) var capacity: Int

    init() {
        capacity = 64
        base = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity)
    }

    /// Doubles the room, keeping the fields.
    func grow() {
        let grown = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: base, count: capacity)
        base.deallocate()
        base = grown
        capacity *= 2
    }

    deinit { base.deallocate() }
}

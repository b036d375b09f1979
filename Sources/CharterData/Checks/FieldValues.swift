import PolicyKit

/// The data contract's scalar types read straight from a field's UTF-8 bytes, with no `String`
/// made on the way.
enum FieldValues {
    /// Reads a base-10 integer, or returns `nil` when malformed or out of range.
    ///
    /// The form is an optional `+` or `-`, then one or more ASCII digits, and nothing else: no
    /// spaces, separators, decimal point or exponent.
    @inline(__always)
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == 0x2B || first == 0x2D {
            negative = first == 0x2D
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = Int(bytes[index]) &- 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) =
                negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// Reads a bool: `true`/`false`, `yes`/`no` in any letter case, `1`/`0`, `是`/`否`.
    @inline(__always)
    static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let base = bytes.baseAddress else { return nil }
        // Each word read with every byte's 0x20 bit set: equal to a lower-case word exactly when
        // the bytes spell it in any letter case.
        let raw = UnsafeRawPointer(base)
        switch bytes.count {
        case 1:
            if base[0] == 0x31 { return true }
            if base[0] == 0x30 { return false }
            return nil
        case 2:
            return UInt16(base[0]) | UInt16(base[1]) << 8 | 0x2020 == 0x6F6E ? false : nil  // no
        case 3:
            let word = UInt32(base[0]) | UInt32(base[1]) << 8 | UInt32(base[2]) << 16
            if word | 0x20_2020 == 0x73_6579 { return true }  // yes
            if word == 0xAF_98E6 { return true }  // 是
            if word == 0xA6_90E5 { return false }  // 否
            return nil
        case 4:
            return raw.loadUnaligned(as: UInt32.self) | 0x2020_2020 == 0x6575_7274 ? true : nil  // true
        case 5:
            // false
            return raw.loadUnaligned(as: UInt32.self) | 0x2020_2020 == 0x736C_6166 && base[4] | 0x20 == 0x65
                ? false : nil
        default:
            return nil
        }
    }

    /// Reads a date written `YYYY-MM-DD`, as `CivilDate(utf8:)` does, the ten bytes checked
    /// as two words rather than one by one.
    @inline(__always)
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard bytes.count == 10, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        // `YYYY-MM-` and `DD`, little-endian: byte n of the text is byte n of the word.
        let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let tail = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        guard head & 0xFF00_00FF_0000_0000 == 0x2D00_002D_0000_0000 else { return nil }
        // Each digit's value, the dashes made 0; a byte is a digit exactly when its value is
        // below 0x80 and adding 0x76 to it leaves it below 0x80.
        let digits = (head ^ 0x3030_3030_3030_3030) & 0x00FF_FF00_FFFF_FFFF
        let days = tail ^ 0x3030
        guard (digits | (digits &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080 == 0,
            (days | (days &+ 0x7676)) & 0x8080 == 0
        else { return nil }
        @inline(__always) func digit(_ index: Int) -> Int { Int(truncatingIfNeeded: digits >> (8 * index)) & 0xFF }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6)
        let day = Int(days & 0xFF) * 10 + Int(days >> 8)
        return CivilDate(year: year, month: month, day: day)
    }

    /// Reads an amount written `digits[.digits]`: no sign, exponent or separator.
    @inline(__always)
    static func amount(_ bytes: UnsafeBufferPointer<UInt8>) -> Amount? {
        guard let first = bytes.first, first >= 0x30, first <= 0x39 else { return nil }
        // Most amounts are a few whole digits: read those in 64-bit arithmetic.
        if bytes.count <= 18 {
            var whole: Int64 = 0
            var index = 0
            while index < bytes.count, bytes[index] &- 0x30 < 10 {
                whole = whole &* 10 &+ Int64(bytes[index] &- 0x30)
                index += 1
            }
            if index == bytes.count { return Amount(scaled: Int128(whole) * Amount.scale) }
        }
        return Amount(utf8: bytes)
    }

    /// Reads one of an enumeration's codes, compared byte for byte.
    @inline(__always)
    static func code<Code: DomainCode>(_ bytes: UnsafeBufferPointer<UInt8>, _ table: CodeTable<Code>) -> Code? {
        table.lookUp(bytes)
    }
}

/// An enumeration's codes as bytes, to recognise a field's code without making a `String`.
struct CodeTable<Code: DomainCode>: Sendable {
    /// A code's bytes as its length and two words that together hold every one of them (see
    /// ``key(_:)``); codes longer than 16 bytes are compared byte for byte.
    struct Key: Equatable {
        var count: Int
        var head: UInt64
        var tail: UInt64
    }

    private let keys: [Key]
    private let codes: [Code]
    private let bytes: [[UInt8]]

    init() {
        codes = Array(Code.allCases)
        bytes = codes.map { Array($0.rawValue.utf8) }
        keys = bytes.map { code in code.withUnsafeBufferPointer { Self.key($0) } }
    }

    /// The key of up to 16 bytes.
    ///
    /// It holds the first and last eight of eight or more (overlapping when fewer than 16), the first and last four of four to seven, the first, middle and last byte
    /// of fewer. Two texts of the same length are the same exactly when their keys are.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return Key(count: count, head: 0, tail: 0) }
        let raw = UnsafeRawPointer(base)
        if count >= 8 {
            guard count <= 16 else { return Key(count: count, head: 0, tail: 0) }
            return Key(
                count: count, head: raw.loadUnaligned(as: UInt64.self),
                tail: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        }
        if count >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return Key(count: count, head: low | high << 32, tail: 0)
        }
        let head = UInt64(base[0]) | UInt64(base[count >> 1]) << 8 | UInt64(base[count - 1]) << 16
        return Key(count: count, head: head, tail: 0)
    }

    @inline(__always)
    func lookUp(_ bytes: UnsafeBufferPointer<UInt8>) -> Code? {
        let wanted = Self.key(bytes)
        return keys.withUnsafeBufferPointer { keys in
            for index in 0..<keys.count where keys[index] == wanted {
                if wanted.count <= 16 { return codes[index] }
                let same = self.bytes[index].withUnsafeBufferPointer { candidate in
                    for offset in 0..<bytes.count where candidate[offset] != bytes[offset] { return false }
                    return true
                }
                if same { return codes[index] }
            }
            return nil
        }
    }
}

/// The code tables of the data contract's enumerations, made once.
enum CodeTables {
    static let stage = CodeTable<Stage>()
    static let status = CodeTable<MembershipStatus>()
    static let relation = CodeTable<Relation>()
    static let employment = CodeTable<Employment>()
    static let education = CodeTable<Education>()
    static let unitKind = CodeTable<UnitKind>()
    static let postBody = CodeTable<PostBody>()
    static let postTitle = CodeTable<PostTitle>()
    static let eventKind = CodeTable<LedgerEventKind>()
    static let bodyKind = CodeTable<GovernanceBodyKind>()
    static let meetingKind = CodeTable<MeetingKind>()
    static let distributionKind = CodeTable<DistributionKind>()
}

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
        switch bytes.count {
        case 1:
            if bytes[0] == 0x31 { return true }
            if bytes[0] == 0x30 { return false }
            return nil
        case 2:
            return matches(bytes, "no") ? false : nil
        case 3:
            if matches(bytes, "yes") { return true }
            if bytes[0] == 0xE6, bytes[1] == 0x98, bytes[2] == 0xAF { return true }  // 是
            if bytes[0] == 0xE5, bytes[1] == 0x90, bytes[2] == 0xA6 { return false }  // 否
            return nil
        case 4:
            return matches(bytes, "true") ? true : nil
        case 5:
            return matches(bytes, "false") ? false : nil
        default:
            return nil
        }
    }

    /// Whether `bytes` spell `word` (lower-case ASCII) in any letter case.
    @inline(__always)
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for index in 0..<bytes.count where bytes[index] | 0x20 != letters[index] { return false }
        return true
    }

    /// Reads an amount written `digits[.digits]`: no sign, exponent or separator.
    @inline(__always)
    static func amount(_ bytes: UnsafeBufferPointer<UInt8>) -> Amount? {
        guard let first = bytes.first, first >= 0x30, first <= 0x39 else { return nil }
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
    private let entries: [(bytes: [UInt8], code: Code)]

    init() {
        entries = Code.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    @inline(__always)
    func lookUp(_ bytes: UnsafeBufferPointer<UInt8>) -> Code? {
        for entry in entries where entry.bytes.count == bytes.count {
            let same = entry.bytes.withUnsafeBufferPointer { candidate in
                for index in 0..<bytes.count where candidate[index] != bytes[index] { return false }
                return true
            }
            if same { return entry.code }
        }
        return nil
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

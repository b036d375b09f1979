/// An exact decimal quantity: hours of volunteer service, points, a candidate's score.
///
/// Ledger amounts are written in decimal (`2.5` hours), and the rules add, scale and compare them.
/// Binary floating point would turn `0.1 + 0.2` into `0.30000000000000004` and make a total differ
/// from the one a district office adds by hand, so an amount is kept as a whole number of
/// trillionths instead. Twelve decimal places are kept; a dataset amount with more is rounded
/// half away from zero at the twelfth.
public struct Amount: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The value in units of 10⁻¹².
    public let scaled: Int128

    /// How many units of `scaled` make one.
    public static let scale: Int128 = 1_000_000_000_000

    /// Creates an amount from its value in units of 10⁻¹².
    @inlinable
    public init(scaled: Int128) { self.scaled = scaled }

    /// Creates an amount equal to a whole number.
    @inlinable
    public init(_ whole: Int) { scaled = Int128(whole) * Amount.scale }

    /// Zero.
    public static let zero = Amount(scaled: 0)

    /// Reads `digits[.digits]` (an optional leading `-` too), or returns `nil`.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let value = bytes.withUnsafeBufferPointer({ Amount(utf8: $0) }) else { return nil }
        self = value
    }

    /// Reads `digits[.digits]` from UTF-8 bytes (an optional leading `-` too), or returns `nil`
    /// when the text is not of that form or the value is beyond ±10²⁴.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == 0x2D {
            negative = true
            index += 1
        }
        var whole: Int128 = 0
        var wholeDigits = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            whole = whole * 10 + Int128(bytes[index] - 0x30)
            wholeDigits += 1
            guard whole < 1_000_000_000_000_000_000_000_000 else { return nil }
            index += 1
        }
        guard wholeDigits > 0 else { return nil }
        var fraction: Int128 = 0
        var unit = Amount.scale
        var roundUp = false
        if index < bytes.count {
            guard bytes[index] == 0x2E else { return nil }
            index += 1
            var fractionDigits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                let digit = Int128(bytes[index] - 0x30)
                if unit > 1 {
                    unit /= 10
                    fraction += digit * unit
                } else if fractionDigits == 12 {
                    roundUp = digit >= 5
                }
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0, index == bytes.count else { return nil }
        }
        let magnitude = whole * Amount.scale + fraction + (roundUp ? 1 : 0)
        scaled = negative ? -magnitude : magnitude
    }

    /// Whether the amount is a whole number.
    public var isWhole: Bool { scaled % Amount.scale == 0 }

    /// The amount written as the decision records write numbers: digits, and a decimal point
    /// followed by the significant decimals only when it is not whole (`24`, `26.5`).
    public var description: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

    /// The amount's text, as ``description`` has it, lent as UTF-8 bytes for the time of `body`
    /// without building a `String` (writers put millions of amounts into their files).
    ///
    /// Inlinable, so that each caller gets it specialized: a generic call across the library
    /// boundary passes its result through the runtime, which cost more than the formatting.
    @inlinable
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        // A sign, at most 27 whole digits (Int128.max / 10¹²), a point and 12 decimals.
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var end = buffer.count
            func digit(_ value: some BinaryInteger) {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value)
            }
            // Nearly every amount fits 64 bits: split it without 128-bit division.
            let magnitude = scaled.magnitude
            let fraction64: UInt64
            let whole: UInt128
            if let small = UInt64(exactly: magnitude) {
                fraction64 = small % 1_000_000_000_000
                whole = UInt128(small / 1_000_000_000_000)
            } else {
                let unit = UInt128(Amount.scale)
                fraction64 = UInt64(truncatingIfNeeded: magnitude % unit)
                whole = magnitude / unit
            }
            var fraction = fraction64
            if fraction != 0 {
                var decimals = 12
                while fraction % 10 == 0 {
                    fraction /= 10
                    decimals -= 1
                }
                for _ in 0..<decimals {
                    digit(fraction % 10)
                    fraction /= 10
                }
                end -= 1
                buffer[end] = UInt8(ascii: ".")
            }
            // The whole part in 64-bit arithmetic when it fits, as nearly every amount's does.
            if let small = UInt64(exactly: whole) {
                var rest = small
                repeat {
                    digit(rest % 10)
                    rest /= 10
                } while rest > 0
            } else {
                var rest = whole
                repeat {
                    digit(rest % 10)
                    rest /= 10
                } while rest > 0
            }
            if scaled < 0 {
                end -= 1
                buffer[end] = UInt8(ascii: "-")
            }
            return try body(UnsafeBufferPointer(rebasing: buffer[end...]))
        }
    }

    /// Whether `lhs` is less than `rhs`.
    @inlinable
    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.scaled < rhs.scaled }

    /// The sum of two amounts.
    @inlinable
    public static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(scaled: lhs.scaled + rhs.scaled) }

    /// The difference of two amounts.
    @inlinable
    public static func - (lhs: Amount, rhs: Amount) -> Amount { Amount(scaled: lhs.scaled - rhs.scaled) }

    /// Adds `rhs` to `lhs`.
    @inlinable
    public static func += (lhs: inout Amount, rhs: Amount) { lhs = lhs + rhs }

    /// Subtracts `rhs` from `lhs`.
    @inlinable
    public static func -= (lhs: inout Amount, rhs: Amount) { lhs = lhs - rhs }

    /// The amount multiplied by a whole number.
    @inlinable
    public static func * (lhs: Amount, rhs: Int) -> Amount { Amount(scaled: lhs.scaled * Int128(rhs)) }

    /// The amount divided by ten, exactly while it has fewer than twelve decimals.
    public var tenth: Amount { Amount(scaled: scaled / 10) }
}

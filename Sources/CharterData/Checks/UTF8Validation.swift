/// Where bytes stop being well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// above U+10FFFF), checked eight ASCII bytes at a time.
enum UTF8Validation {
    /// The offset of the first byte that does not belong to a well-formed sequence, or `nil` when
    /// every byte of `start..<end` does.
    @inline(__always)
    static func firstInvalidByte(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index < end {
            if index + 8 <= end, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let byte = base[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            // The common case in Chinese text: a three-byte sequence from U+0800 to U+FFFF that is
            // neither overlong (E0) nor a surrogate (ED).
            if byte >= 0xE1, byte <= 0xEF, byte != 0xED, index + 2 < end,
                base[index + 1] & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80
            {
                index += 3
                continue
            }
            guard let length = sequenceLength(base, at: index, end: end) else { return index }
            index += length
        }
        return nil
    }

    /// What a check of some bytes found.
    enum Run {
        /// The bytes are well-formed up to `next`.
        case valid(next: Int)
        /// The byte at `at` does not belong to a well-formed sequence.
        case invalid(at: Int)
        /// The bytes go on too close to `end` to tell.
        case needMore
    }

    /// Checks the bytes from `start` (ASCII or not) until a sequence ends at or past `limit`.
    ///
    /// It is the word-at-a-time reader's check of one word's non-ASCII bytes, however many runs of
    /// them it holds, in one call. `.valid(next:)` is where the check stopped (at or past `limit`).
    @inline(__always)
    static func check(_ base: UnsafePointer<UInt8>, from start: Int, through limit: Int, end: Int) -> Run {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index < limit {
            guard index + 4 <= end else { return .needMore }
            let word = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt32.self))
            let high = word & 0x8080_8080
            if high & 0x80 == 0 {
                // ASCII: on to the next non-ASCII byte of the four, or past them.
                index += high == 0 ? 4 : high.trailingZeroBitCount >> 3
                continue
            }
            if word & 0xC0_C0F0 == 0x80_80E0, word & 0xFF != 0xE0, word & 0xFF != 0xED {
                index += 3
                continue
            }
            guard let length = sequenceLength(base, at: index, end: end) else { return .invalid(at: index) }
            index += length
        }
        return .valid(next: index)
    }

    /// The length of the well-formed multi-byte sequence starting at `index`, or `nil`.
    static func sequenceLength(_ base: UnsafePointer<UInt8>, at index: Int, end: Int) -> Int? {
        let lead = base[index]
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < end && base[index + offset] >= low && base[index + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : nil
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : nil
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }
}

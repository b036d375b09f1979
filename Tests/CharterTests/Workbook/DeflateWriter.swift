/// DEFLATE streams written bit by bit, for tests that need a stream zlib would never write: a
/// match at the very edge of the output, a code that is oversubscribed, a header that lies.
struct DeflateWriter {
    private(set) var bytes: [UInt8] = []
    private var used = 0

    /// Writes the low `count` bits of `value`, lowest first (how DEFLATE packs its fields).
    mutating func write(_ value: Int, bits count: Int) {
        for bit in 0..<count {
            if used == 0 { bytes.append(0) }
            if value >> bit & 1 == 1 { bytes[bytes.count - 1] |= UInt8(1 << used) }
            used = (used + 1) % 8
        }
    }

    /// Writes a Huffman code of `length` bits, its first (highest) bit first.
    mutating func write(code: Int, length: Int) {
        for bit in (0..<length).reversed() { write(code >> bit & 1, bits: 1) }
    }

    /// A block header.
    mutating func header(final: Bool, type: Int) {
        write(final ? 1 : 0, bits: 1)
        write(type, bits: 2)
    }

    /// A literal/length symbol of the fixed code.
    mutating func fixedLiteral(_ symbol: Int) {
        switch symbol {
        case 0..<144: write(code: 0x30 + symbol, length: 8)
        case 144..<256: write(code: 0x190 + symbol - 144, length: 9)
        case 256..<280: write(code: symbol - 256, length: 7)
        default: write(code: 0xC0 + symbol - 280, length: 8)
        }
    }

    /// A match of the fixed code, given by its length and distance symbols and their extra bits.
    mutating func fixedMatch(
        lengthSymbol: Int, lengthExtra: (Int, bits: Int) = (0, 0), distanceSymbol: Int,
        distanceExtra: (Int, bits: Int) = (0, 0)
    ) {
        fixedLiteral(lengthSymbol)
        write(lengthExtra.0, bits: lengthExtra.bits)
        write(code: distanceSymbol, length: 5)
        write(distanceExtra.0, bits: distanceExtra.bits)
    }

    /// The codes of a canonical Huffman code with the given lengths (RFC 1951, 3.2.2).
    static func canonicalCodes(_ lengths: [Int]) -> [Int] {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { counts[length] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + counts[length - 1]) << 1
            next[length] = code
        }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            defer { next[length] += 1 }
            return next[length]
        }
    }

    /// A dynamic block header whose code-length code gives each of the lengths 0 to 15 a code of
    /// four bits, so any literal/length and distance lengths can be written one by one.
    mutating func dynamicHeader(final: Bool, literalLengths: [Int], distanceLengths: [Int]) {
        header(final: final, type: 2)
        write(literalLengths.count - 257, bits: 5)
        write(distanceLengths.count - 1, bits: 5)
        write(19 - 4, bits: 4)
        for symbol in [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15] {
            write(symbol >= 16 ? 0 : 4, bits: 3)
        }
        for length in literalLengths + distanceLengths { write(code: length, length: 4) }
    }
}

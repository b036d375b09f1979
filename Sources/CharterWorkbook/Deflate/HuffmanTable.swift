/// A canonical Huffman code of DEFLATE as a lookup table, built from each symbol's code length.
///
/// The table has one entry for every value of the next `width` bits of the stream (the longest
/// code's length), so one lookup decodes a symbol: each code of length `n` fills every entry whose
/// low `n` bits are its bits (reversed, since DEFLATE packs a code's first bit lowest). An entry is
/// `symbol << 4 | length`; 0 marks bits that spell no code, which only an incomplete code has.
struct HuffmanTable: Sendable {
    /// The entries, `1 << width` of them.
    let entries: [UInt16]
    /// How many bits index the table: the longest code length, at least 1.
    let width: Int

    /// Builds the code in which symbol `i` has code length `lengths[i]` (0: no code).
    ///
    /// Refuses an oversubscribed code, and an incomplete one except as zlib allows it: a
    /// literal/length or distance code of a single code of length 1, and a code of no codes at all
    /// (a block without matches), whose every lookup then fails as an invalid code.
    init(lengths: [UInt8], kind: InflateError.HuffmanCodeKind, offset: Int) throws(InflateError) {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths { counts[Int(length & 15)] += 1 }
        counts[0] = 0
        let longest = (1...15).last { counts[$0] > 0 } ?? 0
        var left = 1
        for length in 1...15 {
            left = (left << 1) - counts[length]
            if left < 0 { throw InflateError(.oversubscribedCode(kind), offset: offset) }
        }
        let used = counts.reduce(0, +)
        if left > 0 && used > 0 && (kind == .codeLengths || longest != 1) {
            throw InflateError(.incompleteCode(kind), offset: offset)
        }
        let width = max(longest, 1)
        var entries = [UInt16](repeating: 0, count: 1 << width)
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + counts[length - 1]) << 1
            next[length] = code
        }
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let length = Int(length)
            let code = next[length]
            next[length] += 1
            var reversed = 0
            for bit in 0..<length where code >> bit & 1 == 1 { reversed |= 1 << (length - 1 - bit) }
            let entry = UInt16(symbol << 4 | length)
            for index in stride(from: reversed, to: entries.count, by: 1 << length) { entries[index] = entry }
        }
        self.entries = entries
        self.width = width
    }

    /// The literal/length code of fixed-Huffman blocks (RFC 1951, 3.2.6).
    static let fixedLiterals: HuffmanTable = {
        let lengths =
            [UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112)
            + [UInt8](repeating: 7, count: 24) + [UInt8](repeating: 8, count: 8)
        // The lengths form a complete code, so building it cannot fail.
        return (try? HuffmanTable(lengths: lengths, kind: .literals, offset: 0)) ?? HuffmanTable()
    }()

    /// The distance code of fixed-Huffman blocks: 32 codes of 5 bits (30 and 31 are invalid).
    static let fixedDistances: HuffmanTable = {
        let lengths = [UInt8](repeating: 5, count: 32)
        return (try? HuffmanTable(lengths: lengths, kind: .distances, offset: 0)) ?? HuffmanTable()
    }()

    /// A code without codes, whose every lookup fails.
    private init() {
        entries = [0, 0]
        width = 1
    }
}

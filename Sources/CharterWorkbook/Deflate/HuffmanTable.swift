/// A canonical Huffman code of DEFLATE, built from each symbol's code length, as a lookup table
/// for its short codes and a canonical decoder for its long ones.
///
/// The table has one entry for every value of the next `width` bits of the stream (the longest
/// code's length, at most ``primaryBits``), so one lookup decodes a short code: each code of length
/// `n` fills every entry whose low `n` bits are its bits (reversed, since DEFLATE packs a code's
/// first bit lowest). An entry is `symbol << 4 | length`; 0 marks bits that spell no code, which
/// only an incomplete code has, and ``longCode`` the first bits of codes longer than the table,
/// which are decoded bit by bit from the counts of each length (as zlib's `puff` does). Building
/// a table of 15-bit codes whole would write 32 768 entries for every dynamic block.
struct HuffmanTable: Sendable {
    /// The longest code a lookup decodes.
    static let primaryBits = 10
    /// The entry of bits that start a longer code.
    static let longCode: UInt16 = 0xFFFF

    /// The entries, `1 << width` of them.
    let entries: [UInt16]
    /// How many bits index the table: the longest code length up to ``primaryBits``, at least 1.
    let width: Int
    /// The longest code length.
    let longest: Int
    /// How many codes have each length, 0 to 15.
    let counts: [Int]
    /// The symbols ordered by code length, then by symbol: the canonical order of their codes.
    let symbols: [Int]

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
        // The canonical order: where each length's symbols start, then the symbols.
        var starts = [Int](repeating: 0, count: 16)
        for length in 1..<15 { starts[length + 1] = starts[length] + counts[length] }
        var symbols = [Int](repeating: 0, count: used)
        var next = starts
        for (symbol, length) in lengths.enumerated() where length > 0 {
            symbols[next[Int(length)]] = symbol
            next[Int(length)] += 1
        }
        let width = min(max(longest, 1), Self.primaryBits)
        var entries = [UInt16](repeating: 0, count: 1 << width)
        var code = 0
        for length in 1...15 {
            for position in starts[length]..<(starts[length] + counts[length]) {
                var reversed = 0
                for bit in 0..<length where code >> bit & 1 == 1 { reversed |= 1 << (length - 1 - bit) }
                if length <= width {
                    let entry = UInt16(symbols[position] << 4 | length)
                    for index in stride(from: reversed, to: entries.count, by: 1 << length) { entries[index] = entry }
                } else {
                    entries[reversed & (entries.count - 1)] = Self.longCode
                }
                code += 1
            }
            code <<= 1
        }
        self.entries = entries
        self.width = width
        self.longest = longest
        self.counts = counts
        self.symbols = symbols
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
        longest = 0
        counts = [Int](repeating: 0, count: 16)
        symbols = []
    }
}

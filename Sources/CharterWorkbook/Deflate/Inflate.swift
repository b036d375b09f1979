/// Decompression of raw DEFLATE data (RFC 1951), as zip entries hold it: stored, fixed-Huffman
/// and dynamic-Huffman blocks, without a zlib or gzip wrapper.
///
/// Every malformed input is a thrown ``InflateError`` that says where and what; no input traps,
/// reads out of bounds or loops without consuming input. The output is bounded by ``Limits``, so a
/// zip bomb is an error rather than an exhausted memory.
public enum Inflate {
    /// How much output one decompression may produce.
    public struct Limits: Hashable, Sendable {
        /// The most bytes of output, whatever the input: 1 GiB unless set.
        public var maxOutput: Int
        /// The most bytes of output per byte of input, once the output passes ``ratioGrace``.
        ///
        /// DEFLATE cannot pass about 1032:1; ordinary workbook XML compresses 5 to 30 times. The
        /// default, 100, is Apache POI's for the same files.
        public var maxRatio: Int
        /// The output below which the ratio is not checked (1 MiB unless set), so that a small,
        /// highly repetitive part is not taken for a bomb.
        public var ratioGrace: Int

        /// Creates limits; the defaults suit workbooks.
        public init(maxOutput: Int = 1 << 30, maxRatio: Int = 100, ratioGrace: Int = 1 << 20) {
            self.maxOutput = maxOutput
            self.maxRatio = maxRatio
            self.ratioGrace = ratioGrace
        }
    }

    /// Decompresses `input`, a whole raw DEFLATE stream; bytes after its final block are ignored.
    ///
    /// - Parameter expectedSize: the size the container declares for the output, if any: output
    ///   beyond it is an error as soon as it appears (the caller checks a shorter one).
    public static func decompress(
        _ input: ArraySlice<UInt8>, limits: Limits = Limits(), expectedSize: Int? = nil
    ) throws(InflateError) -> [UInt8] {
        var decoder = InflateDecoder(input: input, limits: limits, expectedSize: expectedSize)
        try decoder.run()
        return decoder.output
    }

    /// Decompresses `input`, a whole raw DEFLATE stream; bytes after its final block are ignored.
    public static func decompress(
        _ input: [UInt8], limits: Limits = Limits(), expectedSize: Int? = nil
    ) throws(InflateError) -> [UInt8] {
        try decompress(input[...], limits: limits, expectedSize: expectedSize)
    }
}

/// The state of one decompression: the bits not yet read and the output so far.
struct InflateDecoder {
    let input: ArraySlice<UInt8>
    /// The next byte of `input` to load into `bitBuffer`.
    var position: Int
    /// Bits loaded and not yet consumed, the next one lowest; the bits above `bitCount` are 0.
    var bitBuffer: UInt64 = 0
    var bitCount = 0
    var output: [UInt8] = []
    /// The largest output allowed: the least of the limit on size, the limit by ratio and the
    /// expected size.
    let stop: Int
    let limits: Inflate.Limits
    let expectedSize: Int?

    init(input: ArraySlice<UInt8>, limits: Inflate.Limits, expectedSize: Int?) {
        self.input = input
        position = input.startIndex
        self.limits = limits
        self.expectedSize = expectedSize
        let (product, overflow) = limits.maxRatio.multipliedReportingOverflow(by: max(input.count, 1))
        let byRatio = overflow ? Int.max : max(product, limits.ratioGrace)
        var stop = min(max(limits.maxOutput, 0), byRatio)
        if let expectedSize { stop = min(stop, max(expectedSize, 0)) }
        self.stop = stop
        output.reserveCapacity(min(stop, expectedSize ?? input.count * 4, 1 << 24))
    }

    /// Where the next unread bit is, in whole bytes from the start of the input.
    var offset: Int { position - input.startIndex - bitCount / 8 }

    func failure(_ reason: InflateError.Reason) -> InflateError { InflateError(reason, offset: offset) }

    /// The error of output that would grow to `size`, past ``stop``.
    func tooLong(_ size: Int) -> InflateError {
        if let expectedSize, size > expectedSize { return failure(.longerThanExpected(expectedSize)) }
        if size > limits.maxOutput { return failure(.outputLimit(limits.maxOutput)) }
        return failure(.ratioLimit(ratio: limits.maxRatio, compressedSize: input.count))
    }

    mutating func refill() {
        while bitCount <= 56 && position < input.endIndex {
            bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
            position += 1
            bitCount += 8
        }
    }

    /// The next `count` bits (at most 32), first bit lowest.
    mutating func bits(_ count: Int) throws(InflateError) -> Int {
        if bitCount < count {
            refill()
            if bitCount < count { throw failure(.truncated) }
        }
        let value = Int(truncatingIfNeeded: bitBuffer & (1 << UInt64(count) - 1))
        bitBuffer >>= UInt64(count)
        bitCount -= count
        return value
    }

    /// The next symbol of `table`: a lookup for a short code, the canonical decoding bit by bit
    /// for a long one.
    mutating func decode(_ table: HuffmanTable, _ kind: InflateError.HuffmanCodeKind) throws(InflateError) -> Int {
        if bitCount < 15 { refill() }
        let entry = table.entries[Int(truncatingIfNeeded: bitBuffer & (1 << UInt64(table.width) - 1))]
        if entry != HuffmanTable.longCode {
            let length = Int(entry & 15)
            if length == 0 || length > bitCount {
                throw failure(bitCount < table.width ? .truncated : .invalidCode(kind))
            }
            bitBuffer >>= UInt64(length)
            bitCount -= length
            return Int(entry >> 4)
        }
        // The code's bits one at a time, first bit first, against the first code of each length.
        var code = 0
        var first = 0
        var index = 0
        for length in 1...15 {
            guard length <= bitCount else { throw failure(.truncated) }
            code |= Int(truncatingIfNeeded: bitBuffer >> UInt64(length - 1) & 1)
            let count = table.counts[length]
            if code - first < count {
                bitBuffer >>= UInt64(length)
                bitCount -= length
                return table.symbols[index + code - first]
            }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw failure(.invalidCode(kind))
    }

    mutating func run() throws(InflateError) {
        var final = false
        while !final {
            final = try bits(1) == 1
            switch try bits(2) {
            case 0: try storedBlock()
            case 1: try huffmanBlock(literals: HuffmanTable.fixedLiterals, distances: HuffmanTable.fixedDistances)
            case 2:
                let (literals, distances) = try dynamicTables()
                try huffmanBlock(literals: literals, distances: distances)
            default: throw failure(.reservedBlockType)
            }
        }
    }

    /// A stored block: the rest of the current byte skipped, then LEN, NLEN and LEN bytes.
    mutating func storedBlock() throws(InflateError) {
        // Give back the whole bytes loaded and not consumed, to read the block from the input.
        bitBuffer = 0
        position -= bitCount / 8
        bitCount = 0
        guard input.endIndex - position >= 4 else { throw failure(.truncated) }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == ~complement & 0xFFFF else {
            throw failure(.storedLengthMismatch(length: length, complement: complement))
        }
        position += 4
        guard input.endIndex - position >= length else { throw failure(.truncated) }
        guard output.count + length <= stop else { throw tooLong(output.count + length) }
        output.append(contentsOf: input[position..<(position + length)])
        position += length
    }

    /// The order in which a dynamic block gives the lengths of the code-length code.
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The literal/length and distance codes of a dynamic block, from its header.
    mutating func dynamicTables() throws(InflateError) -> (HuffmanTable, HuffmanTable) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286 else { throw failure(.tooManyLiteralCodes(literalCount)) }
        guard distanceCount <= 30 else { throw failure(.tooManyDistanceCodes(distanceCount)) }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            codeLengthLengths[Self.codeLengthOrder[index]] = UInt8(try bits(3))
        }
        let codeLengths = try HuffmanTable(lengths: codeLengthLengths, kind: .codeLengths, offset: offset)
        var lengths: [UInt8] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(codeLengths, .codeLengths)
            let repeated: UInt8
            let times: Int
            switch symbol {
            case 0...15:
                lengths.append(UInt8(symbol))
                continue
            case 16:
                guard let previous = lengths.last else { throw failure(.repeatWithoutPrevious) }
                repeated = previous
                times = 3 + (try bits(2))
            case 17:
                repeated = 0
                times = 3 + (try bits(3))
            default:
                repeated = 0
                times = 11 + (try bits(7))
            }
            guard lengths.count + times <= literalCount + distanceCount else { throw failure(.codeLengthsOverrun) }
            lengths.append(contentsOf: repeatElement(repeated, count: times))
        }
        guard lengths[256] != 0 else { throw failure(.missingEndOfBlock) }
        let literals = try HuffmanTable(lengths: Array(lengths[0..<literalCount]), kind: .literals, offset: offset)
        let distances = try HuffmanTable(
            lengths: Array(lengths[literalCount...]), kind: .distances, offset: offset)
        return (literals, distances)
    }

    static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    static let lengthExtra: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    /// The symbols of a Huffman block, to its end-of-block code.
    mutating func huffmanBlock(literals: HuffmanTable, distances: HuffmanTable) throws(InflateError) {
        while true {
            let symbol = try decode(literals, .literals)
            if symbol < 256 {
                guard output.count < stop else { throw tooLong(output.count + 1) }
                output.append(UInt8(truncatingIfNeeded: symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthCode = symbol - 257
            guard lengthCode < Self.lengthBase.count else { throw failure(.invalidCode(.literals)) }
            let length = Self.lengthBase[lengthCode] + (try bits(Self.lengthExtra[lengthCode]))
            let distanceCode = try decode(distances, .distances)
            guard distanceCode < Self.distanceBase.count else { throw failure(.invalidCode(.distances)) }
            let distance = Self.distanceBase[distanceCode] + (try bits(Self.distanceExtra[distanceCode]))
            guard distance <= output.count else {
                throw failure(.distanceTooFar(distance: distance, available: output.count))
            }
            guard output.count + length <= stop else { throw tooLong(output.count + length) }
            // A byte at a time from `distance` back: the match may overlap what it writes (a run),
            // and appending a slice of `output` to itself would copy the whole array. (A `while`
            // loop, not `for` over a range, which unoptimised builds make generic and slow.)
            var index = output.count - distance
            let end = index + length
            while index < end {
                output.append(output[index])
                index += 1
            }
        }
    }
}

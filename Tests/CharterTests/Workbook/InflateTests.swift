import CharterWorkbook
import Foundation
import PolicyKit
import Testing

extension WorkbookTests {
    /// The inflater against zlib's own streams (Fixtures/deflate, written by
    /// scripts/make-workbook-fixtures.py), and at each of its limits and refusals.
    @Suite struct InflateTests {
        static let vectors = [
            "empty", "short-fixed", "text-fixed", "text-stored", "text-level1", "text-level6", "text-level9",
            "text-many-blocks", "text-huffman-only", "runs-rle", "runs-level9", "noise-level6", "far-match",
        ]

        static func fixture(_ name: String) throws -> [UInt8] {
            [UInt8](try Data(contentsOf: Repository.fixture("deflate/" + name)))
        }

        static func reason(_ input: [UInt8], limits: Inflate.Limits = Inflate.Limits(), expectedSize: Int? = nil)
            -> InflateError.Reason?
        {
            do {
                _ = try Inflate.decompress(input, limits: limits, expectedSize: expectedSize)
                return nil
            } catch {
                return error.reason
            }
        }

        @Test(arguments: vectors)
        func zlibStreamsInflateToTheirInput(_ name: String) throws {
            let stream = try Self.fixture(name + ".deflate")
            let expected = try Self.fixture(name + ".bin")
            #expect(try Inflate.decompress(stream) == expected)
            #expect(try Inflate.decompress(stream, expectedSize: expected.count) == expected)
        }

        @Test func everyFixtureFormIsCovered() throws {
            // Block types 0, 1 and 2 each open at least one vector.
            var types = Set<Int>()
            for name in Self.vectors { types.insert(Int(try Self.fixture(name + ".deflate")[0] >> 1 & 3)) }
            #expect(types == [0, 1, 2])
        }

        @Test func aSliceIsReadFromItsOwnStart() throws {
            let stream = try Self.fixture("text-level6.deflate")
            let padded = [0xAA, 0xBB] + stream + [0xCC]
            #expect(try Inflate.decompress(padded[2..<(2 + stream.count)]) == (try Self.fixture("text-level6.bin")))
        }

        @Test func bytesAfterTheFinalBlockAreIgnored() throws {
            let stream = try Self.fixture("short-fixed.deflate") + [1, 2, 3]
            #expect(try Inflate.decompress(stream) == (try Self.fixture("short-fixed.bin")))
        }

        @Test(arguments: ["short-fixed", "text-level9", "text-stored", "text-many-blocks"])
        func everyProperPrefixIsTruncated(_ name: String) throws {
            let stream = try Self.fixture(name + ".deflate")
            for end in 0..<stream.count {
                let reason = Self.reason(Array(stream[0..<end]))
                #expect(reason == .truncated, "prefix of \(end) bytes: \(String(describing: reason))")
            }
        }

        @Test func everyFlippedBitIsAnErrorOrAnOutputNeverATrap() throws {
            let stream = try Self.fixture("text-level6.deflate")
            for index in 0..<stream.count {
                for bit in [0, 3, 7] {
                    var damaged = stream
                    damaged[index] ^= UInt8(1 << bit)
                    _ = try? Inflate.decompress(damaged, limits: Inflate.Limits(maxOutput: 1 << 13))
                }
            }
        }

        // MARK: Stored blocks

        @Test func storedBlocks() throws {
            #expect(try Inflate.decompress([0x01, 0x00, 0x00, 0xFF, 0xFF]) == [])
            #expect(try Inflate.decompress([0x01, 0x03, 0x00, 0xFC, 0xFF, 0x61, 0x62, 0x63]) == Array("abc".utf8))
            // A stored block after a fixed one starts at the next whole byte.
            var writer = DeflateWriter()
            writer.header(final: false, type: 1)
            writer.fixedLiteral(0x78)
            writer.fixedLiteral(256)
            writer.header(final: true, type: 0)
            let stream = writer.bytes + [0x01, 0x00, 0xFE, 0xFF, 0x79]
            #expect(try Inflate.decompress(stream) == Array("xy".utf8))
        }

        @Test func storedBlockRefusals() {
            #expect(
                Self.reason([0x01, 0x03, 0x00, 0xFC, 0xFE]) == .storedLengthMismatch(length: 3, complement: 0xFEFC))
            #expect(Self.reason([0x01, 0x03, 0x00, 0xFC, 0xFF, 0x61, 0x62]) == .truncated)
            #expect(Self.reason([0x01, 0x03, 0x00, 0xFC]) == .truncated)
            // Not final and nothing after it.
            #expect(Self.reason([0x00, 0x00, 0x00, 0xFF, 0xFF]) == .truncated)
        }

        @Test func reservedBlockType() {
            #expect(Self.reason([0x07]) == .reservedBlockType)
            #expect(Self.reason([0x06]) == .reservedBlockType)
        }

        // MARK: Fixed-Huffman blocks

        /// A fixed block of `a`, then a match of length 3 at `distance` (symbol 257 and the distance
        /// symbol and extra bits).
        static func matchAfterA(distanceSymbol: Int, extra: (Int, bits: Int) = (0, 0)) -> [UInt8] {
            var writer = DeflateWriter()
            writer.header(final: true, type: 1)
            writer.fixedLiteral(0x61)
            writer.fixedMatch(lengthSymbol: 257, distanceSymbol: distanceSymbol, distanceExtra: extra)
            writer.fixedLiteral(256)
            return writer.bytes
        }

        @Test func aMatchMayReachBackToTheFirstByteAndNoFurther() throws {
            // Distance 1 (symbol 0) over a single byte: a run.
            #expect(try Inflate.decompress(Self.matchAfterA(distanceSymbol: 0)) == Array("aaaa".utf8))
            // Distance 2 (symbol 1) with one byte written.
            #expect(Self.reason(Self.matchAfterA(distanceSymbol: 1)) == .distanceTooFar(distance: 2, available: 1))
        }

        @Test func theLongestDistanceReachesBack32768Bytes() throws {
            // 32768 bytes in stored blocks, then a match of distance 32768 (symbol 29, extra 8191).
            let data = (0..<32768).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
            var stream: [UInt8] = []
            for start in stride(from: 0, to: data.count, by: 16384) {
                stream += [0x00, 0x00, 0x40, 0xFF, 0xBF] + data[start..<(start + 16384)]
            }
            var writer = DeflateWriter()
            writer.header(final: true, type: 1)
            writer.fixedMatch(lengthSymbol: 285, distanceSymbol: 29, distanceExtra: (8191, 13))
            writer.fixedLiteral(256)
            let output = try Inflate.decompress(stream + writer.bytes)
            #expect(output.count == 32768 + 258)
            #expect(Array(output[32768...]) == Array(data[0..<258]))
        }

        @Test func lengthAndDistanceSymbolsThatDeflateDoesNotUse() throws {
            var writer = DeflateWriter()
            writer.header(final: true, type: 1)
            writer.fixedLiteral(0x61)
            writer.fixedLiteral(286)
            #expect(Self.reason(writer.bytes + [0, 0]) == .invalidCode(.literals))
            #expect(Self.reason(Self.matchAfterA(distanceSymbol: 30)) == .invalidCode(.distances))
            #expect(Self.reason(Self.matchAfterA(distanceSymbol: 31)) == .invalidCode(.distances))
        }

        @Test func aBlockWithoutItsEndIsTruncated() {
            var writer = DeflateWriter()
            writer.header(final: true, type: 1)
            writer.fixedLiteral(0x61)
            #expect(Self.reason(writer.bytes) == .truncated)
        }

        // MARK: Dynamic-Huffman blocks

        /// Literal/length code lengths: `codes` gives symbols their lengths, the rest have none.
        static func literalLengths(_ codes: [Int: Int], count: Int = 257) -> [Int] {
            (0..<count).map { codes[$0] ?? 0 }
        }

        @Test func aDynamicBlockOfTheWritersOwnCode() throws {
            // 'a', 'b' and end-of-block with lengths 1, 2, 2; one distance code of length 1.
            let lengths = Self.literalLengths([0x61: 1, 0x62: 2, 256: 2])
            let codes = DeflateWriter.canonicalCodes(lengths)
            var writer = DeflateWriter()
            writer.dynamicHeader(final: true, literalLengths: lengths, distanceLengths: [1])
            for symbol in [0x61, 0x62, 0x62, 0x61, 256] { writer.write(code: codes[symbol], length: lengths[symbol]) }
            #expect(try Inflate.decompress(writer.bytes) == Array("abba".utf8))
        }

        @Test func aSingleCodeOfLengthOneIsAllowedAndTwoOfThemAreNot() throws {
            // Only end-of-block, and no distance codes at all: incomplete, but allowed.
            var single = DeflateWriter()
            single.dynamicHeader(final: true, literalLengths: Self.literalLengths([256: 1]), distanceLengths: [0])
            single.write(code: 0, length: 1)
            #expect(try Inflate.decompress(single.bytes) == [])
            // End-of-block of length 2 alone leaves the code incomplete with a longest length of 2.
            var incomplete = DeflateWriter()
            incomplete.dynamicHeader(final: true, literalLengths: Self.literalLengths([256: 2]), distanceLengths: [0])
            #expect(Self.reason(incomplete.bytes + [0]) == .incompleteCode(.literals))
            // Three codes of length 1.
            var over = DeflateWriter()
            over.dynamicHeader(
                final: true, literalLengths: Self.literalLengths([0: 1, 1: 1, 256: 1]), distanceLengths: [1])
            #expect(Self.reason(over.bytes + [0]) == .oversubscribedCode(.literals))
            // Distances: two of length 1 are complete; one of length 2 is not.
            var distances = DeflateWriter()
            distances.dynamicHeader(final: true, literalLengths: Self.literalLengths([256: 1]), distanceLengths: [2])
            #expect(Self.reason(distances.bytes + [0]) == .incompleteCode(.distances))
        }

        @Test func aMatchInABlockWithoutDistanceCodes() {
            let lengths = Self.literalLengths([0x61: 1, 257: 2, 256: 2], count: 258)
            let codes = DeflateWriter.canonicalCodes(lengths)
            var writer = DeflateWriter()
            writer.dynamicHeader(final: true, literalLengths: lengths, distanceLengths: [0])
            writer.write(code: codes[0x61], length: 1)
            writer.write(code: codes[257], length: 2)
            writer.write(0, bits: 8)
            #expect(Self.reason(writer.bytes) == .invalidCode(.distances))
        }

        @Test func headerCounts() {
            var literals = DeflateWriter()
            literals.header(final: true, type: 2)
            literals.write(30, bits: 5)
            literals.write(0, bits: 20)
            #expect(Self.reason(literals.bytes) == .tooManyLiteralCodes(287))
            var largest = DeflateWriter()
            largest.header(final: true, type: 2)
            largest.write(29, bits: 5)
            largest.write(30, bits: 5)
            largest.write(0, bits: 20)
            #expect(Self.reason(largest.bytes) == .tooManyDistanceCodes(31))
        }

        /// A dynamic header whose code-length code is `codeLengthLengths` (for the symbols 16, 17, 18
        /// and 0, in the header's order), then `body` (bits of the code lengths).
        static func codeLengthsHeader(_ codeLengthLengths: [Int], body: (inout DeflateWriter) -> Void) -> [UInt8] {
            var writer = DeflateWriter()
            writer.header(final: true, type: 2)
            writer.write(0, bits: 5)
            writer.write(0, bits: 5)
            writer.write(0, bits: 4)
            for length in codeLengthLengths { writer.write(length, bits: 3) }
            body(&writer)
            return writer.bytes + [0, 0, 0, 0]
        }

        @Test func codeLengthRefusals() {
            // 16 and 0, one bit each: 16 is code 1.
            let repeatFirst = Self.codeLengthsHeader([1, 0, 0, 1]) { $0.write(code: 1, length: 1) }
            #expect(Self.reason(repeatFirst) == .repeatWithoutPrevious)
            // 18 and 0: 18 (code 1) twice with 138 zeros each runs past the 258 lengths.
            let overrun = Self.codeLengthsHeader([0, 0, 1, 1]) {
                $0.write(code: 1, length: 1)
                $0.write(127, bits: 7)
                $0.write(code: 1, length: 1)
                $0.write(127, bits: 7)
            }
            #expect(Self.reason(overrun) == .codeLengthsOverrun)
            // 138 + 120 zeros: exactly the 258 lengths, and no end-of-block code.
            let noEnd = Self.codeLengthsHeader([0, 0, 1, 1]) {
                $0.write(code: 1, length: 1)
                $0.write(127, bits: 7)
                $0.write(code: 1, length: 1)
                $0.write(109, bits: 7)
            }
            #expect(Self.reason(noEnd) == .missingEndOfBlock)
            #expect(Self.reason(Self.codeLengthsHeader([1, 1, 1, 0]) { _ in }) == .oversubscribedCode(.codeLengths))
            #expect(Self.reason(Self.codeLengthsHeader([1, 0, 0, 0]) { _ in }) == .incompleteCode(.codeLengths))
        }

        // MARK: Limits

        @Test func theOutputLimitIsTheLastByteAllowed() throws {
            let stream = try Self.fixture("text-level6.deflate")
            let size = try Self.fixture("text-level6.bin").count
            #expect(Self.reason(stream, limits: Inflate.Limits(maxOutput: size)) == nil)
            #expect(Self.reason(stream, limits: Inflate.Limits(maxOutput: size - 1)) == .outputLimit(size - 1))
            // The same for stored blocks, which are copied whole.
            let stored = try Self.fixture("text-stored.deflate")
            #expect(Self.reason(stored, limits: Inflate.Limits(maxOutput: 2500)) == nil)
            #expect(Self.reason(stored, limits: Inflate.Limits(maxOutput: 2499)) == .outputLimit(2499))
        }

        @Test func theDeclaredSizeIsALimitToo() throws {
            let stream = try Self.fixture("runs-level9.deflate")
            #expect(Self.reason(stream, expectedSize: 11091) == nil)
            #expect(Self.reason(stream, expectedSize: 11090) == .longerThanExpected(11090))
            // A shorter output is the container's to check.
            #expect(Self.reason(stream, expectedSize: 20000) == nil)
        }

        @Test func theRatioIsCheckedPastTheGrace() throws {
            // 83 bytes inflate to 11091: a ratio of 133.
            let stream = try Self.fixture("runs-level9.deflate")
            #expect(Self.reason(stream) == nil)
            #expect(
                Self.reason(stream, limits: Inflate.Limits(maxRatio: 100, ratioGrace: 1000))
                    == .ratioLimit(ratio: 100, compressedSize: 83))
            #expect(Self.reason(stream, limits: Inflate.Limits(maxRatio: 134, ratioGrace: 1000)) == nil)
            #expect(Self.reason(stream, limits: Inflate.Limits(maxRatio: 100, ratioGrace: 11091)) == nil)
        }

        @Test func aZipBombStopsAtTheRatio() {
            // 20 000 matches of 258 bytes at distance 1: 13 bits each, 5 MB from 33 kB.
            var writer = DeflateWriter()
            writer.header(final: true, type: 1)
            writer.fixedLiteral(0)
            for _ in 0..<20000 { writer.fixedMatch(lengthSymbol: 285, distanceSymbol: 0) }
            writer.fixedLiteral(256)
            let bomb = writer.bytes
            #expect(Self.reason(bomb) == .ratioLimit(ratio: 100, compressedSize: bomb.count))
            #expect(
                Self.reason(bomb, limits: Inflate.Limits(maxOutput: 1 << 20, maxRatio: 1000)) == .outputLimit(1 << 20))
            #expect(Self.reason(bomb, limits: Inflate.Limits(maxRatio: 1000)) == nil)
        }

        @Test func errorsSayWhereInBothLanguages() {
            let error = InflateError(.distanceTooFar(distance: 2, available: 1), offset: 3)
            #expect(error.code == "inflate.distance-too-far")
            #expect(
                error.description
                    == "byte 3: A match refers 2 bytes back, but only 1 bytes have been written: the data is damaged.")
            #expect(error.message(in: .chinese).hasPrefix("第 3 字节：一处重复引用了 2 字节之前的数据"))
        }
    }
}

import CharterSupport
import SHA256Instructions
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SHA-256 against the FIPS 180-4 / NIST example vectors, and fed in pieces.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func vectors(_ message: String, _ digest: String) {
        #expect(SHA256.hexDigest(Array(message.utf8)) == digest)
        #expect(SHA256.hexDigest(message.utf8) == digest)
    }

    /// Messages of lengths around the padding's edges (55 bytes is the longest that pads within
    /// its block, 56 the shortest that needs another) and of several blocks, of the bytes
    /// `(i * 7 + 3) mod 256`; digests from Python's hashlib.
    @Test(arguments: [
        (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
        (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
        (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
        (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
        (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
        (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
        (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
        (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
        (1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"),
    ])
    func lengthsAroundTheBlockEdges(_ length: Int, _ digest: String) {
        let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        #expect(SHA256.hexDigest(message) == digest)
    }

    @Test func aMillionAs() {
        let message = [UInt8](repeating: 0x61, count: 1_000_000)
        #expect(SHA256.hexDigest(message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        let digest = message.withUnsafeBytes { SHA256.digest($0) }
        #expect(digest.count == 32)
        #expect(digest.first == 0xCD)
    }

    /// The processor's compression function, when it has the instructions.
    static var instructions: SHA256.Compression? {
        #if arch(x86_64)
            if SHA256.processorHasInstructions {
                return { SHA256Instructions.compress(state: $0, blocks: $1, count: $2) }
            }
        #endif
        return nil
    }

    /// The processor's SHA instructions, where it has them, give the Swift rounds' digest for
    /// every length from 0 to 300 bytes (every padding case, one to five blocks) and for 64 KiB
    /// fed in uneven pieces.
    @Test func instructionsMatchTheSwiftRounds() {
        func digest(_ bytes: [UInt8], instructions: Bool, piece: Int = .max) -> String {
            var hasher = SHA256.Hasher(instructions: instructions ? Self.instructions : nil)
            var start = 0
            while start < bytes.count {
                let end = min(start + min(piece, bytes.count), bytes.count)
                bytes[start..<end].withUnsafeBytes { hasher.update($0) }
                start = end
            }
            return SHA256.hex(hasher.finalize())
        }
        var generator = SystemRandomNumberGenerator()
        let message = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for length in 0...300 {
            let bytes = Array(message[0..<length])
            #expect(digest(bytes, instructions: true) == digest(bytes, instructions: false), "length \(length)")
        }
        #expect(digest(message, instructions: true, piece: 1000) == digest(message, instructions: false))
        #expect(
            digest(Array("abc".utf8), instructions: false)
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test(arguments: [1, 3, 55, 56, 63, 64, 65, 127, 1000])
    func piecesGiveTheSameDigest(_ piece: Int) {
        let message = (0..<3001).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var hasher = SHA256.Hasher()
        var start = 0
        while start < message.count {
            let end = min(start + piece, message.count)
            message[start..<end].withUnsafeBytes { hasher.update($0) }
            start = end
        }
        #expect(SHA256.hex(hasher.finalize()) == SHA256.hexDigest(message))
    }

    @Test func fileDigestMatchesBytesAndMissingFileThrows() throws {
        let path = "/tmp/charter-sha256-test-\(UInt32.random(in: 0...UInt32.max))"
        let message = Array("The quick brown fox jumps over the lazy dog".utf8)
        let file = try #require(fopen(path, "w"))
        _ = message.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        defer { remove(path) }
        #expect(
            try SHA256.hexDigest(ofFile: path) == "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592")
        #expect(throws: FileHashError.self) { try SHA256.hexDigest(ofFile: path + ".missing") }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// SHA-256 (FIPS 180-4), to pin the exact bytes of a dataset file or a policy module's `.so`.
///
/// Written here rather than taken from a package so the host has no third-party code; it is tested
/// against the NIST vectors. Where the processor has SHA instructions, whole blocks go to
/// `SHA256Instructions` (about five times the speed); elsewhere the Swift rounds below run, with
/// the same digests.
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of `bytes` in lower-case hex (64 characters).
    public static func hexDigest(_ bytes: some Collection<UInt8>) -> String {
        var hasher = Hasher()
        let done: Void? = bytes.withContiguousStorageIfAvailable { hasher.update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { hasher.update($0) }
        }
        return hex(hasher.finalize())
    }

    /// The digest of the file at `path` in lower-case hex, read in large chunks.
    ///
    /// - Throws: ``FileHashError`` when the file cannot be opened or read.
    public static func hexDigest(ofFile path: String) throws -> String {
        let (digest, _) = try hashFile(path, throwing: ())
        return digest
    }

    /// The digest of a file in hex and the number of bytes hashed, or `nil` and 0 when the file
    /// cannot be read.
    package static func hashFile(_ path: String) -> (digest: String?, bytes: Int) {
        guard let (digest, bytes) = try? hashFile(path, throwing: ()) else { return (nil, 0) }
        return (digest, bytes)
    }

    private static func hashFile(_ path: String, throwing: Void) throws(FileHashError) -> (String, Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileHashError(path: path, message: "The file cannot be opened: \(String(cString: strerror(errno))).")
        }
        defer { close(descriptor) }
        var hasher = Hasher()
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        var total = 0
        while true {
            let count = read(descriptor, chunk.baseAddress, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileHashError(
                    path: path, message: "The file cannot be read: \(String(cString: strerror(errno))).")
            }
            if count == 0 { break }
            total += count
            hasher.update(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
        return (hex(hasher.finalize()), total)
    }

    /// Bytes in lower-case hex.
    public static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A compression function on the processor's own instructions: it hashes `count` whole 64-byte
    /// blocks into the eight words of the state.
    public typealias Compression =
        @Sendable (
            _ state: UnsafeMutablePointer<UInt32>, _ blocks: UnsafeRawPointer, _ count: Int
        ) -> Void

    /// The compression function installed by ``useInstructions(_:)``, if this processor has them.
    nonisolated(unsafe) private static var installedInstructions: Compression?

    /// Hashes with `compress` (the `SHA256Instructions` module's, built with the SHA extensions
    /// turned on) from now on, when this processor has those instructions; otherwise keeps the
    /// Swift rounds.
    ///
    /// An executable calls it once, first thing, before any thread hashes: the libraries never
    /// link the instructions' module, whose build flags would keep them out of a versioned package.
    public static func useInstructions(_ compress: @escaping Compression) {
        if SHA256Support.hasInstructions { installedInstructions = compress }
    }

    /// Whether this processor has the instructions that `SHA256Instructions` uses.
    package static var processorHasInstructions: Bool { SHA256Support.hasInstructions }

    /// Whether hashing uses the processor's SHA instructions.
    public static var usesInstructions: Bool { installedInstructions != nil }

    /// An incremental SHA-256: feed it bytes as they are read, then take the digest.
    public struct Hasher: Sendable {
        private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
        )
        /// Bytes not yet hashed: fewer than one 64-byte block.
        private var pending: [UInt8] = []
        private var length: UInt64 = 0

        /// The processor's compression function when blocks go to its SHA instructions rather
        /// than the Swift rounds.
        private let instructions: Compression?

        /// Creates a hasher that uses the processor's SHA instructions when it has them.
        public init() { self.init(instructions: SHA256.installedInstructions) }

        /// Creates a hasher that hashes whole blocks with `instructions` (`nil`: the Swift rounds).
        ///
        /// Tests pass the instructions' function, or `nil`, to check both on one processor.
        package init(instructions: Compression?) {
            self.instructions = instructions
            pending.reserveCapacity(64)
        }

        /// Adds bytes to the message.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            length &+= UInt64(bytes.count)
            var offset = 0
            if !pending.isEmpty {
                let take = min(64 - pending.count, bytes.count)
                pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
                offset = take
                if pending.count == 64 {
                    pending.withUnsafeBytes { block in
                        if let blockBase = block.baseAddress { compress(blocks: blockBase, count: 1) }
                    }
                    pending.removeAll(keepingCapacity: true)
                }
            }
            let whole = (bytes.count - offset) / 64
            if whole > 0 {
                compress(blocks: base + offset, count: whole)
                offset += whole * 64
            }
            if offset < bytes.count {
                pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
            }
        }

        /// Pads the message and returns the 32-byte digest.
        public mutating func finalize() -> [UInt8] {
            let bitLength = length &* 8
            var tail = pending
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            for shift in stride(from: 56, through: 0, by: -8) {
                tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
            }
            tail.withUnsafeBytes { block in
                if let base = block.baseAddress { compress(blocks: base, count: block.count / 64) }
            }
            pending.removeAll()
            var digest: [UInt8] = []
            digest.reserveCapacity(32)
            for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
                digest.append(UInt8(truncatingIfNeeded: word >> 24))
                digest.append(UInt8(truncatingIfNeeded: word >> 16))
                digest.append(UInt8(truncatingIfNeeded: word >> 8))
                digest.append(UInt8(truncatingIfNeeded: word))
            }
            return digest
        }

        /// Hashes `count` whole 64-byte blocks.
        ///
        /// Every round is written out, with its constant, and the message schedule is kept in
        /// sixteen locals computed as the rounds need them: no array, no bounds check, no
        /// memory traffic but the block's own bytes.
        private mutating func compress(blocks: UnsafeRawPointer, count: Int) {
            if let instructions {
                withUnsafeMutablePointer(to: &state) { words in
                    words.withMemoryRebound(to: UInt32.self, capacity: 8) { instructions($0, blocks, count) }
                }
                return
            }
            var h = state
            for index in 0..<count {
                h = Self.compress(block: blocks + index * 64, h)
            }
            state = h
        }

        @inline(__always)
        private static func compress(
            block: UnsafeRawPointer, _ h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
        ) -> (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) {
            var a = h.0
            var b = h.1
            var c = h.2
            var d = h.3
            var e = h.4
            var f = h.5
            var g = h.6
            var h7 = h.7
            var previous = b ^ c
            var w0 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            round(a, b, c, &d, e, f, g, &h7, 0x428a_2f98 &+ w0, &previous)
            var w1 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
            round(h7, a, b, &c, d, e, f, &g, 0x7137_4491 &+ w1, &previous)
            var w2 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
            round(g, h7, a, &b, c, d, e, &f, 0xb5c0_fbcf &+ w2, &previous)
            var w3 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
            round(f, g, h7, &a, b, c, d, &e, 0xe9b5_dba5 &+ w3, &previous)
            var w4 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
            round(e, f, g, &h7, a, b, c, &d, 0x3956_c25b &+ w4, &previous)
            var w5 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
            round(d, e, f, &g, h7, a, b, &c, 0x59f1_11f1 &+ w5, &previous)
            var w6 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 24, as: UInt32.self))
            round(c, d, e, &f, g, h7, a, &b, 0x923f_82a4 &+ w6, &previous)
            var w7 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
            round(b, c, d, &e, f, g, h7, &a, 0xab1c_5ed5 &+ w7, &previous)
            var w8 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 32, as: UInt32.self))
            round(a, b, c, &d, e, f, g, &h7, 0xd807_aa98 &+ w8, &previous)
            var w9 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 36, as: UInt32.self))
            round(h7, a, b, &c, d, e, f, &g, 0x1283_5b01 &+ w9, &previous)
            var w10 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 40, as: UInt32.self))
            round(g, h7, a, &b, c, d, e, &f, 0x2431_85be &+ w10, &previous)
            var w11 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 44, as: UInt32.self))
            round(f, g, h7, &a, b, c, d, &e, 0x550c_7dc3 &+ w11, &previous)
            var w12 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 48, as: UInt32.self))
            round(e, f, g, &h7, a, b, c, &d, 0x72be_5d74 &+ w12, &previous)
            var w13 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 52, as: UInt32.self))
            round(d, e, f, &g, h7, a, b, &c, 0x80de_b1fe &+ w13, &previous)
            var w14 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 56, as: UInt32.self))
            round(c, d, e, &f, g, h7, a, &b, 0x9bdc_06a7 &+ w14, &previous)
            var w15 = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 60, as: UInt32.self))
            round(b, c, d, &e, f, g, h7, &a, 0xc19b_f174 &+ w15, &previous)
            w0 = w0 &+ smallSigma0(w1) &+ w9 &+ smallSigma1(w14)
            round(a, b, c, &d, e, f, g, &h7, 0xe49b_69c1 &+ w0, &previous)
            w1 = w1 &+ smallSigma0(w2) &+ w10 &+ smallSigma1(w15)
            round(h7, a, b, &c, d, e, f, &g, 0xefbe_4786 &+ w1, &previous)
            w2 = w2 &+ smallSigma0(w3) &+ w11 &+ smallSigma1(w0)
            round(g, h7, a, &b, c, d, e, &f, 0x0fc1_9dc6 &+ w2, &previous)
            w3 = w3 &+ smallSigma0(w4) &+ w12 &+ smallSigma1(w1)
            round(f, g, h7, &a, b, c, d, &e, 0x240c_a1cc &+ w3, &previous)
            w4 = w4 &+ smallSigma0(w5) &+ w13 &+ smallSigma1(w2)
            round(e, f, g, &h7, a, b, c, &d, 0x2de9_2c6f &+ w4, &previous)
            w5 = w5 &+ smallSigma0(w6) &+ w14 &+ smallSigma1(w3)
            round(d, e, f, &g, h7, a, b, &c, 0x4a74_84aa &+ w5, &previous)
            w6 = w6 &+ smallSigma0(w7) &+ w15 &+ smallSigma1(w4)
            round(c, d, e, &f, g, h7, a, &b, 0x5cb0_a9dc &+ w6, &previous)
            w7 = w7 &+ smallSigma0(w8) &+ w0 &+ smallSigma1(w5)
            round(b, c, d, &e, f, g, h7, &a, 0x76f9_88da &+ w7, &previous)
            w8 = w8 &+ smallSigma0(w9) &+ w1 &+ smallSigma1(w6)
            round(a, b, c, &d, e, f, g, &h7, 0x983e_5152 &+ w8, &previous)
            w9 = w9 &+ smallSigma0(w10) &+ w2 &+ smallSigma1(w7)
            round(h7, a, b, &c, d, e, f, &g, 0xa831_c66d &+ w9, &previous)
            w10 = w10 &+ smallSigma0(w11) &+ w3 &+ smallSigma1(w8)
            round(g, h7, a, &b, c, d, e, &f, 0xb003_27c8 &+ w10, &previous)
            w11 = w11 &+ smallSigma0(w12) &+ w4 &+ smallSigma1(w9)
            round(f, g, h7, &a, b, c, d, &e, 0xbf59_7fc7 &+ w11, &previous)
            w12 = w12 &+ smallSigma0(w13) &+ w5 &+ smallSigma1(w10)
            round(e, f, g, &h7, a, b, c, &d, 0xc6e0_0bf3 &+ w12, &previous)
            w13 = w13 &+ smallSigma0(w14) &+ w6 &+ smallSigma1(w11)
            round(d, e, f, &g, h7, a, b, &c, 0xd5a7_9147 &+ w13, &previous)
            w14 = w14 &+ smallSigma0(w15) &+ w7 &+ smallSigma1(w12)
            round(c, d, e, &f, g, h7, a, &b, 0x06ca_6351 &+ w14, &previous)
            w15 = w15 &+ smallSigma0(w0) &+ w8 &+ smallSigma1(w13)
            round(b, c, d, &e, f, g, h7, &a, 0x1429_2967 &+ w15, &previous)
            w0 = w0 &+ smallSigma0(w1) &+ w9 &+ smallSigma1(w14)
            round(a, b, c, &d, e, f, g, &h7, 0x27b7_0a85 &+ w0, &previous)
            w1 = w1 &+ smallSigma0(w2) &+ w10 &+ smallSigma1(w15)
            round(h7, a, b, &c, d, e, f, &g, 0x2e1b_2138 &+ w1, &previous)
            w2 = w2 &+ smallSigma0(w3) &+ w11 &+ smallSigma1(w0)
            round(g, h7, a, &b, c, d, e, &f, 0x4d2c_6dfc &+ w2, &previous)
            w3 = w3 &+ smallSigma0(w4) &+ w12 &+ smallSigma1(w1)
            round(f, g, h7, &a, b, c, d, &e, 0x5338_0d13 &+ w3, &previous)
            w4 = w4 &+ smallSigma0(w5) &+ w13 &+ smallSigma1(w2)
            round(e, f, g, &h7, a, b, c, &d, 0x650a_7354 &+ w4, &previous)
            w5 = w5 &+ smallSigma0(w6) &+ w14 &+ smallSigma1(w3)
            round(d, e, f, &g, h7, a, b, &c, 0x766a_0abb &+ w5, &previous)
            w6 = w6 &+ smallSigma0(w7) &+ w15 &+ smallSigma1(w4)
            round(c, d, e, &f, g, h7, a, &b, 0x81c2_c92e &+ w6, &previous)
            w7 = w7 &+ smallSigma0(w8) &+ w0 &+ smallSigma1(w5)
            round(b, c, d, &e, f, g, h7, &a, 0x9272_2c85 &+ w7, &previous)
            w8 = w8 &+ smallSigma0(w9) &+ w1 &+ smallSigma1(w6)
            round(a, b, c, &d, e, f, g, &h7, 0xa2bf_e8a1 &+ w8, &previous)
            w9 = w9 &+ smallSigma0(w10) &+ w2 &+ smallSigma1(w7)
            round(h7, a, b, &c, d, e, f, &g, 0xa81a_664b &+ w9, &previous)
            w10 = w10 &+ smallSigma0(w11) &+ w3 &+ smallSigma1(w8)
            round(g, h7, a, &b, c, d, e, &f, 0xc24b_8b70 &+ w10, &previous)
            w11 = w11 &+ smallSigma0(w12) &+ w4 &+ smallSigma1(w9)
            round(f, g, h7, &a, b, c, d, &e, 0xc76c_51a3 &+ w11, &previous)
            w12 = w12 &+ smallSigma0(w13) &+ w5 &+ smallSigma1(w10)
            round(e, f, g, &h7, a, b, c, &d, 0xd192_e819 &+ w12, &previous)
            w13 = w13 &+ smallSigma0(w14) &+ w6 &+ smallSigma1(w11)
            round(d, e, f, &g, h7, a, b, &c, 0xd699_0624 &+ w13, &previous)
            w14 = w14 &+ smallSigma0(w15) &+ w7 &+ smallSigma1(w12)
            round(c, d, e, &f, g, h7, a, &b, 0xf40e_3585 &+ w14, &previous)
            w15 = w15 &+ smallSigma0(w0) &+ w8 &+ smallSigma1(w13)
            round(b, c, d, &e, f, g, h7, &a, 0x106a_a070 &+ w15, &previous)
            w0 = w0 &+ smallSigma0(w1) &+ w9 &+ smallSigma1(w14)
            round(a, b, c, &d, e, f, g, &h7, 0x19a4_c116 &+ w0, &previous)
            w1 = w1 &+ smallSigma0(w2) &+ w10 &+ smallSigma1(w15)
            round(h7, a, b, &c, d, e, f, &g, 0x1e37_6c08 &+ w1, &previous)
            w2 = w2 &+ smallSigma0(w3) &+ w11 &+ smallSigma1(w0)
            round(g, h7, a, &b, c, d, e, &f, 0x2748_774c &+ w2, &previous)
            w3 = w3 &+ smallSigma0(w4) &+ w12 &+ smallSigma1(w1)
            round(f, g, h7, &a, b, c, d, &e, 0x34b0_bcb5 &+ w3, &previous)
            w4 = w4 &+ smallSigma0(w5) &+ w13 &+ smallSigma1(w2)
            round(e, f, g, &h7, a, b, c, &d, 0x391c_0cb3 &+ w4, &previous)
            w5 = w5 &+ smallSigma0(w6) &+ w14 &+ smallSigma1(w3)
            round(d, e, f, &g, h7, a, b, &c, 0x4ed8_aa4a &+ w5, &previous)
            w6 = w6 &+ smallSigma0(w7) &+ w15 &+ smallSigma1(w4)
            round(c, d, e, &f, g, h7, a, &b, 0x5b9c_ca4f &+ w6, &previous)
            w7 = w7 &+ smallSigma0(w8) &+ w0 &+ smallSigma1(w5)
            round(b, c, d, &e, f, g, h7, &a, 0x682e_6ff3 &+ w7, &previous)
            w8 = w8 &+ smallSigma0(w9) &+ w1 &+ smallSigma1(w6)
            round(a, b, c, &d, e, f, g, &h7, 0x748f_82ee &+ w8, &previous)
            w9 = w9 &+ smallSigma0(w10) &+ w2 &+ smallSigma1(w7)
            round(h7, a, b, &c, d, e, f, &g, 0x78a5_636f &+ w9, &previous)
            w10 = w10 &+ smallSigma0(w11) &+ w3 &+ smallSigma1(w8)
            round(g, h7, a, &b, c, d, e, &f, 0x84c8_7814 &+ w10, &previous)
            w11 = w11 &+ smallSigma0(w12) &+ w4 &+ smallSigma1(w9)
            round(f, g, h7, &a, b, c, d, &e, 0x8cc7_0208 &+ w11, &previous)
            w12 = w12 &+ smallSigma0(w13) &+ w5 &+ smallSigma1(w10)
            round(e, f, g, &h7, a, b, c, &d, 0x90be_fffa &+ w12, &previous)
            w13 = w13 &+ smallSigma0(w14) &+ w6 &+ smallSigma1(w11)
            round(d, e, f, &g, h7, a, b, &c, 0xa450_6ceb &+ w13, &previous)
            w14 = w14 &+ smallSigma0(w15) &+ w7 &+ smallSigma1(w12)
            round(c, d, e, &f, g, h7, a, &b, 0xbef9_a3f7 &+ w14, &previous)
            w15 = w15 &+ smallSigma0(w0) &+ w8 &+ smallSigma1(w13)
            round(b, c, d, &e, f, g, h7, &a, 0xc671_78f2 &+ w15, &previous)
            return (
                h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ h7
            )
        }
    }
}

/// A file that could not be hashed: which one, and why.
public struct FileHashError: Error, Sendable, CustomStringConvertible {
    /// The file's path.
    public var path: String
    /// What went wrong, as a sentence.
    public var message: String

    /// Creates the error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `PATH: message`.
    public var description: String { "\(path): \(message)" }
}

/// σ0 of the message schedule.
@inline(__always)
private func smallSigma0(_ x: UInt32) -> UInt32 {
    rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
}

/// σ1 of the message schedule.
@inline(__always)
private func smallSigma1(_ x: UInt32) -> UInt32 {
    rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10)
}

/// Rotates a word right.
@inline(__always)
private func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value >> count) | (value << (32 &- count))
}

/// One SHA-256 round with the working variables renamed instead of shifted: `d` and `h` are the
/// two that change.
///
/// `previous` carries `a ^ b` from one round to the next, where it is `b ^ c`, which makes the
/// majority one operation shorter.
@inline(__always)
private func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
    _ h: inout UInt32, _ constantPlusWord: UInt32, _ previous: inout UInt32
) {
    let temp1 = h &+ constantPlusWord &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g)))
    let ab = a ^ b
    let temp2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((ab & previous) ^ b)
    previous = ab
    d = d &+ temp1
    h = temp1 &+ temp2
}

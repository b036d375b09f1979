#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// SHA-256 (FIPS 180-4), to pin the exact bytes of a dataset file or a policy module's `.so`.
///
/// Written here rather than taken from a package so the host has no third-party code; it is tested
/// against the NIST vectors.
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
    static func hashFile(_ path: String) -> (digest: String?, bytes: Int) {
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
    static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// An incremental SHA-256: feed it bytes as they are read, then take the digest.
    struct Hasher {
        private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
        )
        /// Bytes not yet hashed: fewer than one 64-byte block.
        private var pending: [UInt8] = []
        private var length: UInt64 = 0

        init() { pending.reserveCapacity(64) }

        /// Adds bytes to the message.
        mutating func update(_ bytes: UnsafeRawBufferPointer) {
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
        mutating func finalize() -> [UInt8] {
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

        private mutating func compress(blocks: UnsafeRawPointer, count: Int) {
            var h = state
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                guard let w = w.baseAddress else { return }
                SHA256.roundConstants.withUnsafeBufferPointer { constants in
                    guard let k = constants.baseAddress else { return }
                    for block in 0..<count {
                        let input = blocks + block * 64
                        for t in 0..<16 {
                            w[t] = UInt32(bigEndian: input.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
                        }
                        for t in 16..<64 {
                            let w15 = w[t - 15]
                            let w2 = w[t - 2]
                            let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3)
                            let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10)
                            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                        }
                        var a = h.0
                        var b = h.1
                        var c = h.2
                        var d = h.3
                        var e = h.4
                        var f = h.5
                        var g = h.6
                        var hh = h.7
                        var t = 0
                        while t < 64 {
                            round(a, b, c, &d, e, f, g, &hh, k[t] &+ w[t])
                            round(hh, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
                            round(g, hh, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
                            round(f, g, hh, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
                            round(e, f, g, &hh, a, b, c, &d, k[t + 4] &+ w[t + 4])
                            round(d, e, f, &g, hh, a, b, &c, k[t + 5] &+ w[t + 5])
                            round(c, d, e, &f, g, hh, a, &b, k[t + 6] &+ w[t + 6])
                            round(b, c, d, &e, f, g, hh, &a, k[t + 7] &+ w[t + 7])
                            t += 8
                        }
                        h.0 &+= a
                        h.1 &+= b
                        h.2 &+= c
                        h.3 &+= d
                        h.4 &+= e
                        h.5 &+= f
                        h.6 &+= g
                        h.7 &+= hh
                    }
                }
            }
            state = h
        }
    }

    static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
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

/// Rotates a word right.
@inline(__always)
private func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value >> count) | (value << (32 &- count))
}

/// One SHA-256 round with the working variables renamed instead of shifted: `d` and `h` are the
/// two that change.
@inline(__always)
private func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
    _ h: inout UInt32, _ constantPlusWord: UInt32
) {
    let temp1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ constantPlusWord
    let temp2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
    d = d &+ temp1
    h = temp1 &+ temp2
}

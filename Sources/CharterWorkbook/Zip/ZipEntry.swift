/// One file in a zip archive, as its central directory describes it.
public struct ZipEntry: Hashable, Sendable {
    /// The entry's name, a path with `/` between folders.
    public let name: ZipEntryName
    /// The compression method: 0 stored, 8 deflated (the two that ``ZipArchive`` reads).
    public let method: Int
    /// The general-purpose flags: bit 0 encrypted, bit 3 sizes in a data descriptor, bit 11 UTF-8 name.
    public let flags: Int
    /// The CRC-32 of the uncompressed bytes.
    public let crc32: UInt32
    /// The size of the stored (compressed) bytes.
    public let compressedSize: Int
    /// The size once uncompressed.
    public let uncompressedSize: Int
    /// Where the local header starts in the archive.
    public let localHeaderOffset: Int
    /// Where the entry's stored bytes start in the archive (just after its local header).
    let dataOffset: Int

    /// Whether the entry is encrypted (flag bit 0, or bit 6 for strong encryption).
    public var isEncrypted: Bool { flags & 0x41 != 0 }

    /// Whether the entry is a folder (its name ends with `/`).
    public var isDirectory: Bool { name.bytes.last == UInt8(ascii: "/") }
}

/// A zip entry's name: its bytes, and their text when they are UTF-8.
///
/// A zip marks a UTF-8 name with flag bit 11; any other name is, by the format, in code page 437,
/// and in practice in whatever the writer's system used (GBK on Chinese Windows). A name is never
/// guessed at: it is its text when its bytes are valid UTF-8 (ASCII is), and otherwise it is shown
/// as its bytes in hexadecimal, for a person to recognise.
public struct ZipEntryName: Hashable, Sendable, CustomStringConvertible {
    /// The name's bytes, as the central directory holds them (or as an Info-ZIP Unicode Path
    /// extra field gives them in UTF-8, when it matches the name it replaces).
    public let bytes: [UInt8]
    /// The name when its bytes are valid UTF-8, else `nil`.
    public let text: String?

    /// Creates the name of `bytes`.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        text = String(validating: bytes, as: UTF8.self)
    }

    /// The name's bytes in hexadecimal, two digits each, space-separated (`d5 b3 2e 78`).
    public var hex: String {
        let digits = Array("0123456789abcdef")
        return bytes.map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined(separator: " ")
    }

    /// The text, or for a name that is not UTF-8, its bytes in hexadecimal between angle brackets
    /// (`<d5 b3 d4 b1 2e 78 6d 6c>`).
    public var description: String { text ?? "<\(hex)>" }

    /// Whether the name is `path`, comparing ASCII letters without case and `\` as `/`: the names
    /// of a workbook's parts are case-insensitive (ECMA-376 part 2), and some writers on Windows
    /// put backslashes in them.
    public func matches(_ path: String) -> Bool {
        let other = Array(path.utf8)
        guard other.count == bytes.count else { return false }
        for (a, b) in zip(bytes, other) where Self.folded(a) != Self.folded(b) { return false }
        return true
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
        case UInt8(ascii: "\\"): UInt8(ascii: "/")
        default: byte
        }
    }
}

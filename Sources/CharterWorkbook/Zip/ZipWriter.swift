/// A zip archive written in memory, every entry stored (method 0) with its CRC-32 and a UTF-8
/// name: what a small generated workbook needs, and what every zip reader reads.
///
/// Every entry has the same time (1980-01-01 00:00, the earliest a zip can say), so the same
/// entries always make the same bytes.
public struct ZipWriter: Sendable {
    /// The archive so far: local headers and data, without the central directory.
    private var body: [UInt8] = []
    /// The central directory so far.
    private var directory: [UInt8] = []
    private var names = Set<[UInt8]>()

    /// The most entries an archive without zip64 holds.
    public static let maxEntries = 0xFFFE
    /// The largest entry (and archive) without zip64.
    public static let maxSize = 0xFFFF_FFFE

    /// Creates an empty archive.
    public init() {}

    /// The number of entries added.
    public var count: Int { names.count }

    /// Adds an entry `path` (with `/` between folders) holding `contents`.
    public mutating func add(_ path: String, contents: [UInt8]) throws(ZipError) {
        let name = Array(path.utf8)
        let entryName = ZipEntryName(bytes: name)
        guard names.count < Self.maxEntries else { throw ZipError(.tooManyEntries(limit: Self.maxEntries)) }
        guard name.count <= 0xFFFF, !names.contains(name) else { throw ZipError(.duplicateName, entry: entryName) }
        let offset = body.count
        guard contents.count <= Self.maxSize, offset + 30 + name.count + contents.count <= Self.maxSize,
            directory.count + 46 + name.count <= Self.maxSize
        else {
            throw ZipError(.tooLarge(size: contents.count, limit: Self.maxSize), entry: entryName)
        }
        names.insert(name)
        let crc = Int(CRC32.checksum(contents))
        // Version 2.0, UTF-8 name (bit 11), stored, 00:00 on 1980-01-01.
        let common: [(Int, Int)] = [
            (20, 2), (0x0800, 2), (0, 2), (0, 2), (0x21, 2), (crc, 4), (contents.count, 4), (contents.count, 4),
            (name.count, 2), (0, 2),
        ]
        Self.append(0x0403_4B50, 4, to: &body)
        for (value, width) in common { Self.append(value, width, to: &body) }
        body += name
        body += contents
        Self.append(0x0201_4B50, 4, to: &directory)
        Self.append(20, 2, to: &directory)
        for (value, width) in common { Self.append(value, width, to: &directory) }
        // No comment, disk 0, no attributes, and where the local header is.
        for (value, width) in [(0, 2), (0, 2), (0, 2), (0, 4), (offset, 4)] {
            Self.append(value, width, to: &directory)
        }
        directory += name
    }

    /// The whole archive: the entries, the central directory and its end record.
    public var bytes: [UInt8] {
        var archive = body + directory
        Self.append(0x0605_4B50, 4, to: &archive)
        for (value, width) in [(0, 2), (0, 2), (count, 2), (count, 2), (directory.count, 4), (body.count, 4), (0, 2)] {
            Self.append(value, width, to: &archive)
        }
        return archive
    }

    private static func append(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
        for index in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }
}

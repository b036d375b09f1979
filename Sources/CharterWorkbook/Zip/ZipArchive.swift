/// A zip archive held in memory: its entries from the central directory, and each entry's
/// contents on demand.
///
/// Reads what Excel, LibreOffice, WPS and the common libraries write: entries stored (method 0)
/// or deflated (method 8), with or without data descriptors, and an archive comment. It refuses,
/// each with a message that says so, zip64 archives, split archives, encrypted entries and other
/// methods, and it checks what a zip bomb would abuse: every structure lies inside the file,
/// entries' data do not overlap, and an entry inflates to its declared size and CRC-32 within the
/// limits given.
public struct ZipArchive: Sendable {
    /// The archive's bytes.
    public let bytes: [UInt8]
    /// The entries, in the central directory's order.
    public let entries: [ZipEntry]
    /// Whether ``contents(of:limits:)`` checks each entry's CRC-32 (always, but for the fuzz
    /// target, which could otherwise never reach past a mutated entry).
    var checksCRC = true

    /// Reads the central directory of the archive `bytes`.
    public init(bytes: [UInt8]) throws(ZipError) {
        self.bytes = bytes
        let end = try Self.endOfCentralDirectory(bytes)
        let reader = LittleEndianReader(bytes: bytes)
        guard reader.u16(end + 4) == 0, reader.u16(end + 6) == 0, reader.u16(end + 8) == reader.u16(end + 10) else {
            throw ZipError(.multiDisk)
        }
        let declared = reader.u16(end + 10) ?? 0
        let directorySize = reader.u32(end + 12) ?? 0
        let directoryOffset = reader.u32(end + 16) ?? 0
        if declared == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF
            || (end >= 20 && reader.u32(end - 20) == 0x0706_4B50)
        {
            throw ZipError(.zip64)
        }
        guard directoryOffset + directorySize <= end else { throw ZipError(.truncated) }
        var entries: [ZipEntry] = []
        var position = directoryOffset
        let directoryEnd = directoryOffset + directorySize
        while position < directoryEnd {
            guard entries.count < declared else {
                throw ZipError(.entryCount(declared: declared, found: entries.count + 1))
            }
            entries.append(try Self.centralRecord(reader, at: &position, end: directoryEnd, dataEnd: directoryOffset))
        }
        guard entries.count == declared else { throw ZipError(.entryCount(declared: declared, found: entries.count)) }
        try Self.checkLayout(entries)
        self.entries = entries
    }

    /// The entry named `path` (without regard to ASCII case, as ``ZipEntryName/matches(_:)``
    /// compares), if there is one.
    public func entry(named path: String) -> ZipEntry? {
        let exact = Array(path.utf8)
        return entries.first { $0.name.bytes == exact } ?? entries.first { $0.name.matches(path) }
    }

    /// The uncompressed contents of `entry`, checked against its declared size and CRC-32.
    public func contents(of entry: ZipEntry, limits: Inflate.Limits = Inflate.Limits()) throws(ZipError) -> [UInt8] {
        guard !entry.isEncrypted else { throw ZipError(.encrypted, entry: entry.name) }
        guard entry.uncompressedSize <= limits.maxOutput else {
            throw ZipError(.tooLarge(size: entry.uncompressedSize, limit: limits.maxOutput), entry: entry.name)
        }
        guard entry.dataOffset + entry.compressedSize <= bytes.count else {
            throw ZipError(.truncated, entry: entry.name)  // an entry of another archive
        }
        let stored = bytes[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)]
        let contents: [UInt8]
        switch entry.method {
        case 0:
            contents = Array(stored)
        case 8:
            do {
                contents = try Inflate.decompress(stored, limits: limits, expectedSize: entry.uncompressedSize)
            } catch {
                throw ZipError(.inflate(error), entry: entry.name)
            }
        default:
            throw ZipError(.unsupportedMethod(entry.method), entry: entry.name)
        }
        guard contents.count == entry.uncompressedSize else {
            throw ZipError(.sizeMismatch(declared: entry.uncompressedSize, actual: contents.count), entry: entry.name)
        }
        if checksCRC {
            let actual = CRC32.checksum(contents)
            guard actual == entry.crc32 else {
                throw ZipError(.checksumMismatch(declared: entry.crc32, actual: actual), entry: entry.name)
            }
        }
        return contents
    }

    /// Where the end-of-central-directory record starts: the last signature whose comment ends the
    /// file, else the last whose comment fits in it.
    static func endOfCentralDirectory(_ bytes: [UInt8]) throws(ZipError) -> Int {
        let reader = LittleEndianReader(bytes: bytes)
        guard bytes.count >= 22 else { throw ZipError(.notAZip) }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var fitting: Int?
        for start in stride(from: bytes.count - 22, through: lowest, by: -1) where reader.u32(start) == 0x0605_4B50 {
            let commentEnd = start + 22 + (reader.u16(start + 20) ?? 0)
            if commentEnd == bytes.count { return start }
            if commentEnd < bytes.count && fitting == nil { fitting = start }
        }
        guard let fitting else { throw ZipError(.notAZip) }
        return fitting
    }

    /// The central directory record at `position`, which moves past it; `end` is the directory's
    /// end, and `dataEnd` where the entries' headers and data must end (the directory's start).
    static func centralRecord(_ reader: LittleEndianReader, at position: inout Int, end: Int, dataEnd: Int)
        throws(ZipError) -> ZipEntry
    {
        let start = position
        guard start + 46 <= end else { throw ZipError(.truncated) }
        guard reader.u32(start) == 0x0201_4B50 else { throw ZipError(.badCentralDirectory) }
        let nameLength = reader.u16(start + 28) ?? 0
        let extraLength = reader.u16(start + 30) ?? 0
        let commentLength = reader.u16(start + 32) ?? 0
        let nameStart = start + 46
        let extraStart = nameStart + nameLength
        position = extraStart + extraLength + commentLength
        guard position <= end else { throw ZipError(.truncated) }
        let rawName = Array(reader.bytes[nameStart..<extraStart])
        let name = ZipEntryName(
            bytes: unicodePath(reader, extra: extraStart..<(extraStart + extraLength), replacing: rawName) ?? rawName)
        let flags = reader.u16(start + 8) ?? 0
        let compressedSize = reader.u32(start + 20) ?? 0
        let uncompressedSize = reader.u32(start + 24) ?? 0
        let localOffset = reader.u32(start + 42) ?? 0
        if compressedSize == 0xFFFF_FFFF || uncompressedSize == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF
            || reader.u16(start + 34) == 0xFFFF
        {
            throw ZipError(.zip64, entry: name)
        }
        // The local header: its own name and extra field lengths place the data.
        guard localOffset + 30 <= dataEnd else { throw ZipError(.truncated, entry: name) }
        guard reader.u32(localOffset) == 0x0403_4B50 else { throw ZipError(.badLocalHeader, entry: name) }
        let dataOffset = localOffset + 30 + (reader.u16(localOffset + 26) ?? 0) + (reader.u16(localOffset + 28) ?? 0)
        guard dataOffset + compressedSize <= dataEnd else { throw ZipError(.truncated, entry: name) }
        return ZipEntry(
            name: name, method: reader.u16(start + 10) ?? 0, flags: flags, crc32: UInt32(reader.u32(start + 16) ?? 0),
            compressedSize: compressedSize, uncompressedSize: uncompressedSize, localHeaderOffset: localOffset,
            dataOffset: dataOffset)
    }

    /// The UTF-8 name of an Info-ZIP Unicode Path extra field (0x7075) in `extra`, when the field
    /// is there, well formed, and made for `name` (it holds the CRC-32 of the name it replaces).
    static func unicodePath(_ reader: LittleEndianReader, extra: Range<Int>, replacing name: [UInt8]) -> [UInt8]? {
        var position = extra.lowerBound
        while position + 4 <= extra.upperBound {
            let id = reader.u16(position) ?? 0
            let size = reader.u16(position + 2) ?? 0
            let body = position + 4
            guard body + size <= extra.upperBound else { return nil }
            if id == 0x7075, size >= 5, reader.bytes[body] == 1,
                UInt32(reader.u32(body + 1) ?? 0) == CRC32.checksum(name)
            {
                let path = Array(reader.bytes[(body + 5)..<(body + size)])
                return String(validating: path, as: UTF8.self) == nil ? nil : path
            }
            position = body + size
        }
        return nil
    }

    /// Refuses two entries of one name, and entries whose data overlap.
    static func checkLayout(_ entries: [ZipEntry]) throws(ZipError) {
        var names = Set<[UInt8]>()
        for entry in entries where !names.insert(entry.name.bytes).inserted {
            throw ZipError(.duplicateName, entry: entry.name)
        }
        let ordered = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (earlier, later) in zip(ordered, ordered.dropFirst())
        where earlier.dataOffset + earlier.compressedSize > later.localHeaderOffset {
            throw ZipError(.overlappingEntries(other: earlier.name), entry: later.name)
        }
    }
}

/// Little-endian integers read from bytes, `nil` past their end.
struct LittleEndianReader {
    let bytes: [UInt8]

    func u16(_ offset: Int) -> Int? {
        guard offset >= 0, offset + 2 <= bytes.count else { return nil }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    func u32(_ offset: Int) -> Int? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16
            | Int(bytes[offset + 3]) << 24
    }
}

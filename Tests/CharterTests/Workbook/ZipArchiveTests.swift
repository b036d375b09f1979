import Foundation
import PolicyKit
import Testing

@testable import CharterWorkbook

extension WorkbookTests {
    /// The zip reader on archives written by Python's zipfile (Fixtures/zip, from
    /// scripts/make-workbook-fixtures.py), and on those archives with one field changed for each
    /// refusal.
    @Suite struct ZipArchiveTests {
        static func fixture(_ name: String) throws -> [UInt8] {
            [UInt8](try Data(contentsOf: Repository.fixture("zip/" + name)))
        }

        static let text = Array(String(repeating: "党员,member\n", count: 40).utf8)

        /// Where each central directory record of `bytes` starts, and the end record.
        static func layout(_ bytes: [UInt8]) throws -> (records: [Int], end: Int) {
            let end = try ZipArchive.endOfCentralDirectory(bytes)
            let reader = LittleEndianReader(bytes: bytes)
            var position = try #require(reader.u32(end + 16))
            var records: [Int] = []
            for _ in 0..<(try #require(reader.u16(end + 10))) {
                records.append(position)
                position +=
                    46 + (try #require(reader.u16(position + 28))) + (try #require(reader.u16(position + 30)))
                    + (try #require(reader.u16(position + 32)))
            }
            return (records, end)
        }

        /// `bytes` with the little-endian `value` of `width` bytes written at `offset`.
        static func patched(_ bytes: [UInt8], at offset: Int, _ value: Int, width: Int) -> [UInt8] {
            var bytes = bytes
            for index in 0..<width { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
            return bytes
        }

        /// The reason `bytes` is refused, whether on opening or on reading every entry.
        static func refusal(_ bytes: [UInt8], limits: Inflate.Limits = Inflate.Limits()) -> ZipError? {
            do {
                let archive = try ZipArchive(bytes: bytes)
                for entry in archive.entries { _ = try archive.contents(of: entry, limits: limits) }
                return nil
            } catch {
                return error
            }
        }

        @Test func storedDeflatedFoldersAndAComment() throws {
            let archive = try ZipArchive(bytes: try Self.fixture("comment.zip"))
            #expect(archive.entries.map(\.name.description) == ["folder/", "stored.txt", "deflated.csv", "名单/党员.csv"])
            #expect(archive.entries.map(\.method) == [0, 0, 8, 8])
            #expect(archive.entries.map(\.isDirectory) == [true, false, false, false])
            #expect(archive.entries[3].flags & 0x800 != 0)
            let stored = try #require(archive.entry(named: "stored.txt"))
            #expect(try archive.contents(of: stored) == Array("stored bytes\n".utf8))
            let deflated = try #require(archive.entry(named: "名单/党员.csv"))
            #expect(try archive.contents(of: deflated) == Self.text)
            #expect(try archive.contents(of: try #require(archive.entry(named: "folder/"))) == [])
        }

        @Test func namesMatchWithoutCaseAndWithBackslashes() throws {
            let archive = try ZipArchive(bytes: try Self.fixture("comment.zip"))
            #expect(archive.entry(named: "STORED.TXT")?.name.description == "stored.txt")
            #expect(archive.entry(named: "Folder\\")?.name.description == "folder/")
            #expect(archive.entry(named: "stored.tx") == nil)
            #expect(archive.entry(named: "名单/党员.CSV")?.name.description == "名单/党员.csv")
        }

        @Test func dataDescriptors() throws {
            let archive = try ZipArchive(bytes: try Self.fixture("descriptor.zip"))
            #expect(archive.entries.map { $0.flags & 8 } == [8, 8])
            #expect(try archive.contents(of: archive.entries[0]) == Self.text)
            #expect(try archive.contents(of: archive.entries[1]) == Array("stored bytes\n".utf8))
        }

        @Test func aNameThatIsNotUTF8IsShownInHex() throws {
            let archive = try ZipArchive(bytes: try Self.fixture("gbk-names.zip"))
            let gbk = archive.entries[0].name
            #expect(gbk.text == nil)
            #expect(gbk.bytes == [0xB5, 0xB3, 0xD4, 0xB1, 0x2E, 0x63, 0x73, 0x76])
            #expect(gbk.description == "<b5 b3 d4 b1 2e 63 73 76>")
            #expect(try archive.contents(of: archive.entries[0]) == Array("id\n".utf8))
            // The second has an Info-ZIP Unicode Path field made for its GBK name.
            #expect(archive.entries[1].name.text == "名单.csv")
            #expect(archive.entry(named: "名单.csv") != nil)
        }

        @Test func aUnicodePathMadeForAnotherNameIsIgnored() throws {
            let bytes = try Self.fixture("gbk-names.zip")
            let record = try Self.layout(bytes).records[1]
            let reader = LittleEndianReader(bytes: bytes)
            // The extra field follows the name; its CRC-32 starts 5 bytes into it.
            let crcOffset = record + 46 + (try #require(reader.u16(record + 28))) + 5
            let archive = try ZipArchive(bytes: Self.patched(bytes, at: crcOffset, 0x1234_5678, width: 4))
            #expect(archive.entries[1].name.text == nil)
            #expect(archive.entries[1].name.bytes == [0xC3, 0xFB, 0xB5, 0xA5, 0x2E, 0x63, 0x73, 0x76])
        }

        @Test func notAZip() throws {
            #expect(Self.refusal([])?.reason == .notAZip)
            #expect(Self.refusal(Array(repeating: 0, count: 21))?.reason == .notAZip)
            #expect(Self.refusal(Array("id,name\n1,张三\n".utf8))?.reason == .notAZip)
            // An end record whose comment would run past the end of the file.
            let bytes = try Self.fixture("comment.zip")
            #expect(Self.refusal(Array(bytes.dropLast()))?.reason == .notAZip)
            // Bytes after the comment are tolerated.
            #expect(Self.refusal(bytes + [0, 0]) == nil)
        }

        @Test func endRecordRefusals() throws {
            let bytes = try Self.fixture("comment.zip")
            let end = try Self.layout(bytes).end
            #expect(Self.refusal(Self.patched(bytes, at: end + 4, 1, width: 2))?.reason == .multiDisk)
            #expect(Self.refusal(Self.patched(bytes, at: end + 8, 3, width: 2))?.reason == .multiDisk)
            let all = Self.patched(Self.patched(bytes, at: end + 8, 0xFFFF, width: 2), at: end + 10, 0xFFFF, width: 2)
            #expect(Self.refusal(all)?.reason == .zip64)
            #expect(Self.refusal(Self.patched(bytes, at: end + 16, 0xFFFF_FFFF, width: 4))?.reason == .zip64)
            let three = Self.patched(Self.patched(bytes, at: end + 8, 3, width: 2), at: end + 10, 3, width: 2)
            #expect(Self.refusal(three)?.reason == .entryCount(declared: 3, found: 4))
            let five = Self.patched(Self.patched(bytes, at: end + 8, 5, width: 2), at: end + 10, 5, width: 2)
            #expect(Self.refusal(five)?.reason == .entryCount(declared: 5, found: 4))
            // The directory said to reach past the end record.
            #expect(Self.refusal(Self.patched(bytes, at: end + 12, 0x1000, width: 4))?.reason == .truncated)
        }

        @Test func aZip64LocatorIsRefused() throws {
            let bytes = try Self.fixture("comment.zip")
            let end = try Self.layout(bytes).end
            // Twenty bytes of a zip64 locator before the end record, the directory's offset kept.
            let locator: [UInt8] = [0x50, 0x4B, 0x06, 0x07] + Array(repeating: 0, count: 16)
            let bytesWithLocator = Array(bytes[..<end]) + locator + Array(bytes[end...])
            #expect(Self.refusal(bytesWithLocator)?.reason == .zip64)
        }

        @Test func centralRecordRefusals() throws {
            let bytes = try Self.fixture("comment.zip")
            let records = try Self.layout(bytes).records
            let stored = records[1]
            #expect(Self.refusal(Self.patched(bytes, at: stored, 0, width: 1))?.reason == .badCentralDirectory)
            let zip64 = Self.refusal(Self.patched(bytes, at: stored + 20, 0xFFFF_FFFF, width: 4))
            #expect(zip64?.reason == .zip64)
            #expect(zip64?.entry?.description == "stored.txt")
            let local = try #require(LittleEndianReader(bytes: bytes).u32(stored + 42))
            #expect(Self.refusal(Self.patched(bytes, at: stored + 42, local + 1, width: 4))?.reason == .badLocalHeader)
            // Data said to run into the central directory.
            #expect(Self.refusal(Self.patched(bytes, at: stored + 20, 5000, width: 4))?.reason == .truncated)
        }

        @Test func overlappingAndDuplicateEntries() throws {
            let bytes = try Self.fixture("comment.zip")
            let records = try Self.layout(bytes).records
            let reader = LittleEndianReader(bytes: bytes)
            let first = try #require(reader.u32(records[1] + 42))
            let overlapping = Self.refusal(Self.patched(bytes, at: records[2] + 42, first, width: 4))
            // Both now start at the same local header: stored.txt's.
            #expect(overlapping?.code == "zip.overlapping-entries")
            let duplicate = Self.refusal(try Self.fixture("duplicate.zip"))
            #expect(duplicate?.reason == .duplicateName)
            #expect(duplicate?.description.hasPrefix("xl/workbook.xml: ") == true)
        }

        @Test func entryRefusals() throws {
            let bytes = try Self.fixture("comment.zip")
            let stored = try Self.layout(bytes).records[1]
            let deflated = try Self.layout(bytes).records[2]
            // Encrypted: listed, but not read.
            let encrypted = Self.patched(bytes, at: stored + 8, 1, width: 2)
            let archive = try ZipArchive(bytes: encrypted)
            #expect(archive.entries[1].isEncrypted)
            #expect(Self.refusal(encrypted) == ZipError(.encrypted, entry: archive.entries[1].name))
            let bzip2 = Self.refusal(Self.patched(bytes, at: deflated + 10, 12, width: 2))
            #expect(bzip2?.reason == .unsupportedMethod(12))
            #expect(bzip2?.description.contains("method 12 (bzip2)") == true)
            // A stored entry declared one byte shorter or longer than its data.
            #expect(
                Self.refusal(Self.patched(bytes, at: stored + 24, 12, width: 4))?.reason
                    == .sizeMismatch(declared: 12, actual: 13))
            // A deflated entry declared shorter than it inflates to, or longer.
            let shorter = Self.refusal(Self.patched(bytes, at: deflated + 24, 100, width: 4))
            #expect(shorter?.code == "inflate.longer-than-declared")
            #expect(shorter?.description.hasPrefix("deflated.csv: byte ") == true)
            let longer = Self.refusal(Self.patched(bytes, at: deflated + 24, Self.text.count + 1, width: 4))
            #expect(longer?.reason == .sizeMismatch(declared: Self.text.count + 1, actual: Self.text.count))
            let crc = try #require(LittleEndianReader(bytes: bytes).u32(stored + 16))
            #expect(
                Self.refusal(Self.patched(bytes, at: stored + 16, crc ^ 1, width: 4))?.reason
                    == .checksumMismatch(declared: UInt32(crc ^ 1), actual: UInt32(crc)))
            #expect(
                Self.refusal(bytes, limits: Inflate.Limits(maxOutput: 100))?.reason
                    == .tooLarge(size: Self.text.count, limit: 100))
        }

        @Test func everyPrefixAndEveryChangedByteIsAnErrorOrAnArchiveNeverATrap() throws {
            for name in ["comment.zip", "descriptor.zip", "gbk-names.zip"] {
                let bytes = try Self.fixture(name)
                for end in 0..<bytes.count { _ = Self.refusal(Array(bytes[0..<end])) }
                for index in 0..<bytes.count {
                    for value: UInt8 in [0x00, 0xFF, bytes[index] ^ 0x10] {
                        var changed = bytes
                        changed[index] = value
                        _ = Self.refusal(changed, limits: Inflate.Limits(maxOutput: 1 << 16))
                    }
                }
            }
        }

        @Test func messagesInBothLanguages() throws {
            let name = ZipEntryName(bytes: Array("xl/styles.xml".utf8))
            let error = ZipError(.unsupportedMethod(14), entry: name)
            #expect(
                error.message(in: .english)
                    == "xl/styles.xml: The entry is compressed with method 14 (LZMA); only 0 (stored) and 8 (deflated) are read: save it again from Excel as .xlsx."
            )
            #expect(error.message(in: .chinese).hasPrefix("xl/styles.xml: 该条目使用压缩方法 14 (LZMA)"))
            let inflate = ZipError(.inflate(InflateError(.truncated, offset: 7)), entry: name)
            #expect(inflate.code == "inflate.truncated")
            #expect(inflate.message(in: .english).hasPrefix("xl/styles.xml: byte 7: The compressed data ends"))
            #expect(inflate.message(in: .chinese).hasPrefix("xl/styles.xml: 第 7 字节："))
        }
    }
}

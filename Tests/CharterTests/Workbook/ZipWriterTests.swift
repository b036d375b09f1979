import CharterWorkbook
import Testing

extension WorkbookTests {
    /// The zip writer, read back by the zip reader.
    @Suite struct ZipWriterTests {
        @Test func whatIsWrittenReadsBack() throws {
            var writer = ZipWriter()
            let data = (0..<5000).map { UInt8(truncatingIfNeeded: $0 * 7) }
            try writer.add("[Content_Types].xml", contents: Array("<Types/>".utf8))
            try writer.add("xl/worksheets/党员.xml", contents: data)
            try writer.add("empty", contents: [])
            let archive = try ZipArchive(bytes: writer.bytes)
            #expect(
                archive.entries.map(\.name.description) == ["[Content_Types].xml", "xl/worksheets/党员.xml", "empty"])
            #expect(archive.entries.allSatisfy { $0.method == 0 && $0.flags == 0x0800 })
            #expect(try archive.contents(of: archive.entries[1]) == data)
            #expect(archive.entries[1].crc32 == CRC32.checksum(data))
            #expect(try archive.contents(of: archive.entries[2]) == [])
        }

        @Test func theSameEntriesMakeTheSameBytes() throws {
            func archive() throws -> [UInt8] {
                var writer = ZipWriter()
                try writer.add("a.xml", contents: Array("a".utf8))
                try writer.add("b.xml", contents: Array("b".utf8))
                return writer.bytes
            }
            #expect(try archive() == archive())
        }

        @Test func anEmptyArchive() throws {
            let bytes = ZipWriter().bytes
            #expect(bytes.count == 22)
            #expect(try ZipArchive(bytes: bytes).entries.isEmpty)
        }

        @Test func aNameOnlyOnce() throws {
            var writer = ZipWriter()
            try writer.add("a.xml", contents: [])
            #expect(throws: ZipError(.duplicateName, entry: ZipEntryName(bytes: Array("a.xml".utf8)))) {
                try writer.add("a.xml", contents: [1])
            }
            try writer.add("A.xml", contents: [])
            #expect(writer.count == 2)
        }
    }
}

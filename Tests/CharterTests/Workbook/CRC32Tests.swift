import CharterWorkbook
import Testing

extension WorkbookTests {
    /// CRC-32 against its published check values.
    @Suite struct CRC32Tests {
        @Test(arguments: [
            ("", UInt32(0)),
            ("a", 0xE8B7_BE43),
            ("123456789", 0xCBF4_3926),
            ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
        ])
        func checkValues(_ text: String, _ expected: UInt32) {
            #expect(CRC32.checksum(Array(text.utf8)) == expected)
        }

        @Test func inPiecesAsWhole() {
            let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 31) }
            var crc = CRC32()
            crc.update(bytes[0..<1])
            crc.update(bytes[1..<500])
            crc.update(bytes[500...])
            #expect(crc.value == CRC32.checksum(bytes))
            #expect(CRC32.checksum(bytes) != CRC32.checksum(bytes.dropLast()))
        }
    }
}

import Foundation
import PolicyKit
import Testing

@testable import CharterData

/// The scalar types of the data contract, read from bytes.
@Suite struct FieldValuesTests {
    static func read<T>(_ text: String, _ parse: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        Array(text.utf8).withUnsafeBufferPointer(parse)
    }

    @Test(arguments: [
        ("true", true), ("TRUE", true), ("True", true), ("1", true), ("yes", true), ("YES", true), ("是", true),
        ("false", false), ("FALSE", false), ("0", false), ("no", false), ("No", false), ("否", false),
    ])
    func bools(_ text: String, _ value: Bool) {
        #expect(Self.read(text, FieldValues.bool) == value)
    }

    @Test(arguments: [
        "t", "y", "n", "2", "on", "off", " true", "true ", "真", "yess", "-1", "", "nO ", "tru", "trUe\u{0}", "fals",
        "falsE\u{0}", "fAlsa", "TRUF", "n\u{0F}", "\u{0E}o", "y\u{05}s", "ye\u{13}", "\u{19}es", "9es",
        "yeS\u{80}", "\u{D4}RUE", "是否", "否是",
    ])
    func notBools(_ text: String) {
        #expect(Self.read(text, FieldValues.bool) == nil)
    }

    @Test(arguments: [("0", 0), ("42", 42), ("007", 7), ("-3", -3), ("+5", 5), ("9223372036854775807", Int.max)])
    func integers(_ text: String, _ value: Int) {
        #expect(Self.read(text, FieldValues.integer) == value)
    }

    @Test(arguments: ["", "-", "+", "1.0", "1e3", " 1", "1 ", "1,000", "9223372036854775808", "٣", "0x10"])
    func notIntegers(_ text: String) {
        #expect(Self.read(text, FieldValues.integer) == nil)
    }

    @Test(arguments: [("1", "1"), ("2.5", "2.5"), ("0.25", "0.25"), ("10.0", "10")])
    func amounts(_ text: String, _ value: String) {
        #expect(Self.read(text, FieldValues.amount)?.description == value)
    }

    /// Whole amounts of up to 18 digits are read in 64-bit arithmetic; they must read exactly as
    /// the general reader reads them, on both sides of that boundary.
    @Test(arguments: [
        "0", "007", "60", "999999999999999999", "100000000000000000", "1234567890123456789",
        "999999999999999999999999", "12.5", "0.000000000001",
    ])
    func wholeAmountsReadAsTheGeneralReaderReadsThem(_ text: String) throws {
        let general = try #require(Array(text.utf8).withUnsafeBufferPointer { Amount(utf8: $0) })
        #expect(Self.read(text, FieldValues.amount) == general)
    }

    @Test(arguments: ["-1", "+1", "1e2", "1,5", ".5", "5.", "1 000", "", "1.2.3", "12a", "1-"])
    func notAmounts(_ text: String) {
        #expect(Self.read(text, FieldValues.amount) == nil)
    }

    @Test func codesAreComparedExactly() {
        #expect(Self.read("full", { FieldValues.code($0, CodeTables.status) }) == .full)
        #expect(Self.read("Full", { FieldValues.code($0, CodeTables.status) }) == nil)
        #expect(Self.read("in_service", { FieldValues.code($0, CodeTables.employment) }) == .inService)
        #expect(Self.read("full ", { FieldValues.code($0, CodeTables.status) }) == nil)
    }

    /// Dates read as `CivilDate(utf8:)` reads them, for every kind of byte at every position.
    @Test func datesReadAsCivilDateDoes() {
        let valid = ["1975-03-09", "2024-02-29", "0001-01-01", "9999-12-31", "2000-01-31", "1999-11-30"]
        var texts = valid.map { Array($0.utf8) }
        texts += ["2023-02-29", "0000-01-01", "2024-00-10", "2024-13-01", "2024-04-31", "2024-01-00", "2024-01-32"].map
        {
            Array($0.utf8)
        }
        texts += ["", "2024-1-01", "2024-01-011", "2024/01/01", "+024-01-01", " 2024-01-01"].map { Array($0.utf8) }
        let odd: [UInt8] = [0x00, 0x2D, 0x2F, 0x3A, 0x40, 0x7F, 0x80, 0xB0, 0xFF, 0x20, 0x2B, 0x39, 0x30, 0x31]
        for text in valid.map({ Array($0.utf8) }) {
            for index in text.indices {
                for byte in odd {
                    var changed = text
                    changed[index] = byte
                    texts.append(changed)
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            texts.append(
                (0..<10).map { _ in
                    Bool.random(using: &generator)
                        ? UInt8(0x30 + Int.random(in: 0...9, using: &generator))
                        : odd.randomElement(using: &generator) ?? 0
                })
        }
        for text in texts {
            let expected = text.withUnsafeBufferPointer { CivilDate(utf8: $0) }
            #expect(text.withUnsafeBufferPointer { FieldValues.date($0) } == expected, "\(text)")
        }
        #expect(Self.read("2024-02-29", FieldValues.date) == CivilDate(year: 2024, month: 2, day: 29))
    }

    /// Every code of every table is found, and nothing else: not the code with a byte changed
    /// (a letter's case, or any bit) at any position, cut short or made longer.
    static func checkCodes<Code: DomainCode>(_ table: CodeTable<Code>) {
        for code in Code.allCases {
            let bytes = Array(code.rawValue.utf8)
            #expect(bytes.withUnsafeBufferPointer { FieldValues.code($0, table) } == code)
            var variants = [Array(bytes.dropLast()), Array(bytes.dropFirst()), bytes + [0x20], [0x5F] + bytes]
            for index in bytes.indices {
                for bit in 0..<8 {
                    var changed = bytes
                    changed[index] ^= 1 << bit
                    variants.append(changed)
                }
            }
            for variant in variants {
                let found = variant.withUnsafeBufferPointer { FieldValues.code($0, table) }
                #expect(found.map { Array($0.rawValue.utf8) == variant } ?? true, "\(code): \(variant)")
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { FieldValues.code($0, table) } == nil)
    }

    @Test func everyCodeOfEveryTable() {
        Self.checkCodes(CodeTables.stage)
        Self.checkCodes(CodeTables.status)
        Self.checkCodes(CodeTables.relation)
        Self.checkCodes(CodeTables.employment)
        Self.checkCodes(CodeTables.education)
        Self.checkCodes(CodeTables.unitKind)
        Self.checkCodes(CodeTables.postBody)
        Self.checkCodes(CodeTables.postTitle)
        Self.checkCodes(CodeTables.eventKind)
        Self.checkCodes(CodeTables.bodyKind)
        Self.checkCodes(CodeTables.meetingKind)
        Self.checkCodes(CodeTables.distributionKind)
    }

    /// Field texts are made as `String(decoding:as:)` makes them, bytes that are not UTF-8
    /// included, at every length around the 15 bytes a string holds in itself.
    @Test func fieldTextsAreDecodedAsStringDoes() {
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("社".utf8), [0xE6, 0x98], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            while bytes.count < Int.random(in: 0...20, using: &generator) {
                bytes += pieces.randomElement(using: &generator) ?? []
            }
            let made = bytes.withUnsafeBufferPointer { makeString($0) }
            #expect(made == String(decoding: bytes, as: UTF8.self), "\(bytes)")
            #expect(Array(made.utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8))
        }
    }

    @Test func everyFileKindNamesAColumnForEachCase() {
        #expect(CommunityColumn.names.count == CommunityColumn.allCases.count)
        #expect(MemberColumn.names.count == MemberColumn.allCases.count)
        #expect(UnitColumn.names.count == UnitColumn.allCases.count)
        #expect(PostColumn.names.count == PostColumn.allCases.count)
        #expect(EventColumn.names.count == EventColumn.allCases.count)
        #expect(BodyColumn.names.count == BodyColumn.allCases.count)
        #expect(MeetingColumn.names.count == MeetingColumn.allCases.count)
        #expect(DistributionColumn.names.count == DistributionColumn.allCases.count)
        // The case names spell the columns: communityID is community_id.
        for (column, name) in zip(MemberColumn.allCases, MemberColumn.names) {
            let snake = String(describing: column).replacingOccurrences(of: "ID", with: "Id").reduce(into: "") {
                text, character in
                text += character.isUppercase ? "_" + character.lowercased() : String(character)
            }
            #expect(snake == name)
        }
    }
}

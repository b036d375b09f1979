import Foundation
import PolicyKit
import Testing

@testable import CharterWorkbook

extension WorkbookTests {
    /// Every error of the inflater, the zip reader and the xlsx reader says what is wrong in
    /// Chinese and in English, under a code of its own.
    @Suite struct WorkbookMessagesTests {
        static let inflate: [InflateError.Reason] = [
            .truncated, .reservedBlockType, .storedLengthMismatch(length: 1, complement: 2), .tooManyLiteralCodes(287),
            .tooManyDistanceCodes(31), .oversubscribedCode(.literals), .incompleteCode(.distances),
            .repeatWithoutPrevious, .codeLengthsOverrun, .missingEndOfBlock, .invalidCode(.codeLengths),
            .distanceTooFar(distance: 2, available: 1), .outputLimit(10), .ratioLimit(ratio: 100, compressedSize: 5),
            .longerThanExpected(3),
        ]

        static let zip: [ZipError.Reason] = [
            .notAZip, .truncated, .zip64, .multiDisk, .badCentralDirectory, .badLocalHeader,
            .entryCount(declared: 1, found: 2), .duplicateName,
            .overlappingEntries(other: ZipEntryName(bytes: Array("a".utf8))), .encrypted, .unsupportedMethod(12),
            .sizeMismatch(declared: 1, actual: 2), .checksumMismatch(declared: 1, actual: 2),
            .tooLarge(size: 2, limit: 1), .tooManyEntries(limit: 65534),
        ]

        static let workbook: [WorkbookError.Reason] = [
            .compoundFile, .missingPart("xl/workbook.xml"), .tooLarge(limit: 1), .notUTF8, .documentType,
            .processingInstruction,
            .malformedXML(code: 5, column: 3), .noSheets, .missingAttribute(element: "sheet", attribute: "name"),
            .unknownRelationship("rId9"), .duplicateSheetName("党员"), .invalidSheetName("a/b"),
            .badCellReference("A0"), .badRowNumber("0"), .rowOutOfOrder(row: 1, previous: 2),
            .cellOutOfOrder(previous: CellReference(within: 2, row: 1)),
            .cellOutsideRow(row: 2), .sharedStringIndex("9", count: 2), .styleIndex("9", count: 2), .badNumber("x"),
            .badBoolean("2"), .badDate("x"), .unknownCellType("x"), .tooManyCells(limit: 3),
            .beyondSheet(rows: 1, columns: 16385), .textTooLong(limit: 32767),
        ]

        static func isChinese(_ text: String) -> Bool {
            text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        }

        @Test func everyReasonInBothLanguages() {
            var messages: [(code: String, english: String, chinese: String)] = []
            for reason in Self.inflate {
                let error = InflateError(reason, offset: 0)
                messages.append((error.code, error.message(in: .english), error.message(in: .chinese)))
            }
            for reason in Self.zip {
                let error = ZipError(reason)
                messages.append((error.code, error.message(in: .english), error.message(in: .chinese)))
            }
            for reason in Self.workbook {
                let error = WorkbookError(reason)
                messages.append((error.code, error.message(in: .english), error.message(in: .chinese)))
            }
            for message in messages {
                #expect(Self.isChinese(message.chinese), "\(message.code): \(message.chinese)")
                #expect(!Self.isChinese(message.english.replacingOccurrences(of: "党员", with: "")), "\(message.code)")
                #expect(message.english.hasSuffix(".") && message.chinese.hasSuffix("。"), "\(message.code)")
            }
            #expect(Set(messages.map(\.code)).count == messages.count)
        }

        @Test func wrappedErrorsKeepTheirCodeAndLanguage() {
            let inflate = InflateError(.truncated, offset: 4)
            let zip = ZipError(.inflate(inflate), entry: ZipEntryName(bytes: Array("xl/styles.xml".utf8)))
            let workbook = WorkbookError(.archive(zip), workbook: "members.xlsx")
            #expect(workbook.code == "inflate.truncated")
            #expect(
                workbook.message(in: .english).hasPrefix("members.xlsx: xl/styles.xml: byte 4: The compressed data"))
            #expect(workbook.message(in: .chinese).hasPrefix("members.xlsx: xl/styles.xml: 第 4 字节：压缩数据"))
        }

        @Test func locations() throws {
            let cell = try #require(CellReference("C12"))
            #expect(
                WorkbookError(.badNumber("x"), workbook: "members.xlsx", sheet: "党员", cell: cell).location
                    == "members.xlsx[党员]!C12")
            #expect(WorkbookError(.badNumber("x"), sheet: "党员", cell: cell).location == "[党员]!C12")
            #expect(
                WorkbookError(.noSheets, workbook: "m.xlsx", part: "xl/workbook.xml", line: 2).location
                    == "m.xlsx: xl/workbook.xml:2")
            #expect(
                WorkbookError(
                    .rowOutOfOrder(row: 1, previous: 2), workbook: "m.xlsx", part: "xl/s.xml", line: 1, sheet: "A"
                )
                .location == "m.xlsx[A]: xl/s.xml:1")
            #expect(WorkbookError(.compoundFile).location == "")
            #expect(WorkbookError(.compoundFile).description.hasPrefix("This is not an .xlsx workbook"))
        }
    }
}

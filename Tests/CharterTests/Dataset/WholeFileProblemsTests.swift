import CharterSupport
import Foundation
import PolicyKit
import Testing

@testable import CharterData

/// A file that is wrong as a whole is one problem for the file, not one a row.
///
/// That is a file in another encoding, a workbook or no text at all; likewise a row of empty cells
/// is one problem for the row. Each is still an error: the dataset is refused.
@Suite struct WholeFileProblemsTests {
    static func read(_ bytes: [UInt8], _ kind: DatasetFileKind = .members, form: String = ".csv", chunkSize: Int? = nil)
        -> [String]
    {
        let outcome = DatasetReader.readFile(kind, form: form, bytes: bytes, chunkSize: chunkSize, asOf: Fixtures.asOf)
        return outcome.error?.problems.map(\.description) ?? []
    }

    static let examplesMembers: String = {
        (try? String(contentsOf: Repository.root.appendingPathComponent("Examples/data/members.csv"), encoding: .utf8))
            ?? ""
    }()

    @Test func aMembersFileInGB18030IsOneProblem() throws {
        let gb = try #require(Self.examplesMembers.data(using: gb18030)).map { $0 }
        #expect(Self.examplesMembers.split(separator: "\n").count > 500)
        #expect(
            Self.read(gb) == [
                "members.csv: The file looks like GB18030, Excel's default on Chinese Windows, not UTF-8: run charter import, or save it as CSV UTF-8."
            ])
        #expect(Self.read(gb, form: ".jsonl").first?.hasSuffix("or save it as UTF-8.") == true)
    }

    @Test(arguments: [1, 7, 4096])
    func aWholeFileProblemIsTheSameHoweverTheFileIsHandedOver(chunkSize: Int) throws {
        let gb = try #require(Self.examplesMembers.data(using: gb18030)).map { $0 }
        #expect(Self.read(gb, chunkSize: chunkSize) == Self.read(gb))
        let workbook: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x0A, 0x2C, 0x2C]
        #expect(Self.read(workbook, chunkSize: chunkSize) == Self.read(workbook))
        #expect(Self.read(workbook).count == 1)
    }

    @Test func theSameFileInUTF8IsReadWhole() {
        #expect(Self.read(Array(Self.examplesMembers.utf8)).allSatisfy { !$0.contains("GB18030") })
        #expect(ForeignContent.recognize(Array(Self.examplesMembers.utf8)) == nil)
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func aUTF8FileCutInChunksMidCharacterIsNotTakenForGB18030(chunkSize: Int) {
        let text = "id,name,district\nC1,红光社区,郫都区\nC2,锦江社区,郫都区\n"
        let outcome = DatasetReader.readFile(
            .communities, form: ".csv", bytes: Array(text.utf8), chunkSize: chunkSize, asOf: Fixtures.asOf)
        #expect(outcome.error == nil)
        #expect(outcome.dataset.communities.map(\.name) == ["红光社区", "锦江社区"])
    }

    @Test func aUTF8FileWithOneGBKFieldKeepsItsProblemAtTheRow() throws {
        let text = "id,name,district\nC1,红光社区,郫都区\nC2,锦江社区,郫都区\nC3,"
        let gbk = try #require("团结社区".data(using: gb18030)).map { $0 }
        let problems = Self.read(Array(text.utf8) + gbk + Array(",郫都区\n".utf8), .communities)
        #expect(problems.count == 1)
        #expect(
            problems.first?.hasPrefix("communities.csv:4: column name: The field holds a byte that is not UTF-8")
                == true)
    }

    @Test(
        arguments: [
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], ForeignContent.workbook),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00], .oldWorkbook),
            ([0xFF, 0xFE, 0x69, 0x00, 0x64, 0x00, 0x0A, 0x00], .utf16),
            ([0xFE, 0xFF, 0x00, 0x69, 0x00, 0x64, 0x00, 0x0A], .utf16),
            (Array("id,name\nC1,".utf8) + [0x00, 0x00, 0x0A], .binary),
        ] as [([UInt8], ForeignContent)])
    func aFileThatIsNoUTF8TextIsRecognised(_ bytes: [UInt8], _ content: ForeignContent) {
        #expect(ForeignContent.recognize(bytes) == content)
        let problems = Self.read(bytes + Array(String(repeating: "M1,C1,1970-01-01\n", count: 50).utf8))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("members.csv: The file ") == true)
    }

    @Test(arguments: [
        "", "id,name\n", "\u{FEFF}id,name\nC1,红光社区\n", "id,name\nC1,PK\u{3}\u{4}\n", "id,name\nC1,Müller é ß\n",
    ])
    func textFilesAreNotRecognisedAsAnythingElse(_ text: String) {
        #expect(ForeignContent.recognize(Array(text.utf8)) == nil)
    }

    @Test func aLatinOneFileIsLeftToItsRows() {
        // "Müller, José" in ISO 8859-1: not UTF-8, but not Chinese either.
        let bytes = Array("id,name\nC1,M".utf8) + [0xFC] + Array("ller Jos".utf8) + [0xE9] + Array("\n".utf8)
        #expect(ForeignContent.recognize(bytes) == nil)
    }

    // MARK: - Rows of empty cells

    @Test(arguments: [",,,,,", "\"\",,\"\",,,", ",,", ",,,,,,,,,,"])
    func aRowOfEmptyCellsIsOneProblem(_ row: String) {
        let text = "id,community_id,birth_date,join_date,status,relation\n\(row)\n"
        #expect(
            Self.read(Array(text.utf8)) == [
                "members.csv:2: The row has only empty cells (as a spreadsheet leaves a blank row); delete the row."
            ])
    }

    @Test func aRowWithOneValueIsNotAnEmptyRow() {
        let text = "id,community_id,birth_date,join_date,status,relation\n,,,,full,\n"
        let problems = Self.read(Array(text.utf8))
        #expect(problems.count == 5)
        #expect(problems.allSatisfy { $0.hasSuffix("A value is required.") })
    }

    @Test func aJSONRowWithNoValueIsOneProblem() {
        #expect(
            Self.read(Array("[{}, {\"id\": null, \"name\": \"\"}]".utf8), .communities, form: ".json") == [
                "communities.json:1: The row has no value in any of the file's columns; delete the row.",
                "communities.json:1: The row has no value in any of the file's columns; delete the row.",
            ])
        #expect(Self.read(Array("[{\"id\": \"C1\"}]".utf8), .communities, form: ".json") == [])
    }

    // MARK: - Workbooks beside the files

    /// A workbook for an optional file is a problem too: the office meant to give the file.
    @Test func aWorkbookForAnOptionalFileIsAProblemAndAnExcelLockFileIsNothing() throws {
        let folder = try TemporaryDirectory()
        let valid = "\(Fixtures.datasets)/valid/valid-header-only"
        for name in ["communities.csv", "members.csv"] {
            try FileManager.default.copyItem(atPath: valid + "/" + name, toPath: folder.path + "/" + name)
        }
        try Data([0x50, 0x4B, 0x03, 0x04]).write(to: folder.url.appendingPathComponent("events.xlsx"))
        try Data([0x50, 0x4B, 0x03, 0x04]).write(to: folder.url.appendingPathComponent("~$members.xlsx"))
        let error = try #require(throws: DatasetError.self) {
            try DatasetReader().read(directory: folder.path, asOf: Fixtures.asOf)
        }
        #expect(
            error.problems.map(\.description) == [
                "events.xlsx: The file is a workbook, which charter check does not read: run charter import to turn it into events.csv, or save it from Excel as CSV UTF-8."
            ])
        // Without the workbook, the Excel lock file alone is nothing.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("events.xlsx"))
        #expect(try DatasetReader().read(directory: folder.path, asOf: Fixtures.asOf).warnings.isEmpty)
    }

    @Test func aRequiredFileMissingWithNoWorkbookSaysNothingOfWorkbooks() throws {
        let error = try #require(throws: DatasetError.self) {
            try DatasetReader().read(directory: "\(Fixtures.datasets)/bad/missing-members", asOf: Fixtures.asOf)
        }
        #expect(
            error.problems.map(\.description) == [
                "members.csv: The required file is missing; a dataset needs communities and members, each as .csv, .json or .jsonl."
            ])
    }
}

/// GB18030, as Foundation converts it: CFString's `kCFStringEncodingGB_18030_2000` (0x0632) as an
/// `NSStringEncoding`.
private let gb18030 = String.Encoding(rawValue: 0x8000_0632)

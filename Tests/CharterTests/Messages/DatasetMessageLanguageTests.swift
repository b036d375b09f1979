import CharterSupport
import Foundation
import PolicyKit
import Testing

@testable import CharterData

/// Every problem and warning of the dataset reader says what is wrong in Chinese as well as in
/// English, at the same position (`FILE:LINE: column C:`) in both.
@Suite struct DatasetMessageLanguageTests {
    /// The position a problem starts with, as written in both languages.
    static func position(_ problem: DatasetProblem) -> String {
        var text = problem.file
        if let line = problem.line { text += ":\(line)" }
        text += ": "
        if let column = problem.column { text += "column \(column): " }
        return text
    }

    static func expectBilingual(_ problems: [DatasetProblem], sourceLocation: SourceLocation = #_sourceLocation) {
        for problem in problems {
            expectChinese(problem, sourceLocation: sourceLocation)
            #expect(problem.description == problem.message(in: .english), sourceLocation: sourceLocation)
            let position = position(problem)
            #expect(problem.message(in: .chinese).hasPrefix(position), sourceLocation: sourceLocation)
            #expect(problem.message(in: .english).hasPrefix(position), sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: Fixtures.cases("bad"))
    func everyProblemOfTheCorpusHasItsChinese(_ name: String) throws {
        let error = try #require(throws: DatasetError.self) {
            try DatasetReader().read(directory: "\(Fixtures.datasets)/bad/\(name)", asOf: Fixtures.asOf)
        }
        #expect(!error.problems.isEmpty)
        Self.expectBilingual(error.problems)
        expectChinese(error)
        #expect(error.message(in: .chinese).split(separator: "\n").count == error.problems.count)
    }

    @Test(arguments: Fixtures.cases("valid"))
    func everyWarningOfTheCorpusHasItsChinese(_ name: String) throws {
        let result = try DatasetReader().read(directory: "\(Fixtures.datasets)/valid/\(name)", asOf: Fixtures.asOf)
        Self.expectBilingual(result.warnings)
    }

    /// Files of one kind, each bad in its own way, between them reaching every problem the CSV and
    /// JSON readers name.
    static let badFiles: [(kind: DatasetFileKind, form: String, text: String)] = [
        (.communities, ".csv", ""),
        (.communities, ".csv", "id,id\nC1,C1\n"),
        (.communities, ".csv", "name\n红光社区\n"),
        (.communities, ".csv", "id,remark\nC1,x\n"),
        (.communities, ".csv", "id,name\nC1\n"),
        (.communities, ".csv", "id,name\nC1,红\"光\n"),
        (.communities, ".csv", "id,name\nC1,\"红光\"x\n"),
        (.communities, ".csv", "id,name\nC1,\"红光\n"),
        (.posts, ".csv", "community_id,body,post,seats\nC1,party_committee,secretary,0\n"),
        (.communities, ".csv", "id,name,stage\n,,\nC1,,\nC1,,x\n"),
        (.communities, ".csv", "id,households_planned,residents_committee\nC1,1.5,maybe\nC2,-1,\n"),
        (.communities, ".json", ""),
        (.communities, ".json", "{}"),
        (.communities, ".json", "[1]"),
        (.communities, ".json", "[{\"id\": \"C1\"} {\"id\": \"C2\"}]"),
        (.communities, ".json", "[] x"),
        (.communities, ".json", "[{1: 2}]"),
        (.communities, ".json", "[{\"id\" \"C1\"}]"),
        (.communities, ".json", "[{\"id\": \"C1\" \"name\": \"x\"}]"),
        (.communities, ".json", "[{\"id\": \"C1"),
        (.communities, ".json", "[{\"id\": \"C\n1\"}]"),
        (.communities, ".json", "[{\"id\": \"C\t1\"}]"),
        (.communities, ".json", "[{\"id\": \"C1\\"),
        (.communities, ".json", "[{\"id\": \"\\uD800x\"}]"),
        (.communities, ".json", "[{\"id\": \"\\uDC00\"}]"),
        (.communities, ".json", "[{\"id\": \"\\q\"}]"),
        (.communities, ".json", "[{\"id\": \"\\u12\"}]"),
        (.communities, ".json", "[{\"id\": \"\\u12G4\"}]"),
        (.communities, ".json", "[{\"id\": }]"),
        (.communities, ".json", "[{\"id\":"),
        (.communities, ".json", "[{\"id\": tru}]"),
        (.communities, ".json", "[{\"id\": -}]"),
        (.communities, ".json", "[{\"id\": 1.}]"),
        (.communities, ".json", "[{\"id\": 1e}]"),
        (.communities, ".json", "[{\"id\": [1, 2"),
        (.communities, ".json", "[{\"id\": [1 2]}]"),
        (.communities, ".json", "[{\"id\": \(String(repeating: "[", count: 600))}]"),
        (.communities, ".json", "[{\"id\": \"C1\", \"id\": \"C2\"}]"),
        (.communities, ".json", "[{\"id\": \"C1\", \"name\": {\"a\": 1}}]"),
        (.communities, ".json", "[{\"id\": \"C1\", \"nmae\": \"x\"}]"),
        (.communities, ".json", "[{}, {\"id\": null, \"name\": \"\"}]"),
        (.communities, ".jsonl", "{\"id\": \"C1\"} x\n{\"id\"\n"),
    ]

    @Test(arguments: badFiles.indices)
    func everyProblemOfABadFileHasItsChinese(_ index: Int) {
        let file = Self.badFiles[index]
        let outcome = DatasetReader.readFile(
            file.kind, form: file.form, bytes: Array(file.text.utf8), asOf: Fixtures.asOf)
        let problems = (outcome.error?.problems ?? []) + outcome.warnings
        #expect(!problems.isEmpty, "\(file.text)")
        Self.expectBilingual(problems)
    }

    /// Bytes that are not UTF-8 in a field, a file that is not UTF-8 text at all, in every form.
    static let notUTF8: [[UInt8]] = [
        Array("id,name\nC1,".utf8) + [0xC0, 0x0A],
        Array("[{\"id\": \"C1\", \"name\": \"".utf8) + [0xC0] + Array("\"}]".utf8),
        // 红光社区 and 锦江社区 in GB18030.
        Array("id,name\nC1,".utf8) + [0xBA, 0xEC, 0xB9, 0xE2, 0xC9, 0xE7, 0xC7, 0xF8]
            + Array("\nC2,".utf8) + [0xBD, 0xF5, 0xBD, 0xAD, 0xC9, 0xE7, 0xC7, 0xF8, 0x0A],
        [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00],
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00],
        [0xFF, 0xFE, 0x69, 0x00, 0x64, 0x00],
        Array("id,name\nC1,".utf8) + [0x00, 0x01, 0x0A],
    ]

    @Test(arguments: notUTF8.indices, [".csv", ".json", ".jsonl"])
    func aFileOrFieldThatIsNotUTF8HasItsChinese(_ index: Int, form: String) {
        let outcome = DatasetReader.readFile(
            .communities, form: form, bytes: Self.notUTF8[index], asOf: Fixtures.asOf)
        let problems = outcome.error?.problems ?? []
        #expect(!problems.isEmpty)
        Self.expectBilingual(problems + outcome.warnings)
    }

    @Test func theCountOfProblemsLeftOutHasItsChinese() {
        var members = "id,community_id,birth_date,join_date,status,relation\n"
        for index in 0..<10 { members += "M\(index),C1,1970-01-01,1990-01-01,nope,community\n" }
        let outcome = DatasetReader.readFile(
            .members, form: ".csv", bytes: Array(members.utf8), asOf: Fixtures.asOf, problemLimit: 3)
        let error = outcome.error
        #expect(error?.message(in: .chinese).hasSuffix("……另有 7 个问题未列出。") == true)
        #expect(error?.description.hasSuffix("… and 7 more problems.") == true)
    }

    @Test func theFolderItselfIsNamedInChinese() throws {
        let folder = try TemporaryDirectory()
        let file = folder.path + "/a-file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        for path in ["/nonexistent/charter-dataset", file] {
            let error = try #require(throws: DatasetError.self) {
                try DatasetReader().read(directory: path, asOf: Fixtures.asOf)
            }
            Self.expectBilingual(error.problems)
        }
    }

    @Test func strangersAreWarnedOfAndWorkbooksForOptionalFilesRefusedInChinese() throws {
        let folder = try TemporaryDirectory()
        let valid = "\(Fixtures.datasets)/valid/valid-header-only"
        for name in ["communities.csv", "members.csv"] {
            try FileManager.default.copyItem(atPath: valid + "/" + name, toPath: folder.path + "/" + name)
        }
        try Data("member_id\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/event.csv"))
        let result = try DatasetReader().read(directory: folder.path, asOf: Fixtures.asOf)
        #expect(result.warnings.map(\.file) == ["event.csv"])
        Self.expectBilingual(result.warnings)
        try Data([0x50, 0x4B, 0x03, 0x04]).write(to: URL(fileURLWithPath: folder.path + "/events.xlsx"))
        let error = try #require(throws: DatasetError.self) {
            try DatasetReader().read(directory: folder.path, asOf: Fixtures.asOf)
        }
        #expect(error.problems.map(\.file) == ["events.xlsx"])
        Self.expectBilingual(error.problems)
    }
}

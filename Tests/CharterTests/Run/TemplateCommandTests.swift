import CharterSupport
import Foundation
import Testing

/// `charter template` writes the contract's files with their headers, and notes on every column.
@Suite struct TemplateCommandTests {
    static func rows(_ path: String) throws -> [[String]] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func theEnglishTemplateIsAnEmptyDatasetThatCharterCheckAccepts() throws {
        let work = try TemporaryDirectory()
        let out = work.path + "/template"
        let result = try Charter.run(["template", "--out", out, "--lang", "en"])
        #expect(result.status == 0, "\(result.error)")
        for file in DatasetFile.allCases {
            #expect(try Self.rows(out + "/" + file.fileName) == [file.columns], "\(file.fileName)")
        }
        let check = try Charter.run(["check", "--data", out, "--as-of", "2026-06-30"])
        #expect(check.status == 0, "\(check.output)\(check.error)")
        let notes = try Self.rows(out + "/column-notes.csv")
        #expect(notes.count == 1 + DatasetFile.allCases.reduce(0) { $0 + $1.contract.count })
        let status = try #require(notes.first { $0.count > 1 && $0[0] == "members.csv" && $0[1] == "status" })
        #expect(status.last?.contains("full = full member") == true, "\(status)")
    }

    @Test func theChineseTemplateHasChineseHeadersAndNotes() throws {
        let work = try TemporaryDirectory()
        let out = work.path + "/template"
        let result = try Charter.run(["template", "--out", out, "--lang", "zh"])
        #expect(result.status == 0, "\(result.error)")
        #expect(try Self.rows(out + "/members.csv").first?.prefix(3) == ["党员编号", "姓名", "所在社区编号"])
        for file in DatasetFile.allCases {
            #expect(try Self.rows(out + "/" + file.fileName) == [file.contract.map(\.chineseName)], "\(file.fileName)")
        }
        let notes = try String(contentsOfFile: out + "/填写说明.csv", encoding: .utf8)
        #expect(notes.contains("full = 正式党员；probationary = 预备党员"), "\(notes.prefix(400))")
        #expect(notes.contains("必填，须在 communities.csv 中存在"))
    }

    @Test func aFolderThatIsThereIsRefusedAndKept() throws {
        let work = try TemporaryDirectory()
        let out = work.path + "/mine"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: out + "/members.csv"))
        let result = try Charter.run(["template", "--out", out, "--force"])
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: out + "/members.csv", encoding: .utf8) == "keep me")
    }

    /// The workbook form: a sheet per file, named as charter import reads them, and a notes sheet;
    /// imported as it is, it gives an empty dataset that charter check accepts.
    @Test(arguments: ["zh", "en"])
    func theWorkbookTemplateImportsIntoAnEmptyDataset(lang: String) throws {
        let work = try TemporaryDirectory()
        let out = work.path + "/template"
        let result = try Charter.run(["template", "--out", out, "--lang", lang, "--xlsx"])
        #expect(result.status == 0, "\(result.error)")
        let name = lang == "zh" ? "数据模板.xlsx" : "dataset-template.xlsx"
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") } == [name])
        let imported = work.path + "/dataset"
        let run = try Charter.run(["import", "--from", out, "--out", imported])
        #expect(run.status == 0, "\(run.error)")
        for file in DatasetFile.allCases {
            #expect(try Self.rows(imported + "/" + file.fileName) == [file.columns], "\(file)")
        }
        let check = try Charter.run(["check", "--data", imported, "--as-of", "2026-06-30"])
        #expect(check.status == 0, "\(check.output)\(check.error)")
    }
}

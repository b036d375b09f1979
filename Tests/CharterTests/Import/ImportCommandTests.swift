import Foundation
import Testing

/// `charter import` end to end, as an office uses it.
@Suite struct ImportCommandTests {
    static let office = Repository.fixture("office").path
    static let profile = Repository.root.path + "/Examples/profiles/chengdu-pilot.json"

    /// The office's folder made from the example district (members.xlsx with Chinese headers,
    /// Chinese labels and Excel dates; events.csv in GB18030 with Chinese headers and dates as
    /// 2026/6/30; the rest as they are) imports into a dataset whose run decides exactly as the
    /// example's: decisions.jsonl byte for byte.
    @Test func anOfficesFolderImportsIntoTheExamplesDecisions() throws {
        let work = try TemporaryDirectory()
        let imported = work.path + "/dataset"
        let result = try Charter.run(["import", "--from", Self.office, "--out", imported])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("members 515"), "\(result.error)")
        let runs = try ["example": Repository.root.path + "/Examples/data", "imported": imported].mapValues { data in
            let out = work.path + "/run-" + URL(fileURLWithPath: data).lastPathComponent
            let run = try Charter.run(["run", "--profile", Self.profile, "--data", data, "--out", out, "--jobs", "1"])
            #expect(run.status == 0, "\(run.error)")
            return try Data(contentsOf: URL(fileURLWithPath: out + "/decisions.jsonl"))
        }
        #expect(runs["example"]?.isEmpty == false)
        #expect(runs["example"] == runs["imported"])

        let report = try String(contentsOfFile: imported + "/import-report.csv", encoding: .utf8)
        #expect(report.contains("events.csv,events.csv,,GB18030,UTF-8,"), "\(report.prefix(300))")
        #expect(report.contains("members.csv,members.xlsx[党员]!H2,status,正式党员,full,"), "\(report.prefix(600))")
        #expect(report.contains("members.csv,members.xlsx[党员]!A2,id,m0001 ,m0001,"))
    }

    /// The imported folder checks without a warning about the import's own report, while any
    /// other file outside the contract is still named.
    @Test func theImportsReportIsNoStrangerToCheck() throws {
        let work = try TemporaryDirectory()
        let imported = work.path + "/dataset"
        #expect(try Charter.run(["import", "--from", Self.office, "--out", imported]).status == 0)
        let check = try Charter.run(["check", "--data", imported, "--as-of", "2026-06-30"])
        #expect(check.status == 0, "\(check.error)")
        #expect(check.error.isEmpty, "\(check.error)")
        let copy = work.path + "/copy"
        try FileManager.default.copyItem(atPath: imported, toPath: copy)
        try FileManager.default.copyItem(atPath: copy + "/import-report.csv", toPath: copy + "/import-reports.csv")
        let stranger = try Charter.run(["check", "--data", copy, "--as-of", "2026-06-30"])
        #expect(stranger.status == 0)
        #expect(
            stranger.error.contains("import-reports.csv: The file is not part of the data contract"),
            "\(stranger.error)")
        #expect(!stranger.error.contains("import-report.csv:"), "\(stranger.error)")
    }

    @Test func whatCannotBeMappedIsNamedAndNothingIsWritten() throws {
        let work = try TemporaryDirectory()
        let from = work.path + "/office"
        try FileManager.default.createDirectory(atPath: from, withIntermediateDirectories: true)
        try Data("社区编号,社区名称\nc01,红光\n".utf8).write(to: URL(fileURLWithPath: from + "/社区.csv"))
        try Data(
            "党员编号,所在社区编号,出生日期,入党日期,党员类别,组织关系所在\nm1,c01,1980/5/1,2005/7/1,正式,本社区\n".utf8
        ).write(to: URL(fileURLWithPath: from + "/党员.csv"))
        let out = work.path + "/dataset"
        let result = try Charter.run(["import", "--from", from, "--out", out, "--lang", "zh"])
        #expect(result.status == 2)
        #expect(result.error.contains("党员.csv:2: 列 status："), "\(result.error)")
        #expect(result.error.contains("未写出任何文件"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func itNeverWritesIntoTheFolderItReads() throws {
        let work = try TemporaryDirectory()
        let from = work.path + "/office"
        try FileManager.default.copyItem(atPath: Self.office, toPath: from)
        let before = try FileManager.default.contentsOfDirectory(atPath: from).sorted()
        for out in [from, from + "/dataset"] {
            let result = try Charter.run(["import", "--from", from, "--out", out, "--force"])
            #expect(result.status == 2, "\(out): \(result.error)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: from).sorted() == before)
    }

    @Test func anOldWorkbookIsSaidToBeSavedAgain() throws {
        let work = try TemporaryDirectory()
        let from = work.path + "/office"
        try FileManager.default.createDirectory(atPath: from, withIntermediateDirectories: true)
        try Data("id\nc01\n".utf8).write(to: URL(fileURLWithPath: from + "/communities.csv"))
        try Data([0xD0, 0xCF, 0x11, 0xE0]).write(to: URL(fileURLWithPath: from + "/members.xls"))
        let result = try Charter.run(["import", "--from", from, "--out", work.path + "/dataset"])
        #expect(result.status == 2)
        #expect(result.error.contains("members.xls: This is an old Excel workbook (.xls)"), "\(result.error)")
    }
}

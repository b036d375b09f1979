import Foundation
import Testing

/// Bytes from a data file or a profile reach the terminal escaped, never raw.
@Suite struct TerminalSafeMessagesTests {
    @Test func aControlByteInADataValueIsEscapedInCheckMessages() throws {
        let work = try TemporaryDirectory()
        let data = try writeDataset(
            in: work,
            [
                "communities.csv": "id,name\nC1,一社区\n",
                "members.csv":
                    "id,community_id,birth_date,join_date,status,relation\nM1,C1,1980-01-01,2000-01-01,full\u{1B}[2J,community\n",
            ])
        let result = try Charter.run(["check", "--data", data, "--as-of", "2026-06-30"])
        #expect(result.status == 2)
        #expect(result.error.contains("members.csv:2: column status:"), "\(result.error)")
        #expect(result.error.contains("full\\x1b[2J"), "\(result.error)")
        #expect(!result.error.utf8.contains(0x1B), "a raw ESC reached the terminal")
    }

    @Test func aControlByteInAProfileIsEscaped() throws {
        let work = try TemporaryDirectory()
        let profile = work.path + "/profile.json"
        try Data("{\"policies\": {\"stage\": {\"module\": \"Chengdu\\u001b]0;x\\u0007Pilot\"}}}".utf8)
            .write(to: URL(fileURLWithPath: profile))
        let result = try Charter.run(["profile", "check", profile])
        #expect(result.status == 2)
        #expect(!result.error.utf8.contains(0x1B) && !result.error.utf8.contains(0x07), "\(result.error)")
        #expect(result.error.contains("\\x1b]0;x\\x07"), "\(result.error)")
    }
}

/// Every command that writes a folder keeps to the same rules as `run`.
@Suite struct EveryCommandKeepsTheDatasetTests {
    @Test func diffAndGenerateRefuseToWriteOverTheDataset() throws {
        let work = try TemporaryDirectory()
        let data = work.path + "/data"
        _ = try Charter.run(["generate", "--example", "--out", data])
        let before = try FileManager.default.contentsOfDirectory(atPath: data).sorted()
        let diff = try Charter.run([
            "diff", "--base", RunFixture.pilot, "--candidate", RunFixture.baseline, "--data", data, "--out", data,
            "--force",
        ])
        #expect(diff.status == 2)
        #expect(diff.error.contains("it is the dataset folder"), "\(diff.error)")
        // generate may replace its own earlier output, but not a folder holding anything else.
        try Data("notes".utf8).write(to: URL(fileURLWithPath: data + "/notes.txt"))
        let generate = try Charter.run(["generate", "--example", "--out", data, "--force"])
        #expect(generate.status == 2)
        #expect(generate.error.contains("'notes.txt', which Charter did not write"), "\(generate.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data).sorted() == (before + ["notes.txt"]).sorted())
    }
}

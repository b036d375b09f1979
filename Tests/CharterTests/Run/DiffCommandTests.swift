import Foundation
import Testing

@Suite struct DiffCommandTests {
    let data = Repository.root.appendingPathComponent("Examples/data").path

    @Test func swappingBranchSetupChangesOnlyBranchSetupAndExitsOne() throws {
        let work = try TemporaryDirectory()
        let result = try Charter.run([
            "diff", "--base", RunFixture.pilot, "--candidate", RunFixture.baseline, "--data", data, "--out",
            work.path + "/diff",
        ])
        #expect(result.status == 1, "\(result.error)")
        #expect(result.output.contains("branch_setup: 8 of 8 decisions changed"))
        #expect(result.output.contains("member_management: 0 of"))
        #expect(result.output.contains("temporary_branch → branch: 1"))
        let lines = try String(contentsOfFile: work.path + "/diff/diff.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 8)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["point"] as? String == "branch_setup")
            #expect((object["candidate_rules"] as? [String])?.first?.hasPrefix("baseline.") == true)
            #expect((object["base_rules"] as? [String])?.first?.hasPrefix("setup.") == true)
            #expect(object["changed_details"] is [String])
        }
        let page = try String(contentsOfFile: work.path + "/diff/diff.html", encoding: .utf8)
        #expect(page.contains("community:c01"))
    }

    @Test func aProfileAgainstItselfExitsZero() throws {
        let result = try Charter.run([
            "diff", "--base", RunFixture.pilot, "--candidate", RunFixture.pilot, "--data", data,
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("No decision changes."))
    }

    @Test func failOnNarrowsWhatCountsForTheExitCode() throws {
        let narrowed = try Charter.run([
            "diff", "--base", RunFixture.pilot, "--candidate", RunFixture.baseline, "--data", data, "--fail-on",
            "member_management,points",
        ])
        #expect(narrowed.status == 0, "\(narrowed.error)")
        let wrong = try Charter.run([
            "diff", "--base", RunFixture.pilot, "--candidate", RunFixture.baseline, "--data", data, "--fail-on",
            "branch-setup",
        ])
        #expect(wrong.status == 2)
        #expect(wrong.error.contains("Did you mean 'branch_setup'?"))
    }

    @Test func theSummaryIsInChineseWhenAsked() throws {
        let result = try Charter.run([
            "diff", "--base", RunFixture.pilot, "--candidate", RunFixture.baseline, "--data", data, "--lang", "zh",
        ])
        #expect(result.status == 1)
        #expect(result.output.contains("政策对比"))
        #expect(result.output.contains("有变化的社区"))
    }
}

import Foundation
import Testing

@Suite struct PolicyTestCommandTests {
    /// Writes a case named "wrong on purpose" over a one-member community C1 decided by
    /// CharterBaseline's branch_setup, with `expectations` as its `expect`; returns its path.
    static func writeCase(expecting expectations: String, in work: TemporaryDirectory) throws -> String {
        let file = work.path + "/case.json"
        let text = """
            {"name": "wrong on purpose", "as_of": "2026-06-30",
             "policies": {"branch_setup": {"module": "CharterBaseline"}},
             "dataset": {"communities": [{"id": "C1"}],
                         "members": [{"id": "M1", "community_id": "C1", "birth_date": "1980-01-01",
                                      "join_date": "2000-01-01", "status": "full", "relation": "community"}]},
             "expect": \(expectations)}
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    @Test func theShippedCasesPassWithFullCoverageOfBothModules() throws {
        let result = try Charter.run([
            "test", "--coverage", "--min-coverage", "100",
            Repository.root.appendingPathComponent("Tests/PolicyCases").path,
        ])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("CharterBaseline  4/4"))
        #expect(result.output.contains("100.0%"))
        #expect(result.output.contains(" 0 failed"))
    }

    @Test func aWrongExpectationFailsWithExpectedAndActualSideBySide() throws {
        let work = try TemporaryDirectory()
        let file = try Self.writeCase(
            expecting: """
                [{"point": "branch_setup", "subject": "community:C1", "outcome": "branch",
                  "details": {"committee_seats": 5, "secretary_source": null}}]
                """, in: work)
        let result = try Charter.run(["test", file])
        #expect(result.status == 1)
        #expect(result.output.contains("FAIL  wrong on purpose"))
        #expect(result.output.contains("\"branch\""))
        #expect(result.output.contains("\"joint_branch\""))
        #expect(result.output.contains("details.committee_seats"))
        #expect(result.output.contains("details.secretary_source"))
        #expect(result.output.contains("0 passed, 1 failed"))
    }

    /// In Chinese, the table's own words are Chinese: a missing or unexpected decision, a reason
    /// expected, a detail expected absent; the values stay as the decisions have them.
    @Test func theMismatchTableSpeaksTheRunsLanguage() throws {
        let work = try TemporaryDirectory()
        let file = try Self.writeCase(
            expecting: """
                [{"point": "branch_setup", "subject": "community:C1", "reasons_contain": ["不会有的话"],
                  "details": {"committee_seats": null, "nothing_here": 1}},
                 {"point": "branch_setup", "subject": "community:C9", "outcome": "branch"},
                 {"point": "branch_setup", "subject": "community:C1", "absent": true}]
                """, in: work)
        let chinese = try Charter.run(["test", "--lang", "zh", file])
        #expect(chinese.status == 1)
        for words in ["有决定", "无决定", "含 \"不会有的话\" 的理由", "（无）", "预期", "实际"] {
            #expect(chinese.output.contains(words), "\(words) in \(chinese.output)")
        }
        for words in ["a decision", "no decision", "a reason containing", "(absent)"] {
            #expect(!chinese.output.contains(words), "\(words) in \(chinese.output)")
        }
        let english = try Charter.run(["test", "--lang", "en", file])
        for words in ["a decision", "no decision", "a reason containing \"不会有的话\"", "(absent)"] {
            #expect(english.output.contains(words), "\(words) in \(english.output)")
        }
    }
}

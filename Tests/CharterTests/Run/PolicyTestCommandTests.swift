import Foundation
import Testing

@Suite struct PolicyTestCommandTests {
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
        let file = work.path + "/case.json"
        let text = """
            {"name": "wrong on purpose", "as_of": "2026-06-30",
             "policies": {"branch_setup": {"module": "CharterBaseline"}},
             "dataset": {"communities": [{"id": "C1"}],
                         "members": [{"id": "M1", "community_id": "C1", "birth_date": "1980-01-01",
                                      "join_date": "2000-01-01", "status": "full", "relation": "community"}]},
             "expect": [{"point": "branch_setup", "subject": "community:C1", "outcome": "branch",
                         "details": {"committee_seats": 5, "secretary_source": null}}]}
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let result = try Charter.run(["test", file])
        #expect(result.status == 1)
        #expect(result.output.contains("FAIL  wrong on purpose"))
        #expect(result.output.contains("\"branch\""))
        #expect(result.output.contains("\"joint_branch\""))
        #expect(result.output.contains("details.committee_seats"))
        #expect(result.output.contains("details.secretary_source"))
        #expect(result.output.contains("0 passed, 1 failed"))
    }
}

import Foundation
import Testing

/// What a policy author and a district office see of a module's declarations: `modules describe`
/// lists the reason templates and the points each parameter affects; `profile init` writes a
/// parameter only under those points; a parameter set under another point is warned about.
@Suite struct ModuleDescriptionTests {
    @Test func describeListsEveryReasonTemplateWithItsSlotsInTheChosenLanguage() throws {
        let english = try Charter.run(["modules", "describe", "ChengduPilot", "--lang", "en"])
        #expect(english.status == 0, "\(english.error)")
        #expect(english.output.contains("Reasons ("), "\(english.output)")
        #expect(english.output.contains("since: date, months: count"), "\(english.output)")
        #expect(english.output.contains("Away since {since}, {months} months or more"), "\(english.output)")
        let chinese = try Charter.run(["modules", "describe", "ChengduPilot", "--lang", "zh"])
        #expect(chinese.output.contains("自{since}外出，已满{months}个月"), "\(chinese.output)")
        // Each parameter names the points it affects.
        let row = try #require(english.output.split(separator: "\n").first { $0.hasPrefix("maxAge ") })
        #expect(row.contains(" cadre_selection "), "\(row)")
    }

    @Test func profileInitWritesEachParameterOnlyUnderThePointsItAffects() throws {
        let result = try Charter.run(["profile", "init"])
        #expect(result.status == 0, "\(result.error)")
        let profile = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let policies = try #require(profile["policies"] as? [String: [String: Any]])
        func params(_ point: String) -> Set<String> {
            Set(((policies[point]?["params"] as? [String: Any]) ?? [:]).keys)
        }
        #expect(params("member_management") == ["mobileAfterMonths", "gridGranularity", "letterValidMonths"])
        #expect(params("cadre_selection") == ["maturityUnits", "maxAge", "oneShoulder"])
        #expect(!params("stage").contains("maxAge"))
        #expect(params("points").isEmpty)
    }

    @Test func aParameterUnderAPointItDoesNotAffectIsWarnedAboutAndOneWhereItBelongsIsNot() throws {
        let work = try TemporaryDirectory()
        let path = work.path + "/profile.json"
        try Data(
            #"""
            {"as_of": "2026-06-30", "policies": {
              "stage": {"module": "ChengduPilot", "params": {"maxAge": 55, "maturityUnits": 4}},
              "cadre_selection": {"module": "ChengduPilot", "params": {"maxAge": 55}}}}
            """#.utf8
        ).write(to: URL(fileURLWithPath: path))
        let result = try Charter.run(["profile", "check", path, "--lang", "en"])
        #expect(result.status == 0, "\(result.error)")
        let warnings = result.error.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(warnings.count == 1, "\(result.error)")
        #expect(warnings.first?.contains("policies.stage.params.maxAge") == true, "\(result.error)")
        #expect(warnings.first?.contains("it affects only cadre_selection") == true, "\(result.error)")
    }
}

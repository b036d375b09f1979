import CharterEngine
import CharterModules
import CharterSupport
import Foundation
import PolicyKit
import Testing

/// Every problem the profile reader, its dated values and the resolver name has its Chinese, with
/// the same JSON path in both languages.
@Suite struct ProfileMessageLanguageTests {
    let loader = ModuleLoader(modulePaths: [])

    func problems(_ json: String) -> [ProfileProblem] {
        do {
            let profile = try ProfileReader.parse(json, file: "p.json")
            _ = try ProfileResolver(loader: loader) { try? SHA256.hexDigest(ofFile: $0) }.resolve(
                profile, file: "p.json")
            return []
        } catch {
            expectChinese(error)
            return error.problems
        }
    }

    static let badProfiles: [String] = [
        #"[]"#,
        #"{"policies": "#,
        #"{}"#,
        #"{"extends": "base.json", "policies": {}}"#,
        #"{"district": 1, "policies": {}}"#,
        #"{"module_paths": "modules", "policies": {}}"#,
        #"{"module_paths": [1], "policies": {}}"#,
        #"{"as_of": "30/06/2026", "policies": {}}"#,
        #"{"policies": []}"#,
        #"{"policy": {}}"#,
        #"{"policies": {"stage": 1}}"#,
        #"{"policies": {"stage": {}}}"#,
        #"{"policies": {"stage": {"module": 1}}}"#,
        #"{"policies": {"stage": {"module": "ChengduPilot", "params": 1}}}"#,
        #"{"policies": {"stage": {"module": "ChengduPilot", "version": "1.0"}}}"#,
        #"{"policies": {"stage": {"module": "ChengduPilot", "sha256": "abc"}}}"#,
        #"{"policies": {"stage": {"module": "ChengduPilot", "modul": "x"}}}"#,
        #"{"policies": {"branch_setup": {"module": "ChengduPilot", "stages": 1}}}"#,
        #"{"policies": {"branch_setup": {"module": "ChengduPilot", "stages": {"matrity": {}}}}}"#,
        #"{"policies": {"branch_setup": {"module": "ChengduPilot", "stages": {"maturity": {"stages": {}}}}}}"#,
        #"{"policies": {"stage": {"module": "ChengduPilot", "stages": {"maturity": {}}}}}"#,
        #"{"policies": {"membr_management": {"module": "ChengduPilot"}}}"#,
        #"{"policies": {"stage": {"module": "ChengduPilt"}, "points": {"module": "ChengduPilt"}}}"#,
        #"{"policies": {"points": {"module": "CharterBaseline"}}}"#,
        #"{"policies": {"stage": {"module": "ChengduPilot", "version": "9.9.9"}}}"#,
        #"{"policies": {"stage": {"module": "ChengduPilot", "sha256": "0000000000000000000000000000000000000000000000000000000000000000"}}}"#,
        #"{"policies": {"branch_setup": {"module": "CharterBaseline", "params": {"zzz": 30}}}}"#,
        #"{"policies": {"member_management": {"module": "ChengduPilot", "params": {"mobileAfterMonth": 6}}}}"#,
        #"{"policies": {"member_management": {"module": "ChengduPilot", "params": {"mobileAfterMonths": "6"}}}}"#,
        #"{"policies": {"member_management": {"module": "ChengduPilot", "params": {"mobileAfterMonths": 6.5}}}}"#,
        #"{"policies": {"member_management": {"module": "ChengduPilot", "params": {"mobileAfterMonths": 600}}}}"#,
        #"{"policies": {"member_management": {"module": "ChengduPilot", "params": {"gridGranularity": "buildings"}}}}"#,
        #"{"policies": {"member_management": {"module": "ChengduPilot", "params": {"gridGranularity": true}}}}"#,
    ]

    /// Dated values, resolved on the profile's `as_of`.
    static let badDatedValues: [String] = [
        #"1"#,
        #"[]"#,
        #"[1]"#,
        #"[{"value": 6}]"#,
        #"[{"from": "2025-01-01"}]"#,
        #"[{"from": "2025-01-01", "value": 6, "basis": 1}]"#,
        #"[{"from": "2025-01-01", "value": 6, "basus": "x"}]"#,
        #"[{"from": "2025-01-01", "value": 6}, {"from": "2024-01-01", "value": 7}]"#,
        #"[{"from": "2027-01-01", "value": 6}]"#,
    ]

    @Test(arguments: badProfiles)
    func everyProblemOfABadProfileHasItsChinese(_ json: String) {
        let found = problems(json)
        #expect(!found.isEmpty, "\(json)")
        for problem in found {
            expectChinese(problem)
            if !problem.path.isEmpty {
                #expect(problem.message(in: .chinese).hasPrefix(problem.path + ": "))
                #expect(problem.message(in: .english).hasPrefix(problem.path + ": "))
            }
        }
    }

    @Test(arguments: badDatedValues)
    func everyProblemOfBadDatedValuesHasItsChinese(_ values: String) {
        let json =
            #"{"as_of": "2026-06-30", "policies": {"member_management": {"module": "ChengduPilot", "params": {"mobileAfterMonths": {"values": "#
            + values + "}}}}}"
        let found = problems(json)
        #expect(!found.isEmpty, "\(json)")
        for problem in found { expectChinese(problem) }
    }

    @Test func aBaseThatIsMissingOrACycleHasItsChinese() throws {
        let work = try TemporaryDirectory()
        let files = [
            "a.json": #"{"extends": "b.json", "policies": {}}"#, "b.json": #"{"extends": "a.json", "policies": {}}"#,
            "on-nothing.json": #"{"extends": "nothing.json", "policies": {}}"#,
            "on-number.json": #"{"extends": 1, "policies": {}}"#, "array.json": "[]",
            "on-array.json": #"{"extends": "array.json", "policies": {}}"#,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: work.url.appendingPathComponent(name)) }
        for name in ["a.json", "on-nothing.json", "on-number.json", "on-array.json"] {
            let error = try #require(throws: ProfileError.self) {
                try ProfileDocument.load(work.path + "/" + name) { file throws(ProfileError) in
                    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                        throw ProfileError(file: file, path: "", message: Text(zh: "无法打开。", en: "cannot be opened."))
                    }
                    return text
                }
            }
            expectChinese(error)
            for problem in error.problems { expectChinese(problem) }
        }
    }

    @Test func aSyntaxErrorOfJSONHasItsChinese() throws {
        for text in [
            #"{"a": }"#, #"{"a" 1}"#, #"{"a": 1,}"#, #"{"a": 1} x"#, #"["\x"]"#, #"[1.]"#, #"{"a": 1, "a": 2}"#,
        ] {
            let error = try #require(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
            expectChinese(error)
            #expect(error.message(in: .chinese).hasPrefix("第 \(error.line) 行第 \(error.column) 列："))
        }
    }
}

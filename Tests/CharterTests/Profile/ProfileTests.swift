import CharterData
import CharterEngine
import CharterModules
import CharterSupport
import Foundation
import PolicyKit
import Testing

@Suite struct ProfileTests {
    let loader = ModuleLoader(modulePaths: [])

    func problems(_ json: String) -> [ProfileProblem] {
        do {
            let profile = try ProfileReader.parse(json, file: "p.json")
            _ = try ProfileResolver(loader: loader) { try? SHA256.hexDigest(ofFile: $0) }.resolve(
                profile, file: "p.json")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func theExampleProfilesAreValid() throws {
        for name in ["chengdu-pilot", "charter-baseline"] {
            let text = try String(
                contentsOf: Repository.root.appendingPathComponent("Examples/profiles/\(name).json"), encoding: .utf8)
            #expect(problems(text) == [], "\(name)")
        }
    }

    @Test(arguments: [
        (
            #"{"policies": {"stage": {"module": "ChengduPilt"}}}"#, "policies.stage.module",
            "Did you mean 'ChengduPilot'?"
        ),
        (
            #"{"policies": {"points": {"module": "CharterBaseline"}}}"#, "policies.points.module",
            "does not decide points"
        ),
        (
            #"{"policies": {"member_management": {"module": "ChengduPilot", "params": {"mobileAfterMonth": 6}}}}"#,
            "policies.member_management.params.mobileAfterMonth", "Did you mean 'mobileAfterMonths'?"
        ),
        (
            #"{"policies": {"member_management": {"module": "ChengduPilot", "params": {"mobileAfterMonths": "6"}}}}"#,
            "policies.member_management.params.mobileAfterMonths", "must be an integer, not a string"
        ),
        (
            #"{"policies": {"member_management": {"module": "ChengduPilot", "params": {"mobileAfterMonths": 600}}}}"#,
            "policies.member_management.params.mobileAfterMonths", "out of range"
        ),
        (
            #"{"policies": {"member_management": {"module": "ChengduPilot", "params": {"gridGranularity": "buildings"}}}}"#,
            "policies.member_management.params.gridGranularity", "Did you mean 'building'?"
        ),
        (
            #"{"policies": {"membr_management": {"module": "ChengduPilot"}}}"#, "policies.membr_management",
            "Did you mean 'member_management'?"
        ),
        (
            #"{"policies": {"branch_setup": {"module": "ChengduPilot", "stages": {"matrity": {}}}}}"#,
            "policies.branch_setup.stages.matrity", "Did you mean 'maturity'?"
        ),
        (
            #"{"policies": {"stage": {"module": "ChengduPilot", "stages": {"maturity": {}}}}}"#,
            "policies.stage.stages",
            "cannot vary by stage"
        ),
        (
            #"{"policies": {"stage": {"module": "ChengduPilot", "version": "9.9.9"}}}"#, "policies.stage.version",
            "pins ChengduPilot 9.9.9"
        ),
        (
            #"{"policies": {"stage": {"module": "ChengduPilot", "sha256": "0000000000000000000000000000000000000000000000000000000000000000"}}}"#,
            "policies.stage.sha256", "has changed"
        ),
        (#"{"as_of": "30/06/2026", "policies": {}}"#, "as_of", "YYYY-MM-DD"),
        (#"{"policy": {}}"#, "policy", "Did you mean 'policies'?"),
        (#"{"policies": {"stage": {}}}"#, "policies.stage.module", "is missing"),
    ])
    func namesTheJSONPathOfEachProblem(json: String, path: String, says: String) {
        let found = problems(json)
        #expect(found.contains { $0.path == path && $0.message.english.contains(says) }, "\(found)")
    }

    @Test func aStageOverrideKeepsTheModuleAndMergesItsParameters() throws {
        let profile = try ProfileReader.parse(
            #"""
            {"policies": {"member_management": {"module": "ChengduPilot", "params": {"mobileAfterMonths": 6, "letterValidMonths": 2},
              "stages": {"maturity": {"params": {"mobileAfterMonths": 12}}, "preparation": {"module": "ChengduPilot"}}}}}
            """#, file: "p.json")
        let plan = try ProfileResolver(loader: loader) { _ in nil }.resolve(profile, file: "p.json")
        let point = try #require(plan.points[.memberManagement])
        #expect(point.base.parameters.values["mobileAfterMonths"] == .integer(6))
        #expect(point.selection(for: .maturity).parameters.values["mobileAfterMonths"] == .integer(12))
        #expect(point.selection(for: .maturity).parameters.values["letterValidMonths"] == .integer(2))
        #expect(point.selection(for: .transition).parameters.values["mobileAfterMonths"] == .integer(6))
        #expect(plan.decidedPoints == [.memberManagement])
    }

    @Test func aPinnedDigestThatMatchesIsAccepted() throws {
        let module = try loader.load(named: "CharterBaseline")
        let digest = try SHA256.hexDigest(ofFile: module.file)
        let json =
            #"{"policies": {"branch_setup": {"module": "CharterBaseline", "version": "1.0.0", "sha256": "\#(digest)"}}}"#
        #expect(problems(json) == [])
    }
}

import CharterData
import CharterEngine
import CharterSupport
import Foundation
import PolicyKit
import Testing

/// Profiles as a city publishes them: a base and district overlays, dated values with their
/// basis.
@Suite struct ProfileOverlayTests {
    /// Writes `files` (name → JSON text) into a new folder; returns it.
    func folder(_ files: [String: String]) throws -> TemporaryDirectory {
        let work = try TemporaryDirectory()
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: work.path + "/" + name))
        }
        return work
    }

    func load(_ path: String) throws(ProfileError) -> ProfileDocument {
        try ProfileDocument.load(path) { file throws(ProfileError) in
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ProfileError(
                    file: file,
                    problems: [ProfileProblem(path: "", message: Text(zh: "无法打开。", en: "cannot be opened."))])
            }
            return text
        }
    }

    func date(_ text: String) -> CivilDate { CivilDate(text) ?? .earliest }

    static let city = """
        {"district": "成都市", "as_of": "2026-06-30",
         "policies": {
           "stage": {"module": "ChengduPilot", "params": {"maturityUnits": 5}},
           "member_management": {"module": "ChengduPilot",
             "params": {"mobileAfterMonths": 6, "letterValidMonths": 3},
             "stages": {"maturity": {"params": {"mobileAfterMonths": 4}}}}}}
        """

    @Test func anOverlayReplacesWhatItNamesAndInheritsTheRest() throws {
        let work = try folder([
            "city.json": Self.city,
            "district.json": """
            {"extends": "city.json", "district": "郫都区",
             "policies": {"member_management": {"params": {"mobileAfterMonths": 3}}}}
            """,
        ])
        let document = try load(work.path + "/district.json")
        #expect(document.chain == [work.path + "/district.json", work.path + "/city.json"])
        let resolved = try document.resolved(at: date("2026-06-30"))
        let management = try #require(resolved.profile.policies[.memberManagement])
        #expect(management.module == "ChengduPilot")
        let params = Dictionary(uniqueKeysWithValues: management.params.map { ($0.name, $0.value) })
        #expect(params["mobileAfterMonths"] == .number("3"))
        #expect(params["letterValidMonths"] == .number("3"))
        #expect(management.stages[.maturity]?.params.first?.value == .number("4"), "the stage override is inherited")
        #expect(resolved.profile.district == "郫都区")
        #expect(resolved.profile.policies[.stage]?.module == "ChengduPilot")
        // Each value names the file it came from.
        let sources = Dictionary(uniqueKeysWithValues: resolved.values.map { ($0.path, $0.file) })
        #expect(sources["policies.member_management.params.mobileAfterMonths"] == work.path + "/district.json")
        #expect(sources["policies.member_management.params.letterValidMonths"] == work.path + "/city.json")
        #expect(sources["policies.stage.params.maturityUnits"] == work.path + "/city.json")
    }

    @Test func anOverlayThatChangesAPointsModuleStartsItsParametersAfresh() throws {
        let work = try folder([
            "city.json": Self.city,
            "district.json": """
            {"extends": "city.json", "policies": {"member_management": {"module": "CharterBaseline"}}}
            """,
        ])
        let resolved = try load(work.path + "/district.json").resolved(at: date("2026-06-30"))
        let management = try #require(resolved.profile.policies[.memberManagement])
        #expect(management.module == "CharterBaseline")
        #expect(management.params.isEmpty && management.stages.isEmpty)
    }

    @Test func anOverlayThatDatesTheSameModuleKeepsTheBasesParameters() throws {
        let work = try folder([
            "city.json": #"{"policies": {"branch_setup": {"module": "ChengduPilot", "params": {"largeBranch": 40}}}}"#,
            "district.json": """
            {"extends": "city.json", "policies": {"branch_setup": {"module": {"values": [
              {"from": "2024-01-01", "value": "ChengduPilot", "basis": "成组通〔2024〕31号"}]}}}}
            """,
        ])
        let resolved = try load(work.path + "/district.json").resolved(at: date("2026-06-30"))
        let setup = try #require(resolved.profile.policies[.branchSetup])
        #expect(setup.module == "ChengduPilot")
        #expect(setup.params.first { $0.name == "largeBranch" }?.value == .number("40"))
    }

    @Test func aBaseThatIsNotAProfileOrDoesNotExistIsNamed() throws {
        let work = try folder([
            "array.json": "[1, 2]",
            "on-array.json": #"{"extends": "array.json", "policies": {}}"#,
            "on-nothing.json": #"{"extends": "nope.json", "policies": {}}"#,
        ])
        #expect {
            _ = try load(work.path + "/on-array.json")
        } throws: { error in
            (error as? ProfileError)?.description.contains("array.json: A profile is a JSON object") == true
        }
        #expect {
            _ = try load(work.path + "/on-nothing.json")
        } throws: { error in
            let text = (error as? ProfileError)?.description ?? ""
            return text.contains("on-nothing.json: extends: names ") && text.contains("nope.json, which does not exist")
        }
    }

    @Test func aCycleIsRefusedNamingTheChain() throws {
        let work = try folder([
            "a.json": #"{"extends": "b.json", "policies": {}}"#,
            "b.json": #"{"extends": "a.json", "policies": {}}"#,
        ])
        #expect {
            _ = try load(work.path + "/a.json")
        } throws: { error in
            let text = (error as? ProfileError)?.description ?? ""
            return text.contains("cycle") && text.contains("a.json → ") && text.contains("b.json → ")
        }
    }

    static let dated = """
        {"as_of": "2026-06-30", "policies": {"member_management": {"module": "ChengduPilot", "params": {
          "mobileAfterMonths": {"values": [
            {"from": "2025-01-01", "value": 6, "basis": "成组通〔2024〕31号"},
            {"from": "2026-07-01", "value": 3, "basis": "郫组通〔2026〕12号"}]}}}}}
        """

    @Test(arguments: [
        ("2025-01-01", 6, "成组通〔2024〕31号"), ("2026-06-30", 6, "成组通〔2024〕31号"), ("2026-07-01", 3, "郫组通〔2026〕12号"),
        ("2030-01-01", 3, "郫组通〔2026〕12号"),
    ])
    func theValueInForceOnTheAsOfDateIsUsed(_ day: String, _ value: Int, _ basis: String) throws {
        let work = try folder(["p.json": Self.dated])
        let resolved = try load(work.path + "/p.json").resolved(at: date(day))
        let parameter = resolved.profile.policies[.memberManagement]?.params.first
        #expect(parameter?.value == .number(String(value)))
        let record = resolved.values.first { $0.path == "policies.member_management.params.mobileAfterMonths" }
        #expect(record?.basis == basis)
        #expect(resolved.bases.map(\.basis) == [basis])
    }

    @Test func noValueInForceIsAnErrorNamingTheParameterAndTheDate() throws {
        let work = try folder(["p.json": Self.dated])
        #expect {
            _ = try load(work.path + "/p.json").resolved(at: date("2024-12-31"))
        } throws: { error in
            let text = (error as? ProfileError)?.description ?? ""
            return text.contains(
                "policies.member_management.params.mobileAfterMonths: has no value in force on 2024-12-31")
                && text.contains("the first takes effect on 2025-01-01")
        }
    }

    @Test(arguments: [("2026-07-01", "2025-01-01"), ("2025-01-01", "2025-01-01")])
    func datesOutOfOrderOrRepeatedAreErrorsWithTheirPath(_ first: String, _ second: String) throws {
        let work = try folder([
            "p.json": """
            {"policies": {"points": {"module": {"values": [
              {"from": "\(first)", "value": "ChengduPilot"}, {"from": "\(second)", "value": "CharterBaseline"}]}}}}
            """
        ])
        #expect {
            _ = try load(work.path + "/p.json").resolved(at: date("2026-12-31"))
        } throws: { error in
            (error as? ProfileError)?.description.contains("policies.points.module.values[1].from:") == true
        }
    }

    @Test func aDatedModuleChoiceChangesTheModuleOnItsDate() throws {
        let work = try folder([
            "p.json": """
            {"policies": {"branch_setup": {"module": {"values": [
              {"from": "2025-01-01", "value": "ChengduPilot"},
              {"from": "2026-07-01", "value": "CharterBaseline", "basis": "区委组织部通知"}]}}}}
            """
        ])
        let document = try load(work.path + "/p.json")
        #expect(try document.resolved(at: date("2026-06-30")).profile.policies[.branchSetup]?.module == "ChengduPilot")
        #expect(
            try document.resolved(at: date("2026-07-01")).profile.policies[.branchSetup]?.module == "CharterBaseline")
    }

    @Test func anErrorNamesTheFileThatSetTheValue() throws {
        let work = try folder([
            "city.json": #"{"policies": {"stage": {"module": "ChengduPilot", "params": {"maturityUnits": "five"}}}}"#,
            "district.json": #"{"extends": "city.json", "district": "郫都区"}"#,
        ])
        let result = try Charter.run(["profile", "check", work.path + "/district.json"])
        #expect(result.status == 2)
        #expect(
            result.error.contains(work.path + "/city.json: policies.stage.params.maturityUnits:"), "\(result.error)")
    }
}

/// The examples' city base and district overlay, run on either side of the dated change, and
/// `charter replay`.
@Suite struct DatedRunAndReplayTests {
    static let city = Repository.root.appendingPathComponent("Examples/profiles/chengdu-city.json").path
    static let district = Repository.root.appendingPathComponent("Examples/profiles/pidu-district.json").path
    static let data = Repository.root.appendingPathComponent("Examples/data").path

    @Test func theDistrictsChangeTakesEffectOnItsDate() throws {
        let work = try TemporaryDirectory()
        for day in ["2026-06-14", "2026-06-30"] {
            let diff = try Charter.run([
                "diff", "--base", Self.city, "--candidate", Self.district, "--data", Self.data, "--as-of", day,
                "--lang", "en",
            ])
            if day == "2026-06-14" {
                #expect(diff.status == 0, "before 15 June the district runs the city's rules: \(diff.output)")
            } else {
                #expect(diff.status == 1, "\(diff.error)")
                #expect(diff.output.contains("member_management: 2 of 515 decisions changed"), "\(diff.output)")
                for point in ["stage", "branch_setup", "cadre_selection", "points", "governance"] {
                    #expect(diff.output.contains("\(point): 0 of"), "\(point) changed too: \(diff.output)")
                }
            }
        }
        // One profile at two dates: the dated change alone.
        let run = try Charter.run([
            "run", "--profile", Self.district, "--data", Self.data, "--out", work.path + "/o", "--as-of", "2026-06-30",
            "--lang", "zh",
        ])
        #expect(run.status == 0, "\(run.error)")
        let record = try String(contentsOfFile: work.path + "/o/run.json", encoding: .utf8)
        #expect(record.contains("\"basis\": \"郫组通〔2026〕12号\""))
        #expect(record.contains("\"from\": \"2026-06-15\""))
        let report = try String(contentsOfFile: work.path + "/o/report.html", encoding: .utf8)
        #expect(report.contains("依据") && report.contains("郫组通〔2026〕12号"))
    }

    @Test func replayVerifiesARunAndRefusesWhatChanged() throws {
        let work = try TemporaryDirectory()
        let data = work.path + "/data"
        _ = try Charter.run(["generate", "--example", "--out", data])
        let run = try Charter.run(["run", "--profile", Self.district, "--data", data, "--out", work.path + "/o"])
        #expect(run.status == 0, "\(run.error)")
        let record = work.path + "/o/run.json"
        let verified = try Charter.run(["replay", record, "--data", data])
        #expect(verified.status == 0, "\(verified.error)")
        #expect(verified.output.contains("verified"))

        // A dataset file changed: refused, naming it.
        let members = data + "/members.csv"
        let original = try Data(contentsOf: URL(fileURLWithPath: members))
        try (original + Data("\n".utf8)).write(to: URL(fileURLWithPath: members))
        let changed = try Charter.run(["replay", record, "--data", data])
        #expect(changed.status == 2)
        #expect(changed.error.contains("\(members) has changed since the run"), "\(changed.error)")
        try original.write(to: URL(fileURLWithPath: members))

        // Decisions that differ from the record: exit 1, naming the first differing record.
        let decisions = work.path + "/o/decisions.jsonl"
        var lines = try String(contentsOfFile: decisions, encoding: .utf8).components(separatedBy: "\n")
        lines[2] = lines[2].replacingOccurrences(of: "\"outcome\":\"", with: "\"outcome\":\"x")
        try lines.joined(separator: "\n").write(toFile: decisions, atomically: true, encoding: .utf8)
        let text = try String(contentsOfFile: record, encoding: .utf8)
        let digest = try SHA256.hexDigest(ofFile: decisions)
        let recorded = try #require(text.range(of: "\"decisions\"")).upperBound
        let tail = text[recorded...]
        let start = try #require(tail.range(of: "\"sha256\": \"")).upperBound
        var tampered = text
        tampered.replaceSubrange(start..<text.index(start, offsetBy: 64), with: digest)
        try tampered.write(toFile: record, atomically: true, encoding: .utf8)
        let differs = try Charter.run(["replay", record, "--data", data])
        #expect(differs.status == 1, "\(differs.output)\(differs.error)")
        #expect(differs.output.contains("First differing record: line 3"), "\(differs.output)")
    }

    @Test func replayRefusesAModuleWhoseLibraryChanged() throws {
        let work = try TemporaryDirectory()
        let run = try Charter.run(["run", "--profile", Self.district, "--data", Self.data, "--out", work.path + "/o"])
        #expect(run.status == 0, "\(run.error)")
        // The record says the run used another build of ChengduPilot than the one here now.
        let record = work.path + "/o/run.json"
        let text = try String(contentsOfFile: record, encoding: .utf8)
        let module = try #require(text.range(of: "\"name\": \"ChengduPilot\"")).upperBound
        let start = try #require(text[module...].range(of: "\"sha256\": \"")).upperBound
        var tampered = text
        tampered.replaceSubrange(start..<text.index(start, offsetBy: 64), with: String(repeating: "0", count: 64))
        try tampered.write(toFile: record, atomically: true, encoding: .utf8)
        let refused = try Charter.run(["replay", record, "--data", Self.data])
        #expect(refused.status == 2)
        #expect(refused.error.contains("the module ChengduPilot@1.0.0 at"), "\(refused.error)")
        #expect(refused.error.contains("is not the library the run used"), "\(refused.error)")
    }
}

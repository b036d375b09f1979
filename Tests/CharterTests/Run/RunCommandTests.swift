import CharterData
import CharterSynthesis
import Foundation
import PolicyKit
import Testing

/// A generated district shared by the run tests, generated once per test process.
enum RunFixture {
    static let data: String = {
        let path = NSTemporaryDirectory() + "charter-shared-district-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: path)
        _ = try? DistrictGenerator(DistrictGenerator.Options(communities: 12, members: 900, seed: 5)).write(to: path)
        return path
    }()

    static let pilot = Repository.root.appendingPathComponent("Examples/profiles/chengdu-pilot.json").path
    static let baseline = Repository.root.appendingPathComponent("Examples/profiles/charter-baseline.json").path
}

@Suite struct RunCommandTests {
    func read(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func writesTheFourOutputsAndTheSameDecisionsTwiceWhateverTheJobs() throws {
        let work = try TemporaryDirectory()
        let first = try Charter.run([
            "run", "--profile", RunFixture.pilot, "--data", RunFixture.data, "--out", work.path + "/a",
        ])
        #expect(first.status == 0, "\(first.error)")
        for file in ["decisions.jsonl", "communities.csv", "members.csv", "posts.csv", "report.html", "run.json"] {
            #expect(FileManager.default.fileExists(atPath: work.path + "/a/" + file), "\(file) is missing")
        }
        let second = try Charter.run([
            "run", "--profile", RunFixture.pilot, "--data", RunFixture.data, "--out", work.path + "/b",
            "--jobs", "1",
        ])
        #expect(second.status == 0, "\(second.error)")
        #expect(try read(work.path + "/a/decisions.jsonl") == read(work.path + "/b/decisions.jsonl"))
        #expect(try read(work.path + "/a/members.csv") == read(work.path + "/b/members.csv"))
        #expect(try read(work.path + "/a/report.html") == read(work.path + "/b/report.html"))
    }

    @Test func decisionsAreSortedByPointThenSubjectBytesAndCoverEverySubject() throws {
        let work = try TemporaryDirectory()
        let result = try Charter.run([
            "run", "--profile", RunFixture.pilot, "--data", RunFixture.data, "--out", work.path + "/o",
        ])
        #expect(result.status == 0, "\(result.error)")
        let lines = try String(contentsOfFile: work.path + "/o/decisions.jsonl", encoding: .utf8)
            .split(separator: "\n")
        let points = ["stage", "branch_setup", "member_management", "cadre_selection", "points", "governance"]
        var keys: [(Int, [UInt8])] = []
        var perPoint: [String: Int] = [:]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let point = try #require(object["point"] as? String)
            let subject = try #require(object["subject"] as? String)
            #expect(Set(object.keys) == ["point", "subject", "outcome", "module", "rules", "reasons", "details"])
            keys.append((points.firstIndex(of: point) ?? -1, Array(subject.utf8)))
            perPoint[point, default: 0] += 1
        }
        let sorted = keys.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.lexicographicallyPrecedes($1.1) }
        #expect(keys.map(\.1) == sorted.map(\.1))
        #expect(perPoint["member_management"] == 900)
        #expect(perPoint["points"] == 900)
        #expect(perPoint["stage"] == 12)
        #expect(perPoint["governance"] == 12)
    }

    @Test func refusesAnExistingOutFolderWithoutForceAndReplacesOnlyAnEarlierRunWithForce() throws {
        let work = try TemporaryDirectory()
        let out = work.path + "/o"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: out + "/mine.txt"))
        for force in [false, true] {
            let refused = try Charter.run(
                ["run", "--profile", RunFixture.pilot, "--data", RunFixture.data, "--out", out]
                    + (force ? ["--force"] : []))
            #expect(refused.status == 2)
            #expect(
                refused.error.contains(force ? "not a folder Charter wrote" : "--force"),
                "\(refused.error)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["mine.txt"])
        }
        try FileManager.default.removeItem(atPath: out + "/mine.txt")
        let first = try Charter.run(["run", "--profile", RunFixture.pilot, "--data", RunFixture.data, "--out", out])
        #expect(first.status == 0, "\(first.error)")
        let forced = try Charter.run([
            "run", "--profile", RunFixture.baseline, "--data", RunFixture.data, "--out", out, "--force",
        ])
        #expect(forced.status == 0, "\(forced.error)")
        #expect(try String(contentsOfFile: out + "/decisions.jsonl", encoding: .utf8).contains("CharterBaseline@"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "partial folders left behind: \(leftovers)")
    }

    @Test func aRefusedDatasetWritesNothing() throws {
        let work = try TemporaryDirectory()
        let data = try writeDataset(
            in: work,
            [
                "communities.csv": "id,name\nC1,一社区\n",
                "members.csv":
                    "id,community_id,birth_date,join_date,status,relation\nM1,C9,1980-01-01,2000-01-01,full,community\n",
            ])
        let result = try Charter.run([
            "run", "--profile", RunFixture.pilot, "--data", data, "--out", work.path + "/o",
        ])
        #expect(result.status == 2)
        #expect(result.error.contains("members.csv:2"))
        #expect(!FileManager.default.fileExists(atPath: work.path + "/o"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func chineseOutputKeepsCodesInTheRecordsAndTranslatesTheTables() throws {
        let work = try TemporaryDirectory()
        let english = try Charter.run([
            "run", "--profile", RunFixture.pilot, "--data", RunFixture.data, "--out", work.path + "/en",
            "--lang", "en",
        ])
        let chinese = try Charter.run(
            [
                "run", "--profile", RunFixture.pilot, "--data", RunFixture.data, "--out", work.path + "/zh",
            ], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(english.status == 0 && chinese.status == 0)
        let zhLines = try String(contentsOfFile: work.path + "/zh/decisions.jsonl", encoding: .utf8).split(
            separator: "\n")
        let enLines = try String(contentsOfFile: work.path + "/en/decisions.jsonl", encoding: .utf8).split(
            separator: "\n")
        #expect(zhLines.count == enLines.count)
        func codes(_ line: Substring) throws -> [String] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return ["point", "subject", "outcome", "module"].map { object[$0] as? String ?? "" }
                + ((object["rules"] as? [String]) ?? [])
        }
        for (zh, en) in zip(zhLines, enLines).prefix(200) { #expect(try codes(zh) == codes(en)) }
        let tableBytes = try read(work.path + "/zh/members.csv")
        #expect(tableBytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("党员编号,姓名".utf8)))
        let table = String(decoding: tableBytes, as: UTF8.self)
        #expect(table.contains("网格管理"))
        let report = try String(contentsOfFile: work.path + "/zh/report.html", encoding: .utf8)
        #expect(report.contains("lang=\"zh-CN\""))
        #expect(report.contains("全区概况"))
        #expect(chinese.output.contains("已完成"))
    }

    @Test func redactMasksNamesInTablesAndReport() throws {
        let work = try TemporaryDirectory()
        let result = try Charter.run([
            "run", "--profile", RunFixture.pilot, "--data", RunFixture.data, "--out", work.path + "/o",
            "--redact",
        ])
        #expect(result.status == 0)
        let dataset = try DatasetReader().read(
            directory: RunFixture.data, asOf: CivilDate(year: 2026, month: 6, day: 30) ?? .latest
        ).dataset
        let names = dataset.members.map(\.name).filter { $0.count >= 2 }
        // Every table and page: the report, the communities' pages and the letters.
        var texts: [String] = []
        for file in FileManager.default.enumerator(atPath: work.path + "/o")?.allObjects as? [String] ?? []
        where file.hasSuffix(".csv") || file.hasSuffix(".html") {
            texts.append(try String(contentsOfFile: work.path + "/o/" + file, encoding: .utf8))
        }
        #expect(texts.count > 10, "the pages are missing")
        #expect(FileManager.default.fileExists(atPath: work.path + "/o/letters/0001.html"))
        let leaked = names.filter { name in texts.contains { $0.contains(name) } }
        #expect(leaked.isEmpty, "names not masked: \(leaked.prefix(5))")
    }

    /// Each row of `findings.csv` names what its governance record concerns: a body by its name,
    /// a member as `name(id)` (the name masked with `--redact`), anything else by its id, and
    /// counts them.
    @Test(arguments: [false, true])
    func findingsNameWhatTheirRecordsConcern(redact: Bool) throws {
        let work = try TemporaryDirectory()
        let options = ["--profile", RunFixture.pilot, "--data", RunFixture.data, "--lang", "en"]
        let result = try Charter.run(["run", "--out", work.path + "/o"] + options + (redact ? ["--redact"] : []))
        #expect(result.status == 0, "\(result.error)")
        let dataset = try DatasetReader().read(
            directory: RunFixture.data, asOf: CivilDate(year: 2026, month: 6, day: 30) ?? .latest
        ).dataset
        let names = Dictionary(dataset.members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var concerned: [String: [String]] = [:]
        for line in try String(contentsOfFile: work.path + "/o/decisions.jsonl", encoding: .utf8).split(separator: "\n")
        {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard record["point"] as? String == "governance", let subject = record["subject"] as? String,
                let details = record["details"] as? [String: Any],
                let lists = details["concerned"] as? [String: [String]]
            else { continue }
            for (rule, ids) in lists { concerned[subject.dropFirst("community:".count) + "/" + rule] = ids }
        }
        let table = try String(contentsOfFile: work.path + "/o/findings.csv", encoding: .utf8)
        var checked = 0
        for line in table.split(separator: "\r\n").dropFirst() where !line.contains("\"") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let ids = (concerned[fields[0] + "/" + fields[3]] ?? []).sortedByUTF8()
            #expect(fields[6] == (ids.isEmpty ? "" : String(ids.count)), "\(line)")
            let labels = fields[5].split(separator: " ").map(String.init)
            #expect(labels.count == ids.count, "\(line)")
            for (label, id) in zip(labels, ids) {
                if let body = GovernanceBodyKind(rawValue: id) {
                    #expect(label.hasPrefix(body.englishName.split(separator: " ")[0]), "\(label) for \(id)")
                } else if let name = names[id], !name.isEmpty {
                    #expect(label.hasSuffix("(\(id))"), "\(label) for \(id)")
                    #expect((label == "\(name)(\(id))") != redact, "\(label) for \(id)")
                } else {
                    #expect(label == id)
                }
            }
            checked += ids.count
        }
        #expect(checked > 0, "the fixture's findings concern nobody")
    }

    @Test(arguments: [
        (["run"], "option '--profile' is required"),
        (["run", "--profile", "p.json", "--data", "d", "--out", "o", "--as-of", "2026/06/30"], "YYYY-MM-DD"),
        (["run", "--profle", "p.json"], "Did you mean '--profile'?"),
        (["runn"], "Did you mean 'run'?"),
        (["run", "--profile", "/nonexistent/p.json", "--data", "d", "--out", "o"], "cannot be opened"),
    ])
    func usageErrorsExitTwoAndSayWhatToDo(arguments: [String], says: String) throws {
        let result = try Charter.run(arguments)
        #expect(result.status == 2)
        #expect(result.error.contains(says), "\(result.error)")
    }

    @Test func everyCommandHasHelp() throws {
        for command in ["run", "check", "profile", "modules", "diff", "test", "generate"] {
            let result = try Charter.run([command, "--help"])
            #expect(result.status == 0, "\(command) --help failed")
            #expect(result.output.contains("Usage: charter \(command)"), "\(command) --help has no usage line")
        }
    }
}

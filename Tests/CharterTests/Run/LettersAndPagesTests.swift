import CharterData
import Foundation
import PolicyKit
import Testing

@testable import CharterOutput

/// The pages an office prints: the letters (函告), the communities' pages and the report.
@Suite struct LettersAndPagesTests {
    /// The example district, run once for these tests, in Chinese.
    static let example: (path: String, status: Int32, error: String) = {
        let path = NSTemporaryDirectory() + "charter-letters-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: path)
        let result = try? Charter.run([
            "run", "--profile", RunFixture.pilot, "--data",
            Repository.root.appendingPathComponent("Examples/data").path,
            "--out", path, "--lang", "zh",
        ])
        return (path, result?.status ?? -1, result?.error ?? "did not run")
    }()

    func page(_ name: String) throws -> String {
        try String(contentsOfFile: Self.example.path + "/" + name, encoding: .utf8)
    }

    /// The letters the decisions call for: (community, addressee) → member ids, a letter per
    /// member for a relation held elsewhere.
    func expectedLetters() throws -> [String: [String]] {
        var letters: [String: [String]] = [:]
        let members = try DatasetReader().read(
            directory: Repository.root.appendingPathComponent("Examples/data").path,
            asOf: CivilDate(year: 2026, month: 6, day: 30) ?? .latest
        ).dataset.members
        let community = Dictionary(members.map { ($0.id, $0.communityID) }, uniquingKeysWith: { first, _ in first })
        for line in try page("decisions.jsonl").split(separator: "\n") {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard record["point"] as? String == "points",
                let details = record["details"] as? [String: Any], let to = details["letter_to"] as? String,
                let subject = record["subject"] as? String
            else { continue }
            let id = String(subject.dropFirst("member:".count))
            // A member whose relation is elsewhere gets a letter of their own.
            letters[(community[id] ?? "?") + " → " + (to == "elsewhere" ? "elsewhere " + id : to), default: []]
                .append(id)
        }
        return letters
    }

    /// Every letter in the community files of `letters/`, as the member ids of its table.
    func writtenLetters() throws -> [(file: String, number: Int, members: [String], text: String)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.example.path + "/letters")
            .filter { $0.first?.isNumber == true }.sorted()
        var letters: [(file: String, number: Int, members: [String], text: String)] = []
        for file in files {
            for article in try page("letters/" + file).components(separatedBy: "<article").dropFirst() {
                let number =
                    Int(article.split(separator: "letter-").dropFirst().first?.prefix { $0.isNumber } ?? "") ?? 0
                let ids = article.components(separatedBy: "</td><td>").compactMap { cell -> String? in
                    let id = cell.prefix { $0 != "<" }
                    return id.hasPrefix("m") && id.dropFirst().allSatisfy(\.isNumber) ? String(id) : nil
                }
                letters.append((file, number, ids.sorted(), article))
            }
        }
        return letters
    }

    @Test func oneLetterForEachSendingCommunityAndReceivingOrganisation() throws {
        #expect(Self.example.status == 0, "\(Self.example.error)")
        let expected = try expectedLetters()
        let written = try writtenLetters()
        #expect(written.count == expected.count)
        #expect(written.map(\.number) == Array(1...written.count), "letters are numbered in order from 1")
        for letter in written {
            #expect(letter.text.contains("关于党员积分情况的函"))
            #expect(letter.text.contains("盖章处") && letter.text.contains("2026年6月30日"))
            #expect(letter.text.contains("郫都区函〔2026〕上半年第\(letter.number)号"))
        }
        // Each expected group of members is the whole table of exactly one letter.
        let sorted: ([[String]]) -> [[String]] = { $0.sorted { $0.lexicographicallyPrecedes($1) } }
        #expect(sorted(written.map(\.members)) == sorted(expected.values.map { $0.sorted() }))
        let index = try page("letters/index.html")
        #expect(index.contains("共\(expected.count)封函告"))
        #expect(index.contains("href=\"0001.html#letter-1\""))
    }

    @Test func eachGradeGivesItsSuggestions() throws {
        let all = try writtenLetters().map(\.text).joined()
        for suggestion in ["建议评为优秀。", "建议评为合格。", "可参加评先选优。", "预备党员，积分供转正考察参考。"] {
            #expect(all.contains(suggestion), "\(suggestion)")
        }
    }

    @Test func theReportIsAnIndexOfTheCommunitiesEachOnAPageOfItsOwn() throws {
        let report = try page("report.html")
        #expect(report.contains("全区概况") && report.contains("社区一览"))
        for number in 1...8 {
            let name = "communities/000\(number).html"
            #expect(report.contains("href=\"\(name)\""))
            #expect(try page(name).contains("党员分类管理"))
        }
        #expect(!report.contains("（m0"), "the report lists no member")
        #expect(report.contains("@page{size:A4") && report.contains("counter(page)"))
        #expect(report.contains("<thead>"))
    }

    @Test func noRuleCodeOrCodeMarkInTheChinesePages() throws {
        let rules = Set(
            try page("decisions.jsonl").split(separator: "\n").flatMap { line -> [String] in
                let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return record?["rules"] as? [String] ?? []
            })
        let pages = ["report.html"] + (1...8).flatMap { ["communities/000\($0).html", "letters/000\($0).html"] }
        for name in pages {
            let text = try page(name).replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            for rule in rules { #expect(!text.contains(rule), "\(name) shows the rule code \(rule)") }
            #expect(!text.contains("`"), "\(name) shows a Markdown code mark")
        }
    }

    @Test func aVacantSeatNamesTheMemberItCouldNotSeatByName() throws {
        let pages = try (1...8).map { try page("communities/000\($0).html") }.joined()
        #expect(pages.contains("（m0044）：已当选本社区其他职位"))
        #expect(!pages.contains(">m0044：") && !pages.contains("、m0044："))
    }

    @Test func aHalfYearWithoutLettersWritesAnIndexThatSaysSo() throws {
        let work = try TemporaryDirectory()
        let data = try writeDataset(
            in: work,
            [
                "communities.csv": "id,name\nC1,一社区\n",
                "members.csv":
                    "id,name,community_id,birth_date,join_date,status,relation\nM1,张三,C1,1980-01-01,2000-01-01,full,community\n",
            ])
        let result = try Charter.run([
            "run", "--profile", RunFixture.pilot, "--data", data, "--out", work.path + "/o", "--lang", "zh",
        ])
        #expect(result.status == 0, "\(result.error)")
        let index = try String(contentsOfFile: work.path + "/o/letters/index.html", encoding: .utf8)
        #expect(index.contains("本半年度无函告"))
        let letters = try FileManager.default.contentsOfDirectory(atPath: work.path + "/o/letters").sorted()
        #expect(letters == ["index.html"])
    }

    @Test func textFromTheDataIsEscapedInEveryPage() throws {
        let work = try TemporaryDirectory()
        let data = work.path + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try Data("id,name\nC1,<script>alert(1)</script>\n".utf8).write(
            to: URL(fileURLWithPath: data + "/communities.csv"))
        try Data(
            "id,name,community_id,birth_date,join_date,status,relation,origin_village\nM1,<b>张</b>,C1,1980-01-01,2000-01-01,full,origin_village,\"<img src=x>\"\n"
                .utf8
        )
        .write(to: URL(fileURLWithPath: data + "/members.csv"))
        let result = try Charter.run(["run", "--profile", RunFixture.pilot, "--data", data, "--out", work.path + "/o"])
        #expect(result.status == 0, "\(result.error)")
        for name in ["report.html", "communities/0001.html", "letters/0001.html", "letters/index.html"] {
            let text = try String(contentsOfFile: work.path + "/o/" + name, encoding: .utf8)
            #expect(
                !text.contains("<script>alert") && !text.contains("<b>张") && !text.contains("<img src=x>"), "\(name)")
        }
        let letter = try String(contentsOfFile: work.path + "/o/letters/0001.html", encoding: .utf8)
        #expect(letter.contains("&lt;img src=x&gt;"))
    }

    @Test func aDistrictNameCannotEndTheFootersStyleString() {
        let escaped = "测试区\r;}}main{display:none}\"\u{0C}<\\".replacingQuotes()
        for character in ["\r", "\n", "\u{0C}", "\"", ";", "}", "{", "<"] {
            #expect(!escaped.contains(character), "\(escaped)")
        }
        #expect(escaped.hasPrefix("测试区\\d "))
    }

    @Test func largeNumbersHaveThousandsSeparators() {
        #expect(HTML.grouped(1_000_000) == "1,000,000")
        #expect(HTML.grouped(999) == "999")
        #expect(HTML.grouped(1000) == "1,000")
        #expect(HTML.grouped(-12345) == "-12,345")
        #expect(HTML.grouped(0) == "0")
    }
}

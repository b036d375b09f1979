import CharterSupport
import Foundation
import PolicyKit
import Testing

@testable import CharterData

/// The fixture folders under `Fixtures/datasets`, found from this file's path.
enum Fixtures {
    static let datasets: String = {
        var path = #filePath
        for _ in 0..<2 { path = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) }
        return path + "/Fixtures/datasets"
    }()

    /// The case folders of a kind (`bad` or `valid`), sorted.
    static func cases(_ kind: String) -> [String] {
        let folder = datasets + "/" + kind
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted()
    }

    /// The non-empty lines of a case's `expected.txt`.
    static func expected(_ kind: String, _ name: String) -> [String] {
        let text = (try? String(contentsOfFile: "\(datasets)/\(kind)/\(name)/expected.txt", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    static let asOf = CivilDate(year: 2026, month: 6, day: 30) ?? .earliest
}

/// Each bad dataset of the corpus is refused with exactly the problems its `expected.txt` lists
/// (each expected line is the start of the problem's line), and each valid one is read whole.
@Suite struct DatasetCorpusTests {
    @Test func corpusIsThere() {
        #expect(Fixtures.cases("bad").count >= 25)
        #expect(Fixtures.cases("valid").count >= 5)
    }

    @Test(arguments: Fixtures.cases("bad"))
    func badDatasetIsRefused(_ name: String) throws {
        let expected = Fixtures.expected("bad", name)
        #expect(!expected.isEmpty, "The case '\(name)' has no expected.txt.")
        do {
            _ = try DatasetReader().read(directory: "\(Fixtures.datasets)/bad/\(name)", asOf: Fixtures.asOf)
            Issue.record("The dataset '\(name)' was accepted.")
        } catch {
            let found = error.problems.map(\.description)
            #expect(found.count == expected.count, "\(name): \(found)")
            for (problem, prefix) in zip(found, expected) {
                #expect(problem.hasPrefix(prefix), "\(name): expected '\(prefix)…', found '\(problem)'.")
            }
            #expect(error.omitted == 0)
        }
    }

    @Test(arguments: Fixtures.cases("valid"))
    func validDatasetIsRead(_ name: String) throws {
        let result = try DatasetReader().read(directory: "\(Fixtures.datasets)/valid/\(name)", asOf: Fixtures.asOf)
        let rows = result.dataset.files.map { "\($0.name) \($0.rows)" }
        #expect(rows == Fixtures.expected("valid", name))
        for file in result.dataset.files {
            #expect(file.sha256 == (try SHA256.hexDigest(ofFile: file.path)))
        }
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let result = try DatasetReader().read(directory: "\(Fixtures.datasets)/valid/valid-quoted", asOf: Fixtures.asOf)
        let community = try #require(result.dataset.communities.first)
        #expect(community.name == "红光社区, 一期")
        #expect(community.town == "犀浦\"街道\"")
        #expect(community.townDeputySecretary == "李明\r\n(兼)")
        #expect(result.dataset.communities[1].hasResidentsCommittee)
    }

    @Test func byteOrderMarkAndCRLFAreNotPartOfTheData() throws {
        let result = try DatasetReader().read(
            directory: "\(Fixtures.datasets)/valid/valid-bom-crlf", asOf: Fixtures.asOf)
        #expect(result.dataset.communities.map(\.id) == ["C1", "C2"])
        #expect(result.dataset.members.last?.cadreYears == 0)
        #expect(result.dataset.members.first?.cadreYears == 3)
        #expect(result.dataset.members.first?.willingToServe == true)
    }

    @Test func jsonFormsReadAsTheCSVTextWould() throws {
        let result = try DatasetReader().read(directory: "\(Fixtures.datasets)/valid/valid-json", asOf: Fixtures.asOf)
        let dataset = result.dataset
        #expect(dataset.communities[0].householdsPlanned == 800)
        #expect(dataset.communities[1].name == "锦江\"社区\"\n二期")
        #expect(dataset.communities[1].declaredStage == nil)
        #expect(dataset.members[1].name == "李四")
        #expect(dataset.members[1].unqualifiedYear == 2024)
        #expect(dataset.members[0].willingToServe)
        #expect(dataset.events[0].amount == Amount("2.5"))
        #expect(dataset.events[1].amount == Amount(1))
        #expect(
            dataset.files.map { $0.path.split(separator: "/").last.map(String.init) ?? "" } == [
                "communities.json", "members.jsonl", "events.json",
            ])
    }

    @Test func seatsAreNumberedOverEveryRowOfAPost() throws {
        let result = try DatasetReader().read(
            directory: "\(Fixtures.datasets)/valid/valid-all-files", asOf: Fixtures.asOf)
        let posts = result.dataset.posts
        #expect(posts.map(\.seats) == [1, 2, 1, 3, 1])
        #expect(posts.map(\.firstSeat) == [1, 1, 1, 3, 1])
        #expect(posts[3].subject(seat: posts[3].firstSeat) == "post:C1/party_committee/member/3")
    }

    @Test func unknownColumnIsWarnedOnce() throws {
        let result = try DatasetReader().read(
            directory: "\(Fixtures.datasets)/valid/valid-unknown-column", asOf: Fixtures.asOf)
        #expect(
            result.warnings.map(\.description) == [
                "members.csv:1: column remark: The column is not part of the data contract and is ignored."
            ])
    }

    @Test func missingFolderIsNamed() {
        #expect(throws: DatasetError.self) {
            try DatasetReader().read(directory: "/nonexistent/charter-dataset", asOf: Fixtures.asOf)
        }
        do {
            _ = try DatasetReader().read(directory: "/nonexistent/charter-dataset", asOf: Fixtures.asOf)
        } catch {
            #expect(error.description == "/nonexistent/charter-dataset: The dataset folder does not exist.")
        }
    }

    @Test func problemsBeyondTheLimitAreCounted() {
        var members = "id,community_id,birth_date,join_date,status,relation\n"
        for index in 0..<10 { members += "M\(index),C1,1970-01-01,1990-01-01,nope,community\n" }
        let outcome = DatasetReader.readFile(
            .members, form: ".csv", bytes: Array(members.utf8), asOf: Fixtures.asOf, problemLimit: 3)
        #expect(outcome.error?.problems.map(\.line) == [2, 3, 4])
        #expect(outcome.error?.omitted == 7)
        #expect(outcome.error?.description.hasSuffix("… and 7 more problems.") == true)
    }
}

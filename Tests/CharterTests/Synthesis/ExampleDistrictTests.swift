import CharterData
import CharterSupport
import CharterSynthesis
import Foundation
import PolicyKit
import Testing

/// `Examples/data` is exactly what `charter generate --example` writes, and keeps the shape its
/// README describes.
@Suite struct ExampleDistrictTests {
    private static let repository: String = {
        // Tests/CharterTests/Synthesis/ExampleDistrictTests.swift → the repository root.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    private static let committed = repository + "/Examples/data"

    @Test func committedExampleIsWhatTheGeneratorWrites() throws {
        let folder = temporaryFolder("example")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DistrictGenerator.example().write(to: folder)
        for file in DatasetFile.allCases {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file.fileName))
            let committed = try Data(
                contentsOf: URL(fileURLWithPath: ExampleDistrictTests.committed + "/" + file.fileName))
            #expect(
                fresh == committed, "Examples/data/\(file.fileName) is stale: run charter generate --example --force")
        }
    }

    @Test func exampleHasEightCommunitiesAndAboutFiveHundredMembers() throws {
        let tables = try readDataset(ExampleDistrictTests.committed)
        #expect(tables["communities"]?.rows.count == 8)
        let members = tables["members"]?.rows.count ?? 0
        #expect((450...600).contains(members))
        let stages = try #require(tables["communities"]).column("stage")
        #expect(stages.filter { !$0.isEmpty }.sorted() == ["maturity", "preparation", "transition"])
    }

    @Test func jointBranchCommunityHasTwoFullMembers() throws {
        let members = try #require(try readDataset(ExampleDistrictTests.committed)["members"]).records
        let full = members.filter { $0["community_id"] == "c02" && $0["status"] == "full" }
        #expect(full.count == 2)
    }
}

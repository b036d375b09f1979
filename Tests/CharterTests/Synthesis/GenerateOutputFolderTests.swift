import CharterData
import CharterSupport
import CharterSynthesis
import Foundation
import PolicyKit
import Testing

@Suite struct GenerateOutputFolderTests {
    private let small = DistrictGenerator.Options(communities: 2, members: 20, seed: 5)

    private func contents(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func writesIntoAnEmptyFolder() throws {
        let folder = temporaryFolder("empty")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try DistrictGenerator(small).write(to: folder)
        #expect(contents(folder) == ([OutputFolder.markerName] + DatasetFile.allCases.map(\.fileName)).sorted())
    }

    @Test func refusesANonEmptyFolderWithoutForce() throws {
        let folder = temporaryFolder("busy")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        #expect {
            try DistrictGenerator(small).write(to: folder)
        } throws: { error in
            (error as? SynthesisError)?.code == .outputExists
        }
        #expect(contents(folder) == ["notes.txt"])
        let parent = (folder as NSString).deletingLastPathComponent
        #expect(!contents(parent).contains { $0.contains("partial-") && $0.contains("busy") })
    }

    @Test func forceRefusesAFolderCharterDidNotWriteAndLeavesItAsItWas() throws {
        let folder = temporaryFolder("force")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        try Data("real".utf8).write(to: URL(fileURLWithPath: folder + "/members.csv"))
        #expect {
            try DistrictGenerator(small).write(to: folder, force: true)
        } throws: { error in
            (error as? SynthesisError)?.message.english.contains("not a folder Charter wrote") == true
        }
        #expect(contents(folder) == ["members.csv", "notes.txt"])
        #expect(try String(contentsOfFile: folder + "/members.csv", encoding: .utf8) == "real")
    }

    @Test func forceReplacesAnEarlierGeneratedDatasetWhole() throws {
        let folder = temporaryFolder("regenerate")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DistrictGenerator(small).write(to: folder)
        #expect(contents(folder) == ([OutputFolder.markerName] + DatasetFile.allCases.map(\.fileName)).sorted())
        try DistrictGenerator(DistrictGenerator.Options(communities: 1, members: 7, seed: 2)).write(
            to: folder, force: true)
        #expect(try PlainCSV(path: folder + "/members.csv").rows.count == 7)
        // Anything added to a generated folder makes it one Charter no longer replaces.
        try Data("keep".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        #expect(throws: SynthesisError.self) { try DistrictGenerator(small).write(to: folder, force: true) }
        #expect(try PlainCSV(path: folder + "/members.csv").rows.count == 7)
    }

    @Test func refusesAFile() throws {
        let path = temporaryFolder("file")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SynthesisError.self) { try DistrictGenerator(small).write(to: path, force: true) }
    }

    @Test func missingParentFoldersAreCreated() throws {
        let top = temporaryFolder("missing-parent")
        defer { try? FileManager.default.removeItem(atPath: top) }
        let folder = top + "/deeper/out"
        _ = try DistrictGenerator(small).write(to: folder)
        #expect(FileManager.default.fileExists(atPath: folder + "/members.csv"))
    }

    @Test func failureLeavesNothingBehind() throws {
        let blocker = temporaryFolder("blocked-parent")
        defer { try? FileManager.default.removeItem(atPath: blocker) }
        try Data("a file, not a folder".utf8).write(to: URL(fileURLWithPath: blocker))
        let folder = blocker + "/out"
        #expect(throws: SynthesisError.self) { try DistrictGenerator(small).write(to: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test(arguments: [(0, 10), (-1, 10), (3, -5)])
    func refusesImpossibleSizes(_ communities: Int, _ members: Int) {
        #expect(throws: SynthesisError.self) {
            try DistrictGenerator(DistrictGenerator.Options(communities: communities, members: members, seed: 1))
        }
    }

    @Test func moreCommunitiesThanMembers() throws {
        let folder = temporaryFolder("sparse")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let summary = try DistrictGenerator(DistrictGenerator.Options(communities: 30, members: 10, seed: 3))
            .write(to: folder)
        #expect(summary.rows(of: .communities) == 30)
        #expect(summary.rows(of: .members) == 10)
    }
}

import CharterSupport
import Foundation
import PolicyKit
import Testing

@testable import CharterSynthesis

/// Every error of `charter generate` (``SynthesisError``) says what is wrong and what to do in
/// Chinese as well as in English, with the same code, and the file or folder first in both.
@Suite struct SynthesisMessageLanguageTests {
    static func expectBilingual(
        _ error: SynthesisError, code: SynthesisError.Code, path: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectChinese(error, sourceLocation: sourceLocation)
        #expect(error.code == code, sourceLocation: sourceLocation)
        #expect(error.description == error.message(in: .english), sourceLocation: sourceLocation)
        if let path {
            #expect(error.message(in: .chinese).hasPrefix(path + ": "), sourceLocation: sourceLocation)
            #expect(error.message(in: .english).hasPrefix(path + ": "), sourceLocation: sourceLocation)
        }
    }

    static let badSizes: [DistrictGenerator.Options] = [
        DistrictGenerator.Options(communities: 0, members: 10, seed: 1),
        DistrictGenerator.Options(communities: 3, members: -5, seed: 1),
        DistrictGenerator.Options(communities: 3, members: 10, seed: 1, eventsPerMember: -1),
        DistrictGenerator.Options(communities: 3, members: 10, seed: 1, eventsPerMember: 1001),
    ]

    @Test(arguments: badSizes.indices)
    func aBadSizeHasItsChinese(_ index: Int) throws {
        let error = try #require(throws: SynthesisError.self) { try DistrictGenerator(Self.badSizes[index]) }
        Self.expectBilingual(error, code: .badSize)
    }

    @Test func aFolderThatMayNotBeWrittenOverHasItsChinese() throws {
        let work = try TemporaryDirectory()
        try Data("keep".utf8).write(to: work.url.appendingPathComponent("notes.txt"))
        let generator = try DistrictGenerator(DistrictGenerator.Options(communities: 1, members: 3, seed: 1))
        for force in [false, true] {
            let error = try #require(throws: SynthesisError.self) { try generator.write(to: work.path, force: force) }
            Self.expectBilingual(error, code: .outputExists, path: work.path)
        }
    }

    @Test func aFolderThatCannotBeMadeHasItsChinese() throws {
        let work = try TemporaryDirectory()
        let file = work.path + "/a-file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let generator = try DistrictGenerator(DistrictGenerator.Options(communities: 1, members: 3, seed: 1))
        let error = try #require(throws: SynthesisError.self) { try generator.write(to: file + "/deeper/out") }
        Self.expectBilingual(error, code: .cannotWrite, path: file + "/deeper")
    }

    @Test func aFileThatCannotBeCreatedHasItsChinese() throws {
        let path = "/nonexistent/charter/members.csv"
        let error = try #require(throws: SynthesisError.self) { _ = try CSVFileWriter(path: path, header: ["id"]) }
        Self.expectBilingual(error, code: .cannotWrite, path: path)
    }

    /// `/dev/full` takes the file but no byte of it, as a full disk does.
    @Test(arguments: [false, true])
    func aFileThatCannotBeWrittenHasItsChinese(finishing: Bool) throws {
        let error = try #require(throws: SynthesisError.self) {
            var writer = try CSVFileWriter(path: "/dev/full", header: ["id"], capacity: finishing ? 1 << 20 : 1)
            writer.field("C1")
            try writer.endRow()
            try writer.finish()
        }
        Self.expectBilingual(error, code: .cannotWrite, path: "/dev/full")
        #expect(error.message(in: .chinese).contains("磁盘已满"))
    }

    /// `--order shuffled` reads each file back and writes it again.
    @Test func aFileThatCannotBeShuffledHasItsChinese() throws {
        let path = "/nonexistent/charter/members.csv"
        let error = try #require(throws: SynthesisError.self) {
            try RowShuffler(seed: 1, members: 0).shuffle(.members, at: path)
        }
        Self.expectBilingual(error, code: .cannotWrite, path: path)
    }

    @Test func aPathReplacedIsReplacedInBothLanguages() throws {
        let error = try #require(throws: SynthesisError.self) {
            _ = try CSVFileWriter(path: "/nonexistent/.out.charter-partial-1-2/members.csv", header: ["id"])
        }
        let placed = error.replacing("/nonexistent/.out.charter-partial-1-2", with: "/nonexistent/out")
        Self.expectBilingual(placed, code: .cannotWrite, path: "/nonexistent/out/members.csv")
    }

    /// `charter generate --lang zh` says so in Chinese: a size the options refuse, and a folder the
    /// generator refuses.
    @Test func charterGenerateSaysItInChinese() throws {
        let work = try TemporaryDirectory()
        let size = try Charter.run([
            "generate", "--lang", "zh", "--communities", "0", "--members", "10", "--seed", "1", "--out",
            work.path + "/out",
        ])
        #expect(size.status == 2)
        #expect(
            size.error.hasPrefix("charter generate：选项 '--communities' 应为 1 到 100000000 之间的整数，而不是 '0'。"),
            "\(size.error)")
        #expect(!FileManager.default.fileExists(atPath: work.path + "/out"))

        try Data("keep".utf8).write(to: work.url.appendingPathComponent("notes.txt"))
        let arguments = ["generate", "--communities", "1", "--members", "3", "--seed", "1", "--out", work.path]
        let chinese = try Charter.run(arguments + ["--lang", "zh"])
        #expect(chinese.status == 2)
        let expected = "charter generate：\(work.path): 已经存在。请为 --out 选一个空的或新的文件夹"
        #expect(chinese.error.hasPrefix(expected), "\(chinese.error)")
        #expect(!chinese.error.contains("already exists"), "\(chinese.error)")
        let byLocale = try Charter.run(arguments, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(byLocale.error == chinese.error)
        let inEnglish = try Charter.run(arguments + ["--lang", "en"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(inEnglish.status == 2)
        #expect(inEnglish.error.hasPrefix("charter generate: \(work.path): already exists."), "\(inEnglish.error)")
    }

    /// An earlier dataset that an interrupted `--force` had moved aside is put back, and said so
    /// in Chinese, before it is replaced.
    @Test func charterGenerateSaysAnEarlierDatasetWasPutBackInChinese() throws {
        let work = try TemporaryDirectory()
        let out = work.path + "/out"
        try DistrictGenerator(DistrictGenerator.Options(communities: 1, members: 3, seed: 1)).write(to: out)
        try FileManager.default.moveItem(atPath: out, toPath: work.path + "/.out.charter-partial-999999999-1.old")
        let result = try Charter.run([
            "generate", "--lang", "zh", "--communities", "1", "--members", "3", "--seed", "2", "--out", out, "--force",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error == "charter generate：已放回之前的输出 \(out)（被一次中断的运行移到了一旁）。\n")
        #expect(FileManager.default.fileExists(atPath: out + "/members.csv"))
    }
}

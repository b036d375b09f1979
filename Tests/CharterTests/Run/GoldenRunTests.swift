import CharterData
import CharterSupport
import CharterSynthesis
import Foundation
import Testing

/// One run of `charter` over the golden district, and the files of its output that are checked
/// in under `Tests/CharterTests/Fixtures/golden/FOLDER`.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    /// The folder of its golden files (`run-en`, say).
    let folder: String
    /// The arguments, with paths relative to the repository's root; `--out` is added.
    let arguments: [String]
    /// The exit status the command must end with.
    let status: Int32
    /// The files of the output that are compared.
    let files: [String]

    var testDescription: String { folder }

    /// The district's input: a small generated dataset, checked in (see the golden folder's README).
    static let district = "Tests/CharterTests/Fixtures/golden/district"
    static let pilot = "Examples/profiles/chengdu-pilot.json"
    static let baseline = "Examples/profiles/charter-baseline.json"

    static let all: [GoldenCase] = ["en", "zh"].flatMap { language in
        [
            GoldenCase(
                folder: "run-" + language,
                arguments: [
                    "run", "--profile", pilot, "--data", district, "--as-of", "2026-06-30", "--lang", language,
                ],
                status: 0, files: ["decisions.jsonl", "communities.csv", "members.csv", "posts.csv", "findings.csv"]),
            GoldenCase(
                folder: "diff-" + language,
                arguments: [
                    "diff", "--base", pilot, "--candidate", baseline, "--data", district, "--as-of", "2026-06-30",
                    "--lang", language,
                ],
                status: 1, files: ["diff.jsonl", "diff.html"]),
        ]
    }
}

/// Guards what a run decides and writes against unintended change.
///
/// Speed work on the host (reading, the engine, the writers) must leave every byte of the
/// outputs as it was. Two guards: the small golden district's outputs, checked in as files, so a
/// failure shows the first line that differs; and the SHA-256 digests of a mid-sized district's.
/// If a change to a module or to the data contract changes them on purpose, check the difference
/// (`charter diff`, `git diff`), then rewrite the golden files with
/// `CHARTER_UPDATE_GOLDEN=1 swift test --filter GoldenRunTests` and record the new digests here.
@Suite struct GoldenRunTests {
    static let digests = [
        "en/decisions.jsonl": "53d86a2631ebbea37eb7d1aacaee92dc3c469beba8a18b3c4f1d4682ed427b3a",
        "zh/decisions.jsonl": "b2b805f3cbfb9219a119b3caa8916edc21f84991117d24935a191f963f2081d1",
        "en/members.csv": "f0e6cc1e4248354a91e0507d3ce7c7094233635c46d1b171caaab8c33f3e06ad",
    ]

    @Test(arguments: GoldenCase.all)
    func theGoldenDistrictWritesItsGoldenFiles(_ golden: GoldenCase) throws {
        let work = try TemporaryDirectory()
        // From the repository's root, with relative paths: diff.html names the profiles as given.
        let result = try Charter.run(
            golden.arguments + ["--out", work.path + "/out"], directory: Repository.root.path)
        #expect(result.status == golden.status, "\(result.error)")
        for file in golden.files {
            let actual = try Data(contentsOf: URL(fileURLWithPath: work.path + "/out/" + file))
            if let difference = try GoldenFiles.check(golden.folder + "/" + file, actual: actual) {
                Issue.record(Comment(rawValue: difference))
            }
        }
    }

    /// The golden files depend on the dataset's rows, not on their order.
    ///
    /// The district with the rows of every file reversed writes the same files; all but
    /// `posts.csv`, whose order is the order in which seats are filled (data-format.md).
    @Test func theGoldenDistrictsRowsInAnotherOrderWriteTheSameFiles() throws {
        let work = try TemporaryDirectory()
        let district = Repository.root.appendingPathComponent(GoldenCase.district)
        try FileManager.default.createDirectory(atPath: work.path + "/data", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: district.path) where name.hasSuffix(".csv") {
            let text = try String(contentsOf: district.appendingPathComponent(name), encoding: .utf8)
            var lines = text.split(separator: "\n")
            if name != "posts.csv" { lines = lines.prefix(1) + lines.dropFirst().reversed() }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(
                to: work.url.appendingPathComponent("data/" + name))
        }
        let golden = try #require(GoldenCase.all.first)
        for (folder, data) in [("in-order", GoldenCase.district), ("reversed", work.path + "/data")] {
            let arguments = golden.arguments.map { $0 == GoldenCase.district ? data : $0 }
            let result = try Charter.run(
                arguments + ["--out", work.path + "/" + folder], directory: Repository.root.path)
            #expect(result.status == 0, "\(result.error)")
        }
        for file in golden.files {
            let expected = try Data(contentsOf: work.url.appendingPathComponent("in-order/" + file))
            let actual = try Data(contentsOf: work.url.appendingPathComponent("reversed/" + file))
            if expected != actual {
                let difference = GoldenFiles.firstDifference(expected: expected, actual: actual)
                Issue.record(
                    Comment(rawValue: "\(file) from the reversed rows differs from the rows in order at " + difference))
            }
        }
    }

    /// A district in an export's order (members in no order, ids not following communities,
    /// the ledger by date), its rows then reversed (all but posts.csv, whose order is its
    /// priority), writes the same files, pages and letters byte for byte.
    @Test func aShuffledDistrictInAnotherOrderWritesTheSameFiles() throws {
        let work = try TemporaryDirectory()
        try DistrictGenerator(DistrictGenerator.Options(communities: 30, members: 6000, seed: 11, order: .shuffled))
            .write(to: work.path + "/shuffled")
        try FileManager.default.createDirectory(atPath: work.path + "/reversed", withIntermediateDirectories: true)
        for file in DatasetFile.allCases {
            let text = try String(contentsOfFile: work.path + "/shuffled/" + file.fileName, encoding: .utf8)
            var lines = text.split(separator: "\n")
            if file != .posts { lines = lines.prefix(1) + lines.dropFirst().reversed() }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(
                to: work.url.appendingPathComponent("reversed/" + file.fileName))
        }
        for folder in ["shuffled", "reversed"] {
            let result = try Charter.run([
                "run", "--profile", RunFixture.pilot, "--data", work.path + "/" + folder, "--out",
                work.path + "/out-" + folder, "--lang", "zh", "--as-of", "2026-06-30",
            ])
            #expect(result.status == 0, "\(result.error)")
        }
        let written = FileSystem.tree(of: work.path + "/out-shuffled").filter {
            !$0.hasSuffix("run.json") && !FileSystem.isFolder(work.path + "/out-shuffled/" + $0)
        }
        #expect(written.count > 50, "\(written.count) files")
        for file in written {
            let expected = try Data(contentsOf: work.url.appendingPathComponent("out-shuffled/" + file))
            let actual = try Data(contentsOf: work.url.appendingPathComponent("out-reversed/" + file))
            if expected != actual {
                Issue.record(
                    Comment(
                        rawValue: "\(file) from the reversed rows differs at "
                            + GoldenFiles.firstDifference(expected: expected, actual: actual)))
            }
        }
    }

    @Test func aGeneratedDistrictOf12000MembersDecidesExactlyAsRecorded() throws {
        let work = try TemporaryDirectory()
        _ = try DistrictGenerator(DistrictGenerator.Options(communities: 40, members: 12000, seed: 2026))
            .write(to: work.path + "/data")
        for language in ["en", "zh"] {
            let result = try Charter.run([
                "run", "--profile", RunFixture.pilot, "--data", work.path + "/data", "--out",
                work.path + "/" + language,
                "--lang", language, "--as-of", "2026-06-30",
            ])
            #expect(result.status == 0, "\(result.error)")
        }
        for (file, digest) in Self.digests {
            #expect(
                try SHA256.hexDigest(ofFile: work.path + "/" + file) == digest,
                "\(file) changed; the golden district's files show where, if they changed too")
        }
    }
}

/// The golden comparison itself: a changed byte is found and shown where it is.
@Suite struct GoldenFilesTests {
    func difference(_ expected: String, _ actual: String) -> String {
        GoldenFiles.firstDifference(expected: Data(expected.utf8), actual: Data(actual.utf8))
    }

    @Test func aChangedByteIsShownWithItsLineAndColumn() {
        let shown = difference("a,b\r\nc,d\r\ne,f\r\n", "a,b\r\nc,x\r\ne,f\r\n")
        #expect(shown.hasPrefix("line 2, column 3:\n"))
        #expect(shown.contains("  expected: c,d\\r\\n\n"))
        #expect(shown.hasSuffix("  actual:   c,x\\r\\n"))
    }

    @Test func aLongLineIsCutAroundItsDifference() {
        let head = String(repeating: "a", count: 300)
        let tail = String(repeating: "z", count: 300)
        let shown = difference(head + "1" + tail + "\n", head + "2" + tail + "\n")
        #expect(shown.contains("line 1, column 301:"))
        let expected = shown.split(separator: "\n").first { $0.hasPrefix("  expected: ") }
        let excerpt = expected?.dropFirst("  expected: ".count) ?? ""
        #expect(excerpt.hasPrefix("…a") && excerpt.hasSuffix("z…"))
        #expect(excerpt.contains("a1z"))
        #expect(excerpt.count == GoldenFiles.shownLength + 2)
    }

    @Test func aMissingOrExtraLineIsNamed() {
        let longer = difference("x\ny\n", "x\ny\nz\n")
        #expect(longer.contains("line 3, column 1 (2 lines expected, 3 written):\n"))
        #expect(longer.contains("  expected: (no line 3: the file has 2 lines)\n"))
        #expect(longer.hasSuffix("  actual:   z\\n"))
        let unterminated = difference("x\ny\n", "x\ny")
        #expect(unterminated.contains("line 2, column 2:\n"))
        #expect(unterminated.contains("  expected: y\\n\n"))
        #expect(unterminated.hasSuffix("  actual:   y"))
    }

    @Test func aFailureNamesTheFileAndHowToRewriteIt() throws {
        let golden = try #require(GoldenCase.all.first)
        let path = golden.folder + "/" + golden.files[0]
        var bytes = try Data(contentsOf: GoldenFiles.folder.appendingPathComponent(path))
        guard !GoldenFiles.updating, !bytes.isEmpty else { return }
        bytes[bytes.startIndex + bytes.count / 2] ^= 0x01
        let message = try #require(try GoldenFiles.check(path, actual: bytes))
        #expect(
            message.hasPrefix(
                "Tests/CharterTests/Fixtures/golden/run-en/decisions.jsonl differs from the run's output at line "))
        #expect(message.contains("CHARTER_UPDATE_GOLDEN=1 swift test --filter GoldenRunTests"))
    }
}

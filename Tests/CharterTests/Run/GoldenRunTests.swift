import CharterData
import Foundation
import Testing

/// Guards the decisions of a mid-sized generated district against unintended change.
///
/// Speed work on the host (reading, the engine, the writers) must leave every byte of the
/// decisions as it was. If a change to a module or to the data contract changes them on purpose,
/// check the difference with `charter diff`, then record the new digests here.
@Suite struct GoldenRunTests {
    static let digests = [
        "en/decisions.jsonl": "53d86a2631ebbea37eb7d1aacaee92dc3c469beba8a18b3c4f1d4682ed427b3a",
        "zh/decisions.jsonl": "b2b805f3cbfb9219a119b3caa8916edc21f84991117d24935a191f963f2081d1",
        "en/members.csv": "f0e6cc1e4248354a91e0507d3ce7c7094233635c46d1b171caaab8c33f3e06ad",
    ]

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
            #expect(try SHA256.hexDigest(ofFile: work.path + "/" + file) == digest, "\(file) changed")
        }
    }
}

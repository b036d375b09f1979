import CharterSupport
import Foundation
import PolicyKit
import Testing

/// A new profile's as-of date is the end of the last complete half-year, and a run whose points
/// half-year has no ledger entry says so.
@Suite struct HalfYearDefaultsTests {
    static func date(_ text: String) -> CivilDate { CivilDate(text) ?? .earliest }

    @Test(arguments: [
        ("2026-12-04", "2026-06-30"), ("2026-07-01", "2026-06-30"), ("2026-06-30", "2025-12-31"),
        ("2026-01-01", "2025-12-31"), ("2026-12-31", "2026-06-30"),
    ])
    func theLastCompleteHalfYearEnds(today: String, end: String) {
        #expect(lastCompleteHalfYearEnd(before: Self.date(today)).description == end)
    }

    @Test func profileInitSetsAsOfToTheEndOfTheLastCompleteHalfYear() throws {
        let result = try Charter.run(["profile", "init"])
        #expect(result.status == 0, "\(result.error)")
        let profile = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let asOf = try #require(profile["as_of"] as? String)
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        let today = try #require(
            CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)))
        #expect(asOf == lastCompleteHalfYearEnd(before: today).description)
        #expect(asOf.hasSuffix("-06-30") || asOf.hasSuffix("-12-31"))
    }

    /// The example's ledger covers 2026H1: no warning as of 2026-06-30; as of 2027-03-31 the
    /// half-year has no entry, and the run says so (in the run's language) and still decides.
    @Test(arguments: [Language.english, .chinese])
    func aRunWhosePointsHalfYearHasNoLedgerEntryWarns(language: Language) throws {
        let work = try TemporaryDirectory()
        let base = [
            "run", "--profile", Repository.root.path + "/Examples/profiles/chengdu-pilot.json", "--data",
            Repository.root.path + "/Examples/data", "--lang", language.rawValue, "--jobs", "1",
        ]
        let covered = try Charter.run(base + ["--out", work.path + "/covered", "--as-of", "2026-06-30"])
        #expect(covered.status == 0, "\(covered.error)")
        #expect(!covered.error.contains("events"), "\(covered.error)")
        let empty = try Charter.run(base + ["--out", work.path + "/empty", "--as-of", "2027-03-31"])
        #expect(empty.status == 0, "\(empty.error)")
        let expected =
            language == .chinese ? "积分台账（events）在 2027年上半年" : "the points ledger (events) has no entry in 2027H1"
        #expect(empty.error.contains(expected), "\(empty.error)")
    }
}

import Foundation
import Testing

/// `charter check --jobs N` reads the files on N threads and says exactly what one thread says.
@Suite struct CheckJobsTests {
    static let folders = ["bad/bad-date", "bad/distribution-duplicate", "bad/amount-zero", "valid"].compactMap {
        name -> String? in
        let path = Repository.fixture("datasets/" + name).path
        guard name == "valid" else { return path }
        // The first valid dataset of the fixtures.
        let cases = (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? []
        return cases.first.map { path + "/" + $0 }
    }

    @Test(arguments: folders)
    func anyNumberOfJobsSaysTheSame(_ folder: String) throws {
        let one = try Charter.run(["check", "--data", folder, "--as-of", "2026-06-30", "--jobs", "1"])
        for jobs in ["2", "5"] {
            let many = try Charter.run(["check", "--data", folder, "--as-of", "2026-06-30", "--jobs", jobs])
            #expect(many.status == one.status, "\(folder) --jobs \(jobs)")
            #expect(many.output == one.output, "\(folder) --jobs \(jobs)")
            #expect(many.error == one.error, "\(folder) --jobs \(jobs)")
        }
    }

    @Test func aBadNumberOfJobsIsAUsageError() throws {
        let result = try Charter.run([
            "check", "--data", Repository.fixture("datasets/bad/bad-date").path, "--jobs", "0",
        ])
        #expect(result.status == 2)
        #expect(result.error.contains("--jobs"))
    }
}

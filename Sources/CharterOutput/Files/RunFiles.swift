import CharterData
import CharterEngine
import CharterRecords
import CharterSupport
import Dispatch
public import PolicyKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Writes a run's decisions, tables and report into its output folder, all at once.
///
/// Every file is cut into pieces and the pieces of all the files share the workers (see
/// ``PiecedOutput``), so the writing keeps every core busy however the files differ in size.
public enum RunFiles {
    /// Writes `decisions.jsonl`, the tables, `report.html`, the communities' pages and the
    /// letters into `folder` on `jobs` workers, and says how long each file took to encode.
    public static func write(
        _ decisions: RunDecisions, language: Language, tables: TablesWriter, report: ReportWriter,
        into folder: OutputFolder, jobs: Int
    ) throws(OutputError) -> OutputTimes {
        let files =
            [DecisionsWriter.file(decisions, path: folder.file("decisions.jsonl"), language: language)]
            + tables.files(in: folder) + [report.file(folder.file("report.html"))]
        var times = try PiecedOutput.write(files, jobs: jobs)
        let start = MonotonicClock.nanoseconds()
        try writePages(report.pages(), into: folder, jobs: jobs)
        times.encodeSeconds.append(
            ("communities/ and letters/", Double(MonotonicClock.nanoseconds() - start) / 1e9))
        return times
    }

    /// Writes small whole files (a page each) on `jobs` workers, making their folders first.
    static func writePages(
        _ pages: [(path: String, bytes: @Sendable () -> [UInt8])], into folder: OutputFolder, jobs: Int
    ) throws(OutputError) {
        var folders: Set<String> = []
        for page in pages {
            if let slash = page.path.lastIndex(of: "/") { folders.insert(String(page.path[..<slash])) }
        }
        for name in folders.sorted() where mkdir(folder.file(name), 0o755) != 0 && errno != EEXIST {
            throw OutputError.lastFailure(path: folder.file(name), creating: true)
        }
        let staging = folder.staging
        let next = Atomic<Int>(0)
        let failure = Mutex<OutputError?>(nil)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, pages.count))) { _ in
            while failure.withLock({ $0 == nil }) {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < pages.count else { return }
                do throws(OutputError) {
                    try FileSystem.writeFile(staging + "/" + pages[index].path, pages[index].bytes())
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

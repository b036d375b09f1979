public import CharterData
public import CharterEngine
public import PolicyKit

/// Writes a run's decisions, tables and report into its output folder, all at once.
///
/// Every file is cut into pieces and the pieces of all the files share the workers (see
/// ``PiecedOutput``), so the writing keeps every core busy however the files differ in size.
public enum RunFiles {
    /// Writes `decisions.jsonl`, the tables and `report.html` into `folder` on `jobs` workers, and
    /// says how long each file took to encode.
    public static func write(
        _ decisions: RunDecisions, language: Language, tables: TablesWriter, report: ReportWriter,
        into folder: OutputFolder, jobs: Int
    ) throws(OutputError) -> OutputTimes {
        let files =
            [DecisionsWriter.file(decisions, path: folder.file("decisions.jsonl"), language: language)]
            + tables.files(in: folder) + [report.file(folder.file("report.html"))]
        return try PiecedOutput.write(files, jobs: jobs)
    }
}

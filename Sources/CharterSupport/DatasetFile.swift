/// The eight files of a district dataset, in the data contract's order, with the columns a
/// generated file carries (all of the contract's columns, in the contract's order).
public enum DatasetFile: String, CaseIterable, Sendable {
    /// `communities.csv`.
    case communities
    /// `members.csv`.
    case members
    /// `units.csv`.
    case units
    /// `posts.csv`.
    case posts
    /// `events.csv`.
    case events
    /// `bodies.csv`.
    case bodies
    /// `meetings.csv`.
    case meetings
    /// `distributions.csv`.
    case distributions

    /// The file's name in a dataset folder, such as `members.csv`.
    public var fileName: String { rawValue + ".csv" }

    /// The header row the contract names for the file: its columns' names, from ``contract``.
    public var columns: [String] { contract.map(\.name) }
}

extension DatasetFile {
    /// The file `charter import` writes beside the dataset it makes, listing every change it made.
    ///
    /// The readers pass it over without a warning: it is Charter's own, not a stranger.
    public static let importReportName = "import-report.csv"
}

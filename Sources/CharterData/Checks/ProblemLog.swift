/// The problems and warnings found while reading one dataset, kept in file and line order up to a
/// limit, and counted beyond it.
///
/// Files are read in the data contract's order and rows in line order, and every cross-file check
/// looks back at a file read earlier, so problems arrive in order; they are still sorted (stably)
/// before they are reported.
final class ProblemLog {
    private let limit: Int
    private var kept: [(file: Int, line: Int, problem: DatasetProblem)] = []
    /// Problems found beyond the limit, counted and not kept.
    private(set) var omitted = 0
    /// Warnings: things ignored that the administrator may want to know about.
    private(set) var warnings: [DatasetProblem] = []

    init(limit: Int) {
        self.limit = max(limit, 0)
    }

    /// Whether any problem has been found.
    var hasProblems: Bool { !kept.isEmpty || omitted > 0 }

    /// Records a problem of a file; the problem is only built while under the limit.
    func add(_ kind: DatasetFileKind?, _ problem: @autoclosure () -> DatasetProblem) {
        guard kept.count < limit else {
            omitted += 1
            return
        }
        let made = problem()
        kept.append((kind?.rawValue ?? -1, made.line ?? 0, made))
    }

    /// Records a warning.
    func warn(_ problem: DatasetProblem) {
        warnings.append(problem)
    }

    /// The problems found, sorted by file then line, as the error that refuses the dataset.
    func error() -> DatasetError {
        let sorted = kept.enumerated().sorted { left, right in
            (left.element.file, left.element.line, left.offset) < (right.element.file, right.element.line, right.offset)
        }
        return DatasetError(problems: sorted.map(\.element.problem), omitted: omitted)
    }
}

/// The problems and warnings found while reading one file of a dataset, kept in the order they
/// were found up to a limit, and counted beyond it.
///
/// Files may be read at the same time, each into its own log, and a check that needs another file
/// (a reference to a member, say) may be made only once that file is read. Such a deferred problem
/// still takes the place it would have had if the check had been made at once: a log orders its
/// problems by the number of problems found before the check. ``merged(_:limit:)`` then joins the
/// files' logs in the data contract's order, so the problems listed, the problems counted beyond
/// the limit and their order are the same however the files were scheduled.
final class ProblemLog {
    private let limit: Int
    /// Problems found as rows were read, in that order (at most `limit`).
    private var found: [(file: Int, line: Int, problem: DatasetProblem)] = []
    /// Problems of deferred checks, each with the number of problems found before its check (at
    /// most `limit`, in the order of their checks).
    private var deferred: [(place: Int, file: Int, line: Int, problem: DatasetProblem)] = []
    /// Problems found as rows were read, kept or not.
    private(set) var foundCount = 0
    /// Problems found beyond the limit, counted and not kept.
    private(set) var omitted = 0
    /// Warnings: things ignored that the administrator may want to know about.
    private(set) var warnings: [DatasetProblem] = []

    init(limit: Int) {
        self.limit = max(limit, 0)
    }

    /// Whether any problem has been found.
    var hasProblems: Bool { !found.isEmpty || !deferred.isEmpty || omitted > 0 }

    /// Records a problem of a file; the problem is only built while under the limit.
    func add(_ kind: DatasetFileKind?, _ problem: @autoclosure () -> DatasetProblem) {
        foundCount += 1
        guard found.count < limit else {
            omitted += 1
            return
        }
        let made = problem()
        found.append((kind?.rawValue ?? -1, made.line ?? 0, made))
    }

    /// Records the problem of a check made late, placed after the first `place` problems found.
    ///
    /// `place` is the ``foundCount`` taken when the row was read. Deferred problems must be added
    /// in the order of their checks.
    func add(_ kind: DatasetFileKind?, after place: Int, _ problem: @autoclosure () -> DatasetProblem) {
        guard deferred.count < limit else {
            omitted += 1
            return
        }
        let made = problem()
        deferred.append((place, kind?.rawValue ?? -1, made.line ?? 0, made))
    }

    /// Records a warning.
    func warn(_ problem: DatasetProblem) {
        warnings.append(problem)
    }

    /// The kept problems in the order they would have been found had every check been made at
    /// once; the first `limit` of them are all there.
    private var ordered: [(file: Int, line: Int, problem: DatasetProblem)] {
        guard !deferred.isEmpty else { return found }
        var result: [(file: Int, line: Int, problem: DatasetProblem)] = []
        result.reserveCapacity(found.count + deferred.count)
        var next = 0
        for late in deferred {
            while next < found.count && next < late.place {
                result.append(found[next])
                next += 1
            }
            result.append((late.file, late.line, late.problem))
        }
        result.append(contentsOf: found[next...])
        return result
    }

    /// The problems of several logs (files, in the data contract's order) as the error that
    /// refuses the dataset: the first `limit` in the order found, sorted by file then line, and
    /// the count of the rest.
    static func merged(_ logs: [ProblemLog], limit: Int) -> DatasetError {
        var kept: [(file: Int, line: Int, problem: DatasetProblem)] = []
        var omitted = 0
        for log in logs {
            omitted += log.omitted
            for entry in log.ordered {
                if kept.count < limit { kept.append(entry) } else { omitted += 1 }
            }
        }
        let sorted = kept.enumerated().sorted { left, right in
            (left.element.file, left.element.line, left.offset) < (right.element.file, right.element.line, right.offset)
        }
        return DatasetError(problems: sorted.map(\.element.problem), omitted: omitted)
    }

    /// The problems found, sorted by file then line, as the error that refuses the dataset.
    func error() -> DatasetError {
        Self.merged([self], limit: limit)
    }
}

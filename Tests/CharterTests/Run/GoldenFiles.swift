import Foundation

/// Golden files: outputs checked into `Tests/CharterTests/Fixtures/golden`, compared byte for
/// byte with what a run writes now, and on a difference the first line that differs, shown.
enum GoldenFiles {
    /// The folder of the golden files, in the repository (not the test bundle's copy), so that
    /// updating them rewrites the files that are checked in.
    static let folder = Repository.fixture("golden")

    /// The environment variable that rewrites the golden files instead of comparing them.
    static let updateVariable = "CHARTER_UPDATE_GOLDEN"

    /// The command that rewrites them, as a failure tells it.
    static let updateCommand = "\(updateVariable)=1 swift test --filter GoldenRunTests"

    /// Whether this test run rewrites the golden files.
    static var updating: Bool { ProcessInfo.processInfo.environment[updateVariable] == "1" }

    /// Compares `actual` with the golden file at `path` (relative to the golden folder): `nil`
    /// when they are equal byte for byte, else what differs and how to accept the new output.
    ///
    /// When ``updating``, writes `actual` there instead (only if it differs) and returns `nil`.
    static func check(_ path: String, actual: Data) throws -> String? {
        let url = folder.appendingPathComponent(path)
        let expected = try? Data(contentsOf: url)
        if expected == actual { return nil }
        if updating {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            return nil
        }
        let name = "Tests/CharterTests/Fixtures/golden/" + path
        let difference =
            expected.map { "differs from the run's output at " + firstDifference(expected: $0, actual: actual) }
            ?? "is missing (the run wrote \(actual.count) bytes)"
        return "\(name) \(difference)\n"
            + "If the change is intended, rewrite the golden files with `\(updateCommand)` "
            + "and review `git diff Tests/CharterTests/Fixtures/golden` before committing."
    }

    /// The longest stretch of a line shown; a longer line is cut around its first difference.
    static let shownLength = 160

    /// Where two different texts first differ: "line L, column C:" (from 1, the column in Unicode
    /// scalars), then both lines around it.
    static func firstDifference(expected: Data, actual: Data) -> String {
        let expectedLines = lines(expected)
        let actualLines = lines(actual)
        var line = 0
        while line < expectedLines.count, line < actualLines.count, expectedLines[line] == actualLines[line] {
            line += 1
        }
        let before = line < expectedLines.count ? Array(decoded(expectedLines[line]).unicodeScalars) : nil
        let after = line < actualLines.count ? Array(decoded(actualLines[line]).unicodeScalars) : nil
        var column = 0
        if let before, let after {
            while column < before.count, column < after.count, before[column] == after[column] { column += 1 }
        }
        let start = max(0, min(column - shownLength / 3, max(before?.count ?? 0, after?.count ?? 0) - shownLength))
        func shown(_ scalars: [Unicode.Scalar]?, lines count: Int) -> String {
            guard let scalars else { return "(no line \(line + 1): the file has \(count) lines)" }
            return excerpt(scalars, from: start)
        }
        let what =
            expectedLines.count == actualLines.count
            ? "" : " (\(expectedLines.count) lines expected, \(actualLines.count) written)"
        return "line \(line + 1), column \(column + 1)\(what):\n"
            + "  expected: \(shown(before, lines: expectedLines.count))\n"
            + "  actual:   \(shown(after, lines: actualLines.count))"
    }

    /// The lines of a file, each with its line feed; a last line without one is a line too, so
    /// two texts that differ in any byte differ in some line.
    static func lines(_ data: Data) -> [Data] {
        var lines: [Data] = []
        var start = data.startIndex
        while let end = data[start...].firstIndex(of: 0x0A) {
            lines.append(data[start...end])
            start = data.index(after: end)
        }
        if start < data.endIndex { lines.append(data[start...]) }
        return lines
    }

    static func decoded(_ line: Data) -> String { String(decoding: line, as: UTF8.self) }

    /// `shownLength` scalars of a line from `start`, with `…` where it is cut, and line
    /// ends, tabs and other control characters written as escapes so that they can be seen.
    static func excerpt(_ scalars: [Unicode.Scalar], from start: Int) -> String {
        let end = min(scalars.count, start + shownLength)
        var text = start > 0 ? "…" : ""
        for scalar in scalars[min(start, end)..<end] {
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                text += "\\u{\(String(scalar.value, radix: 16))}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return end < scalars.count ? text + "…" : text
    }
}

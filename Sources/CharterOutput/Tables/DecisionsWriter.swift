import CharterData
import CharterEngine
import CharterRecords
import CharterSupport
public import PolicyKit

/// Writes `decisions.jsonl`: one record a line, sorted by point (run order) then subject.
///
/// Records are encoded on every core and written in order, so the file is the same whatever the
/// number of workers.
public enum DecisionsWriter {
    /// Records per piece: large enough that handing a piece over costs nothing, small enough that
    /// the workers share the file evenly.
    static let piece = 4096

    /// Writes every record of `decisions` to `path`, reasons in `language`.
    public static func write(
        _ decisions: RunDecisions, to path: String, language: Language, jobs: Int = 1
    ) throws(OutputError) {
        _ = try PiecedOutput.write([file(decisions, path: path, language: language)], jobs: jobs)
    }

    /// Encodes every record of `decisions` in file order, handing `body` the bytes a few thousand
    /// records at a time (for `charter replay`, which checks them without writing them).
    public static func stream(
        _ decisions: RunDecisions, language: Language, _ body: (_ bytes: [UInt8]) throws -> Void
    ) rethrows {
        let file = file(decisions, path: "", language: language)
        var bytes: [UInt8] = []
        for piece in 0..<file.pieces {
            bytes.removeAll(keepingCapacity: true)
            file.encode(piece, &bytes)
            try body(bytes)
        }
    }

    /// The file as pieces: each point's records, a few thousand to a piece.
    static func file(_ decisions: RunDecisions, path: String, language: Language) -> PiecedFile {
        var pieces: [(point: ExtensionPoint, positions: ArraySlice<RunDecisions.Position>)] = []
        var positionsByKind: [SubjectKind: [RunDecisions.Position]] = [:]
        for point in decisions.points {
            let positions =
                positionsByKind[point.subjectKind]
                ?? {
                    let positions = decisions.positions(of: point)
                    positionsByKind[point.subjectKind] = positions
                    return positions
                }()
            for start in stride(from: 0, to: positions.count, by: piece) {
                pieces.append((point, positions[start..<min(start + piece, positions.count)]))
            }
        }
        let list = pieces
        var file = PiecedFile(path: path, pieces: list.count) { index, bytes in
            let (point, positions) = list[index]
            var writer = JSONWriter(capacity: positions.count * 512)
            _ = decisions.appendRecords(of: point, at: positions, language: language, to: &writer)
            writer.move(appendingTo: &bytes)
        }
        // run.json records the digest, for `charter replay` to check.
        file.hashed = true
        return file
    }
}

public import CharterEngine
public import PolicyKit

/// Writes `decisions.jsonl`: one record a line, sorted by point (run order) then subject.
///
/// Records are encoded on every core and written in order, so the file is the same whatever the
/// number of workers.
public enum DecisionsWriter {
    /// Writes every record of `decisions` to `path`, reasons in `language`.
    public static func write(
        _ decisions: RunDecisions, to path: String, language: Language, jobs: Int = 1
    ) throws(OutputError) {
        let file = try BufferedFile(path: path)
        for point in decisions.points {
            let positions = decisions.positions(of: point)
            try writeChunked(count: positions.count, chunkSize: 4096, jobs: jobs, to: file) { range, bytes in
                var writer = JSONWriter()
                swap(&writer.bytes, &bytes)
                for position in positions[range]
                where decisions.appendRecord(of: point, at: position, language: language, to: &writer) {
                    writer.byte(0x0A)
                }
                swap(&writer.bytes, &bytes)
            }
        }
        try file.finish()
    }
}

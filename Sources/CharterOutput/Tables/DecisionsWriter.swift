public import CharterEngine
public import PolicyKit

/// Writes `decisions.jsonl`: one record a line, sorted by point (run order) then subject.
public enum DecisionsWriter {
    /// Writes every record of `decisions` to `path`, reasons in `language`.
    public static func write(_ decisions: RunDecisions, to path: String, language: Language) throws(OutputError) {
        let file = try BufferedFile(path: path)
        for point in decisions.points {
            do {
                try decisions.forEachRecord(of: point) { record in
                    try file.append { buffer in
                        record.appendJSON(to: &buffer, language: language)
                        buffer.append(0x0A)
                    }
                }
            } catch let error as OutputError {
                throw error
            } catch {
                throw OutputError(path: path, message: "could not be written (\(error)).")
            }
        }
        try file.finish()
    }
}

public import CharterEngine
import Dispatch
public import PolicyKit

/// Writes `decisions.jsonl`: one record a line, sorted by point (run order) then subject.
///
/// Records are encoded on every core, a window of chunks at a time, and written in order, so the
/// file is the same whatever the number of workers and the memory held is a few chunks, not the
/// whole file.
public enum DecisionsWriter {
    /// Records per chunk that one worker encodes at a time.
    static let chunkSize = 4096

    /// Writes every record of `decisions` to `path`, reasons in `language`.
    public static func write(
        _ decisions: RunDecisions, to path: String, language: Language, jobs: Int = 1
    ) throws(OutputError) {
        let file = try BufferedFile(path: path)
        let workers = max(1, jobs)
        for point in decisions.points {
            let positions = decisions.positions(of: point)
            let chunks = stride(from: 0, to: positions.count, by: chunkSize).map {
                $0..<min($0 + chunkSize, positions.count)
            }
            let window = workers * 4
            for windowStart in stride(from: 0, to: chunks.count, by: window) {
                let batch = Array(chunks[windowStart..<min(windowStart + window, chunks.count)])
                let encoded = EncodedChunks(count: batch.count)
                DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                    var writer = JSONWriter(capacity: batch[index].count * 512)
                    for position in positions[batch[index]]
                    where decisions.appendRecord(of: point, at: position, language: language, to: &writer) {
                        writer.byte(0x0A)
                    }
                    encoded.store(writer.bytes, at: index)
                }
                for index in batch.indices { try file.write(encoded.take(at: index)) }
            }
        }
        try file.finish()
    }
}

/// The encoded chunks of one window, each slot written by one worker only.
private final class EncodedChunks: @unchecked Sendable {
    // Slot `i` is written once, by the worker encoding chunk `i`, and read only after
    // `concurrentPerform` has returned.
    private var slots: [[UInt8]]

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ bytes: [UInt8], at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = bytes }
    }

    func take(at index: Int) -> [UInt8] {
        defer { slots[index] = [] }
        return slots[index]
    }
}

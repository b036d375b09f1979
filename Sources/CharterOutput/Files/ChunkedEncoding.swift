import Dispatch

/// Encodes `count` rows in chunks on every core and writes the chunks in order.
///
/// A window of a few chunks per worker is encoded at a time, so the bytes held are a few chunks,
/// not the whole file, and the file is the same whatever the number of workers.
func writeChunked(
    count: Int, chunkSize: Int, jobs: Int, to file: BufferedFile,
    encode: @Sendable (Range<Int>) -> [UInt8]
) throws(OutputError) {
    let chunks = stride(from: 0, to: count, by: chunkSize).map { $0..<min($0 + chunkSize, count) }
    let window = max(1, jobs) * 4
    for windowStart in stride(from: 0, to: chunks.count, by: window) {
        let batch = Array(chunks[windowStart..<min(windowStart + window, chunks.count)])
        let encoded = EncodedChunks(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            encoded.store(encode(batch[index]), at: index)
        }
        for index in batch.indices { try file.write(encoded.take(at: index)) }
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

import Dispatch

/// Encodes `count` rows in chunks on every core and writes the chunks in order.
///
/// A window of a few chunks per worker is encoded at a time, then written in order. The chunk
/// buffers are kept from one window to the next, so a city-sized file costs no fresh memory (and
/// no page faults) after the first window, and the file is the same whatever the number of workers.
func writeChunked(
    count: Int, chunkSize: Int, jobs: Int, to file: BufferedFile,
    encode: @Sendable (Range<Int>, inout [UInt8]) -> Void
) throws(OutputError) {
    let chunks = stride(from: 0, to: count, by: chunkSize).map { $0..<min($0 + chunkSize, count) }
    let window = max(1, jobs) * 4
    let buffers = ChunkBuffers(count: min(window, chunks.count))
    for windowStart in stride(from: 0, to: chunks.count, by: window) {
        let batch = Array(chunks[windowStart..<min(windowStart + window, chunks.count)])
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            buffers.fill(index) { encode(batch[index], &$0) }
        }
        for index in batch.indices { try file.write(buffers.bytes(index)) }
    }
}

/// One reusable buffer per chunk of a window, each filled by one worker only.
private final class ChunkBuffers: @unchecked Sendable {
    // Buffer `i` is filled by the one worker encoding chunk `i` of the window, and read only
    // after `concurrentPerform` has returned; the array itself never changes size.
    private var buffers: [[UInt8]]

    init(count: Int) { buffers = Array(repeating: [], count: count) }

    func fill(_ index: Int, _ body: (inout [UInt8]) -> Void) {
        buffers.withUnsafeMutableBufferPointer { all in
            all[index].removeAll(keepingCapacity: true)
            body(&all[index])
        }
    }

    func bytes(_ index: Int) -> [UInt8] { buffers[index] }
}

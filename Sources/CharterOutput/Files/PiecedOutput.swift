import CharterData
import CharterEngine
import CharterSupport
import Dispatch
import PolicyKit
import Synchronization

/// An output file made of pieces that can be encoded independently and land in piece order.
///
/// A run's files are large (a city's `decisions.jsonl` is hundreds of megabytes) and made of
/// records that do not depend on one another, so each file is cut into pieces of a few thousand
/// records; ``PiecedOutput`` encodes the pieces of every file on all the workers at once.
struct PiecedFile: Sendable {
    /// Where the file is written.
    let path: String
    /// How many pieces it has.
    let pieces: Int
    /// Appends piece `piece`'s bytes (pieces count from 0) to the buffer.
    let encode: @Sendable (_ piece: Int, _ bytes: inout [UInt8]) -> Void
    /// Whether the file's SHA-256 is computed as it is written (``OutputTimes/digests``).
    var hashed = false

    /// A file of `count` items cut into pieces of `chunk` items each, with an optional first piece
    /// (a header) before them.
    static func items(
        path: String, count: Int, chunk: Int, header: [UInt8]? = nil,
        encode: @escaping @Sendable (Range<Int>, inout [UInt8]) -> Void
    ) -> PiecedFile {
        let chunk = max(1, chunk)
        let chunks = (count + chunk - 1) / chunk
        let offset = header == nil ? 0 : 1
        return PiecedFile(path: path, pieces: chunks + offset) { piece, bytes in
            if let header, piece == 0 {
                bytes += header
                return
            }
            let start = (piece - offset) * chunk
            encode(start..<min(start + chunk, count), &bytes)
        }
    }
}

/// How long each file's pieces took to encode, summed over the workers.
public struct OutputTimes: Sendable {
    /// Seconds spent encoding each file's pieces, by the file's name, in the order written.
    public var encodeSeconds: [(file: String, seconds: Double)] = []
    /// Seconds spent in `write` calls, summed over the workers.
    public var writeSeconds: Double = 0
    /// The SHA-256 of each file written with `hashed`, by the file's name.
    public var digests: [String: String] = [:]
}

/// Writes several files at once on `jobs` workers.
///
/// The pieces of all the files form one queue; each worker takes the next piece, encodes it into
/// its own buffer, and hands it to the piece's file. A file writes its pieces strictly in order:
/// the worker whose piece is next writes it, and then any later pieces that other workers have
/// already left waiting, so no worker waits for another. The bytes of each file are the same
/// whatever the number of workers.
enum PiecedOutput {
    static func write(_ files: [PiecedFile], jobs: Int) throws(OutputError) -> OutputTimes {
        var sinks: [OrderedSink] = []
        for file in files { sinks.append(try OrderedSink(path: file.path, hashed: file.hashed)) }
        let tasks = files.indices.flatMap { file in (0..<files[file].pieces).map { (file: file, piece: $0) } }
        let next = Atomic<Int>(0)
        let failed = Atomic<Bool>(false)
        let totals = Mutex((encode: [UInt64](repeating: 0, count: files.count), write: UInt64(0)))
        let workers = max(1, min(jobs, tasks.count))
        let sinkList = sinks
        // At most this many pieces are encoded and not yet written at any time: a worker waits for
        // a permit before taking a piece, and each piece written returns one. Without it a
        // stalled write (a slow disk) would let the others encode the whole run into memory.
        // (Made at zero and signalled up: libdispatch refuses to free a semaphore left below the
        // value it was made with, and permits taken by the last tries are never given back.)
        let permits = DispatchSemaphore(value: 0)
        for _ in 0..<workers * 8 { permits.signal() }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var buffer: [UInt8] = []
            var encode = [UInt64](repeating: 0, count: files.count)
            var write: UInt64 = 0
            while !failed.load(ordering: .relaxed) {
                if permits.wait(timeout: .now() + .milliseconds(20)) == .timedOut { continue }
                let task = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard task < tasks.count else { break }
                let (file, piece) = tasks[task]
                let start = MonotonicClock.nanoseconds()
                buffer.removeAll(keepingCapacity: true)
                files[file].encode(piece, &buffer)
                encode[file] += MonotonicClock.nanoseconds() - start
                if !sinkList[file].deliver(piece: piece, bytes: &buffer, writeTime: &write, written: permits) {
                    failed.store(true, ordering: .relaxed)
                }
            }
            totals.withLock {
                for index in encode.indices { $0.encode[index] += encode[index] }
                $0.write += write
            }
        }
        for sink in sinks { if let error = sink.error { throw error } }
        var digests: [String: String] = [:]
        for (sink, file) in zip(sinks, files) {
            if let digest = try sink.finish(expecting: file.pieces) {
                digests[String(file.path.split(separator: "/").last ?? "")] = digest
            }
        }
        let (encode, write) = totals.withLock { $0 }
        let names = files.map { String($0.path.split(separator: "/").last ?? "") }
        return OutputTimes(
            encodeSeconds: zip(names, encode).map { ($0, Double($1) / 1e9) }, writeSeconds: Double(write) / 1e9,
            digests: digests)
    }
}

/// One file's pieces, written in order as they arrive from the workers.
private final class OrderedSink: @unchecked Sendable {
    // `file` is only touched by the worker holding `writing` (set under the lock), one at a time.
    private let file: BufferedFile
    private let state = Mutex(State())

    private struct State {
        var next = 0
        var writing = false
        var waiting: [Int: [UInt8]] = [:]
        var error: OutputError?
    }

    // Like `file`, only touched by the worker holding `writing`.
    private var hasher: SHA256.Hasher?

    init(path: String, hashed: Bool) throws(OutputError) {
        file = try BufferedFile(path: path, capacity: 1 << 16)
        hasher = hashed ? SHA256.Hasher() : nil
    }

    /// Takes a finished piece, and returns false once a write has failed.
    ///
    /// The piece is written now when it is next and nobody is writing, along with any pieces
    /// waiting behind it; otherwise it is left waiting (and the buffer is taken). `written` is
    /// signalled once for every piece written.
    func deliver(piece: Int, bytes: inout [UInt8], writeTime: inout UInt64, written: DispatchSemaphore) -> Bool {
        let mine = state.withLock { state -> Bool? in
            guard state.error == nil else { return nil }
            if state.writing || state.next != piece {
                var taken: [UInt8] = []
                swap(&taken, &bytes)
                state.waiting[piece] = taken
                return false
            }
            state.writing = true
            return true
        }
        guard let mine else { return false }
        guard mine else { return true }
        var current = bytes
        while true {
            let start = MonotonicClock.nanoseconds()
            var failure: OutputError?
            do { try file.write(current) } catch { failure = error }
            if hasher != nil { current.withUnsafeBytes { hasher?.update($0) } }
            writeTime += MonotonicClock.nanoseconds() - start
            written.signal()
            let following = state.withLock { state -> [UInt8]? in
                if let failure {
                    state.error = failure
                    state.writing = false
                    return nil
                }
                state.next += 1
                guard let waiting = state.waiting.removeValue(forKey: state.next) else {
                    state.writing = false
                    return nil
                }
                return waiting
            }
            if failure != nil { return false }
            guard let following else { return true }
            current = following
        }
    }

    /// The error a write met, if one did.
    var error: OutputError? { state.withLock { $0.error } }

    /// Flushes and checks that every piece was written; returns the file's SHA-256 when hashed.
    func finish(expecting pieces: Int) throws(OutputError) -> String? {
        let next = state.withLock { $0.next }
        guard next == pieces else {
            throw OutputError(
                path: file.path,
                message: Text(
                    zh: "没有完整写出（\(pieces) 个部分只写了 \(next) 个）。",
                    en: "was not written whole (\(next) of \(pieces) pieces)."))
        }
        try file.finish()
        guard var hasher else { return nil }
        return SHA256.hex(hasher.finalize())
    }
}

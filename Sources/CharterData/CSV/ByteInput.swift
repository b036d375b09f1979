import CharterSupport
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The bytes of one dataset file, read in big chunks into one reusable buffer and hashed as they
/// arrive, so a file of any size is read once, in memory of a few megabytes.
///
/// Readers see the live bytes `buffer[start..<end]`. When they need more, they call
/// ``refill(keepingFrom:)`` with the offset of the first byte they still need (the start of an
/// unfinished record): those bytes move to the front and more are read behind them.
///
/// When the reader may use more than one core, a large file is hashed on another core while it is
/// parsed: the hash job reads the file on its own (from the page cache), and the input checks that
/// it hashed as many bytes as were parsed and that the file did not change in between.
final class ByteInput {
    /// The buffer; valid until the next refill.
    private(set) var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// One past the last byte read into the buffer.
    private(set) var end: Int = 0
    /// Whether every byte of the file has been read.
    private(set) var atEndOfFile = false
    /// Bytes read so far, and bytes dropped from the front of the buffer so far (their sum with an
    /// offset gives a file offset).
    private(set) var totalRead = 0
    private(set) var dropped = 0
    /// A read error, as a sentence, if one happened (the input then ends).
    private(set) var readError: String?
    private var hasher = SHA256.Hasher()
    /// Whether the bytes are hashed at all.
    private var hashes = true
    private let descriptor: Int32

    /// Opens a file for reading, or returns why it cannot be read.
    ///
    /// With `hashInBackground`, a large file is hashed on another thread while it is parsed;
    /// without it, every byte is hashed on the reading thread as it arrives. Without `hashing`,
    /// nothing is hashed and ``finishHashing()`` returns an empty digest.
    static func open(
        path: String, chunkSize: Int = 1 << 20, hashInBackground: Bool = false, hashing: Bool = true
    ) -> Result<ByteInput, OpenFailure> {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(OpenFailure(reason: String(cString: strerror(errno)))) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            return .failure(OpenFailure(reason: reason))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return .failure(OpenFailure(reason: "it is not a regular file"))
        }
        let input = ByteInput(descriptor: descriptor, capacity: chunkSize, fileSize: Int(status.st_size))
        input.hashes = hashing
        if hashing && hashInBackground && input.fileSize >= backgroundHashingThreshold {
            input.stamp = FileStamp(status)
            input.hashJob = HashJob(path: path)
        }
        return .success(input)
    }

    /// Files at least this large are hashed on another core.
    static let backgroundHashingThreshold = 8 << 20

    /// The hash of a large file, computed on another core.
    private var hashJob: HashJob?
    /// The file's size and modification time when it was opened.
    private var stamp: FileStamp?

    /// Why a file could not be opened.
    struct OpenFailure: Error {
        let reason: String
    }

    /// The file's size when it was opened (0 for bytes in memory).
    let fileSize: Int

    private init(descriptor: Int32, capacity: Int, fileSize: Int) {
        self.descriptor = descriptor
        self.capacity = max(capacity, 64)
        self.fileSize = fileSize
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    /// Input over bytes already in memory (tests and the fuzz target), handed out `chunkSize`
    /// bytes at a time as if read from a file, so records that straddle chunks are exercised.
    init(bytes: [UInt8], chunkSize: Int? = nil) {
        descriptor = -1
        memory = bytes
        memoryChunk = max(chunkSize ?? bytes.count, 1)
        capacity = max(min(memoryChunk, bytes.count), 1)
        fileSize = bytes.count
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        refill(keepingFrom: 0)
    }

    /// The bytes of an in-memory input, and how many of them have been handed out.
    private var memory: [UInt8] = []
    private var memoryOffset = 0
    private var memoryChunk = 0

    deinit {
        buffer.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    /// Moves `buffer[keep..<end]` to the front and reads more behind it.
    ///
    /// Returns `false` when no byte could be added (the end of the file, or a read error). Offsets held by the caller
    /// shift down by `keep`.
    @discardableResult
    func refill(keepingFrom keep: Int) -> Bool {
        guard !atEndOfFile else { return false }
        let live = end - keep
        if keep > 0 {
            if live > 0 { buffer.update(from: buffer + keep, count: live) }
            dropped += keep
            end = live
        }
        if end == capacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        if descriptor < 0 {
            let count = min(capacity - end, memoryChunk, memory.count - memoryOffset)
            guard count > 0 else {
                atEndOfFile = true
                return false
            }
            memory.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { (buffer + end).update(from: base + memoryOffset, count: count) }
            }
            hasher.update(UnsafeRawBufferPointer(start: buffer + end, count: count))
            memoryOffset += count
            end += count
            totalRead += count
            return true
        }
        while true {
            let count = read(descriptor, buffer + end, capacity - end)
            if count < 0 {
                if errno == EINTR { continue }
                readError = "the file cannot be read: \(String(cString: strerror(errno)))"
                atEndOfFile = true
                return false
            }
            if count == 0 {
                atEndOfFile = true
                return false
            }
            if hashJob == nil && hashes { hasher.update(UnsafeRawBufferPointer(start: buffer + end, count: count)) }
            end += count
            totalRead += count
            return true
        }
    }

    /// The file's first `count` bytes (fewer when it is shorter), read apart from the input: the
    /// bytes handed to the reader, the chunks they come in and their hashing stay as they are.
    func firstBytes(_ count: Int) -> [UInt8] {
        guard descriptor >= 0 else { return Array(memory.prefix(count)) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(descriptor, base + filled, count - filled, off_t(filled))
            }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { break }
            filled += read
        }
        return Array(bytes.prefix(filled))
    }

    /// Reads the rest of the file into the buffer and returns all of it (for the JSON forms).
    func readAll() -> UnsafeBufferPointer<UInt8> {
        while refill(keepingFrom: 0) {}
        return UnsafeBufferPointer(start: buffer, count: end)
    }

    /// Reads and hashes whatever is left, and returns the SHA-256 of the whole file in hex.
    ///
    /// Sets ``readError`` when a background hash does not cover exactly the bytes parsed.
    func finishHashing() -> String {
        while refill(keepingFrom: end) {}
        guard hashes else { return "" }
        guard let hashJob else {
            var copy = hasher
            return SHA256.hex(copy.finalize())
        }
        let (digest, hashedBytes) = hashJob.wait()
        var status = stat()
        let unchanged = fstat(descriptor, &status) == 0 && stamp == FileStamp(status)
        if digest == nil || hashedBytes != totalRead || !unchanged {
            if readError == nil { readError = "the file changed while it was read; read it again" }
        }
        return digest ?? ""
    }
}

/// A file's size and modification time, to notice a file that changes while it is read.
struct FileStamp: Equatable {
    let size: Int
    let seconds: Int
    let nanoseconds: Int

    init(_ status: stat) {
        size = Int(status.st_size)
        seconds = Int(status.st_mtim.tv_sec)
        nanoseconds = Int(status.st_mtim.tv_nsec)
    }
}

/// The SHA-256 of a file, computed on a background queue.
final class HashJob: Sendable {
    private let result = Mutex<(digest: String?, bytes: Int)>((nil, 0))
    private let group = DispatchGroup()

    init(path: String) {
        DispatchQueue.global().async(group: group) { [self] in
            let outcome = SHA256.hashFile(path)
            result.withLock { $0 = outcome }
        }
    }

    /// Waits for the hash: the digest in hex (`nil` when the file could not be read) and the
    /// number of bytes hashed.
    func wait() -> (digest: String?, bytes: Int) {
        group.wait()
        return result.withLock { $0 }
    }
}

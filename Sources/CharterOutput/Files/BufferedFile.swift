import CharterData
import CharterSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A file written through a large buffer, in bytes.
public final class BufferedFile {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// The file's path.
    public let path: String

    /// Creates (or truncates) the file at `path`.
    public init(path: String, capacity: Int = 1 << 20) throws(OutputError) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError.lastFailure(path: path, creating: true)
        }
        self.path = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity + 4096)
    }

    private var closed = false

    deinit { if !closed { close(descriptor) } }

    /// Appends bytes; a block as large as the buffer is written straight through.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        if bytes.count >= capacity {
            try flush()
            try writeAll(bytes)
            return
        }
        buffer += bytes
        if buffer.count >= capacity { try flush() }
    }

    /// Appends a string's UTF-8 bytes.
    public func write(_ text: String) throws(OutputError) {
        buffer += text.utf8
        if buffer.count >= capacity { try flush() }
    }

    /// Lets `body` append to the buffer directly, then flushes when it is full.
    public func append(_ body: (inout [UInt8]) -> Void) throws(OutputError) {
        body(&buffer)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes out the buffer.
    public func flush() throws(OutputError) {
        try writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: [UInt8]) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress?.advanced(by: offset), raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError.lastFailure(path: path, creating: false)
            }
            offset += written
        }
    }

    /// Flushes what is left in the buffer.
    ///
    /// The bytes are handed to the operating system, not forced to the disk: an output folder is
    /// complete once it is renamed into place, which protects a run from being interrupted or from
    /// failing half-way; waiting for the disk as well would double the time of a city-scale run.
    public func finish() throws(OutputError) {
        try flush()
        // A network file system reports a full disk or a quota at the latest when the file is
        // closed.
        closed = true
        guard close(descriptor) == 0 else { throw OutputError.lastFailure(path: path, creating: false) }
    }
}

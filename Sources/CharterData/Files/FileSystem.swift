#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The few file-system operations the host needs, in one place, over the C library.
public enum FileSystem {
    /// The names in a folder (without `.` and `..`), or `nil` when it cannot be opened (`errno`
    /// says why).
    public static func entries(of path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Whether a file or folder exists at `path`.
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Creates `path` and any missing folders above it, like `mkdir -p`; `false` when one cannot
    /// be created (`errno` says why).
    public static func makeFolders(_ path: String) -> Bool {
        if exists(path) { return true }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            guard makeFolders(String(path[..<slash])) else { return false }
        }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }

    /// Removes a file, or a folder and everything in it.
    public static func removeTree(_ path: String) {
        guard let names = entries(of: path) else {
            unlink(path)
            return
        }
        for name in names {
            let child = path + "/" + name
            if unlink(child) != 0 { removeTree(child) }
        }
        rmdir(path)
    }

    /// The whole content of a file.
    public static func readBytes(_ path: String) throws(FileSystemError) -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw FileSystemError(path: path, reason: lastError()) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count > 0 { bytes += chunk[0..<count] }
            if count < chunk.count {
                if ferror(file) != 0 { throw FileSystemError(path: path, reason: lastError()) }
                return bytes
            }
        }
    }

    /// The C library's explanation of the last error.
    public static func lastError() -> String { String(cString: strerror(errno)) }
}

/// A file that could not be read.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// Why, as the system says it.
    public let reason: String

    /// `PATH: reason`.
    public var description: String { "\(path): \(reason)" }
}

public import PolicyKit

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
    ///
    /// A symbolic link is removed as a link: what it points to is never touched, at any depth.
    public static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        for name in entries(of: path) ?? [] {
            removeTree(path + "/" + name)
        }
        rmdir(path)
    }

    /// Whether `path` is a folder, or a link to one.
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Whether `path` is a folder itself (not a link to one) owned by this process's user.
    public static func isOwnFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR && info.st_uid == geteuid()
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

    /// Every entry below `path`, as paths relative to it.
    ///
    /// A folder comes before what it holds; links are listed, not followed; a folder that cannot
    /// be read gives an empty list.
    public static func tree(of path: String) -> [String] {
        var found: [String] = []
        func walk(_ folder: String, _ prefix: String) {
            for name in (entries(of: folder) ?? []).sorted() {
                let relative = prefix + name
                found.append(relative)
                var info = stat()
                if lstat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    walk(folder + "/" + name, relative + "/")
                }
            }
        }
        walk(path, "")
        return found
    }

    /// The folder part of a path: `a/b` for `a/b/c`, `/` for `/c`, `.` for a bare name.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The current folder.
    public static var currentDirectory: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `path` made absolute with links resolved, as far as it exists.
    ///
    /// The part that does not exist yet is appended as written, so a folder about to be created
    /// can be compared with existing ones. Each component is resolved before the next is applied, so `link/..` is the parent of
    /// where the link points, as the system sees it.
    public static func resolvedPath(_ path: String) -> String {
        var current = path.hasPrefix("/") ? "/" : (realPath(currentDirectory) ?? currentDirectory)
        var exists = true
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                if let slash = current.lastIndex(of: "/") {
                    current = slash == current.startIndex ? "/" : String(current[..<slash])
                }
                continue
            }
            let next = (current == "/" ? "" : current) + "/" + part
            if exists, let real = realPath(next) {
                current = real
            } else {
                exists = false
                current = next
            }
        }
        return current
    }

    /// The real path of an existing file or folder (links resolved), or `nil`.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `inner` is `outer` or lies inside it; both absolute and resolved.
    public static func isInside(_ inner: String, _ outer: String) -> Bool {
        if outer == "/" || inner == outer { return true }
        return inner.hasPrefix(outer + "/")
    }

    /// The process's file-creation mask, read without changing it (from `/proc/self/status`;
    /// 022 where that cannot be read).
    public static var umask: mode_t {
        guard let bytes = try? readBytes("/proc/self/status") else { return 0o022 }
        for line in bytes.split(separator: UInt8(ascii: "\n")) where line.starts(with: Array("Umask:".utf8)) {
            let digits = line.dropFirst(6).filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
            var value: mode_t = 0
            for digit in digits { value = value * 8 + mode_t(digit - UInt8(ascii: "0")) }
            return value
        }
        return 0o022
    }

    /// Swaps two existing paths in one step (Linux's `renameat2` with `RENAME_EXCHANGE`);
    /// `false` where the system or the file system cannot, and nothing was changed.
    public static func exchange(_ first: String, _ second: String) -> Bool {
        typealias RenameAt2 =
            @convention(c) (
                Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
            ) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        // RENAME_EXCHANGE is 1 << 1 in <linux/fs.h>.
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, 1 << 1) == 0
    }

    /// Writes a small file whole (created with mode 0644 less the umask, or truncated).
    public static func writeFile(_ path: String, _ bytes: [UInt8]) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError.lastFailure(path: path, creating: true)
        }
        var isOpen = true
        defer { if isOpen { close(descriptor) } }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(descriptor, raw.baseAddress?.advanced(by: offset), raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError.lastFailure(path: path, creating: false)
            }
            offset += written
        }
        // A network file system reports a full disk or a quota at the latest when the file is closed.
        isOpen = false
        guard close(descriptor) == 0 else { throw OutputError.lastFailure(path: path, creating: false) }
    }

    /// The C library's explanation of the last error.
    public static func lastError() -> String { String(cString: strerror(errno)) }
}

/// A file that could not be read.
public struct FileSystemError: Error, Sendable, CustomStringConvertible, LocalizedMessage {
    /// The file.
    public let path: String
    /// Why, as the system says it (the C library's words, in English).
    public let reason: String

    /// `PATH: reason`.
    public var description: String { "\(path): \(reason)" }

    /// `PATH: reason`, in `language`; the system's reason stays as it says it.
    public func message(in language: Language) -> String {
        language == .chinese ? "\(path): 无法读取文件（\(reason)）。" : description
    }
}

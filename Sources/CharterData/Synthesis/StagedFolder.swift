#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// An output folder written beside its final place and moved there only when whole, so a failure
/// never leaves a half-written dataset where a reader would find it.
///
/// A new or empty folder is replaced by one `rename`. An existing non-empty folder is refused
/// unless overwriting was asked for; then only the dataset's own files in it are replaced (each by
/// `rename`), together with any other form of them (`NAME.json`, `NAME.jsonl`) that would clash,
/// and everything else in it is left alone.
struct StagedFolder {
    /// Where the dataset is to end up.
    let destination: String
    /// The folder being written.
    let staging: String
    /// Whether `destination` exists with something in it.
    let replacesFiles: Bool

    /// Checks `destination` and creates the staging folder beside it.
    init(destination: String, force: Bool) throws(SynthesisError) {
        var path = destination
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.destination = path
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw SynthesisError(code: .outputExists, message: "'\(path)' exists and is not a folder.")
            }
            let empty = try StagedFolder.isEmpty(path)
            guard empty || force else {
                throw SynthesisError(
                    code: .outputExists,
                    message:
                        "The folder '\(path)' is not empty. Choose another --out, or give --force to replace the dataset files in it."
                )
            }
            replacesFiles = !empty
        } else {
            replacesFiles = false
        }
        let slash = path.lastIndex(of: "/")
        let parent = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        staging = (parent == "/" ? "" : parent) + "/.\(base).partial-\(getpid())"
        guard FileSystem.makeFolders(parent) else {
            throw SynthesisError(
                code: .cannotWrite, message: "Cannot create the folder '\(parent)': \(systemMessage()).")
        }
        guard mkdir(staging, 0o755) == 0 else {
            throw SynthesisError(
                code: .cannotWrite, message: "Cannot create the folder '\(staging)': \(systemMessage()).")
        }
    }

    /// The path of a file in the staging folder.
    func stagedPath(_ name: String) -> String { staging + "/" + name }

    /// Moves the written files into place.
    func commit(files: [String]) throws(SynthesisError) {
        if !replacesFiles {
            // An empty destination folder is replaced whole; rename(2) allows that.
            guard rename(staging, destination) == 0 else {
                throw SynthesisError(
                    code: .cannotWrite, message: "Cannot move '\(staging)' to '\(destination)': \(systemMessage()).")
            }
            return
        }
        for file in files {
            let stem = file.hasSuffix(".csv") ? String(file.dropLast(4)) : file
            for other in [stem + ".json", stem + ".jsonl"] {
                let path = destination + "/" + other
                if access(path, F_OK) == 0 && unlink(path) != 0 {
                    throw SynthesisError(code: .cannotWrite, message: "Cannot remove '\(path)': \(systemMessage()).")
                }
            }
            guard rename(stagedPath(file), destination + "/" + file) == 0 else {
                throw SynthesisError(
                    code: .cannotWrite, message: "Cannot move '\(file)' into '\(destination)': \(systemMessage()).")
            }
        }
        rmdir(staging)
    }

    /// Removes the staging folder and the files written in it.
    func discard(files: [String]) {
        for file in files { unlink(stagedPath(file)) }
        rmdir(staging)
    }

    private static func isEmpty(_ path: String) throws(SynthesisError) -> Bool {
        guard let names = FileSystem.entries(of: path) else {
            throw SynthesisError(code: .cannotWrite, message: "Cannot read the folder '\(path)': \(systemMessage()).")
        }
        return names.isEmpty
    }
}

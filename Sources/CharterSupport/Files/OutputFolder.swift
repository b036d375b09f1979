import Dispatch
public import PolicyKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// An output folder that appears only when it is complete, and that replaces only what Charter
/// wrote.
///
/// A district's dataset folder is often the only copy of its members' records, and a mistyped
/// `--out` is an everyday event, so a folder is replaced only when it is one Charter wrote: it
/// holds the marker ``markerName`` that lists what was written, and nothing else. Paths the run
/// must never touch (the dataset, the profile, a module path, the current and home folders, `/`)
/// are refused whatever they hold.
///
/// Files are written into a hidden sibling folder created with mode 0700
/// (`.NAME.charter-partial-PID-START`, the process id and its start time); ``commit()`` swaps it
/// into place in one step. SIGINT, SIGTERM and SIGHUP remove it; after a SIGKILL the next command
/// that writes beside it removes it, since its process is gone.
public final class OutputFolder {
    /// The name of the marker a Charter output folder holds: what wrote it and every entry it wrote.
    public static let markerName = ".charter-output"
    /// The marker's format tag.
    public static let markerFormat = "charter-output/1"

    /// Where the folder will be.
    public let destination: String
    /// Where it is being written.
    public let staging: String
    /// The command writing it, recorded in the marker.
    public let command: String
    /// Folders that earlier interrupted runs left beside the destination and that this one removed
    /// (or, for an earlier output caught half-way through its replacement, put back), for the
    /// command to mention.
    public private(set) var leftoversCleared: [String] = []
    /// An earlier output that an interrupted replacement had moved aside and that was put back.
    public private(set) var restoredEarlier: String?
    private let force: Bool
    private var committed = false

    /// Prepares to write `destination` for `command`.
    ///
    /// Refuses (``OutputError``) a destination that is or holds one of `protected`, the current or
    /// home folder or `/`; an existing destination that is not empty unless `force`; and, with
    /// `force`, one that is not a folder Charter wrote or that holds anything else.
    public init(
        destination: String, command: String, force: Bool, protected: [ProtectedPath] = []
    ) throws(OutputError) {
        var trimmed = destination
        // `out/` and `out/.` name the folder `out`.
        while trimmed.count > 1, trimmed.hasSuffix("/") || trimmed.hasSuffix("/.") {
            trimmed.removeLast(trimmed.hasSuffix("/") ? 1 : 2)
        }
        guard !trimmed.isEmpty, trimmed != ".", trimmed != "..", !trimmed.hasSuffix("/..") else {
            throw OutputError.refusal(
                path: destination,
                message: Text(
                    zh: "没有用文件夹自己的名字指明一个文件夹。请用 --out 写明要写入的文件夹。",
                    en: "does not name a folder by its own name. Name the folder to write with --out."))
        }
        self.destination = trimmed
        self.command = command
        self.force = force
        try OutputFolder.checkProtected(trimmed, protected)
        try OutputFolder.checkReplaceable(trimmed, force: force, command: command)

        let parent = FileSystem.folder(of: trimmed)
        let name = trimmed.lastIndex(of: "/").map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
        if !FileSystem.exists(parent), !FileSystem.makeFolders(parent) {
            throw OutputError(
                path: parent,
                message: Text(
                    zh: "无法创建（\(FileSystem.lastError())）。请检查 --out 路径，或换一个文件夹。",
                    en: "cannot be created (\(FileSystem.lastError())). Check the --out path, or choose another folder."
                ))
        }
        (leftoversCleared, restoredEarlier) = StagingName.clearLeftovers(in: parent, for: name)
        staging = (parent == "/" ? "" : parent + "/") + StagingName.current(for: name)
        FileSystem.removeTree(staging)
        guard mkdir(staging, 0o700) == 0 else {
            throw OutputError(
                path: parent,
                message: Text(
                    zh: "无法写入（\(FileSystem.lastError())）。请把 --out 指向一个可以写入的位置。",
                    en:
                        "cannot be written (\(FileSystem.lastError())). Choose an --out folder in a place you can write to."
                ))
        }
        SignalCleanup.shared.register(staging)
    }

    deinit { discard() }

    /// The path of a file inside the folder being written.
    public func file(_ name: String) -> String { staging + "/" + name }

    /// The error as a user should read it: a file named by where it was going (`--out`), not by
    /// the hidden folder it was being written in.
    public func placed(_ error: OutputError) -> OutputError {
        guard error.path.hasPrefix(staging + "/") else { return error }
        return error.moved(to: destination + error.path.dropFirst(staging.count))
    }

    /// The error as a user should read it (see ``placed(_:)``), in `language`.
    public func describe(_ error: OutputError, in language: Language = .english) -> String {
        placed(error).message(in: language)
    }

    /// Removes the folder being written, unless it was committed.
    public func discard() {
        SignalCleanup.shared.withLock {
            guard !committed else { return }
            FileSystem.removeTree(staging)
            committed = true
            SignalCleanup.shared.unregisterLocked(staging)
        }
    }

    /// Writes the marker and moves the complete folder into place, replacing the earlier one in
    /// one step where the file system allows it.
    public func commit() throws(OutputError) {
        let entries = FileSystem.tree(of: staging).sorted()
        try OutputMarker(command: command, entries: entries).write(to: staging + "/" + OutputFolder.markerName)
        // The folder was made 0700 so that nobody else could read it while it was written; it
        // gets the user's ordinary permissions once whole, as the files in it have.
        chmod(staging, 0o755 & ~FileSystem.umask)
        var failure: OutputError?
        SignalCleanup.shared.withLock {
            // The lock keeps a signal's cleanup from removing the folder half-way through. What
            // is at the destination now is checked again: it may have appeared, or changed,
            // while the run was writing.
            do throws(OutputError) {
                try OutputFolder.checkReplaceable(destination, force: force, command: command)
            } catch {
                failure = error
                return
            }
            var info = stat()
            if lstat(destination, &info) == 0 {
                if FileSystem.exchange(staging, destination) {
                    // The staging path now holds the earlier output.
                    FileSystem.removeTree(staging)
                } else {
                    let old = staging + ".old"
                    guard rename(destination, old) == 0 else {
                        failure = OutputError(
                            path: destination,
                            message: Text(
                                zh: "未能替换（\(FileSystem.lastError())）。",
                                en: "could not be replaced (\(FileSystem.lastError()))."))
                        return
                    }
                    guard rename(staging, destination) == 0 else {
                        failure = OutputError(path: destination, message: Self.notWritten())
                        _ = rename(old, destination)
                        return
                    }
                    FileSystem.removeTree(old)
                }
            } else if rename(staging, destination) != 0 {
                failure = OutputError(path: destination, message: Self.notWritten())
                return
            }
            committed = true
            SignalCleanup.shared.unregisterLocked(staging)
        }
        if let failure { throw failure }
    }

    /// "could not be written", with the system's reason.
    private static func notWritten() -> Text {
        Text(
            zh: "未能写入（\(FileSystem.lastError())）。",
            en: "could not be written (\(FileSystem.lastError())).")
    }

    // MARK: - The rules

    /// Refuses a destination that is, holds or lies inside a path the run must not touch.
    static func checkProtected(_ destination: String, _ protected: [ProtectedPath]) throws(OutputError) {
        let target = FileSystem.resolvedPath(destination)
        var all = protected
        all.append(ProtectedPath(path: "/", role: .root))
        if let home = getenv("HOME"), home.pointee != 0 {
            all.append(ProtectedPath(path: String(cString: home), role: .home))
        }
        all.append(ProtectedPath(path: FileSystem.currentDirectory, role: .currentDirectory))
        for item in all {
            let path = FileSystem.resolvedPath(item.path)
            let holds = FileSystem.isInside(path, target)
            let inside = FileSystem.isInside(target, path) && target != path
            let refused: Bool
            switch item.role {
            case .dataset, .modulePath: refused = holds || inside
            case .profile, .currentDirectory, .home, .root: refused = holds
            }
            guard refused else { continue }
            let relation =
                target == path ? "is" : holds ? "holds" : "lies inside"
            let chineseRelation = target == path ? "就是" : holds ? "包含" : "位于"
            let chineseEnd = target == path || holds ? "" : "之内"
            throw OutputError.refusal(
                path: destination,
                message: Text(
                    zh:
                        "不予写入：它\(chineseRelation)\(item.role.chinese)（\(item.path)）\(chineseEnd)，写在那里可能毁掉它。请在别处为 --out 选一个空的或新的文件夹。",
                    en:
                        "is not written: it \(relation) \(item.role.description) (\(item.path)), and writing there could destroy it. Choose an empty or new folder elsewhere for --out."
                ))
        }
    }

    /// Refuses an existing destination that may not be replaced by `command`.
    ///
    /// A dataset that `generate` wrote is replaced only by `generate`; the output of `run`,
    /// `diff` or `replay` only by one of those.
    static func checkReplaceable(_ destination: String, force: Bool, command: String) throws(OutputError) {
        var info = stat()
        guard lstat(destination, &info) == 0 else { return }
        guard info.st_mode & S_IFMT != S_IFLNK else {
            throw OutputError.refusal(
                path: destination,
                message: Text(
                    zh: "是一个链接，不是 Charter 写出的文件夹，因此不予替换。请为 --out 选一个空的或新的文件夹。",
                    en:
                        "is a link, not a folder Charter wrote, so it is not replaced. Choose an empty or new folder for --out."
                ))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw OutputError.refusal(
                path: destination,
                message: Text(
                    zh: "已经存在，而且不是文件夹；Charter 只替换它自己写出的文件夹。请为 --out 选一个空的或新的文件夹。",
                    en:
                        "exists and is not a folder; Charter replaces only a folder it wrote. Choose an empty or new folder for --out."
                ))
        }
        let entries = FileSystem.tree(of: destination)
        if entries.isEmpty { return }
        guard force else {
            throw OutputError.refusal(
                path: destination,
                message: Text(
                    zh: "已经存在。请为 --out 选一个空的或新的文件夹；如果里面是 Charter 以前的输出，可以加 --force 替换它（新的输出完整写好后才会替换）。",
                    en:
                        "already exists. Choose an empty or new folder for --out, or add --force to replace it if it holds an earlier output of Charter (it is replaced only once the new one is complete)."
                ))
        }
        let written: Set<String>
        if let marker = OutputMarker.read(destination + "/" + markerName) {
            let datasets = marker.command == "generate"
            guard datasets == (command == "generate") else {
                throw OutputError.refusal(
                    path: destination,
                    message: datasets
                        ? Text(
                            zh: "里面是 charter generate 生成的数据集，charter \(command) 不会替换它。请为 --out 选一个空的或新的文件夹。",
                            en:
                                "holds a dataset that charter generate wrote, so charter \(command) does not replace it. Choose an empty or new folder for --out."
                        )
                        : Text(
                            zh: "里面是 charter \(marker.command) 的输出，不是数据集，charter generate 不会替换它。请为 --out 选一个空的或新的文件夹。",
                            en:
                                "holds the output of charter \(marker.command), not a dataset, so charter generate does not replace it. Choose an empty or new folder for --out."
                        ))
            }
            written = Set(marker.entries + [markerName])
        } else if command != "generate", let legacy = legacyRunEntries(destination) {
            written = legacy
        } else {
            throw OutputError.refusal(
                path: destination,
                message: Text(
                    zh: "不是 Charter 写出的文件夹（里面没有 \(markerName) 标记），--force 不会替换它。请为 --out 选一个空的或新的文件夹。",
                    en:
                        "is not a folder Charter wrote (it has no \(markerName) marker), so --force does not replace it. Choose an empty or new folder for --out."
                ))
        }
        if let stranger = entries.sorted().first(where: { !written.contains($0) }) {
            throw OutputError.refusal(
                path: destination,
                message: Text(
                    zh: "里面有不是 Charter 写出的 '\(stranger)'，--force 不会替换它。请先移走要保留的内容，或为 --out 选一个空的或新的文件夹。",
                    en:
                        "holds '\(stranger)', which Charter did not write, so --force does not replace it. Move what you want to keep, or choose an empty or new folder for --out."
                ))
        }
    }

    /// The files a run wrote before its output folders carried the marker.
    static let legacyRunFiles: Set<String> = [
        "decisions.jsonl", "communities.csv", "members.csv", "posts.csv", "findings.csv", "report.html", "run.json",
    ]

    /// The entries a run's output folder had before folders carried the marker: accepted when its
    /// `run.json` is Charter's and it holds nothing else.
    static func legacyRunEntries(_ folder: String) -> Set<String>? {
        let names = legacyRunFiles
        // Only a run writes decisions.jsonl and report.html beside a run.json of Charter's.
        guard FileSystem.exists(folder + "/decisions.jsonl"), FileSystem.exists(folder + "/report.html"),
            let bytes = try? FileSystem.readBytes(folder + "/run.json"), bytes.count < 1 << 24,
            bytes.first == UInt8(ascii: "{"),
            case let text = String(decoding: bytes, as: UTF8.self),
            text.contains("\"charter_version\""), text.contains("\"counts\"")
        else { return nil }
        return names
    }
}

/// A path a command must not write over, and why.
public struct ProtectedPath: Sendable {
    /// What the path is to the run.
    public enum Role: Sendable, CustomStringConvertible {
        /// The dataset folder being read.
        case dataset
        /// The profile's folder (an output may lie inside it, not hold it).
        case profile
        /// A folder modules are loaded from.
        case modulePath
        /// The current folder.
        case currentDirectory
        /// The home folder.
        case home
        /// The root of the file system.
        case root

        /// The role in a sentence: "the dataset folder".
        public var description: String {
            switch self {
            case .dataset: "the dataset folder"
            case .profile: "the profile's folder"
            case .modulePath: "a module path"
            case .currentDirectory: "the current folder"
            case .home: "the home folder"
            case .root: "the root folder"
            }
        }

        /// The role in a Chinese sentence: "数据集文件夹".
        public var chinese: String {
            switch self {
            case .dataset: "数据集文件夹"
            case .profile: "配置文件所在的文件夹"
            case .modulePath: "一个模块路径"
            case .currentDirectory: "当前文件夹"
            case .home: "主文件夹"
            case .root: "根文件夹"
            }
        }
    }

    /// The path as given.
    public let path: String
    /// What it is.
    public let role: Role

    /// Creates a protected path.
    public init(path: String, role: Role) {
        self.path = path
        self.role = role
    }
}

/// The marker file of a Charter output folder: its format tag, the command that wrote it, then
/// every entry it wrote (paths inside the folder, one a line; a subfolder before what it holds).
struct OutputMarker {
    let command: String
    let entries: [String]

    func write(to path: String) throws(OutputError) {
        let text = ([OutputFolder.markerFormat, "command " + command] + entries).joined(separator: "\n") + "\n"
        try FileSystem.writeFile(path, Array(text.utf8))
    }

    /// The marker at `path`, when it is one Charter wrote.
    static func read(_ path: String) -> OutputMarker? {
        guard let bytes = try? FileSystem.readBytes(path), bytes.count < 1 << 20 else { return nil }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.count >= 2, lines[0] == OutputFolder.markerFormat, lines[1].hasPrefix("command ") else {
            return nil
        }
        return OutputMarker(command: String(lines[1].dropFirst(8)), entries: lines.dropFirst(2).filter { !$0.isEmpty })
    }
}

/// The hidden folders a run writes in, named so that a later run can tell whose they are.
enum StagingName {
    /// The staging folder's name for `name` in this process.
    static func current(for name: String) -> String {
        ".\(name).charter-partial-\(getpid())-\(ProcessStart.of(getpid()) ?? 0)"
    }

    /// Removes the staging folders of `name` in `parent` whose process is gone, and puts back an
    /// earlier output that an interrupted replacement had moved aside; returns what it removed
    /// and what it put back.
    ///
    /// Only folders of this destination's own staging names are looked at
    /// (`.NAME.charter-partial-PID-START`, `.NAME.charter-partial-PID-START.old`, and the earlier
    /// versions' `.NAME.partial-PID` holding only files Charter writes), and only real folders
    /// (not links) of this user. A process is gone when no process has its id, or the one that
    /// has it started at another time (the id was reused).
    static func clearLeftovers(in parent: String, for name: String) -> (removed: [String], restored: String?) {
        guard let entries = FileSystem.entries(of: parent) else { return ([], nil) }
        var removed: [String] = []
        var restored: String?
        let prefix = ".\(name).charter-partial-"
        let legacyPrefix = ".\(name).partial-"
        let destination = (parent == "/" ? "" : parent + "/") + name
        for entry in entries.sorted() where entry.hasPrefix(prefix) || entry.hasPrefix(legacyPrefix) {
            let path = (parent == "/" ? "" : parent + "/") + entry
            guard FileSystem.isOwnFolder(path) else { continue }
            var rest = Substring(entry)
            let aside = rest.hasSuffix(".old")
            if aside { rest = rest.dropLast(4) }
            if rest.hasPrefix(prefix) {
                let parts = rest.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count == 2, let pid = Int32(parts[0]), let start = UInt64(parts[1]),
                    parts[0].allSatisfy(\.isNumber), parts[1].allSatisfy(\.isNumber),
                    ProcessStart.of(pid) != start
                else { continue }
            } else {
                let digits = rest.dropFirst(legacyPrefix.count)
                guard !digits.isEmpty, digits.allSatisfy(\.isNumber), let pid = Int32(digits), pid > 0,
                    ProcessStart.of(pid) == nil, FileSystem.tree(of: path).allSatisfy(knownFiles.contains)
                else { continue }
            }
            var info = stat()
            if aside, lstat(destination, &info) != 0, rename(path, destination) == 0 {
                // Killed between moving the earlier output aside and moving the new one in.
                restored = destination
                continue
            }
            FileSystem.removeTree(path)
            removed.append(path)
        }
        return (removed, restored)
    }

    /// The files an earlier version's staging folder can hold.
    static let knownFiles: Set<String> = OutputFolder.legacyRunFiles.union(
        ["diff.jsonl", "diff.html"] + DatasetFile.allCases.map(\.fileName))
}

/// When a process started, as `/proc/PID/stat` gives it (clock ticks since boot).
enum ProcessStart {
    /// The start time of process `pid`, or `nil` when there is no such process.
    static func of(_ pid: Int32) -> UInt64? {
        guard let bytes = try? FileSystem.readBytes("/proc/\(pid)/stat") else { return nil }
        // The command name (field 2) is in parentheses and may hold spaces: count from after it.
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
        // Field 22 is the start time; after the name, fields count from 3.
        guard fields.count > 19 else { return nil }
        return UInt64(String(decoding: fields[19], as: UTF8.self))
    }
}

/// Removes the folders being written when the process is told to stop (SIGINT, SIGTERM, SIGHUP),
/// then exits with the signal's code.
///
/// The signals are taken on a dispatch queue, not in a signal handler, so the removal may use the
/// whole library; the lock keeps it from racing a commit.
public final class SignalCleanup: @unchecked Sendable {
    /// The process's one instance.
    public static let shared = SignalCleanup()

    private let lock = RecursiveLock()
    private var paths: [String] = []
    private var sources: [any DispatchSourceSignal] = []

    /// Registers a folder to remove on a stop signal.
    func register(_ path: String) {
        withLock {
            paths.append(path)
            installLocked()
        }
    }

    func unregisterLocked(_ path: String) {
        paths.removeAll { $0 == path }
    }

    func withLock<Value>(_ body: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Removes every registered folder now; the process is about to end.
    public func removeAll() {
        withLock {
            for path in paths { FileSystem.removeTree(path) }
            paths = []
        }
    }

    private func installLocked() {
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in
                removeAll()
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}

/// A mutual-exclusion lock over the C library's, that one thread may take again while it holds it
/// (a stop signal's cleanup runs on another thread, but `discard` may be called inside `withLock`).
final class RecursiveLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = .allocate(capacity: 1)

    init() {
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_RECURSIVE))
        pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
}

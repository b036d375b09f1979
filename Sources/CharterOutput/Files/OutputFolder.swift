import CharterData
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// An output folder that appears only when it is complete.
///
/// Files are written into a hidden sibling folder (`.NAME.partial-PID`); ``commit()`` renames it
/// into place, replacing an existing folder only when forced. A run that fails, or is interrupted
/// with Ctrl-C or `kill`, removes the partial folder and leaves the old one as it was.
public final class OutputFolder {
    /// Where the folder will be.
    public let destination: String
    /// Where it is being written.
    public let staging: String
    private var committed = false

    /// Prepares to write `destination`; refuses an existing one unless `force`.
    public init(destination: String, force: Bool) throws(OutputError) {
        var trimmed = destination
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.destination = trimmed
        if FileSystem.exists(trimmed), !force {
            throw OutputError(
                path: trimmed,
                message:
                    "already exists. Choose another --out folder, or add --force to replace it (it is replaced only when the new run is complete)."
            )
        }
        let parent = trimmed.contains("/") ? String(trimmed[..<(trimmed.lastIndex(of: "/") ?? trimmed.endIndex)]) : "."
        let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        if !parent.isEmpty, !FileSystem.exists(parent), !FileSystem.makeFolders(parent) {
            throw OutputError(
                path: parent, message: "cannot be created (\(String(cString: strerror(errno)))); check the --out path.")
        }
        staging = (parent.isEmpty ? "" : parent + "/") + ".\(name).partial-\(getpid())"
        FileSystem.removeTree(staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw OutputError(path: staging, message: "cannot be created (\(String(cString: strerror(errno)))).")
        }
        OutputFolder.cleanupOnSignal(staging)
    }

    deinit {
        if !committed { FileSystem.removeTree(staging) }
    }

    /// The path of a file inside the folder being written.
    public func file(_ name: String) -> String { staging + "/" + name }

    /// The error as a user should read it: a file named by where it was going (`--out`), not by
    /// the hidden folder it was being written in.
    public func describe(_ error: OutputError) -> String {
        guard error.path.hasPrefix(staging + "/") else { return error.description }
        return OutputError(path: destination + error.path.dropFirst(staging.count), message: error.message)
            .description
    }

    /// Moves the complete folder into place.
    public func commit() throws(OutputError) {
        if FileSystem.exists(destination) {
            let old = staging + ".old"
            guard rename(destination, old) == 0 else {
                throw OutputError(
                    path: destination, message: "could not be replaced (\(String(cString: strerror(errno)))).")
            }
            guard rename(staging, destination) == 0 else {
                _ = rename(old, destination)
                throw OutputError(
                    path: destination, message: "could not be written (\(String(cString: strerror(errno)))).")
            }
            FileSystem.removeTree(old)
        } else {
            guard rename(staging, destination) == 0 else {
                throw OutputError(
                    path: destination, message: "could not be written (\(String(cString: strerror(errno)))).")
            }
        }
        committed = true
        OutputFolder.pending.withLock { $0 = nil }
    }

    private static let pending = Mutex<String?>(nil)
    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []

    /// On SIGINT or SIGTERM, removes the partial folder and exits with the signal's code.
    private static func cleanupOnSignal(_ staging: String) {
        pending.withLock { $0 = staging }
        guard signalSources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if let path = pending.withLock({ $0 }) { FileSystem.removeTree(path) }
                _exit(128 + signalNumber)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}

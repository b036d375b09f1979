/// An output file or folder could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The file or folder.
    public let path: String
    /// What went wrong and what to do.
    public let message: String
    /// Whether the folder was refused by the rules of what may be written or replaced (rather
    /// than failing to be written).
    public let refused: Bool

    /// Creates the error.
    public init(path: String, message: String, refused: Bool = false) {
        self.path = path
        self.message = message
        self.refused = refused
    }

    /// The error of a folder the rules refuse to write or replace.
    public static func refusal(path: String, message: String) -> OutputError {
        OutputError(path: path, message: message, refused: true)
    }

    /// `PATH: message`.
    public var description: String { "\(path): \(message)" }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension OutputError {
    /// The error of a file that could not be created or written, from `errno`, with what to do.
    ///
    /// - Parameter creating: whether the file was being created (else written to).
    public static func lastFailure(path: String, creating: Bool) -> OutputError {
        let code = errno
        let reason = String(cString: strerror(code))
        let advice: String
        switch code {
        case ENOSPC, EDQUOT: advice = "The disk is full: free some space, or choose an --out folder on another disk."
        case EFBIG: advice = "A limit on file size (ulimit -f) stops it: raise the limit, then run again."
        case EROFS: advice = "The disk is read-only: choose an --out folder on a disk you can write to."
        case EACCES, EPERM: advice = "You may not write there: choose an --out folder you can write to."
        case ENOENT: advice = "The folder it was going to was removed while the run was writing: run again."
        case EIO: advice = "The disk reported an error: check it, or choose an --out folder on another disk."
        default: advice = "Check the --out folder, then run again."
        }
        return OutputError(
            path: path, message: "\(creating ? "cannot be created" : "could not be written") (\(reason)). \(advice)")
    }
}

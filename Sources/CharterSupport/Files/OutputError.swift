public import PolicyKit

/// An output file or folder could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible, LocalizedMessage {
    /// The file or folder.
    public let path: String
    /// What went wrong and what to do, in both languages; the path is its subject.
    public let message: Text
    /// Whether the folder was refused by the rules of what may be written or replaced (rather
    /// than failing to be written).
    public let refused: Bool

    /// Creates the error.
    public init(path: String, message: Text, refused: Bool = false) {
        self.path = path
        self.message = message
        self.refused = refused
    }

    /// The error of a folder the rules refuse to write or replace.
    public static func refusal(path: String, message: Text) -> OutputError {
        OutputError(path: path, message: message, refused: true)
    }

    /// The same error about another path (a file named by where it was going).
    public func moved(to path: String) -> OutputError {
        OutputError(path: path, message: message, refused: refused)
    }

    /// `PATH: message`.
    public var description: String { message(in: .english) }

    /// `PATH: message` in `language`.
    public func message(in language: Language) -> String { "\(path): \(message.text(in: language))" }
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
        let advice: Text
        switch code {
        case ENOSPC, EDQUOT:
            advice = Text(
                zh: "磁盘已满：请腾出空间，或把 --out 指向另一块磁盘上的文件夹。",
                en: "The disk is full: free some space, or choose an --out folder on another disk.")
        case EFBIG:
            advice = Text(
                zh: "文件大小受限（ulimit -f）：请放宽限制后重新运行。",
                en: "A limit on file size (ulimit -f) stops it: raise the limit, then run again.")
        case EROFS:
            advice = Text(
                zh: "磁盘是只读的：请把 --out 指向一块可以写入的磁盘上的文件夹。",
                en: "The disk is read-only: choose an --out folder on a disk you can write to.")
        case EACCES, EPERM:
            advice = Text(
                zh: "没有写入那里的权限：请把 --out 指向一个可以写入的文件夹。",
                en: "You may not write there: choose an --out folder you can write to.")
        case ENOENT:
            advice = Text(
                zh: "写入期间目标文件夹被删除了：请重新运行。",
                en: "The folder it was going to was removed while the run was writing: run again.")
        case EIO:
            advice = Text(
                zh: "磁盘报告了错误：请检查磁盘，或把 --out 指向另一块磁盘上的文件夹。",
                en: "The disk reported an error: check it, or choose an --out folder on another disk.")
        default:
            advice = Text(zh: "请检查 --out 文件夹后重新运行。", en: "Check the --out folder, then run again.")
        }
        let what =
            creating
            ? Text(zh: "无法创建（\(reason)）。", en: "cannot be created (\(reason)). ")
            : Text(zh: "未能写入（\(reason)）。", en: "could not be written (\(reason)). ")
        return OutputError(path: path, message: what + advice)
    }
}

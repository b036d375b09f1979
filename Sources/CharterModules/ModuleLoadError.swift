public import CharterSupport
public import PolicyKit

/// A policy module (政策模块) could not be found or loaded.
///
/// Every case says which file and what to do about it, in both languages; the command-line tool
/// prints the message and exits with code 2.
public struct ModuleLoadError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
    /// What went wrong, as a stable code.
    public enum Code: String, Sendable {
        /// No `lib<Name>.so` on the search path.
        case notFound = "module-not-found"
        /// The dynamic loader refused the file.
        case notSharedLibrary = "not-a-shared-library"
        /// A shared library without Charter's entry symbol.
        case noEntryPoint = "no-entry-point"
        /// Built by another compiler or against another PolicyKit interface.
        case versionMismatch = "version-mismatch"
        /// Two files provide a module of one name.
        case duplicateName = "duplicate-module"
        /// The module's metadata is inconsistent (a name that does not match its file, a rule of a
        /// point it does not provide, a default outside its range, …).
        case invalidMetadata = "invalid-metadata"
        /// The module file, or the folder holding it, can be written by other users, so it was not
        /// loaded (see `ModuleLoader.trustedRealPath(of:)` for the rule).
        case writableByOthers = "writable-by-others"
    }

    /// What went wrong.
    public let code: Code
    /// The file concerned, if any.
    public let file: String?
    /// A whole sentence or two a person can act on, in both languages.
    public let message: Text

    /// Creates the error.
    public init(_ code: Code, file: String?, _ message: Text) {
        self.code = code
        self.file = file
        self.message = message
    }

    /// The message, preceded by the file.
    public var description: String { message(in: .english) }

    /// The message in `language`, preceded by the file.
    public func message(in language: Language) -> String {
        if let file { return "\(file): \(message.text(in: language))" }
        return message.text(in: language)
    }
}

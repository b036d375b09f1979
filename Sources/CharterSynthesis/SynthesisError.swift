public import CharterSupport
public import PolicyKit

/// Why a district could not be generated, with a message a person can act on, in Simplified
/// Chinese and English.
public struct SynthesisError: Error, Sendable, CustomStringConvertible, LocalizedMessage {
    /// A stable code for what went wrong.
    public enum Code: String, Sendable {
        /// The output folder exists and is not empty, and overwriting was not asked for.
        case outputExists = "output_exists"
        /// A file or folder could not be created, written, renamed or removed.
        case cannotWrite = "cannot_write"
        /// The sizes asked for cannot make a district.
        case badSize = "bad_size"
    }

    /// What went wrong, as a code.
    public var code: Code
    /// What went wrong and what to do, in both languages (a file's path first, when it is about
    /// one).
    public var message: Text

    /// Creates the error.
    public init(code: Code, message: Text) {
        self.code = code
        self.message = message
    }

    /// The error of a file or folder that could not be read or written, or that the output
    /// folder's rules refused (an ``OutputError``, a ``FileSystemError``), in both languages as it
    /// says itself: `PATH: message`.
    public init(code: Code, _ error: some LocalizedMessage) {
        self.init(code: code, message: Text(zh: error.message(in: .chinese), en: error.message(in: .english)))
    }

    /// The same error with `path` written as `replacement` in both languages (a file named by
    /// where it was going, not by the hidden folder it was written in).
    public func replacing(_ path: String, with replacement: String) -> SynthesisError {
        SynthesisError(
            code: code,
            message: Text(
                zh: message.chinese.replacing(path, with: replacement),
                en: message.english.replacing(path, with: replacement)))
    }

    /// The message in English.
    public var description: String { message.english }

    /// The message in `language`.
    public func message(in language: Language) -> String { message.text(in: language) }
}

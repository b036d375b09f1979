/// Why a district could not be generated, with a message a person can act on.
public struct SynthesisError: Error, Sendable, CustomStringConvertible {
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
    /// What went wrong, as a sentence.
    public var message: String

    /// Creates the error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

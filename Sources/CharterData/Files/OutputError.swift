/// An output file or folder could not be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The file or folder.
    public let path: String
    /// What went wrong and what to do.
    public let message: String

    /// Creates the error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `PATH: message`.
    public var description: String { "\(path): \(message)" }
}

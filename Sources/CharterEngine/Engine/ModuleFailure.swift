public import PolicyKit

/// A module broke its contract while deciding.
///
/// It returned the wrong number of decisions, or fired a rule it does not declare. The run stops
/// with exit code 3.
public struct ModuleFailure: Error, Sendable, CustomStringConvertible {
    /// `Name@version` of the module.
    public let module: String
    /// The point it was deciding.
    public let point: ExtensionPoint
    /// The subject concerned.
    public let subject: String
    /// What it did wrong.
    public let message: String

    /// Creates a failure.
    public init(module: String, point: ExtensionPoint, subject: String, message: String) {
        self.module = module
        self.point = point
        self.subject = subject
        self.message = message
    }

    /// A sentence naming the module, the point and the subject.
    public var description: String {
        "Policy module \(module) failed on \(point.rawValue) for \(subject): \(message) "
            + "This is a fault in the module, not in the data: report it to the module's author, or select another module in the profile."
    }
}

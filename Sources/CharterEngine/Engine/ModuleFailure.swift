public import CharterSupport
public import PolicyKit

/// A module broke its contract while deciding.
///
/// It returned the wrong number of decisions, or fired a rule it does not declare. The run stops
/// with exit code 3.
public struct ModuleFailure: Error, Sendable, CustomStringConvertible, LocalizedMessage {
    /// `Name@version` of the module.
    public let module: String
    /// The point it was deciding.
    public let point: ExtensionPoint
    /// The subject concerned, such as `member:M7` (with what the module was doing, as in
    /// `community:C1 (selecting its cadres)`), in both languages.
    public let subject: Text
    /// What it did wrong, in both languages.
    public let message: Text

    /// Creates a failure.
    public init(module: String, point: ExtensionPoint, subject: Text, message: Text) {
        self.module = module
        self.point = point
        self.subject = subject
        self.message = message
    }

    /// The same failure with another message (the module and the subject stay).
    func saying(_ message: Text) -> ModuleFailure {
        ModuleFailure(module: module, point: point, subject: subject, message: message)
    }

    /// A sentence naming the module, the point and the subject.
    public var description: String { message(in: .english) }

    /// A sentence naming the module, the point and the subject, in `language`.
    public func message(in language: Language) -> String {
        language == .chinese
            ? "政策模块 \(module) 在扩展点 \(point.rawValue) 上处理 \(subject.chinese) 时出错：\(message.chinese)"
                + "这是模块的缺陷，不是数据的问题：请报告给模块的作者，或在配置文件中另选一个模块。"
            : "Policy module \(module) failed on \(point.rawValue) for \(subject.english): \(message.english) "
                + "This is a fault in the module, not in the data: report it to the module's author, or select another module in the profile."
    }
}

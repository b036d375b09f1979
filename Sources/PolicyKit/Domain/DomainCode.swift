/// A value written as a fixed code in the dataset and the decision records, with the names a
/// district office reads.
///
/// Every enumeration of the data contract conforms: `Stage.transition` is written `transition`,
/// read by a person as 过渡期 or "transition".
public protocol DomainCode: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String {
    /// The name in Simplified Chinese, as a district office writes it.
    var chineseName: String { get }
    /// The name in English.
    var englishName: String { get }
}

extension DomainCode {
    /// The code as the data contract writes it.
    public var code: String { rawValue }

    /// The name in the given language.
    public func name(in language: Language) -> String {
        language == .chinese ? chineseName : englishName
    }

    /// The names in both languages, for a reason's ``ReasonSlot/term(_:)`` slot.
    public var term: Text { Text(zh: chineseName, en: englishName) }

    /// Every code of the type, comma separated, for error messages.
    public static var allCodes: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A language a person reads Charter's output in.
public enum Language: String, CaseIterable, Sendable {
    /// Simplified Chinese (`zh`).
    case chinese = "zh"
    /// English (`en`).
    case english = "en"
}

/// One plain-language explanation of a decision, in Simplified Chinese and in English.
///
/// A module gives every reason in both languages at once, so the district office reads it in
/// Chinese and a policy author or a tool reads it in English; the run's `--lang` picks which one
/// is written.
public struct Reason: Hashable, Sendable {
    /// The text in Simplified Chinese.
    public var chinese: String
    /// The text in English.
    public var english: String

    /// Creates a reason from its two texts.
    public init(zh chinese: String, en english: String) {
        self.chinese = chinese
        self.english = english
    }

    /// The text in the given language.
    public func text(in language: Language) -> String {
        language == .chinese ? chinese : english
    }
}

extension CivilDate {
    /// The date as Chinese prose writes it: `2026年6月30日`.
    public var chineseText: String { withChineseUTF8 { String(decoding: $0, as: UTF8.self) } }
}

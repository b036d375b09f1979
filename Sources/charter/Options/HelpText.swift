import PolicyKit

/// A text of `--help`, in English and Simplified Chinese.
///
/// Both are required, so that a text without its Chinese does not compile: a district office
/// reads `--help` in Chinese (`--lang zh`, or a `zh` locale).
struct HelpText: Sendable {
    /// The English text.
    let en: String
    /// The Simplified Chinese text.
    let zh: String

    /// A text in English and Chinese.
    init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The text in `language`.
    func text(in language: Language) -> String {
        language == .chinese ? zh : en
    }
}

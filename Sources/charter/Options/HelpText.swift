import PolicyKit

/// A text of `--help`, in English and, once it is written, in Simplified Chinese.
///
/// English is always there; Chinese is optional so that it can be added one option at a time
/// (`--help` in the run's language, issue 17). Until a text has its Chinese, a Chinese reader is
/// shown the English.
struct HelpText: Sendable, ExpressibleByStringInterpolation {
    /// The English text.
    let en: String
    /// The Simplified Chinese text, if written.
    let zh: String?

    /// A text in English and, if given, Chinese.
    init(en: String, zh: String? = nil) {
        self.en = en
        self.zh = zh
    }

    /// An English text written as a literal.
    init(stringLiteral value: String) {
        self.init(en: value)
    }

    /// An English text written as a literal with interpolations.
    init(stringInterpolation: DefaultStringInterpolation) {
        self.init(en: String(stringInterpolation: stringInterpolation))
    }

    /// The text in `language`: English when the Chinese is not written yet.
    func text(in language: Language) -> String {
        language == .chinese ? zh ?? en : en
    }
}

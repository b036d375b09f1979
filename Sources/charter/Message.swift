import CharterSupport
import PolicyKit

/// What `charter` says to its user, in Simplified Chinese and English, written out in the
/// language it is printed in.
///
/// Most messages are written once in each language; one that quotes a library's error or problem
/// is worked out when printed, so that the library's own Chinese (`LocalizedMessage`) shows too.
struct Message: Sendable, LocalizedMessage {
    private let text: @Sendable (Language) -> String

    /// A message written in both languages.
    init(en: String, zh: String) {
        text = { $0 == .chinese ? zh : en }
    }

    /// A message worked out in the language it is printed in.
    init(_ text: @escaping @Sendable (_ language: Language) -> String) {
        self.text = text
    }

    func message(in language: Language) -> String { text(language) }
}

/// What a library error or problem says in `language`: its own Chinese once it has one
/// (`LocalizedMessage`), else its English description.
func localizedMessage(_ value: Any, in language: Language) -> String {
    (value as? any LocalizedMessage)?.message(in: language) ?? "\(value)"
}

/// " Did you mean 'SUGGESTION'?" after a word that is not known, or nothing when no known word
/// is close.
func didYouMean(_ word: String, among candidates: [String], quoted prefix: String = "") -> Message {
    guard let suggestion = closestMatch(to: word, among: candidates) else { return Message(en: "", zh: "") }
    return Message(en: " Did you mean '\(prefix)\(suggestion)'?", zh: "您是否要输入 '\(prefix)\(suggestion)'？")
}

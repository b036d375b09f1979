public import PolicyKit

/// A problem or an error that can say what is wrong in either of Charter's languages.
///
/// `charter` prints every problem and error in the run's language (`--lang`, else `LANG` or
/// `LC_ALL`) through this; `description` stays the English text, for logs and tests.
public protocol LocalizedMessage {
    /// The whole message in `language`, with the same code and `FILE:LINE: column C:` position in
    /// both languages.
    func message(in language: Language) -> String
}

/// A module that reads a parameter its metadata does not declare: PolicyKit writes the message in
/// both languages (it cannot know this protocol, which lives above it), so it prints in the run's
/// language wherever it reaches the user.
extension ParameterError: LocalizedMessage {}

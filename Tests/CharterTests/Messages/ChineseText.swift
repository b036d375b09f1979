import CharterSupport
import PolicyKit
import Testing

/// Expects `message` to have its Chinese: a Chinese character, and not the English text.
func expectChinese(_ message: some LocalizedMessage, sourceLocation: SourceLocation = #_sourceLocation) {
    let chinese = message.message(in: .chinese)
    let english = message.message(in: .english)
    #expect(
        Text.hasChinese(chinese, english: english), "No Chinese for: \(english)\n  Chinese: \(chinese)",
        sourceLocation: sourceLocation)
}

/// Expects `text` to have its Chinese: a Chinese character, and not the English text.
func expectChinese(_ text: Text, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(
        text.hasChinese, "No Chinese for: \(text.english)\n  Chinese: \(text.chinese)", sourceLocation: sourceLocation)
}

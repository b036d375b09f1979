public import PolicyKit

extension Text {
    /// A text that reads the same in both languages: a name, a path, a value, a code.
    public init(verbatim text: String) {
        self.init(zh: text, en: text)
    }

    /// The two texts one after the other, each language with its own.
    public static func + (left: Text, right: Text) -> Text {
        Text(zh: left.chinese + right.chinese, en: left.english + right.english)
    }

    /// Appends `right` to `left`, each language to its own.
    public static func += (left: inout Text, right: Text) {
        left = left + right
    }

    /// Whether the Chinese is written: it holds a Chinese character and is not the English text.
    ///
    /// Tests use it to fail a message that has no Chinese yet.
    public var hasChinese: Bool { Text.hasChinese(chinese, english: english) }

    /// Whether `chinese` holds a Chinese character (a CJK ideograph) and differs from `english`.
    public static func hasChinese(_ chinese: String, english: String) -> Bool {
        chinese != english && chinese.unicodeScalars.contains { isIdeograph($0) }
    }

    /// Whether the scalar is a CJK ideograph (a Chinese character, not punctuation).
    public static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: false
        }
    }
}

extension Sequence where Element == Text {
    /// The texts joined, each language with its own separator.
    public func joined(zh chinese: String, en english: String) -> Text {
        var result = Text(verbatim: "")
        for (index, text) in enumerated() {
            if index > 0 { result += Text(zh: chinese, en: english) }
            result += text
        }
        return result
    }
}

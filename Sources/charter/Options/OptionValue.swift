import PolicyKit

/// How the text given to an option becomes its value, and what is said when it cannot.
///
/// The message of a value that does not fit is "option '--NAME' takes WHAT, not 'TEXT'." (in
/// Chinese "选项 '--NAME' 应为 WHAT，而不是 'TEXT'。"), where WHAT describes what fits ("a whole
/// number from 1 to 1024", "1 到 1024 之间的整数").
struct OptionValue<Value: Sendable>: Sendable {
    /// Reads `text`, the value given to the option `option` (its name without the dashes).
    let read: @Sendable (_ text: String, _ option: String) throws(UsageError) -> Value

    /// A value read by `read`, which explains itself when the text does not fit.
    init(read: @escaping @Sendable (_ text: String, _ option: String) throws(UsageError) -> Value) {
        self.read = read
    }

    /// A value that `parse` reads.
    ///
    /// A text it refuses (`nil`) is "option '--NAME' takes `takes`, not 'TEXT'.", with `takes`
    /// in the message's language.
    init(takes: HelpText, _ parse: @escaping @Sendable (String) -> Value?) {
        self.read = { text, option throws(UsageError) in
            guard let value = parse(text) else {
                throw UsageError(
                    en: "option '--\(option)' takes \(takes.en), not '\(text)'.",
                    zh: "选项 '--\(option)' 应为 \(takes.zh)，而不是 '\(text)'。")
            }
            return value
        }
    }
}

extension OptionValue where Value == String {
    /// Any text, as given.
    static var text: OptionValue { OptionValue { text, _ in text } }

    /// A folder's name, which may not be empty.
    static var folderName: OptionValue {
        OptionValue { text, option throws(UsageError) in
            guard !text.isEmpty else {
                throw UsageError(
                    en: "option '--\(option)' needs a folder name.", zh: "选项 '--\(option)' 需要一个文件夹名。")
            }
            return text
        }
    }
}

extension OptionValue where Value == CivilDate {
    /// A date written YYYY-MM-DD, in the year `earliestYear` or later when one is given; the
    /// message shows an example date unless `showingExample` is false.
    static func date(fromYear earliestYear: Int? = nil, showingExample: Bool = true) -> OptionValue {
        var en = "a date written YYYY-MM-DD"
        var zh = "YYYY-MM-DD 格式的日期"
        if let earliestYear {
            en += " from \(earliestYear) on"
            zh = "\(earliestYear) 年及以后的 YYYY-MM-DD 格式日期"
        }
        if showingExample {
            en += ", such as 2026-06-30"
            zh += "（如 2026-06-30）"
        }
        return OptionValue(takes: HelpText(en: en, zh: zh)) { text in
            guard let date = CivilDate(text), date.year >= earliestYear ?? Int.min else { return nil }
            return date
        }
    }
}

extension OptionValue where Value: FixedWidthInteger {
    /// A whole number in `range`, written in decimal.
    static func wholeNumber(_ range: ClosedRange<Value>) -> OptionValue {
        OptionValue(
            takes: HelpText(
                en: "a whole number from \(range.lowerBound) to \(range.upperBound)",
                zh: "\(range.lowerBound) 到 \(range.upperBound) 之间的整数")
        ) { text in
            Value(text).flatMap { range.contains($0) ? $0 : nil }
        }
    }
}

extension OptionValue {
    /// One of the words `choices`, each standing for its value.
    static func choice(_ choices: [(word: String, value: Value)]) -> OptionValue {
        let words = choices.map { "'\($0.word)'" }
        func list(_ comma: String, _ or: String) -> String {
            words.count < 2 ? words.joined() : words.dropLast().joined(separator: comma) + or + (words.last ?? "")
        }
        return OptionValue(takes: HelpText(en: list(", ", " or "), zh: list("、", " 或 "))) { text in
            choices.first { $0.word == text }?.value
        }
    }
}

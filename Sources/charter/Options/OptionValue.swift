import PolicyKit

/// How the text given to an option becomes its value, and what is said when it cannot.
///
/// The message of a value that does not fit is "option '--NAME' takes WHAT, not 'TEXT'.", where
/// WHAT describes what fits ("a whole number from 1 to 1024").
struct OptionValue<Value: Sendable>: Sendable {
    /// Reads `text`, the value given to the option `option` (its name without the dashes).
    let read: @Sendable (_ text: String, _ option: String) throws(UsageError) -> Value

    /// A value read by `read`, which explains itself when the text does not fit.
    init(read: @escaping @Sendable (_ text: String, _ option: String) throws(UsageError) -> Value) {
        self.read = read
    }

    /// A value that `parse` reads.
    ///
    /// A text it refuses (`nil`) is "option '--NAME' takes `takes`, not 'TEXT'."
    init(takes: String, _ parse: @escaping @Sendable (String) -> Value?) {
        self.read = { text, option throws(UsageError) in
            guard let value = parse(text) else {
                throw UsageError(message: "option '--\(option)' takes \(takes), not '\(text)'.")
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
            guard !text.isEmpty else { throw UsageError(message: "option '--\(option)' needs a folder name.") }
            return text
        }
    }
}

extension OptionValue where Value == CivilDate {
    /// A date written YYYY-MM-DD, in the year `earliestYear` or later when one is given; the
    /// message shows an example date unless `showingExample` is false.
    static func date(fromYear earliestYear: Int? = nil, showingExample: Bool = true) -> OptionValue {
        var takes = "a date written YYYY-MM-DD"
        if let earliestYear { takes += " from \(earliestYear) on" }
        if showingExample { takes += ", such as 2026-06-30" }
        return OptionValue(takes: takes) { text in
            guard let date = CivilDate(text), date.year >= earliestYear ?? Int.min else { return nil }
            return date
        }
    }
}

extension OptionValue where Value: FixedWidthInteger {
    /// A whole number in `range`, written in decimal.
    static func wholeNumber(_ range: ClosedRange<Value>) -> OptionValue {
        OptionValue(takes: "a whole number from \(range.lowerBound) to \(range.upperBound)") { text in
            Value(text).flatMap { range.contains($0) ? $0 : nil }
        }
    }
}

extension OptionValue {
    /// One of the words `choices`, each standing for its value.
    static func choice(_ choices: [(word: String, value: Value)]) -> OptionValue {
        let words = choices.map { "'\($0.word)'" }
        let takes =
            words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
        return OptionValue(takes: takes) { text in choices.first { $0.word == text }?.value }
    }
}

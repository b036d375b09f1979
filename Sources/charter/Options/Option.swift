/// What the parser and `--help` know of an option a command declares.
///
/// A command declares each of its options once, as a static `Option` or `Flag`, and lists them
/// in `CharterCommand.options`: the command line is parsed against that list, `--help` is written
/// from it, and the command reads each option through its declaration (`arguments[Self.out]`),
/// so that an option's name is spelt in one place only.
protocol CommandOption: Sendable {
    /// The name, without the two dashes.
    var name: String { get }
    /// What the value is called in `--help` (`DIR`, `zh|en`); `nil` for a flag, which takes none.
    var placeholder: String? { get }
    /// What the option does, for `--help`.
    var help: HelpText { get }
    /// Whether the command cannot do without it (shown without brackets in the usage lines).
    var isRequired: Bool { get }
    /// Whether it may be given more than once, each value kept.
    var isRepeatable: Bool { get }
}

extension CommandOption {
    /// `--name PLACEHOLDER`, or `--name` for a flag.
    var synopsis: String {
        "--\(name)" + (placeholder.map { " " + $0 } ?? "")
    }
}

/// An option that takes a value, `--name VALUE` or `--name=VALUE`, read by the command as a
/// `Value`.
///
/// The form of `Value` follows the declaration: `String` (or another type) for a required option
/// or one with a default, an optional for one that may be left out, an array for a repeatable
/// one. A value that does not fit, or a required option left out, is a usage error when the
/// command reads it.
struct Option<Value: Sendable>: CommandOption {
    let name: String
    let help: HelpText
    let isRequired: Bool
    let isRepeatable: Bool
    /// What the value is called in `--help`.
    let valueName: String
    /// Turns every value the command line gave the option, in order, into what the command reads.
    let resolve: @Sendable (_ given: [String]) throws(UsageError) -> Value

    var placeholder: String? { valueName }

    /// The same option with another help text, for a command that says more, or less, about it.
    func withHelp(_ text: HelpText) -> Option {
        Option(
            name: name, help: text, isRequired: isRequired, isRepeatable: isRepeatable, valueName: valueName,
            resolve: resolve)
    }

    private init(
        name: String, help: HelpText, isRequired: Bool, isRepeatable: Bool, valueName: String,
        resolve: @escaping @Sendable (_ given: [String]) throws(UsageError) -> Value
    ) {
        self.name = name
        self.help = help
        self.isRequired = isRequired
        self.isRepeatable = isRepeatable
        self.valueName = valueName
        self.resolve = resolve
    }

    /// An option the command cannot do without: "option '--NAME' is required." when it reads it
    /// and the command line left it out.
    init(required name: String, _ valueName: String, _ value: OptionValue<Value>, help: HelpText) {
        self.init(name: name, help: help, isRequired: true, isRepeatable: false, valueName: valueName) {
            given throws(UsageError) in
            guard let text = given.last else {
                throw UsageError(en: "option '--\(name)' is required.", zh: "缺少必需的选项 '--\(name)'。")
            }
            return try value.read(text, name)
        }
    }

    /// An option that, when left out, has the value `defaultValue()` (worked out when read).
    init(
        _ name: String, _ valueName: String, _ value: OptionValue<Value>,
        default defaultValue: @escaping @Sendable () -> Value, help: HelpText
    ) {
        self.init(name: name, help: help, isRequired: false, isRepeatable: false, valueName: valueName) {
            given throws(UsageError) in
            guard let text = given.last else { return defaultValue() }
            return try value.read(text, name)
        }
    }

    /// An option that may be left out (`nil`).
    init<Wrapped>(_ name: String, _ valueName: String, _ value: OptionValue<Wrapped>, help: HelpText)
    where Value == Wrapped? {
        self.init(name: name, help: help, isRequired: false, isRepeatable: false, valueName: valueName) {
            given throws(UsageError) in
            guard let text = given.last else { return nil }
            return try value.read(text, name)
        }
    }

    /// An option that may be given any number of times; every value is kept, in order.
    init<Element>(repeatable name: String, _ valueName: String, _ value: OptionValue<Element>, help: HelpText)
    where Value == [Element] {
        self.init(name: name, help: help, isRequired: false, isRepeatable: true, valueName: valueName) {
            given throws(UsageError) in
            var values: [Element] = []
            for text in given { values.append(try value.read(text, name)) }
            return values
        }
    }
}

extension Option where Value == String {
    /// A required option whose value is any text.
    init(required name: String, _ valueName: String, help: HelpText) {
        self.init(required: name, valueName, .text, help: help)
    }
}

extension Option where Value == String? {
    /// An option whose value is any text, and that may be left out.
    init(_ name: String, _ valueName: String, help: HelpText) {
        self.init(name, valueName, .text, help: help)
    }
}

extension Option where Value == [String] {
    /// A repeatable option whose values are any text.
    init(repeatable name: String, _ valueName: String, help: HelpText) {
        self.init(repeatable: name, valueName, .text, help: help)
    }
}

/// An option that takes no value, `--name`, read by the command as whether it was given.
///
/// Giving a flag twice means the same as giving it once.
struct Flag: CommandOption {
    let name: String
    let help: HelpText
    var placeholder: String? { nil }
    var isRequired: Bool { false }
    var isRepeatable: Bool { true }

    /// A flag with its help text.
    init(_ name: String, help: HelpText) {
        self.name = name
        self.help = help
    }

    /// `--help`, which every command takes and which is not listed among its options.
    static let showHelp = Flag("help", help: HelpText(en: "Show this help.", zh: "显示本帮助。"))
}

import CharterModules
import CharterSupport
import PolicyKit

/// A command line that does not fit the command: printed with the command's usage, exit code 2.
struct UsageError: Error, LocalizedMessage {
    /// What does not fit, in both languages.
    let text: Message

    /// A usage error written in both languages.
    init(en: String, zh: String) {
        text = Message(en: en, zh: zh)
    }

    /// A usage error worked out in the language it is printed in.
    init(_ text: Message) {
        self.text = text
    }

    func message(in language: Language) -> String { text.message(in: language) }
}

/// The options and operands of one command line, parsed against the options a command declares.
///
/// Options are `--name value`, `--name=value` or a bare `--flag`; only an option declared
/// repeatable may be given twice. Anything not starting with `--` is an operand. A value is read
/// (and checked) when the command reads its option: `try arguments[Self.out]`.
struct Arguments {
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []
    /// The names of the options the command declared, for the check that it reads only those.
    private let declared: Set<String>
    /// What is not an option, in order.
    private(set) var operands: [String] = []

    /// Parses `arguments` for a command that takes `options`.
    init(_ arguments: [String], options: [any CommandOption]) throws(UsageError) {
        let byName = Dictionary(options.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        declared = Set(byName.keys)
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                operands.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = byName[name] else {
                let suggestion = didYouMean(name, among: options.map(\.name), quoted: "--")
                throw UsageError(
                    en: "unknown option '--\(name)'." + suggestion.message(in: .english),
                    zh: "未知选项 '--\(name)'。" + suggestion.message(in: .chinese))
            }
            guard option.placeholder != nil else {
                guard inlineValue == nil else {
                    throw UsageError(en: "option '--\(name)' takes no value.", zh: "选项 '--\(name)' 不带值。")
                }
                flags.insert(name)
                continue
            }
            guard option.isRepeatable || values[name] == nil else {
                throw UsageError(
                    en: "option '--\(name)' can be given only once.", zh: "选项 '--\(name)' 只能指定一次。")
            }
            if let inlineValue {
                values[name, default: []].append(inlineValue)
            } else if index < arguments.count {
                values[name, default: []].append(arguments[index])
                index += 1
            } else {
                throw UsageError(en: "option '--\(name)' needs a value.", zh: "选项 '--\(name)' 缺少取值。")
            }
        }
    }

    /// The value of `option`, as its declaration reads what the command line gave.
    subscript<Value>(option: Option<Value>) -> Value {
        get throws(UsageError) {
            assert(declared.contains(option.name), "the command reads '--\(option.name)' but does not declare it")
            return try option.resolve(values[option.name] ?? [])
        }
    }

    /// Whether `flag` was given.
    subscript(flag: Flag) -> Bool {
        assert(declared.contains(flag.name), "the command reads '--\(flag.name)' but does not declare it")
        return flags.contains(flag.name)
    }

    /// Whether the command line gave `option` at all, whatever its value.
    func contains(_ option: some CommandOption) -> Bool {
        values[option.name] != nil || flags.contains(option.name)
    }
}

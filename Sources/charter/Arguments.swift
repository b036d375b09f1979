import CharterModules

/// A command line that does not fit the command: printed with the command's usage, exit code 2.
struct UsageError: Error {
    let message: String
}

/// The options and operands of one command line, parsed against what the command accepts.
///
/// Options are `--name value`, `--name=value` or a bare `--flag`; an option may be repeated where
/// the command says so. Anything not starting with `--` is an operand.
struct Arguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var operands: [String] = []

    /// Parses `arguments` for a command that takes the options `valued` and the flags `flags`.
    init(_ arguments: [String], valued: Set<String>, flags allowedFlags: Set<String>) throws(UsageError) {
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
            if valued.contains(name) {
                if let inlineValue {
                    values[name, default: []].append(inlineValue)
                } else if index < arguments.count {
                    values[name, default: []].append(arguments[index])
                    index += 1
                } else {
                    throw UsageError(message: "option '--\(name)' needs a value.")
                }
            } else if allowedFlags.contains(name) {
                guard inlineValue == nil else { throw UsageError(message: "option '--\(name)' takes no value.") }
                flags.insert(name)
            } else {
                var message = "unknown option '--\(name)'."
                if let suggestion = closestMatch(to: name, among: Array(valued.union(allowedFlags))) {
                    message += " Did you mean '--\(suggestion)'?"
                }
                throw UsageError(message: message)
            }
        }
    }

    /// The last value of an option, if given.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The value of an option the command cannot do without.
    func required(_ name: String) throws(UsageError) -> String {
        guard let value = value(name) else { throw UsageError(message: "option '--\(name)' is required.") }
        return value
    }

    /// Whether a flag was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }
}

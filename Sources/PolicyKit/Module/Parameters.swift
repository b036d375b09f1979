/// The type of a module parameter and the values it allows.
public enum ParameterKind: Hashable, Sendable {
    /// A whole number within the range.
    case integer(ClosedRange<Int>)
    /// `true` or `false`.
    case boolean
    /// One of the listed words.
    case choice([String])

    /// The type's name as a profile's error messages give it.
    public var typeName: String {
        switch self {
        case .integer: "integer"
        case .boolean: "boolean"
        case .choice: "string"
        }
    }

    /// The allowed values, written for a person.
    public var allowedText: String {
        switch self {
        case .integer(let range): "\(range.lowerBound)…\(range.upperBound)"
        case .boolean: "true, false"
        case .choice(let words): words.joined(separator: ", ")
        }
    }

    /// Whether the kind allows the value.
    public func allows(_ value: ParameterValue) -> Bool {
        switch (self, value) {
        case (.integer(let range), .integer(let number)): range.contains(number)
        case (.boolean, .boolean): true
        case (.choice(let words), .text(let word)): words.contains(word)
        default: false
        }
    }
}

/// A parameter's value.
public enum ParameterValue: Hashable, Sendable, CustomStringConvertible {
    /// A whole number.
    case integer(Int)
    /// `true` or `false`.
    case boolean(Bool)
    /// A word.
    case text(String)

    /// The value as a profile writes it.
    public var description: String {
        switch self {
        case .integer(let number): String(number)
        case .boolean(let flag): flag ? "true" : "false"
        case .text(let word): word
        }
    }
}

/// A parameter a district profile may set for a module.
public struct ParameterSpec: Hashable, Sendable {
    /// The name a profile uses, such as `mobileAfterMonths`.
    public var name: String
    /// Its type and allowed values.
    public var kind: ParameterKind
    /// Its value when a profile does not set it.
    public var defaultValue: ParameterValue
    /// What it means, in one line.
    public var meaning: Reason

    /// Creates a parameter description.
    public init(_ name: String, kind: ParameterKind, default defaultValue: ParameterValue, meaning: Reason) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.meaning = meaning
    }
}

/// The parameter values a module instance runs with: every declared parameter, at the value a
/// profile selected or at its default.
public struct Parameters: Hashable, Sendable {
    /// The values by parameter name.
    public private(set) var values: [String: ParameterValue]

    /// Creates a set of values.
    public init(_ values: [String: ParameterValue] = [:]) { self.values = values }

    /// The declared defaults, overridden by `values`.
    public init(defaultsOf metadata: ModuleMetadata, overriddenBy values: [String: ParameterValue] = [:]) {
        var all: [String: ParameterValue] = [:]
        for spec in metadata.parameters { all[spec.name] = spec.defaultValue }
        for (name, value) in values { all[name] = value }
        self.values = all
    }

    /// The whole-number value of a parameter.
    public func integer(_ name: String) throws(ParameterError) -> Int {
        guard case .integer(let number) = values[name] else { throw ParameterError(name: name, expected: "integer") }
        return number
    }

    /// The boolean value of a parameter.
    public func boolean(_ name: String) throws(ParameterError) -> Bool {
        guard case .boolean(let flag) = values[name] else { throw ParameterError(name: name, expected: "boolean") }
        return flag
    }

    /// The word value of a parameter.
    public func text(_ name: String) throws(ParameterError) -> String {
        guard case .text(let word) = values[name] else { throw ParameterError(name: name, expected: "string") }
        return word
    }
}

/// A module asked for a parameter it did not declare, or with another type than declared.
public struct ParameterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The parameter's name.
    public var name: String
    /// The type the module asked for.
    public var expected: String

    /// Creates the error.
    public init(name: String, expected: String) {
        self.name = name
        self.expected = expected
    }

    /// A sentence that says what is wrong.
    public var description: String {
        "The module reads parameter '\(name)' as \(expected), but it has no such \(expected) parameter; declare it in the module's metadata."
    }
}

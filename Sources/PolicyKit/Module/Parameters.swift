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
    /// The extension points whose decisions it changes: a profile sets it under those only.
    public var points: [ExtensionPoint]
    /// What it means, in one line.
    public var meaning: Text

    /// Creates a parameter description.
    public init(
        _ name: String, kind: ParameterKind, default defaultValue: ParameterValue, points: [ExtensionPoint],
        meaning: Text
    ) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.points = points.sorted()
        self.meaning = meaning
    }
}

/// A declared parameter of any type, as a module's metadata lists it.
public protocol ModuleParameter: Sendable {
    /// The parameter's description.
    var spec: ParameterSpec { get }
}

/// The type of a parameter's value: a whole number, a flag, or a choice of words.
public protocol ParameterType: Hashable, Sendable {
    /// The value from a profile's value, or `nil` when it is of another type.
    init?(parameterValue: ParameterValue)
    /// The value as a profile writes it.
    var parameterValue: ParameterValue { get }
}

extension Int: ParameterType {
    /// The number, when the value is one.
    public init?(parameterValue: ParameterValue) {
        guard case .integer(let number) = parameterValue else { return nil }
        self = number
    }

    /// The number as a profile's value.
    public var parameterValue: ParameterValue { .integer(self) }
}

extension Bool: ParameterType {
    /// The flag, when the value is one.
    public init?(parameterValue: ParameterValue) {
        guard case .boolean(let flag) = parameterValue else { return nil }
        self = flag
    }

    /// The flag as a profile's value.
    public var parameterValue: ParameterValue { .boolean(self) }
}

extension ParameterType where Self: RawRepresentable & CaseIterable, RawValue == String {
    /// The case named by the value's word.
    public init?(parameterValue: ParameterValue) {
        guard case .text(let word) = parameterValue else { return nil }
        self.init(rawValue: word)
    }

    /// The case's word as a profile's value.
    public var parameterValue: ParameterValue { .text(rawValue) }
}

/// A parameter declared once, as a static value of its module, and read through that value.
///
/// ```swift
/// static let mobileAfterMonths = Parameter<Int>(
///     "mobileAfterMonths", in: 1...60, default: 6, points: [.memberManagement],
///     meaning: Text(zh: "…", en: "…"))
///
/// init(parameters: Parameters) throws {
///     mobileAfterMonths = try parameters.value(of: Self.mobileAfterMonths)
/// }
/// ```
public struct Parameter<Value: ParameterType>: ModuleParameter {
    /// The parameter's description.
    public let spec: ParameterSpec

    /// The parameter's name.
    public var name: String { spec.name }
}

extension Parameter where Value == Int {
    /// Declares a whole-number parameter within `range`.
    public init(
        _ name: String, in range: ClosedRange<Int>, default defaultValue: Int, points: [ExtensionPoint], meaning: Text
    ) {
        spec = ParameterSpec(
            name, kind: .integer(range), default: .integer(defaultValue), points: points, meaning: meaning)
    }
}

extension Parameter where Value == Bool {
    /// Declares a flag.
    public init(_ name: String, default defaultValue: Bool, points: [ExtensionPoint], meaning: Text) {
        spec = ParameterSpec(name, kind: .boolean, default: .boolean(defaultValue), points: points, meaning: meaning)
    }
}

extension Parameter where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// Declares a choice among the cases of `Value`, written by their raw values.
    public init(_ name: String, default defaultValue: Value, points: [ExtensionPoint], meaning: Text) {
        spec = ParameterSpec(
            name, kind: .choice(Value.allCases.map(\.rawValue)), default: .text(defaultValue.rawValue), points: points,
            meaning: meaning)
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

    /// The value of a declared parameter.
    ///
    /// It throws when the module's metadata does not list the parameter (so the host never
    /// checked or completed it), or when the value is of another type than the declaration's.
    public func value<Value>(of parameter: Parameter<Value>) throws(ParameterError) -> Value {
        guard let value = values[parameter.name], let typed = Value(parameterValue: value) else {
            throw ParameterError(name: parameter.name, expected: parameter.spec.kind.typeName)
        }
        return typed
    }
}

/// A module read a parameter its metadata does not list, or whose value is of another type.
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

    /// A sentence that says what is wrong, in English.
    public var description: String { message.english }

    /// A sentence that says what is wrong and what to do, in Simplified Chinese and English.
    ///
    /// The host prints it in the language of the run, as it prints a module's metadata.
    public var message: Text {
        let type =
            switch expected {
            case "integer": "整数"
            case "boolean": "布尔值"
            case "string": "字符串"
            default: expected
            }
        return Text(
            zh: "模块以\(type)类型读取参数 '\(name)'，但它的元数据中没有声明名为 '\(name)' 的\(type)参数；请在模块的元数据中补上这项声明。",
            en:
                "The module reads parameter '\(name)' as \(expected), but its metadata lists no such \(expected) parameter; add the declaration to the module's metadata."
        )
    }

    /// The sentence of ``message`` in `language`.
    public func message(in language: Language) -> String { message.text(in: language) }
}

public import PolicyKit

/// A JSON value, with object keys kept in the order written.
///
/// Profiles and policy test cases are read into this form so that every error can name the JSON
/// path of what is wrong; decision records are written from it.
public enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept as written so that integers and exact decimals survive.
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, its members in the order written.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b || Amount(a).map { Amount(b) == $0 } == true
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count
                && a.allSatisfy { key, value in b.contains { $0.0 == key && $0.1 == value } }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let text): hasher.combine(Amount(text)?.scaled ?? 0)
        case .string(let text): hasher.combine(text)
        case .array(let values): hasher.combine(values)
        case .object(let members): hasher.combine(members.count)
        }
    }

    /// The value of an object's member, if this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// A whole number as JSON writes it.
    public static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

    /// An exact decimal as JSON writes it: an integer when whole, else a decimal.
    public static func amount(_ value: Amount) -> JSONValue { .number(value.description) }

    /// An array of strings.
    public static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// The kind of value, as error messages name it.
    public var kindName: String { kindText.english }

    /// What kind of value this is, for messages, in both languages (`a string`, `字符串`).
    public var kindText: Text {
        switch self {
        case .null: Text(zh: "null", en: "null")
        case .bool: Text(zh: "布尔值", en: "a boolean")
        case .number: Text(zh: "数字", en: "a number")
        case .string: Text(zh: "字符串", en: "a string")
        case .array: Text(zh: "数组", en: "an array")
        case .object: Text(zh: "对象", en: "an object")
        }
    }

    /// The value written as compact JSON; non-ASCII text is written as UTF-8, not escaped.
    public var serialized: String {
        var output: [UInt8] = []
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the value as compact JSON to `output`.
    public func write(to output: inout [UInt8]) {
        switch self {
        case .null: output += Array("null".utf8)
        case .bool(let value): output += Array((value ? "true" : "false").utf8)
        case .number(let text): output += Array(text.utf8)
        case .string(let text): JSONValue.writeString(text, to: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `text` as a JSON string literal, escaped by ``JSONWriter``, the one escaper.
    public static func writeString(_ text: String, to output: inout [UInt8]) {
        var writer = JSONWriter(capacity: text.utf8.count + 2)
        writer.string(text)
        writer.move(appendingTo: &output)
    }
}

/// Text that is not valid JSON, with where it went wrong.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible, LocalizedMessage {
    /// The line (from 1).
    public let line: Int
    /// The column (from 1, in bytes).
    public let column: Int
    /// What was expected, in both languages.
    public let message: Text

    /// Creates the error.
    public init(line: Int, column: Int, message: Text) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line L, column C: message`.
    public var description: String { message(in: .english) }

    /// `line L, column C: message` in `language` (`第 L 行第 C 列：…` in Chinese).
    public func message(in language: Language) -> String {
        language == .chinese
            ? "第 \(line) 行第 \(column) 列：\(message.chinese)"
            : "line \(line), column \(column): \(message.english)"
    }
}

extension JSONValue {
    /// Parses a whole JSON text.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8))
        parser.skipSpace()
        let value = try parser.parseValue(depth: 0)
        parser.skipSpace()
        guard parser.index == parser.bytes.count else {
            throw parser.error("JSON 值之后还有多余的文字", "unexpected text after the JSON value")
        }
        return value
    }
}

private struct JSONParser {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    func error(_ chinese: String, _ english: String) -> JSONSyntaxError {
        var line = 1
        var lineStart = 0
        for position in 0..<min(index, bytes.count) where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        return JSONSyntaxError(line: line, column: index - lineStart + 1, message: Text(zh: chinese, en: english))
    }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < 200 else { throw error("值嵌套得太深", "values are nested too deeply") }
        guard index < bytes.count else { throw error("文字在应有一个值的地方结束了", "the text ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [(String, JSONValue)] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw error("这里应是用双引号括起的成员名", "expected a member name in double quotes")
                }
                let key = try parseString()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw error("这里应是 ':'", "expected ':'")
                }
                index += 1
                skipSpace()
                let value = try parseValue(depth: depth + 1)
                if members.contains(where: { $0.0 == key }) {
                    throw error("成员 '\(key)' 出现了两次", "the member '\(key)' is given twice")
                }
                members.append((key, value))
                skipSpace()
                guard index < bytes.count else { throw error("文字在一个对象内部结束了", "the text ends inside an object") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { throw error("这里应是 ',' 或 '}'", "expected ',' or '}'") }
                index += 1
                return .object(members)
            }
        case UInt8(ascii: "["):
            index += 1
            var values: [JSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(values)
            }
            while true {
                skipSpace()
                values.append(try parseValue(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw error("文字在一个数组内部结束了", "the text ends inside an array") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { throw error("这里应是 ',' 或 ']'", "expected ',' or ']'") }
                index += 1
                return .array(values)
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default:
            return try parseNumber()
        }
    }

    mutating func literal(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
            throw error("这里应是一个 JSON 值", "expected a JSON value")
        }
        index += utf8.count
        return value
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        guard index > digitsStart else { throw error("这里应是一个 JSON 值", "expected a JSON value") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > fractionStart else { throw error("小数点后应有数字", "expected digits after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            let exponentStart = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > exponentStart else { throw error("指数部分应有数字", "expected digits in the exponent") }
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        var output: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: output, as: UTF8.self) else {
                    throw error("字符串中有不是 UTF-8 的字节", "a string holds bytes that are not UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    {
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else {
                            throw error("代理对转义只有一半", "an unpaired surrogate escape")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("\\u 转义无效", "an invalid \\u escape") }
                    output += Array(String(Character(unicode)).utf8)
                default: throw error("字符串中有无效的转义", "an invalid escape in a string")
                }
            case 0..<0x20:
                throw error("字符串中有控制字符（请写成转义形式）", "a control character inside a string (write it as an escape)")
            default:
                output.append(byte)
            }
        }
        throw error("文字在一个字符串内部结束了", "the text ends inside a string")
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("\\u 转义不完整", "an incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw error("\\u 转义无效", "an invalid \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }
}

extension JSONValue {
    /// The JSON form of a parameter value.
    public init(_ parameter: ParameterValue) {
        switch parameter {
        case .integer(let number): self = .integer(number)
        case .boolean(let flag): self = .bool(flag)
        case .text(let word): self = .string(word)
        }
    }

    /// The value as indented JSON, two spaces a level.
    public func prettyPrinted(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .array(let values) where !values.isEmpty:
            return "[\n" + values.map { pad + $0.prettyPrinted(indent: indent + 1) }.joined(separator: ",\n") + "\n"
                + closing + "]"
        case .object(let members) where !members.isEmpty:
            return "{\n"
                + members.map { key, value in
                    pad + JSONValue.string(key).serialized + ": " + value.prettyPrinted(indent: indent + 1)
                }.joined(separator: ",\n") + "\n" + closing + "}"
        default:
            return serialized
        }
    }
}

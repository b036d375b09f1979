import CharterSupport
import PolicyKit

/// A scalar JSON value as the data contract reads it.
enum JSONScalar {
    /// A string, unescaped, as bytes in the row's storage.
    case text(start: Int, count: Int)
    /// A number or `true`/`false`: its spelling, in the row's storage.
    case spelling(start: Int, count: Int)
    /// `null`.
    case null
    /// An object or an array, which no column takes.
    case nested
}

/// A small JSON reader over bytes that keeps track of the line it is on.
///
/// It reads exactly RFC 8259 (no comments, no trailing commas, no control characters in strings,
/// no lone surrogates), never recurses (nested values are skipped with a counter), and never
/// traps on malformed input: every failure is a ``JSONSyntaxError`` with its line.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    private(set) var line: Int
    /// Where the current line begins, for the column of an error.
    private var lineStart: Int
    private let end: Int

    init(bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil, line: Int = 1) {
        self.bytes = bytes
        self.index = start
        self.end = end ?? bytes.count
        self.line = line
        self.lineStart = start
    }

    var atEnd: Bool { index >= end }

    /// The byte at the cursor, or `nil` at the end.
    var peek: UInt8? { index < end ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x0A:
                line += 1
                lineStart = index + 1
            case 0x20, 0x09, 0x0D:
                break
            default:
                return
            }
            index += 1
        }
    }

    func error(_ message: Text) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: index - lineStart + 1, message: message)
    }

    func error(zh chinese: String, en english: String) -> JSONSyntaxError {
        error(Text(zh: chinese, en: english))
    }

    /// What stands at the cursor, for messages.
    var found: Text {
        guard let byte = peek else { return Text(zh: "输入的结尾", en: "the end of the input") }
        // A character in quotes stands apart from the Chinese around it by a space.
        if byte >= 0x21, byte < 0x7F {
            let quoted = "'\(Character(Unicode.Scalar(byte)))'"
            return Text(zh: " \(quoted)", en: quoted)
        }
        let hex = String(byte, radix: 16, uppercase: true)
        return Text(zh: "字节 0x\(hex)", en: "byte 0x\(hex)")
    }

    /// "Expected WHAT but found …" at the cursor.
    func expected(_ what: Text) -> JSONSyntaxError {
        let found = self.found
        return error(
            zh: "这里应是\(what.chinese)，却是\(found.chinese)。", en: "Expected \(what.english) but found \(found.english).")
    }

    /// The error of an object member that does not start with its key.
    func expectedKey() -> JSONSyntaxError {
        expected(Text(zh: "用引号括起的键", en: "a key in quotes"))
    }

    /// What follows a key.
    static let colonAfterKey = Text(zh: "键之后的 ':'", en: "':' after a key")

    mutating func expect(_ byte: UInt8, _ what: Text) throws(JSONSyntaxError) {
        skipWhitespace()
        guard peek == byte else { throw expected(what) }
        index += 1
    }

    /// Reads a string at the cursor (which is on its opening quote), appending its unescaped
    /// UTF-8 to `storage`.
    mutating func readString(into storage: inout [UInt8]) throws(JSONSyntaxError) {
        index += 1
        while true {
            let runStart = index
            while index < end {
                let byte = bytes[index]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
                index += 1
            }
            if index > runStart {
                storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            guard index < end else {
                throw error(zh: "字符串没有闭合；请补上闭合引号。", en: "A string is not closed; add the closing quote.")
            }
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                return
            }
            if byte < 0x20 {
                throw byte == 0x0A
                    ? error(
                        zh: "字符串在行尾之前没有闭合；字符串中的换行请写成 \\n。",
                        en: "A string is not closed before the line end; write a line break inside a string as \\n.")
                    : error(
                        zh: "字符串中有控制字符；请写成转义形式（\\t、\\n、\\u0001）。",
                        en: "A string holds a control character; write it escaped (\\t, \\n, \\u0001).")
            }
            // A backslash.
            index += 1
            guard index < end else { throw error(zh: "字符串在转义序列中结束了。", en: "A string ends inside an escape.") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case 0x22: storage.append(0x22)
            case 0x5C: storage.append(0x5C)
            case 0x2F: storage.append(0x2F)
            case 0x62: storage.append(0x08)
            case 0x66: storage.append(0x0C)
            case 0x6E: storage.append(0x0A)
            case 0x72: storage.append(0x0D)
            case 0x74: storage.append(0x09)
            case 0x75:
                var scalar = try readHex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < end, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                        throw halfSurrogate()
                    }
                    index += 2
                    let low = try readHex4()
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw halfSurrogate()
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw halfSurrogate()
                }
                guard let unicode = Unicode.Scalar(scalar) else {
                    throw error(zh: "\\u 转义没有对应任何字符。", en: "A \\u escape names no character.")
                }
                storage.append(contentsOf: UTF8.encode(unicode).map { Array($0) } ?? [])
            default:
                let shown = "\\\(Character(Unicode.Scalar(escape)))"
                throw error(zh: "字符串中有未知的转义 '\(shown)'。", en: "A string holds an unknown escape '\(shown)'.")
            }
        }
    }

    private func halfSurrogate() -> JSONSyntaxError {
        error(
            zh: "\\u 转义只给出了代理对的一半，缺少另一半。",
            en: "A \\u escape names half of a surrogate pair without the other half.")
    }

    private func needsFourHexDigits() -> JSONSyntaxError {
        error(zh: "\\u 转义需要四位十六进制数字。", en: "A \\u escape needs four hex digits.")
    }

    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= end else { throw needsFourHexDigits() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw needsFourHexDigits()
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Reads a scalar value at the cursor; objects and arrays are skipped and returned as
    /// ``JSONScalar/nested``.
    mutating func readValue(into storage: inout [UInt8]) throws(JSONSyntaxError) -> JSONScalar {
        skipWhitespace()
        guard peek != nil else { throw expected(Text(zh: "一个值", en: "a value")) }
        let byte = bytes[index]
        switch byte {
        case 0x22:
            let start = storage.count
            try readString(into: &storage)
            return .text(start: start, count: storage.count - start)
        case 0x2D, 0x30...0x39:
            let start = index
            try skipNumber()
            let spellingStart = storage.count
            storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            return .spelling(start: spellingStart, count: index - start)
        case 0x74:
            try literal("true")
            let start = storage.count
            storage.append(contentsOf: "true".utf8)
            return .spelling(start: start, count: 4)
        case 0x66:
            try literal("false")
            let start = storage.count
            storage.append(contentsOf: "false".utf8)
            return .spelling(start: start, count: 5)
        case 0x6E:
            try literal("null")
            return .null
        case 0x7B, 0x5B:
            try skipNested()
            return .nested
        default:
            throw expected(Text(zh: "一个值", en: "a value"))
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= end else { throw expected(Text(zh: " '\(word)'", en: "'\(word)'")) }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw expected(Text(zh: " '\(word)'", en: "'\(word)'"))
        }
        index += count
    }

    /// Skips a number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func skipNumber() throws(JSONSyntaxError) {
        func digits() -> Int {
            let start = index
            while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - start
        }
        if peek == 0x2D { index += 1 }
        if peek == 0x30 {
            index += 1
        } else if digits() == 0 {
            throw error(zh: "数字至少要有一位数字。", en: "A number needs a digit.")
        }
        if peek == 0x2E {
            index += 1
            guard digits() > 0 else {
                throw error(zh: "数字的小数点后要有数字。", en: "A number needs a digit after its decimal point.")
            }
        }
        if peek == 0x65 || peek == 0x45 {
            index += 1
            if peek == 0x2B || peek == 0x2D { index += 1 }
            guard digits() > 0 else { throw error(zh: "数字的指数部分要有数字。", en: "A number needs a digit in its exponent.") }
        }
    }

    /// Skips an object or array, checking its structure, without recursion.
    private mutating func skipNested() throws(JSONSyntaxError) {
        var scratch: [UInt8] = []
        var stack: [UInt8] = []
        // Each step reads one value: a container start pushes its closing bracket.
        while true {
            skipWhitespace()
            guard let byte = peek else { throw error(zh: "对象或数组没有闭合。", en: "An object or array is not closed.") }
            var valueDone = true
            if byte == 0x7B || byte == 0x5B {
                guard stack.count < 512 else {
                    throw error(zh: "对象和数组嵌套得太深。", en: "Objects and arrays are nested too deeply.")
                }
                index += 1
                stack.append(byte == 0x7B ? 0x7D : 0x5D)
                skipWhitespace()
                if peek == stack.last {
                    index += 1
                    stack.removeLast()
                } else {
                    if byte == 0x7B { try readKey(&scratch) }
                    valueDone = false
                }
            } else {
                scratch.removeAll(keepingCapacity: true)
                _ = try readValue(into: &scratch)
            }
            guard valueDone else { continue }
            // After a value: a comma (then the next member) or the closing bracket.
            while true {
                guard let closing = stack.last else { return }
                skipWhitespace()
                if peek == 0x2C {
                    index += 1
                    if closing == 0x7D { try readKey(&scratch) }
                    break
                }
                guard peek == closing else {
                    throw expected(
                        Text(
                            zh: " ',' 或 '\(Character(Unicode.Scalar(closing)))'",
                            en: "',' or '\(Character(Unicode.Scalar(closing)))'"))
                }
                index += 1
                stack.removeLast()
                if stack.isEmpty { return }
            }
        }
    }

    /// Reads `"key":` inside an object.
    private mutating func readKey(_ scratch: inout [UInt8]) throws(JSONSyntaxError) {
        skipWhitespace()
        guard peek == 0x22 else { throw expectedKey() }
        scratch.removeAll(keepingCapacity: true)
        try readString(into: &scratch)
        try expect(0x3A, Self.colonAfterKey)
    }
}

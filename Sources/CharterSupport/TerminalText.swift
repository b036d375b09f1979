/// Text made safe to print on a terminal: what comes from a data file, a profile or a module is
/// shown, never obeyed.
///
/// Control bytes (C0, DEL), C1 controls and the Unicode bidirectional overrides are written as
/// escapes (`\x1b`, `\u{202E}`), and so is every byte that is not part of valid UTF-8 (`\xd6`),
/// so an escape sequence in a member's name cannot move the cursor or recolour the screen, and a
/// GBK file is seen for what it is.
public enum TerminalText {
    /// `bytes` as printable text.
    ///
    /// - Parameter keepingLineBreaks: leave `\n` as it is (for a whole message of several lines);
    ///   otherwise it is escaped too (for a value shown inside a sentence).
    public static func escaped(bytes: some Collection<UInt8>, keepingLineBreaks: Bool = false) -> String {
        let bytes = Array(bytes)
        if isPlain(bytes, keepingLineBreaks: keepingLineBreaks) { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else {
                appendEscape(byte: bytes[index], to: &output)
                index += 1
                continue
            }
            let scalar = decode(bytes, at: index, length: length)
            if length == 1 {
                let byte = bytes[index]
                if byte < 0x20 && !(keepingLineBreaks && byte == 0x0A) || byte == 0x7F {
                    appendEscape(byte: byte, to: &output)
                } else {
                    output.append(byte)
                }
            } else if (0x80...0x9F).contains(scalar) || (0x202A...0x202E).contains(scalar)
                || (0x2066...0x2069).contains(scalar)
            {
                output += Array("\\u{\(String(scalar, radix: 16, uppercase: true))}".utf8)
            } else {
                output += bytes[index..<(index + length)]
            }
            index += length
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` as printable text (a Swift string is valid UTF-8; its control characters are
    /// escaped).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        escaped(bytes: text.utf8, keepingLineBreaks: keepingLineBreaks)
    }

    /// Whether nothing in `bytes` needs escaping (ASCII text without controls, or valid UTF-8
    /// without any of the escaped characters): the common case, checked first.
    private static func isPlain(_ bytes: [UInt8], keepingLineBreaks: Bool) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 && !(keepingLineBreaks && byte == 0x0A) || byte == 0x7F { return false }
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else { return false }
            let scalar = decode(bytes, at: index, length: length)
            if (0x80...0x9F).contains(scalar) || (0x202A...0x202E).contains(scalar)
                || (0x2066...0x2069).contains(scalar)
            {
                return false
            }
            index += length
        }
        return true
    }

    private static func appendEscape(byte: UInt8, to output: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        output += [UInt8(ascii: "\\"), UInt8(ascii: "x"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }

    /// The length of the well-formed UTF-8 sequence at `index` (1 to 4), or 0 when the byte there
    /// does not start one (the Unicode standard's table 3-7).
    static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    private static func decode(_ bytes: [UInt8], at index: Int, length: Int) -> UInt32 {
        switch length {
        case 1: return UInt32(bytes[index])
        case 2: return UInt32(bytes[index] & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 3:
            return UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                | UInt32(bytes[index + 2] & 0x3F)
        default:
            return UInt32(bytes[index] & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        }
    }
}

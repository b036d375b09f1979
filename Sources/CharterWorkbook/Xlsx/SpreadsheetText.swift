/// The text of a SpreadsheetML string (`ST_Xstring`), as it is stored and as it is meant.
///
/// XML cannot hold most control characters, so Excel writes a character as `_xHHHH_` (its UTF-16
/// code unit in hexadecimal: `_x000D_` for a carriage return) and a literal `_x` that would read as
/// one as `_x005F_x`.
enum SpreadsheetText {
    /// `text` with each `_xHHHH_` replaced by its character; a pair of them that spells a UTF-16
    /// surrogate pair is one character, and a lone surrogate is left as written.
    static func decoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let units = Array(text.utf16)
        var output: [UInt16] = []
        output.reserveCapacity(units.count)
        var index = 0
        while index < units.count {
            guard let unit = escape(units, at: index) else {
                output.append(units[index])
                index += 1
                continue
            }
            if UTF16.isLeadSurrogate(unit), let low = escape(units, at: index + 7), UTF16.isTrailSurrogate(low) {
                output += [unit, low]
                index += 14
            } else if UTF16.isLeadSurrogate(unit) || UTF16.isTrailSurrogate(unit) {
                output.append(units[index])
                index += 1
            } else {
                output.append(unit)
                index += 7
            }
        }
        return String(decoding: output, as: UTF16.self)
    }

    /// The code unit of an escape `_xHHHH_` that starts at `index`, if one does.
    private static func escape(_ units: [UInt16], at index: Int) -> UInt16? {
        guard index + 7 <= units.count, units[index] == 0x5F, units[index + 1] == 0x78, units[index + 6] == 0x5F
        else { return nil }
        var value: UInt16 = 0
        for offset in 2..<6 {
            let unit = units[index + offset]
            let digit: UInt16
            switch unit {
            case 0x30...0x39: digit = unit - 0x30
            case 0x41...0x46: digit = unit - 0x41 + 10
            case 0x61...0x66: digit = unit - 0x61 + 10
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    /// `text` with each character XML cannot hold or would change (a carriage return, which XML
    /// reads as a line feed), and each `_` that would start an escape, written as an escape: the
    /// inverse of ``decoded(_:)``, for the writer.
    static func encoded(_ text: String) -> String {
        let units = Array(text.utf16)
        var output: [UInt16] = []
        output.reserveCapacity(units.count)
        let digits = Array("0123456789ABCDEF".utf16)
        for (index, unit) in units.enumerated() {
            let needsEscape: Bool
            switch unit {
            case 0x09, 0x0A: needsEscape = false
            case 0x00..<0x20, 0xFFFE, 0xFFFF: needsEscape = true
            case 0x5F: needsEscape = escape(units, at: index) != nil
            default: needsEscape = false
            }
            guard needsEscape else {
                output.append(unit)
                continue
            }
            output += Array("_x".utf16)
            for shift: UInt16 in [12, 8, 4, 0] { output.append(digits[Int(unit >> shift & 15)]) }
            output.append(0x5F)
        }
        return String(decoding: output, as: UTF16.self)
    }

    /// `text` without the XML white space (space, tab, line feed, carriage return) at its ends,
    /// for text where `xml:space="preserve"` does not hold.
    static func trimmed(_ text: String) -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }
}

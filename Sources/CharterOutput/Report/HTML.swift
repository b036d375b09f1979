/// A piece of HTML that escapes by default.
///
/// A literal written in the code is markup; a `String` interpolated into it is text and is
/// escaped; another `HTML` interpolated into it is inserted as it is; a number is written with
/// thousands separators. Markup that comes from anywhere else goes in only through
/// ``trusted(_:)``, so forgetting to escape a value is not possible by accident:
///
/// ```swift
/// let row: HTML = "<tr><td>\(member.name)</td><td>\(count)</td></tr>"
/// ```
struct HTML: ExpressibleByStringInterpolation, Sendable, Equatable {
    /// The markup.
    private(set) var markup: String

    /// An empty piece.
    init() { markup = "" }

    /// A literal: markup written in the code.
    init(stringLiteral literal: String) { markup = literal }

    /// A literal with interpolations, each escaped as its type says.
    init(stringInterpolation: StringInterpolation) { markup = stringInterpolation.markup }

    /// Markup from elsewhere, inserted unescaped: only for what Charter made itself (an SVG chart).
    static func trusted(_ markup: String) -> HTML {
        var html = HTML()
        html.markup = markup
        return html
    }

    /// Appends another piece.
    static func += (left: inout HTML, right: HTML) { left.markup += right.markup }

    /// Two pieces one after the other.
    static func + (left: HTML, right: HTML) -> HTML {
        var joined = left
        joined += right
        return joined
    }

    /// The interpolations of an ``HTML`` literal.
    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }

        /// Markup written in the code.
        mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Text, escaped.
        mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }

        /// Another piece, as it is.
        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

        /// A whole number, with thousands separators (1,000,000).
        mutating func appendInterpolation(_ number: Int) { markup += HTML.grouped(number) }
    }

    /// Pieces joined with a separator.
    static func joined(_ pieces: [HTML], separator: HTML = "") -> HTML {
        var html = HTML()
        for (index, piece) in pieces.enumerated() {
            if index > 0 { html += separator }
            html += piece
        }
        return html
    }

    /// A whole number with a comma between each group of three digits.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return number < 0 ? "-" + text : text
    }

    /// Text with `&`, `<`, `>` and quotes escaped.
    static func escape(_ text: String) -> String {
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
        }
        // Most text has nothing to escape: scan its bytes in place (a native string lends them).
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes in !bytes.contains(where: special) }
        if clean == true { return text }
        guard text.utf8.contains(where: special) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += "&amp;".utf8
            case UInt8(ascii: "<"): output += "&lt;".utf8
            case UInt8(ascii: ">"): output += "&gt;".utf8
            case UInt8(ascii: "\""): output += "&quot;".utf8
            case UInt8(ascii: "'"): output += "&#39;".utf8
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A horizontal bar chart as inline SVG: one bar per (label, value).
    static func barChart(
        _ bars: [(label: String, value: Int, color: String)], width: Int = 560, labelWidth: Int = 260, title: String
    ) -> HTML {
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        let rowHeight = 24
        let height = bars.count * rowHeight + 8
        var svg: HTML =
            "<svg class=\"chart\" role=\"img\" aria-label=\"\(title)\" width=\"\(String(width))\" height=\"\(String(height))\" "
        svg +=
            "viewBox=\"0 0 \(String(width)) \(String(height))\" xmlns=\"http://www.w3.org/2000/svg\"><title>\(title)</title>"
        for (row, bar) in bars.enumerated() {
            let y = row * rowHeight + 4
            let length = bar.value == 0 ? 0 : max(2, (width - labelWidth - 60) * bar.value / maximum)
            svg +=
                "<text x=\"\(String(labelWidth - 8))\" y=\"\(String(y + 16))\" text-anchor=\"end\">\(bar.label)</text>"
            svg +=
                "<rect x=\"\(String(labelWidth))\" y=\"\(String(y + 3))\" width=\"\(String(length))\" height=\"16\" rx=\"2\" fill=\"\(bar.color)\"/>"
            svg += "<text x=\"\(String(labelWidth + length + 6))\" y=\"\(String(y + 16))\">\(bar.value)</text>"
        }
        return svg + "</svg>"
    }
}

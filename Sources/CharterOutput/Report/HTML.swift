/// Small helpers for writing HTML by hand.
enum HTML {
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
    ) -> String {
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        let rowHeight = 24
        let height = bars.count * rowHeight + 8
        var svg =
            "<svg class=\"chart\" role=\"img\" aria-label=\"\(escape(title))\" width=\"\(width)\" height=\"\(height)\" "
        svg += "viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\"><title>\(escape(title))</title>"
        for (row, bar) in bars.enumerated() {
            let y = row * rowHeight + 4
            let length = bar.value == 0 ? 0 : max(2, (width - labelWidth - 60) * bar.value / maximum)
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\">\(escape(bar.label))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"16\" rx=\"2\" fill=\"\(bar.color)\"/>"
            svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 16)\">\(bar.value)</text>"
        }
        return svg + "</svg>"
    }
}

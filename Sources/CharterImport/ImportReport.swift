import CharterSupport
public import PolicyKit

/// `import-report.csv`: every change `charter import` made, one a row, for an office to check in
/// a spreadsheet (UTF-8 with a byte order mark, CRLF, cells that look like formulas quoted).
public enum ImportReport {
    /// The report's bytes, headers and reasons in `language`.
    public static func csv(_ changes: [ImportChange], language: Language) -> [UInt8] {
        var buffer = ByteBuffer(capacity: 256 + changes.count * 96)
        buffer.append("\u{FEFF}")
        func row(_ fields: [String]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { buffer.append(byte: UInt8(ascii: ",")) }
                CSVField.append(field, guardingFormulas: true, to: &buffer)
            }
            buffer.append("\r\n")
        }
        row(
            language == .chinese
                ? ["文件", "位置", "列", "原值", "新值", "原因"] : ["file", "position", "column", "before", "after", "why"])
        for change in changes {
            row([
                change.file, change.position, change.column, change.before, change.after, change.why.text(in: language),
            ])
        }
        var bytes: [UInt8] = []
        buffer.move(appendingTo: &bytes)
        return bytes
    }

    /// One line per kind of change with how many there were, in the order first met, for the
    /// summary on standard error.
    public static func summary(_ changes: [ImportChange], language: Language) -> [String] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for change in changes {
            let why = change.why.text(in: language)
            if counts[why] == nil { order.append(why) }
            counts[why, default: 0] += 1
        }
        return order.map { "\(counts[$0] ?? 0) × \($0)" }
    }
}

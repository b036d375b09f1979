import CharterData
import CharterEngine
import CharterSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Writes to standard output and standard error without Foundation's buffering surprises.
enum Console {
    /// Writes a line to standard output.
    static func out(_ text: String) {
        write(text + "\n", to: 1)
    }

    /// Writes a line to standard error.
    static func error(_ text: String) {
        write(text + "\n", to: 2)
    }

    /// Writes all of `text` to a file descriptor, retrying short writes.
    ///
    /// Standard error is the terminal's even while the modules' own output is being captured
    /// (`ModuleFaults`). Control characters in the text are escaped unless `raw` (for the
    /// progress line's own cursor controls): a message may quote a data file, a profile or a
    /// module.
    static func write(_ text: String, to descriptor: Int32, raw: Bool = false) {
        let descriptor = descriptor == 2 ? ModuleFaults.standardError : descriptor
        var text = raw ? text : TerminalText.escaped(text, keepingLineBreaks: true)
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress?.advanced(by: offset), bytes.count - offset)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Whether standard error is a terminal, for progress lines.
    static var errorIsTerminal: Bool { isatty(2) != 0 }
}

/// Renders rows as an aligned plain-text table; CJK characters count as two columns.
func textTable(_ header: [String], _ rows: [[String]]) -> String {
    func width(_ text: String) -> Int { text.terminalWidth }
    let all = [header] + rows
    var widths = Array(repeating: 0, count: header.count)
    for row in all {
        for (column, cell) in row.enumerated() where column < widths.count {
            widths[column] = max(widths[column], width(cell))
        }
    }
    func line(_ row: [String]) -> String {
        var text = ""
        for (column, cell) in row.enumerated() {
            text += cell
            if column < row.count - 1 {
                text += String(repeating: " ", count: widths[column] - width(cell) + 2)
            }
        }
        return text
    }
    let rule = widths.enumerated().map { String(repeating: "-", count: $0.element) }
    return ([line(header), line(rule)] + rows.map(line)).joined(separator: "\n")
}

extension String {
    /// The columns the text takes on a terminal: CJK characters count as two.
    var terminalWidth: Int {
        unicodeScalars.reduce(0) { $0 + ($1.isWide ? 2 : 1) }
    }
}

extension Unicode.Scalar {
    /// Whether a terminal shows the character two columns wide (CJK ideographs, kana, hangul and
    /// full-width forms).
    var isWide: Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value)
    }
}

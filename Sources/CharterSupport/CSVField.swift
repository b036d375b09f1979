/// How a text field is written in CSV, in one place for every CSV file Charter writes: the
/// generator's dataset files and the run's tables.
///
/// RFC 4180: a field holding a comma, a quote or a line end is quoted, with `""` for a quote.
/// With `guardingFormulas` (the tables a spreadsheet opens), a field that begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return is also quoted, behind a `'`, so that a spreadsheet shows
/// it as text and never runs it (OWASP's advice against CSV injection).
public enum CSVField {
    /// Appends the UTF-8 text as one field (without the separator before it).
    @inline(__always)
    public static func append(
        _ utf8: UnsafeBufferPointer<UInt8>, guardingFormulas: Bool, to output: inout ByteBuffer
    ) {
        // Only the first byte decides: this runs for every text field of a million-row table.
        let formula = guardingFormulas && (utf8.first.map(startsFormula) ?? false)
        var needsQuotes = formula
        if !needsQuotes {
            for byte in utf8
            where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            output.append(utf8)
            return
        }
        output.append(byte: UInt8(ascii: "\""))
        if formula { output.append(byte: UInt8(ascii: "'")) }
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { output.append(byte: byte) }
            output.append(byte: byte)
        }
        output.append(byte: UInt8(ascii: "\""))
    }

    /// Appends the text as one field (without the separator before it).
    @inline(__always)
    public static func append(_ text: String, guardingFormulas: Bool, to output: inout ByteBuffer) {
        // A native string lends its bytes; only another kind is copied first.
        if text.utf8.withContiguousStorageIfAvailable({ append($0, guardingFormulas: guardingFormulas, to: &output) })
            == nil
        {
            var copy = text
            copy.withUTF8 { append($0, guardingFormulas: guardingFormulas, to: &output) }
        }
    }

    /// Whether a spreadsheet reads a cell beginning with `byte` as a formula (OWASP's list: `=`,
    /// `+`, `-`, `@`, tab, carriage return).
    @inline(__always)
    public static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }
}

/// Builds CSV rows for the tables a district office opens in a spreadsheet.
struct CSVText {
    private(set) var bytes: [UInt8]

    /// Starts a table, with the UTF-8 byte order mark spreadsheets need unless told otherwise.
    init(byteOrderMark: Bool = true) {
        bytes = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    }

    /// Continues a table in `buffer`'s storage (emptied; its capacity kept), without a byte order mark.
    init(reusing buffer: inout [UInt8]) {
        bytes = []
        swap(&bytes, &buffer)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends a row; fields with commas, quotes or line ends are quoted.
    mutating func row(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let needsQuotes = field.utf8.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
            }
            if needsQuotes {
                bytes.append(UInt8(ascii: "\""))
                for byte in field.utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes += field.utf8
            }
        }
        bytes += [0x0D, 0x0A]
    }

    /// Hands over the bytes written so far, leaving the table empty (the BOM is written only
    /// once, at the start).
    mutating func drain() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        return taken
    }
}

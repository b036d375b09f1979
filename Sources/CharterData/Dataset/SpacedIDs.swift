/// The ids of a file written with a space at either end (`M1 `, as a spreadsheet cell often
/// keeps one), by their text without it.
///
/// Such an id is valid (ids are compared exactly), but a reference written without the space
/// names no row; the problem then says the space is the difference, rather than only "unknown id".
struct SpacedIDs {
    /// For each id with a space at an end: the id as written and the line it is on.
    private(set) var byTrimmed: [String: (id: String, line: Int)] = [:]

    /// Notes `id`, on `line`, when it has a space at either end.
    @inline(__always)
    mutating func note(_ id: String, line: Int) {
        // The first and last bytes tell most ids apart at once: a space or a tab, else the lead
        // byte of U+00A0 and U+3000 (0xC2, 0xE3) or their last byte (0xA0, 0x80).
        let first = id.utf8.first ?? 0
        let last = id.utf8.last ?? 0
        guard
            first == 0x20 || first == 0x09 || first == 0xC2 || first == 0xE3 || last == 0x20 || last == 0x09
                || last == 0xA0 || last == 0x80
        else { return }
        guard Self.spacedEnds(id) != nil else { return }
        let trimmed = Self.trimmed(id)
        if byTrimmed[trimmed] == nil { byTrimmed[trimmed] = (id, line) }
    }

    /// The id as written (with its space) and its line, of the one whose text without the space
    /// is `id`.
    subscript(trimmed id: String) -> (id: String, line: Int)? { byTrimmed[id] }

    /// Whether the scalar is a space a cell may carry unseen: a space, a tab, a no-break space or
    /// an ideographic (full-width) space.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\u{3000}"
    }

    /// The text without the spaces at its ends.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
            let end = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Where `text` has spaces: at its start, at its end, or both (`nil` for neither).
    static func spacedEnds(_ text: String) -> (start: Bool, end: Bool)? {
        let start = text.unicodeScalars.first.map(isSpace) ?? false
        let end = text.unicodeScalars.last.map(isSpace) ?? false
        return start || end ? (start, end) : nil
    }
}

/// Which number formats show a number as a date, so that a number cell in one is a date.
enum NumberFormat {
    /// The built-in formats (those a workbook uses by id without defining them) that show a date.
    ///
    /// 14 to 17 and 22 are the dates of every locale (`m/d/yyyy`, `d-mmm-yy`, `d-mmm`, `mmm-yy`,
    /// `m/d/yyyy h:mm`); on Chinese, Japanese and Korean systems 27 to 31, 36, 50 to 54, 57 and 58
    /// are dates too (in Chinese Excel `yyyy"年"m"月"`, `m"月"d"日"`, `yyyy"年"m"月"d"日"` …, and
    /// WPS writes them without a definition). 18 to 21, 32 to 35, 45 to 47, 55 and 56 show only a
    /// time of day or a duration, and are not dates.
    static let builtInDates: Set<Int> = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]

    /// Whether the format code `code` shows a date.
    ///
    /// It does when its first section, outside quoted text, escaped characters and bracketed parts
    /// (colours, locales, `[DBNum1]`), has a year or a day, or a month with no hour or second (`mm`
    /// in `h:mm` is minutes). `AM/PM` is not a month; an elapsed time such as `[h]:mm:ss` is a
    /// duration, not a date.
    static func isDate(_ code: String) -> Bool {
        let characters = Array(code.lowercased().unicodeScalars)
        var year = false
        var day = false
        var month = false
        var hour = false
        var second = false
        var index = 0
        scan: while index < characters.count {
            let character = characters[index]
            switch character {
            case "\"":
                index += 1
                while index < characters.count && characters[index] != "\"" { index += 1 }
            case "\\", "_", "*":
                index += 1
            case "[":
                let start = index + 1
                while index < characters.count && characters[index] != "]" { index += 1 }
                let inside = String(String.UnicodeScalarView(characters[min(start, index)..<index]))
                if ["h", "hh", "m", "mm", "s", "ss"].contains(inside) { return false }
            case ";":
                break scan
            case "a" where Self.starts(characters, at: index, with: "am/pm"):
                index += 4
            case "a" where Self.starts(characters, at: index, with: "a/p"):
                index += 2
            case "y": year = true
            case "d": day = true
            case "m": month = true
            case "h": hour = true
            case "s": second = true
            default: break
            }
            index += 1
        }
        return year || day || month && !hour && !second
    }

    private static func starts(_ characters: [Unicode.Scalar], at index: Int, with word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard index + scalars.count <= characters.count else { return false }
        return Array(characters[index..<(index + scalars.count)]) == scalars
    }
}

import CharterSupport
import PolicyKit

/// What a dataset file holds when, from its first bytes, it is plainly not the UTF-8 text the
/// data contract reads: a spreadsheet's other encodings and containers, or no text at all.
///
/// Such a file is one problem for the whole file, named by what it is and what to do, rather
/// than a problem at every row. The file is still refused: the contract reads UTF-8 text only
/// (`charter import` turns the others into it).
enum ForeignContent: Equatable {
    /// Chinese text in GB18030 (or its subset GBK), Excel's CSV encoding on Chinese Windows.
    case gb18030
    /// UTF-16 text with its byte order mark (Excel's "Unicode Text").
    case utf16
    /// A zip archive, as an Excel workbook (`.xlsx`) is.
    case workbook
    /// An old Excel workbook (`.xls`, a compound document).
    case oldWorkbook
    /// Bytes that are no text at all (NUL bytes).
    case binary

    /// How many of the file's first bytes are looked at.
    static let sampleSize = 1 << 16

    /// What the first bytes of a file hold, or `nil` when they may be UTF-8 text.
    ///
    /// Only the first ``sampleSize`` bytes are looked at (the sample may end inside a character).
    static func recognize(_ sample: [UInt8]) -> ForeignContent? {
        let bytes = sample.prefix(sampleSize)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .workbook }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .oldWorkbook }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .utf16 }
        if bytes.contains(0) { return .binary }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            // Most files are UTF-8 throughout: one fast pass says so.
            guard UTF8Validation.firstInvalidByte(base, from: 0, to: buffer.count) != nil else { return nil }
            return isMostlyGB18030Chinese(base, count: buffer.count) ? .gb18030 : nil
        }
    }

    /// Whether the bytes are mostly not UTF-8, all of them read as GB18030, and at least half of
    /// the characters they make beyond ASCII are Chinese characters.
    ///
    /// "Mostly not UTF-8": of the runs of bytes beyond ASCII (a name, an address between commas),
    /// more are not UTF-8 than are. In GB18030 text nearly every run is not (a run of two or more
    /// characters is well-formed UTF-8 only by rare chance); a UTF-8 file with a stray GBK field
    /// (a row pasted from elsewhere) has far more well-formed runs, and is left to the rows' own
    /// problems.
    static func isMostlyGB18030Chinese(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        var wellFormedRuns = 0
        var malformedRuns = 0
        var index = 0
        while index < count {
            guard base[index] >= 0x80 else {
                index += 1
                continue
            }
            var runEnd = index
            while runEnd < count, base[runEnd] >= 0x80 { runEnd += 1 }
            // A run cut by the sample's end is not counted either way.
            guard runEnd < count else { break }
            var position = index
            while position < runEnd, let length = UTF8Validation.sequenceLength(base, at: position, end: runEnd) {
                position += length
            }
            if position == runEnd { wellFormedRuns += 1 } else { malformedRuns += 1 }
            index = runEnd
        }
        guard malformedRuns > wellFormedRuns else { return false }

        var characters = 0
        var chinese = 0
        index = 0
        while index < count {
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard lead >= 0x81, lead <= 0xFE else { return false }
            guard index + 1 < count else { break }
            let second = base[index + 1]
            if second >= 0x30, second <= 0x39 {
                // Four bytes: lead, digit, 0x81–0xFE, digit.
                guard index + 3 < count else { break }
                let third = base[index + 2]
                let fourth = base[index + 3]
                guard third >= 0x81, third <= 0xFE, fourth >= 0x30, fourth <= 0x39 else { return false }
                characters += 1
                index += 4
                continue
            }
            guard second >= 0x40, second <= 0xFE, second != 0x7F else { return false }
            characters += 1
            if isChineseCharacter(lead: lead, trail: second) { chinese += 1 }
            index += 2
        }
        return chinese > 0 && chinese * 2 >= characters
    }

    /// Whether a two-byte GBK code is a Chinese character.
    ///
    /// Those are GB2312's (leads 0xB0–0xF7, trails 0xA1–0xFE) and GBK's additions (leads
    /// 0x81–0xA0; leads 0xAA–0xFE with trails 0x40–0xA0); the rest are symbols, punctuation and
    /// user-defined codes.
    static func isChineseCharacter(lead: UInt8, trail: UInt8) -> Bool {
        switch lead {
        case 0x81...0xA0, 0xB0...0xF7: true
        case 0xAA...0xAF, 0xF8...0xFE: trail <= 0xA0
        default: false
        }
    }

    /// The problem for the whole file `fileName`, which should be UTF-8 CSV or JSON text.
    func problem(file fileName: String) -> Text {
        let isCSV = fileName.hasSuffix(".csv")
        let form = isCSV ? "CSV" : "JSON"
        let saveChinese = isCSV ? "另存为“CSV UTF-8(逗号分隔)”" : "另存为 UTF-8 编码"
        let saveEnglish = isCSV ? "save it as CSV UTF-8" : "save it as UTF-8"
        switch self {
        case .gb18030:
            return Text(
                zh:
                    "该文件看起来是 GB18030（GBK）编码，这是中文版 Windows 上 Excel 的默认编码，而数据集文件应为 UTF-8：请运行 charter import，或在 Excel 中\(saveChinese)。",
                en:
                    "The file looks like GB18030, Excel's default on Chinese Windows, not UTF-8: run charter import, or \(saveEnglish)."
            )
        case .utf16:
            return Text(
                zh: "该文件是 UTF-16 编码的文本（Excel 的“Unicode 文本”），而数据集文件应为 UTF-8：请在 Excel 中\(saveChinese)。",
                en: "The file is UTF-16 text (Excel's 'Unicode Text'), not UTF-8: \(saveEnglish)."
            )
        case .workbook:
            return Text(
                zh:
                    "该文件其实是 Excel 工作簿（.xlsx），并不是 \(form) 文本，只是文件名以 .\(isCSV ? "csv" : "json") 结尾：请运行 charter import，或用 Excel 打开后\(saveChinese)。",
                en:
                    "The file is an Excel workbook (.xlsx) under a \(form) name, not \(form) text: run charter import, or open it in Excel and \(saveEnglish)."
            )
        case .oldWorkbook:
            return Text(
                zh:
                    "该文件其实是旧版 Excel 工作簿（.xls），并不是 \(form) 文本：请用 Excel 打开，另存为“Excel 工作簿(*.xlsx)”后运行 charter import，或直接\(saveChinese)。",
                en:
                    "The file is an old Excel workbook (.xls) under a \(form) name, not \(form) text: open it in Excel and save it as Excel Workbook (.xlsx) for charter import, or \(saveEnglish)."
            )
        case .binary:
            return Text(
                zh: "该文件不是文本（其中有 NUL 字节），而数据集文件应为 UTF-8 编码的 \(form) 文本：请确认放的是不是这个文件。",
                en:
                    "The file is not text (it holds NUL bytes); a dataset file is UTF-8 \(form) text: check that this is the right file."
            )
        }
    }
}

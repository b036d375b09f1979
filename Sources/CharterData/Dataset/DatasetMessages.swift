import PolicyKit

/// The sentences that several parts of the reader say alike, in both languages.
enum DatasetMessages {
    /// "The file cannot be read: REASON." (the reason is the system's).
    static func cannotBeRead(_ reason: String) -> Text {
        Text(zh: "文件无法读取：\(reason)。", en: "The file cannot be read: \(reason).")
    }

    /// A byte that is not UTF-8 in a field or a file, and what to do.
    static func notUTF8(_ byte: UInt8, where place: Text) -> Text {
        let hex = String(byte, radix: 16, uppercase: true)
        let code = "0x\(hex.count == 1 ? "0" : "")\(hex)"
        return Text(
            zh: "\(place.chinese)中有一个不是 UTF-8 的字节（\(code)）；请把文件存为 UTF-8（不要用 GBK 或 GB18030）。",
            en:
                "The \(place.english) holds a byte that is not UTF-8 (\(code)); save the file as UTF-8 (not GBK or GB18030)."
        )
    }

    /// A required value that is absent.
    static let valueRequired = Text(zh: "这一项必填。", en: "A value is required.")
}

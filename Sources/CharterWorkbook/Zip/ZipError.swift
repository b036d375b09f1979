public import CharterSupport
public import PolicyKit

/// A zip archive, or one of its entries, that cannot be read.
///
/// Written `ENTRY: message` for a problem with one entry, and as the message alone for one with
/// the whole archive.
public struct ZipError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        /// No end-of-central-directory record: the bytes are not a zip archive, or are cut short.
        case notAZip
        /// A structure of the archive reaches past its end, or outside where it must lie.
        case truncated
        /// The archive is in the zip64 format (for archives of 4 GiB or 65 535 entries and more).
        case zip64
        /// The archive is split over several files ("disks").
        case multiDisk
        /// A central directory record does not start with its signature.
        case badCentralDirectory
        /// An entry's local header does not start with its signature.
        case badLocalHeader
        /// The central directory lists a different number of entries than the archive declares.
        case entryCount(declared: Int, found: Int)
        /// Two entries have the same name.
        case duplicateName
        /// Two entries' stored bytes overlap (a trick of zip bombs).
        case overlappingEntries(other: ZipEntryName)
        /// The entry is encrypted.
        case encrypted
        /// The entry is compressed by a method other than stored (0) and deflated (8).
        case unsupportedMethod(Int)
        /// The entry's size is not the one declared.
        case sizeMismatch(declared: Int, actual: Int)
        /// The entry's CRC-32 is not the one declared.
        case checksumMismatch(declared: UInt32, actual: UInt32)
        /// The entry is larger than the limit on output.
        case tooLarge(size: Int, limit: Int)
        /// The entry's deflated bytes cannot be inflated.
        case inflate(InflateError)
        /// An archive being written would have more entries than a zip without zip64 holds.
        case tooManyEntries(limit: Int)
    }

    /// What is wrong.
    public let reason: Reason
    /// The entry concerned, or `nil` for the whole archive.
    public let entry: ZipEntryName?

    /// Creates the error.
    public init(_ reason: Reason, entry: ZipEntryName? = nil) {
        self.reason = reason
        self.entry = entry
    }

    /// A stable code for the reason, such as `zip.not-a-zip` (an inflate error's own code).
    public var code: String {
        switch reason {
        case .notAZip: "zip.not-a-zip"
        case .truncated: "zip.truncated"
        case .zip64: "zip.zip64"
        case .multiDisk: "zip.multi-disk"
        case .badCentralDirectory: "zip.bad-central-directory"
        case .badLocalHeader: "zip.bad-local-header"
        case .entryCount: "zip.entry-count"
        case .duplicateName: "zip.duplicate-name"
        case .overlappingEntries: "zip.overlapping-entries"
        case .encrypted: "zip.encrypted"
        case .unsupportedMethod: "zip.unsupported-method"
        case .sizeMismatch: "zip.size-mismatch"
        case .checksumMismatch: "zip.checksum-mismatch"
        case .tooLarge: "zip.too-large"
        case .inflate(let error): error.code
        case .tooManyEntries: "zip.too-many-entries"
        }
    }

    /// `ENTRY: message`, in English.
    public var description: String { message(in: .english) }

    /// `ENTRY: message` in `language`.
    public func message(in language: Language) -> String {
        let prefix = entry.map { "\($0): " } ?? ""
        if case .inflate(let error) = reason { return prefix + error.message(in: language) }
        return prefix + text(chinese: language == .chinese)
    }

    /// The sentence without the entry's name.
    func text(chinese zh: Bool) -> String {
        switch reason {
        case .notAZip:
            return zh
                ? "这不是 zip 压缩包（找不到中央目录的结束记录）：文件不是 .xlsx 工作簿，或者不完整。"
                : "This is not a zip archive (it has no end of central directory): not an .xlsx workbook, or cut short."
        case .truncated:
            return zh
                ? "压缩包的某个结构超出了文件末尾或应在的范围：文件不完整或已损坏。"
                : "A structure of the archive reaches past its end or outside its place: the file is cut short or damaged."
        case .zip64:
            return zh
                ? "这是 zip64 格式的压缩包（用于 4 GiB 或 65535 个条目以上），无法读取：请在 Excel 中另存为 .xlsx。"
                : "The archive is in the zip64 format (for 4 GiB or 65,535 entries and more), which is not read: save it again from Excel as .xlsx."
        case .multiDisk:
            return zh
                ? "压缩包被分卷保存在多个文件中，无法读取：请提供完整的单个文件。"
                : "The archive is split over several files, which is not read: give it as one whole file."
        case .badCentralDirectory:
            return zh
                ? "中央目录的记录没有以其签名开头：文件已损坏。"
                : "A central directory record does not start with its signature: the file is damaged."
        case .badLocalHeader:
            return zh
                ? "条目的本地文件头没有以其签名开头：文件已损坏。"
                : "The entry's local header does not start with its signature: the file is damaged."
        case .entryCount(let declared, let found):
            return zh
                ? "压缩包声明有 \(declared) 个条目，中央目录中却有 \(found) 个：文件已损坏。"
                : "The archive declares \(declared) entries, but its central directory holds \(found): the file is damaged."
        case .duplicateName:
            return zh
                ? "压缩包中有两个同名条目：文件已损坏，或被篡改过。"
                : "The archive holds two entries of this name: the file is damaged or has been tampered with."
        case .overlappingEntries(let other):
            return zh
                ? "该条目的数据与条目“\(other)”的数据重叠：这是“压缩炸弹”的手法，不是正常的工作簿。"
                : "The entry's data overlaps that of '\(other)': a trick of zip bombs, not an ordinary workbook."
        case .encrypted:
            return zh
                ? "该条目已加密，无法读取：请在 Excel 中取消密码后重新保存。"
                : "The entry is encrypted, which is not read: remove the password in Excel and save it again."
        case .unsupportedMethod(let method):
            let name = Self.methodNames[method].map { " (\($0))" } ?? ""
            return zh
                ? "该条目使用压缩方法 \(method)\(name)，只能读取 0（不压缩）和 8（deflate）：请在 Excel 中另存为 .xlsx。"
                : "The entry is compressed with method \(method)\(name); only 0 (stored) and 8 (deflated) are read: save it again from Excel as .xlsx."
        case .sizeMismatch(let declared, let actual):
            return zh
                ? "该条目声明的大小为 \(declared) 字节，实际为 \(actual) 字节：文件已损坏。"
                : "The entry declares \(declared) bytes but holds \(actual): the file is damaged."
        case .checksumMismatch(let declared, let actual):
            return zh
                ? "该条目的校验值（CRC-32）为 \(Self.hex(actual))，与声明的 \(Self.hex(declared)) 不符：文件已损坏。"
                : "The entry's checksum (CRC-32) is \(Self.hex(actual)), not the \(Self.hex(declared)) declared: the file is damaged."
        case .tooLarge(let size, let limit):
            return zh
                ? "该条目有 \(size) 字节，超过了 \(limit) 字节的上限。"
                : "The entry holds \(size) bytes, more than the limit of \(limit)."
        case .inflate(let error):
            return error.text(chinese: zh)
        case .tooManyEntries(let limit):
            return zh
                ? "压缩包最多只能有 \(limit) 个条目。"
                : "An archive holds at most \(limit) entries."
        }
    }

    /// The names of the methods an archive may use that this reader does not.
    static let methodNames: [Int: String] = [
        1: "Shrunk", 6: "Imploded", 9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "XZ",
        98: "PPMd", 99: "AES encryption",
    ]

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}

import CharterSupport
import PolicyKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// One row of a dataset file as its raw field values, whatever the file's form (CSV, JSON or
/// JSON Lines): the bytes of each of the file kind's columns, or nothing when absent.
protocol RowFields {
    /// Whether the file has the column at all: a CSV header that lacks it was already reported, so
    /// rows say nothing more about it. JSON rows have every column.
    func hasColumn(_ column: Int) -> Bool

    /// Calls `body` with the bytes of the column's value (as the CSV text reads), or returns `nil`
    /// when the value is absent: empty, missing, or `null`.
    func withValue<Result>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result?
}

/// Reads one row's typed values from its fields, naming every problem with the file, line and
/// column: the one place where a field's text becomes a value.
struct RowReader<Fields: RowFields> {
    let fields: Fields
    let kind: DatasetFileKind
    /// The file's name as it stands in the folder, such as `members.csv`.
    let fileName: String
    let line: Int
    let log: ProblemLog
    /// Whether a problem was found in this row (the row then becomes no value).
    private(set) var failed = false

    init(fields: Fields, kind: DatasetFileKind, fileName: String, line: Int, log: ProblemLog) {
        self.fields = fields
        self.kind = kind
        self.fileName = fileName
        self.line = line
        self.log = log
    }

    /// Reports a problem with a column of this row.
    mutating func report(_ column: Int, _ message: Text, value: String? = nil) {
        failed = true
        log.add(
            kind,
            DatasetProblem(
                file: fileName, line: line, column: kind.columns[column], message: message, value: value))
    }

    /// Reports a problem with a column, showing the field's text.
    mutating func report(_ column: Int, _ message: Text, bytes: UnsafeBufferPointer<UInt8>) {
        failed = true
        log.add(
            kind,
            DatasetProblem(
                file: fileName, line: line, column: kind.columns[column], message: message,
                value: displayText(bytes)))
    }

    /// Notes a required value that is absent.
    private mutating func reportMissing(_ column: Int) {
        // A column missing from the header was reported once, on the header line.
        if fields.hasColumn(column) {
            report(column, DatasetMessages.valueRequired)
        } else {
            failed = true
        }
    }

    /// A string column, "" when absent.
    func string(_ column: Int) -> String {
        fields.withValue(column) { makeString($0) } ?? ""
    }

    /// A required string column (an id or a reference).
    mutating func requiredString(_ column: Int) -> String? {
        let source = fields
        guard let text = source.withValue(column, { String(decoding: $0, as: UTF8.self) }) else {
            reportMissing(column)
            return nil
        }
        return text
    }

    /// A string column, "" when absent, shared with every other row of the same text.
    func string(_ column: Int, interning table: inout IdentifierTable) -> String {
        fields.withValue(column) { table.intern($0) } ?? ""
    }

    /// A required id column: reported when absent or used before in the file.
    mutating func requiredID(_ column: Int, in table: inout IdentifierTable) -> String? {
        let source = fields
        let line = self.line
        guard let (id, firstLine) = source.withValue(column, { table.insert($0, line: line) }) else {
            reportMissing(column)
            return nil
        }
        if let firstLine {
            report(
                column,
                Text(
                    zh: "这个 id 用了两次，第一次在第 \(firstLine) 行；id 不能重复。",
                    en: "The id is used twice; it was first used on line \(firstLine). Ids must be unique."),
                value: id)
        }
        return id
    }

    /// A required reference to an id of another file, with the position of the row it names (-1
    /// when none): reported when absent, or when `file` (the file read whole that should hold it)
    /// does not hold it, saying so when a space at either end is the difference (`spaced`).
    ///
    /// The tables are only read; they are passed `inout` so that they are not copied (a retain and
    /// a release of each of their buffers) for every row.
    mutating func requiredReference(
        _ column: Int, to table: inout IdentifierTable, in file: String?, what: ReferencedRow,
        spaced: inout SpacedIDs
    ) -> (id: String, row: Int32)? {
        let source = fields
        var missing = false
        let found: (String, Int32)? = source.withValue(column) { bytes in
            if let index = table.index(of: bytes) { return (table.keys[index], Int32(truncatingIfNeeded: index)) }
            missing = file != nil
            return (String(decoding: bytes, as: UTF8.self), -1)
        }
        guard let found else {
            reportMissing(column)
            return nil
        }
        if missing, let file {
            let id = found.0
            report(
                column, what.unknown(id, in: file, spaced: spaced, isKnown: { table.index(of: $0) != nil }), value: id)
        }
        return found
    }

    /// A required reference whose check must wait for another file: reported here only when absent.
    ///
    /// `last` keeps the previous row's id, so rows that repeat it share its `String`.
    mutating func deferredReference(_ column: Int, last: inout String) -> String? {
        let source = fields
        let id: String? = source.withValue(column) { bytes in
            let same = last.utf8.withContiguousStorageIfAvailable { previous in
                guard previous.count == bytes.count, let old = previous.baseAddress, let new = bytes.baseAddress
                else { return false }
                return memcmp(old, new, bytes.count) == 0
            }
            if same == true { return last }
            let text = String(decoding: bytes, as: UTF8.self)
            last = text
            return text
        }
        guard let id else {
            reportMissing(column)
            return nil
        }
        return id
    }

    /// An optional date column: `nil` when absent or malformed (then reported).
    mutating func date(_ column: Int) -> CivilDate? { date(column, required: false) }

    /// A required date column.
    mutating func requiredDate(_ column: Int) -> CivilDate? { date(column, required: true) }

    /// A date column, looked up once whether it is required or not.
    @inline(__always)
    private mutating func date(_ column: Int, required: Bool) -> CivilDate? {
        let source = fields
        let value: CivilDate?? = source.withValue(column) { bytes in
            if let date = FieldValues.date(bytes) { return date }
            report(
                column,
                Text(
                    zh: "日期无效；日期格式应为 YYYY-MM-DD，例如 1975-03-09。",
                    en: "The date is not valid; dates are written YYYY-MM-DD, e.g. 1975-03-09."),
                bytes: bytes)
            return nil
        }
        guard let value else {
            if required { reportMissing(column) }
            return nil
        }
        return value
    }

    /// An integer column, `defaultValue` when absent.
    ///
    /// A count must not be negative.
    mutating func integer(_ column: Int, default defaultValue: Int, isCount: Bool) -> Int {
        optionalInteger(column, isCount: isCount) ?? defaultValue
    }

    /// An optional integer column: `nil` when absent or malformed (then reported).
    mutating func optionalInteger(_ column: Int, isCount: Bool = false) -> Int? {
        let source = fields
        let value: Int?? = source.withValue(column) { bytes in
            guard let number = FieldValues.integer(bytes) else {
                report(
                    column,
                    Text(
                        zh: "这个值不是整数；请只用数字书写，不要带小数点、空格或分隔符。",
                        en:
                            "The value is not a whole number; write it in digits, with no decimal point, space or separator."
                    ),
                    bytes: bytes)
                return nil
            }
            if isCount, number < 0 {
                report(column, Text(zh: "个数不能是负数。", en: "A count is never negative."), bytes: bytes)
                return nil
            }
            return number
        }
        return value ?? nil
    }

    /// A bool column, `false` when absent.
    mutating func bool(_ column: Int) -> Bool {
        let source = fields
        let value: Bool?? = source.withValue(column) { bytes in
            guard let flag = FieldValues.bool(bytes) else {
                report(
                    column,
                    Text(
                        zh: "这个值不是“是”或“否”；请写 true/false、1/0、yes/no 或 是/否。",
                        en: "The value is not a yes or no; write true/false, 1/0, yes/no or 是/否."),
                    bytes: bytes)
                return nil
            }
            return flag
        }
        return (value ?? nil) ?? false
    }

    /// An optional code column: `nil` when absent or not one of the codes (then reported).
    mutating func code<Code: DomainCode>(_ column: Int, _ table: CodeTable<Code>) -> Code? {
        code(column, table, required: false)
    }

    /// A required code column.
    mutating func requiredCode<Code: DomainCode>(_ column: Int, _ table: CodeTable<Code>) -> Code? {
        code(column, table, required: true)
    }

    /// A code column, looked up once whether it is required or not.
    @inline(__always)
    private mutating func code<Code: DomainCode>(_ column: Int, _ table: CodeTable<Code>, required: Bool) -> Code? {
        let source = fields
        let value: Code?? = source.withValue(column) { bytes in
            guard let code = FieldValues.code(bytes, table) else {
                report(
                    column,
                    Text(
                        zh: "这个值不是已知的代码；可用的代码有：\(Code.allCodes)。",
                        en: "The value is not a known code; the codes are: \(Code.allCodes)."),
                    bytes: bytes)
                return nil
            }
            return code
        }
        guard let value else {
            if required { reportMissing(column) }
            return nil
        }
        return value
    }

    /// An amount column, `defaultValue` when absent; it must be greater than 0.
    mutating func positiveAmount(_ column: Int, default defaultValue: Amount) -> Amount? {
        let source = fields
        let value: Amount?? = source.withValue(column) { bytes in
            if let amount = FieldValues.amount(bytes) {
                guard amount > .zero else {
                    report(column, Text(zh: "数量必须大于 0。", en: "The amount must be greater than 0."), bytes: bytes)
                    return nil
                }
                return amount
            }
            if bytes.first == 0x2D, let negative = Amount(utf8: bytes), negative <= .zero {
                report(
                    column,
                    Text(
                        zh: "数量必须大于 0，只用数字书写，不带正负号。",
                        en: "The amount must be greater than 0, written in digits with no sign."),
                    bytes: bytes)
                return nil
            }
            report(
                column,
                Text(
                    zh: "数量不是按 数字[.数字] 书写的数，例如 2.5（不带正负号、指数或千位分隔符）。",
                    en:
                        "The amount is not a number written digits[.digits], e.g. 2.5 (no sign, exponent or thousands separator)."
                ),
                bytes: bytes)
            return nil
        }
        guard let value else { return defaultValue }
        return value
    }
}

/// The text of a field's bytes, as `String(decoding:as:)` makes it (bytes that are not UTF-8
/// become U+FFFD), but cheaper for the short texts of most fields: a text of up to 15 bytes is
/// written straight into the string's own storage.
@inline(__always)
func makeString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.count <= 15, let source = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
    return String(unsafeUninitializedCapacity: bytes.count) { buffer in
        buffer.baseAddress?.update(from: source, count: bytes.count)
        return bytes.count
    }
}

/// A field's text as a problem shows it: control bytes and bytes that are not UTF-8 escaped
/// (`\x1b`, `\xd6`, see ``TerminalText``) and cut to 80 characters.
func displayText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let text = TerminalText.escaped(bytes: bytes)
    guard text.count > 80 else { return text }
    return String(text.prefix(80)) + "…"
}

public import CharterSupport
import CharterWorkbook
public import PolicyKit

/// One change `charter import` made to what an office gave, for `import-report.csv`.
public struct ImportChange: Sendable, Equatable {
    /// The dataset file it is in, such as `members.csv`.
    public let file: String
    /// Where the value stood in what the office gave: `members.xlsx[党员]!C12`, `events.csv:12`.
    public let position: String
    /// The contract's column, or empty for a change to a whole row or file.
    public let column: String
    /// The value before.
    public let before: String
    /// The value after (empty when a row or column was left out).
    public let after: String
    /// Why.
    public let why: Text
}

/// Something `charter import` could not turn into the data contract: nothing is written.
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible, LocalizedMessage {
    /// Where: `members.xlsx[党员]!C12`, `events.csv:12`, or a file; empty when the text says where.
    public let position: String
    /// The contract's column, if one.
    public let column: String?
    /// What is wrong and what to do.
    public let text: Text

    /// Creates a problem.
    public init(position: String, column: String? = nil, _ text: Text) {
        self.position = position
        self.column = column
        self.text = text
    }

    public func message(in language: Language) -> String {
        var message = position.isEmpty ? "" : position + ": "
        if let column { message += (language == .chinese ? "列 \(column)：" : "column \(column): ") }
        return message + text.text(in: language)
    }

    public var description: String { message(in: .english) }
}

/// A dataset file as `charter import` writes it: the contract's columns that were given, in the
/// contract's order, and the rows.
public struct ImportedFile: Sendable, Equatable {
    /// The file.
    public let file: DatasetFile
    /// The header: contract column names.
    public let columns: [String]
    /// The rows, aligned with `columns`.
    public let rows: [[String]]

    /// The file's bytes: UTF-8 CSV without a byte order mark, LF line ends, quoted where RFC 4180
    /// needs it.
    public func csv() -> [UInt8] {
        var buffer = ByteBuffer(capacity: 64 + rows.count * 64)
        func row(_ fields: [String]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { buffer.append(byte: UInt8(ascii: ",")) }
                CSVField.append(field, guardingFormulas: false, to: &buffer)
            }
            buffer.append(byte: 0x0A)
        }
        row(columns)
        for fields in rows { row(fields) }
        var bytes: [UInt8] = []
        buffer.move(appendingTo: &bytes)
        return bytes
    }
}

/// Turns an office's tables into the data contract's files, saying every change it made.
///
/// It never guesses silently: a value is changed only in the ways listed below, each change is
/// reported, and anything else that does not fit the contract is a problem naming where it
/// stands, and nothing is written.
/// - Headers: the contract's column names, or their Chinese names from the contract's table, with
///   spaces and full-width letters allowed around and in them. A column of neither is left out
///   and reported.
/// - Every value: leading and trailing spaces (also full-width ones) removed; in every column but
///   free text, full-width digits, letters and punctuation made half-width.
/// - Dates: `2026/6/30`, `2026-6-30`, `2026.6.30`, `2026年6月30日` and a workbook's date cells
///   (or plain serial numbers in a date column) become `2026-06-30`.
/// - Codes: a code's Chinese name (`正式党员`) becomes its code (`full`); a code in other letter case
///   its code.
/// - Whole numbers that a workbook stored as `3.0` become `3`.
/// - A row of only empty cells is left out.
public enum Importer {
    /// The files, changes and problems of converting `tables`.
    public static func convert(_ tables: [ImportTable]) -> (
        files: [ImportedFile], changes: [ImportChange], problems: [ImportProblem]
    ) {
        var files: [ImportedFile] = []
        var changes: [ImportChange] = []
        var problems: [ImportProblem] = []
        for table in tables {
            let converted = convert(table)
            if let file = converted.file { files.append(file) }
            changes += converted.changes
            problems += converted.problems
        }
        return (files.sorted { $0.file.ordinal < $1.file.ordinal }, changes, problems)
    }

    static func convert(_ table: ImportTable) -> (
        file: ImportedFile?, changes: [ImportChange], problems: [ImportProblem]
    ) {
        var changes: [ImportChange] = []
        var problems: [ImportProblem] = []
        let fileName = table.file.fileName
        if let encoding = table.encoding {
            changes.append(
                ImportChange(
                    file: fileName, position: table.source, column: "", before: encoding, after: "UTF-8",
                    why: Text(zh: "文件的编码是 \(encoding)，已转换为 UTF-8", en: "the file was in \(encoding), written as UTF-8"))
            )
        }
        let contract = table.file.contract
        guard let headerIndex = table.rows.firstIndex(where: { !isEmpty($0.cells) }) else {
            problems.append(
                ImportProblem(
                    position: table.source,
                    Text(
                        zh: "没有表头行：第一行必须写明各列的列名（见 charter template）。",
                        en: "There is no header row: the first row must name the columns (see charter template).")))
            return (nil, changes, problems)
        }
        let header = table.rows[headerIndex]
        // Where each contract column stands in the table's rows.
        var columnAt: [Int: ContractColumn] = [:]
        var seen: [String: Int] = [:]
        for (index, cell) in header.cells.enumerated() {
            let name = halfWidth(trimmed(cell.text))
            if name.isEmpty { continue }
            let compact = String(name.filter { $0 != " " })
            let key = compact.lowercased()
            guard let column = contract.first(where: { $0.name == key || $0.chineseName == compact })
            else {
                changes.append(
                    ImportChange(
                        file: fileName, position: table.position(line: header.line, column: index), column: "",
                        before: cell.text, after: "",
                        why: Text(
                            zh: "不是 \(fileName) 的列，未导入（列名见 charter template）",
                            en: "not a column of \(fileName), left out (see charter template for the columns)")))
                continue
            }
            if let earlier = seen[column.name] {
                problems.append(
                    ImportProblem(
                        position: table.position(line: header.line, column: index), column: column.name,
                        Text(
                            zh:
                                "这一列与第 \(ImportTable.columnLetters(earlier)) 列都是 \(column.name)（\(column.chineseName)）：删去其中一列。",
                            en:
                                "This column and column \(ImportTable.columnLetters(earlier)) are both \(column.name) (\(column.chineseName)): delete one of them."
                        )))
                continue
            }
            seen[column.name] = index
            columnAt[index] = column
            if cell.text != column.name {
                changes.append(
                    ImportChange(
                        file: fileName, position: table.position(line: header.line, column: index), column: column.name,
                        before: cell.text, after: column.name,
                        why: Text(zh: "表头改为数据约定的列名", en: "header written as the contract's column name")))
            }
        }
        for column in contract where seen[column.name] == nil {
            if case .optional = column.requirement { continue }
            problems.append(
                ImportProblem(
                    position: table.position(line: header.line, column: nil), column: column.name,
                    Text(
                        zh: "缺少必填列 \(column.name)（\(column.chineseName)）：在表头加上这一列。",
                        en:
                            "The required column \(column.name) (\(column.chineseName)) is missing: add it to the header."
                    )))
        }
        let order = contract.compactMap { column in seen[column.name].map { (column, $0) } }
        var rows: [[String]] = []
        for row in table.rows[(headerIndex + 1)...] {
            if isEmpty(row.cells) {
                if !row.cells.isEmpty {
                    changes.append(
                        ImportChange(
                            file: fileName, position: table.position(line: row.line, column: nil), column: "",
                            before: row.cells.map(\.text).joined(separator: ","), after: "",
                            why: Text(zh: "空行，未导入", en: "an empty row, left out")))
                }
                continue
            }
            var fields: [String] = []
            for (column, index) in order {
                let cell = index < row.cells.count ? row.cells[index] : ImportCell("")
                let position = table.position(line: row.line, column: index)
                switch value(cell, column) {
                case .success(let converted):
                    if converted.value != cell.text, let why = converted.why {
                        changes.append(
                            ImportChange(
                                file: fileName, position: position, column: column.name, before: cell.text,
                                after: converted.value, why: why))
                    }
                    fields.append(converted.value)
                case .failure(let problem):
                    problems.append(ImportProblem(position: position, column: column.name, problem.text))
                    fields.append(cell.text)
                }
            }
            rows.append(fields)
        }
        return (ImportedFile(file: table.file, columns: order.map(\.0.name), rows: rows), changes, problems)
    }

    struct ValueProblem: Error {
        let text: Text
    }

    /// A cell's value as the contract writes it, and why it changed, or what is wrong with it.
    static func value(_ cell: ImportCell, _ column: ContractColumn) -> Result<(value: String, why: Text?), ValueProblem>
    {
        let freeText = column.type == .text && { if case .optional = column.requirement { true } else { false } }()
        var text = trimmed(cell.text)
        var why: Text? =
            text != cell.text ? Text(zh: "去掉首尾空格", en: "leading and trailing spaces removed") : nil
        if !freeText {
            let half = halfWidth(text)
            if half != text {
                text = half
                why = Text(zh: "全角字符改为半角", en: "full-width characters written half-width")
            }
        }
        if text.isEmpty {
            if case .optional = column.requirement { return .success(("", why)) }
            return .failure(
                ValueProblem(
                    text: Text(
                        zh: "必须填写 \(column.name)（\(column.chineseName)）。",
                        en: "A value is required for \(column.name) (\(column.chineseName)).")))
        }
        switch column.type {
        case .text:
            return .success((text, why))
        case .date:
            if case .date(let date) = cell.kind {
                return .success((date.description, Text(zh: "Excel 日期", en: "an Excel date")))
            }
            if cell.kind == .number, let serial = Int(text), let date = excelSerialDate(serial) {
                return .success(
                    (date.description, Text(zh: "Excel 日期序号 \(serial)", en: "an Excel date serial \(serial)")))
            }
            guard let date = date(text) else {
                return .failure(
                    ValueProblem(
                        text: Text(
                            zh: "'\(text)' 不是日期：写成 2026-06-30、2026/6/30 或 2026年6月30日。",
                            en: "'\(text)' is not a date: write it as 2026-06-30, 2026/6/30 or 2026年6月30日.")))
            }
            let written = date.description
            return .success(
                (written, written == text ? why : Text(zh: "日期写成 YYYY-MM-DD", en: "date written YYYY-MM-DD")))
        case .code(let codes):
            if codes.contains(where: { $0.code == text }) { return .success((text, why)) }
            if let code = codes.first(where: { $0.chineseName == text }) {
                return .success((code.code, Text(zh: "中文名称改为代码", en: "Chinese name written as its code")))
            }
            if let code = codes.first(where: { $0.code.lowercased() == text.lowercased() }) {
                return .success((code.code, Text(zh: "代码改为小写", en: "code written in lower case")))
            }
            let allowed = codes.map { "\($0.code)（\($0.chineseName)）" }.joined(separator: "、")
            let allowedEnglish = codes.map { "\($0.code) (\($0.chineseName))" }.joined(separator: ", ")
            return .failure(
                ValueProblem(
                    text: Text(
                        zh: "'\(text)' 不是 \(column.name) 的可填值：填写 \(allowed) 之一。",
                        en: "'\(text)' is not a value of \(column.name): write one of \(allowedEnglish).")))
        case .bool:
            let accepted = ["true", "false", "1", "0", "yes", "no", "是", "否"]
            if accepted.contains(text.lowercased()) { return .success((text, why)) }
            return .failure(
                ValueProblem(
                    text: Text(
                        zh: "'\(text)' 不是“是”或“否”：填写 是、否、true、false、1 或 0。",
                        en: "'\(text)' is not true or false: write true, false, 1, 0, yes, no, 是 or 否.")))
        case .integer, .count, .seats:
            if let whole = wholeNumber(text) {
                return .success(
                    (whole, whole == text ? why : Text(zh: "整数去掉小数点", en: "whole number written without decimals")))
            }
            return .failure(
                ValueProblem(
                    text: Text(zh: "'\(text)' 不是整数。", en: "'\(text)' is not a whole number.")))
        case .amount:
            if isDecimal(text) { return .success((text, why)) }
            return .failure(
                ValueProblem(
                    text: Text(zh: "'\(text)' 不是数字（如 2 或 2.5）。", en: "'\(text)' is not a number (such as 2 or 2.5).")))
        }
    }

    /// Whether every cell of a row is empty or spaces.
    static func isEmpty(_ cells: [ImportCell]) -> Bool {
        cells.allSatisfy { trimmed($0.text).isEmpty }
    }

    /// The text without leading and trailing white space, the ideographic space (U+3000) and
    /// no-break spaces included.
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || scalar == "\u{3000}" || scalar == "\u{FEFF}"
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Full-width ASCII forms (U+FF01–FF5E) and the ideographic space made half-width.
    public static func halfWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { ($0.value >= 0xFF01 && $0.value <= 0xFF5E) || $0.value == 0x3000 })
        else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0xFF01 && scalar.value <= 0xFF5E, let half = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(half)
            } else if scalar.value == 0x3000 {
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// A date written `2026-06-30`, `2026-6-30`, `2026/6/30`, `2026.6.30` or `2026年6月30日`.
    public static func date(_ text: String) -> CivilDate? {
        var parts: [Int] = []
        var current = ""
        var separators: [Character] = []
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                current.append(Character(String(digit)))
            } else {
                guard !current.isEmpty else { return nil }
                parts.append(Int(current) ?? -1)
                current = ""
                separators.append(character)
            }
        }
        if !current.isEmpty { parts.append(Int(current) ?? -1) }
        guard parts.count == 3 else { return nil }
        let western = separators.count == 2 && separators[0] == separators[1] && "-/.".contains(separators[0])
        let chinese = separators == ["年", "月", "日"] || separators == ["年", "月"]
        guard western || chinese else { return nil }
        guard text.hasPrefix(String(parts[0])), String(parts[0]).count == 4 else { return nil }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }

    /// The date of an Excel serial number in the 1900 date system (in which Excel counts a
    /// 29 February 1900 that never was), or `nil` for a number that is no date.
    public static func excelSerialDate(_ serial: Int) -> CivilDate? {
        ExcelDate.date(serial: Double(serial), system: .from1900)
    }

    /// A whole number as the contract writes it (`3` for `3` or `3.0`), or `nil`.
    static func wholeNumber(_ text: String) -> String? {
        var body = Substring(text)
        if let dot = body.firstIndex(of: ".") {
            guard body[body.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return nil }
            body = body[..<dot]
        }
        let digits = body.hasPrefix("-") ? body.dropFirst() : body
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(body)
    }

    /// Whether the text is a decimal number such as `2` or `2.5`.
    static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

extension DatasetFile {
    /// The file's place in the contract's order.
    var ordinal: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

import CharterSupport
import CharterWorkbook
public import PolicyKit

/// Empty dataset files for an office to fill in, with a notes file that says what each column
/// holds: `charter template`.
///
/// Everything comes from the data contract's one table (``DatasetFile/contract``): the headers are
/// the contract's column names, or with Chinese their Chinese names, which `charter import` reads
/// back; the notes give each column's meaning, type, whether it is required and its default, and
/// the allowed codes with their names.
public struct TemplateWriter: Sendable {
    /// The language of the headers and the notes.
    public let language: Language

    /// Creates a writer.
    public init(language: Language) { self.language = language }

    /// The notes file's name.
    public var notesFileName: String { language == .chinese ? "填写说明.csv" : "column-notes.csv" }

    /// Each file's header row, as a CSV file's name and its bytes (UTF-8 with a BOM, for Excel).
    public func files() -> [(name: String, bytes: [UInt8])] {
        var files = DatasetFile.allCases.map { file in
            var csv = CSVText()
            csv.row(file.contract.map { header(of: $0) })
            var bytes: [UInt8] = []
            csv.move(appendingTo: &bytes)
            return (file.fileName, bytes)
        }
        var notes = CSVText()
        notes.row(notesHeader)
        for row in notesRows() { notes.row(row) }
        var bytes: [UInt8] = []
        notes.move(appendingTo: &bytes)
        files.append((notesFileName, bytes))
        return files
    }

    /// The workbook's file name.
    public var workbookFileName: String { language == .chinese ? "数据模板.xlsx" : "dataset-template.xlsx" }

    /// One workbook with a sheet per file (named as `charter import` reads it: 党员 in Chinese,
    /// `members` in English), each with its header row, and a notes sheet.
    public func workbook() throws(WorkbookError) -> [UInt8] {
        var writer = WorkbookWriter()
        for file in DatasetFile.allCases {
            let headers = file.contract.map { header(of: $0) }
            try writer.addSheet(
                language == .chinese ? file.chineseName : file.rawValue, rows: [headers], header: true,
                columnWidths: headers.map { max(10, $0.count * (language == .chinese ? 2 : 1) + 2) })
        }
        try writer.addSheet(
            language == .chinese ? "填写说明" : "notes", rows: [notesHeader] + notesRows(), header: true,
            columnWidths: [16, 22, 18, 40, 24, 24, 12, 60])
        return try writer.bytes()
    }

    /// A column's header: the contract's name, or its Chinese name.
    public func header(of column: ContractColumn) -> String {
        language == .chinese ? column.chineseName : column.name
    }

    /// The notes' header row.
    public var notesHeader: [String] {
        language == .chinese
            ? ["文件", "列名", "中文列名", "含义", "类型", "是否必填", "默认值", "可填的值"]
            : ["file", "column", "Chinese header", "meaning", "type", "required", "default", "allowed values"]
    }

    /// One notes row per column of every file, in the contract's order.
    public func notesRows() -> [[String]] {
        DatasetFile.allCases.flatMap { file in
            file.contract.map { column in
                [
                    file.fileName, column.name, column.chineseName, column.meaning.text(in: language),
                    typeName(column.type), requirementName(column.requirement), defaultName(column),
                    allowedValues(column.type),
                ]
            }
        }
    }

    func text(_ english: String, _ chinese: String) -> String { language == .chinese ? chinese : english }

    func typeName(_ type: ContractType) -> String {
        switch type {
        case .text: text("text", "文本")
        case .integer: text("whole number", "整数")
        case .count: text("count (0 or more)", "人数或次数（不小于0）")
        case .seats: text("seats (1 or more)", "职数（不小于1）")
        case .amount: text("amount (greater than 0, such as 2.5)", "数量（大于0，如2.5）")
        case .date: text("date, YYYY-MM-DD", "日期，格式为 YYYY-MM-DD")
        case .bool: text("true or false (also 1/0, yes/no, 是/否)", "是或否（true/false、1/0、yes/no 亦可）")
        case .code: text("code", "代码")
        }
    }

    func requirementName(_ requirement: ContractRequirement) -> String {
        switch requirement {
        case .unique: text("required, unique", "必填，不得重复")
        case .reference(let file): text("required, must exist in \(file.fileName)", "必填，须在 \(file.fileName) 中存在")
        case .required: text("required", "必填")
        case .optional: text("optional", "选填")
        }
    }

    func defaultName(_ column: ContractColumn) -> String {
        guard case .optional(let value) = column.requirement else { return "" }
        guard let value else { return text("(none)", "（无）") }
        if value.isEmpty { return text("(empty)", "（空）") }
        if case .code(let codes) = column.type, let code = codes.first(where: { $0.code == value }) {
            return "\(value) (\(language == .chinese ? code.chineseName : code.englishName))"
        }
        return value
    }

    func allowedValues(_ type: ContractType) -> String {
        guard case .code(let codes) = type else { return "" }
        return codes.map { "\($0.code) = \(language == .chinese ? $0.chineseName : $0.englishName)" }
            .joined(separator: text("; ", "；"))
    }
}

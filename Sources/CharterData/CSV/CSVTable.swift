import CharterSupport
import PolicyKit

/// The fields of one CSV record, seen through the header: column index → field.
struct CSVRowFields: RowFields {
    let buffer: UnsafeMutablePointer<UInt8>
    let fields: UnsafeBufferPointer<CSVField>
    /// For each of the file kind's columns, the header position that holds it, or -1.
    let fieldOfColumn: UnsafeBufferPointer<Int>

    @inline(__always)
    func hasColumn(_ column: Int) -> Bool { fieldOfColumn[column] >= 0 }

    @inline(__always)
    func withValue<Result>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let index = fieldOfColumn[column]
        guard index >= 0, index < fields.count else { return nil }
        let field = fields[index]
        guard field.end > field.start else { return nil }
        let bytes = UnsafeBufferPointer(start: buffer + field.start, count: field.end - field.start)
        guard field.hasDoubledQuotes else { return body(bytes) }
        let unquoted = CSVTable.undoubleQuotes(bytes)
        return unquoted.withUnsafeBufferPointer(body)
    }
}

/// Reads a CSV file of a dataset: the header, then every record handed to the assembler, with
/// every syntax problem named.
enum CSVTable {
    /// Reads the file; returns the number of records after the header, and whether every one of
    /// them could be read (so references to the file can be checked), or `nil` when the file has
    /// no header.
    static func read(
        _ input: ByteInput, kind: DatasetFileKind, fileName: String, log: ProblemLog, into assembler: DatasetAssembler
    ) -> (rows: Int, whole: Bool)? {
        var tokenizer = CSVTokenizer(input: input)
        guard tokenizer.next() else {
            if let reason = input.readError {
                log.add(kind, DatasetProblem(file: fileName, message: DatasetMessages.cannotBeRead(reason)))
            } else {
                log.add(
                    kind,
                    DatasetProblem(
                        file: fileName,
                        message: Text(
                            zh: "文件没有表头行；即使没有数据行，第一行也必须写明各列的列名。",
                            en:
                                "The file has no header row; its first line must name the columns, even when there are no rows."
                        )))
            }
            return nil
        }
        let headerLine = tokenizer.line
        var whole = true
        if let issue = tokenizer.issue {
            report(issue, tokenizer: tokenizer, header: [], kind: kind, fileName: fileName, log: log)
            return nil
        }
        let header = tokenizer.fields.map {
            String(
                decoding: undoubleQuotes(UnsafeBufferPointer(start: input.buffer + $0.start, count: $0.end - $0.start)),
                as: UTF8.self)
        }
        var fieldOfColumn = Array(repeating: -1, count: kind.columns.count)
        var seen: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            if let first = seen[name] {
                log.add(
                    kind,
                    DatasetProblem(
                        file: fileName, line: headerLine, column: name,
                        message: Text(
                            zh: "表头中这一列出现了两次（第 \(first + 1) 个和第 \(position + 1) 个字段）。",
                            en: "The column is named twice in the header (fields \(first + 1) and \(position + 1)).")))
                whole = false
                continue
            }
            seen[name] = position
            if let column = kind.columns.firstIndex(of: name) {
                fieldOfColumn[column] = position
            } else {
                var message = Text(
                    zh: "这一列不在数据约定之内，已忽略。", en: "The column is not part of the data contract and is ignored.")
                if let suggestion = Text.didYouMean(name, among: kind.columns) { message += suggestion }
                log.warn(DatasetProblem(file: fileName, line: headerLine, column: name, message: message))
            }
        }
        for column in kind.requiredColumns where fieldOfColumn[column] < 0 {
            log.add(
                kind,
                DatasetProblem(
                    file: fileName, line: headerLine, column: kind.columns[column],
                    message: Text(zh: "表头中缺少这一必填列。", en: "The required column is missing from the header.")))
            whole = false
        }

        var rows = 0
        let estimateAfter = 1024
        while tokenizer.next() {
            rows += 1
            if rows == estimateAfter {
                let consumed = input.dropped + tokenizer.recordEnd
                if consumed > 0 {
                    assembler.reserve(rows: Int(Double(input.fileSize) / Double(consumed) * 1.05 * Double(rows)) + 16)
                }
            }
            if let issue = tokenizer.issue {
                report(issue, tokenizer: tokenizer, header: header, kind: kind, fileName: fileName, log: log)
                if issue.kind == .unterminatedQuote {
                    whole = false
                } else {
                    salvageID(tokenizer, fieldOfColumn, assembler)
                }
                continue
            }
            if isEmptyRecord(tokenizer.fields) {
                log.add(
                    kind,
                    DatasetProblem(
                        file: fileName, line: tokenizer.line,
                        message: Text(
                            zh: "这一行的单元格全是空的（电子表格常留下这样的空行）；请删除这一行。",
                            en: "The row has only empty cells (as a spreadsheet leaves a blank row); delete the row.")))
                continue
            }
            guard tokenizer.fields.count == header.count else {
                salvageID(tokenizer, fieldOfColumn, assembler)
                log.add(
                    kind,
                    DatasetProblem(
                        file: fileName, line: tokenizer.line,
                        message: Text(
                            zh: "这一行有 \(tokenizer.fields.count) 个字段，而表头有 \(header.count) 列。",
                            en:
                                "The record has \(tokenizer.fields.count) \(tokenizer.fields.count == 1 ? "field" : "fields") but the header names \(header.count) \(header.count == 1 ? "column" : "columns")."
                        )))
                continue
            }
            let line = tokenizer.line
            fieldOfColumn.withUnsafeBufferPointer { map in
                assembler.add(
                    CSVRowFields(buffer: input.buffer, fields: tokenizer.fields, fieldOfColumn: map), line: line)
            }
        }
        if let reason = input.readError {
            log.add(
                kind,
                DatasetProblem(
                    file: fileName,
                    message: Text(zh: "文件未能读到结尾：\(reason)。", en: "The file cannot be read to its end: \(reason).")))
            whole = false
        }
        return (rows, whole)
    }

    /// Whether every field of the record is empty (`,,,,`, or `""` between the commas).
    private static func isEmptyRecord(_ fields: UnsafeBufferPointer<CSVField>) -> Bool {
        guard let first = fields.first, first.end == first.start else { return false }
        return fields.allSatisfy { $0.end == $0.start }
    }

    /// Registers the id of a record that could not be read, so that references to it from other
    /// files are not reported as well.
    private static func salvageID(_ tokenizer: CSVTokenizer, _ fieldOfColumn: [Int], _ assembler: DatasetAssembler) {
        fieldOfColumn.withUnsafeBufferPointer { map in
            assembler.salvageID(
                CSVRowFields(buffer: tokenizer.input.buffer, fields: tokenizer.fields, fieldOfColumn: map))
        }
    }

    /// Reports a record's syntax problem.
    private static func report(
        _ issue: (kind: CSVSyntaxIssue, field: Int), tokenizer: CSVTokenizer, header: [String],
        kind: DatasetFileKind, fileName: String, log: ProblemLog
    ) {
        let column = issue.field < header.count ? header[issue.field] : nil
        var value: String?
        if issue.field < tokenizer.fields.count {
            let field = tokenizer.fields[issue.field]
            value = displayText(
                UnsafeBufferPointer(start: tokenizer.input.buffer + field.start, count: field.end - field.start))
        }
        let message: Text
        switch issue.kind {
        case .quoteInUnquotedField:
            message = Text(
                zh: "未加引号的字段里出现了引号；请给整个字段加上引号，并把其中的每个引号写成两个（\"\"）。",
                en:
                    "A quote stands inside an unquoted field; put the whole field in quotes and double each quote inside it (\"\")."
            )
        case .textAfterClosingQuote:
            message = Text(
                zh: "闭合引号后只能是逗号或行尾；加引号的字段里的每个引号要写成两个（\"\"）。",
                en:
                    "Only a comma or the line end may follow a closing quote; double each quote inside a quoted field (\"\")."
            )
        case .unterminatedQuote:
            message = Text(
                zh: "加引号的字段一直没有闭合；请补上闭合引号。", en: "The quoted field is never closed; add the closing quote.")
            value = value.map { String($0.prefix(40)) + ($0.count > 40 ? "…" : "") }
        case .invalidUTF8(let byte):
            message = DatasetMessages.notUTF8(byte, where: Text(zh: "字段", en: "field"))
            value = nil
        }
        log.add(
            kind, DatasetProblem(file: fileName, line: tokenizer.line, column: column, message: message, value: value))
    }

    /// The text of a quoted field with each doubled quote read as one.
    static func undoubleQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            result.append(byte)
            index += byte == 0x22 && index + 1 < bytes.count && bytes[index + 1] == 0x22 ? 2 : 1
        }
        return result
    }
}

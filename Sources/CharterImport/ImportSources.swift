import CharterSupport
import CoreFoundation
import Foundation
import PolicyKit

/// What an office's folder holds, read into tables: which file of the folder becomes which
/// dataset file, each read in its encoding.
public enum ImportSources {
    /// The tables of the folder at `path`, the files passed through as they are (JSON forms of
    /// the contract), what was left out, and the problems.
    public static func read(folder path: String, workbooks: any WorkbookReading) -> (
        tables: [ImportTable], passed: [(file: DatasetFile, name: String, bytes: [UInt8])], changes: [ImportChange],
        problems: [ImportProblem]
    ) {
        var tables: [ImportTable] = []
        var passed: [(file: DatasetFile, name: String, bytes: [UInt8])] = []
        var changes: [ImportChange] = []
        var problems: [ImportProblem] = []
        guard let entries = FileSystem.entries(of: path) else {
            return (
                [], [], [],
                [
                    ImportProblem(
                        position: path,
                        Text(
                            zh: "读取不到这个文件夹：检查 --from 给的路径。",
                            en: "This folder cannot be read: check the path given to --from."))
                ]
            )
        }
        var sourceOf: [DatasetFile: String] = [:]
        func claim(_ file: DatasetFile, _ source: String) -> Bool {
            if let earlier = sourceOf[file] {
                problems.append(
                    ImportProblem(
                        position: source,
                        Text(
                            zh: "\(earlier) 与 \(source) 都是 \(file.fileName)（\(file.chineseName)）：只留其中一个。",
                            en:
                                "\(earlier) and \(source) are both \(file.fileName) (\(file.chineseName)): keep only one of them."
                        )))
                return false
            }
            sourceOf[file] = source
            return true
        }
        func datasetFile(named base: String) -> DatasetFile? {
            let name = Importer.halfWidth(Importer.trimmed(base))
            return DatasetFile.allCases.first { $0.rawValue == name.lowercased() || $0.chineseName == name }
        }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let full = path.hasSuffix("/") ? path + entry : path + "/" + entry
            let (base, suffix) = split(entry)
            switch suffix {
            case "csv":
                guard let file = datasetFile(named: base) else {
                    changes.append(leftOut(entry))
                    continue
                }
                guard claim(file, entry) else { continue }
                do {
                    let bytes = try FileSystem.readBytes(full)
                    switch readCSV(bytes, file: file, source: entry) {
                    case .success(let table): tables.append(table)
                    case .failure(let problem): problems.append(problem)
                    }
                } catch {
                    problems.append(ImportProblem(position: entry, Text(zh: "读取不到这个文件：\(error)", en: "\(error)")))
                }
            case "json", "jsonl":
                guard let file = datasetFile(named: base), file.rawValue == base else {
                    changes.append(leftOut(entry))
                    continue
                }
                guard claim(file, entry), let bytes = try? FileSystem.readBytes(full) else { continue }
                passed.append((file, entry, bytes))
                changes.append(
                    ImportChange(
                        file: entry, position: entry, column: "", before: "", after: "",
                        why: Text(zh: "按数据约定的 JSON 格式原样复制", en: "copied as it is, the contract's JSON form")))
            case "xlsx":
                let bytes: [UInt8]
                do { bytes = try FileSystem.readBytes(full) } catch {
                    problems.append(ImportProblem(position: entry, Text(zh: "读取不到这个文件：\(error)", en: "\(error)")))
                    continue
                }
                let sheets: [WorkbookSheet]
                do { sheets = try workbooks.sheets(of: bytes, named: entry) } catch {
                    problems.append(error)
                    continue
                }
                if let file = datasetFile(named: base) {
                    // One workbook per file: its first sheet with anything on it.
                    guard let sheet = sheets.first(where: { !$0.rows.isEmpty }) ?? sheets.first else { continue }
                    let source = "\(entry)[\(sheet.name)]"
                    if claim(file, source) { tables.append(table(sheet, file: file, source: source)) }
                    for other in sheets where other.name != sheet.name && !other.rows.isEmpty {
                        changes.append(leftOut("\(entry)[\(other.name)]"))
                    }
                } else {
                    // One workbook whose sheets are named after the files.
                    for sheet in sheets {
                        let source = "\(entry)[\(sheet.name)]"
                        guard let file = datasetFile(named: sheet.name) else {
                            if !sheet.rows.isEmpty { changes.append(leftOut(source)) }
                            continue
                        }
                        if claim(file, source) { tables.append(table(sheet, file: file, source: source)) }
                    }
                }
            case "xls":
                problems.append(
                    ImportProblem(
                        position: entry,
                        Text(
                            zh:
                                "这是旧版 Excel 工作簿（.xls），无法读取：在 Excel 中用“文件 → 另存为”保存为“Excel 工作簿 (*.xlsx)”或“CSV UTF-8（逗号分隔）(*.csv)”，再运行 charter import。",
                            en:
                                "This is an old Excel workbook (.xls), which cannot be read: in Excel, use File → Save As and choose \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited) (*.csv)\", then run charter import again."
                        )))
            default:
                changes.append(leftOut(entry))
            }
        }
        for file in [DatasetFile.communities, .members] where sourceOf[file] == nil {
            problems.append(
                ImportProblem(
                    position: path,
                    Text(
                        zh:
                            "缺少必需的 \(file.fileName)（\(file.chineseName)）：放入 \(file.rawValue).csv、\(file.rawValue).xlsx，或工作簿中名为“\(file.chineseName)”的工作表。",
                        en:
                            "\(file.fileName) (\(file.chineseName)) is required and missing: add \(file.rawValue).csv or \(file.rawValue).xlsx, or a workbook sheet named \(file.rawValue) or \(file.chineseName)."
                    )))
        }
        return (tables, passed, changes, problems)
    }

    static func leftOut(_ source: String) -> ImportChange {
        ImportChange(
            file: "", position: source, column: "", before: source, after: "",
            why: Text(
                zh: "不是数据约定中的文件，未导入（文件名见 charter template）",
                en: "not a file of the data contract, left out (see charter template for the names)"))
    }

    static func split(_ entry: String) -> (base: String, suffix: String) {
        guard let dot = entry.lastIndex(of: "."), dot != entry.startIndex else { return (entry, "") }
        return (String(entry[..<dot]), entry[entry.index(after: dot)...].lowercased())
    }

    static func table(_ sheet: WorkbookSheet, file: DatasetFile, source: String) -> ImportTable {
        ImportTable(
            file: file, source: source, isWorkbook: true, rows: sheet.rows.map { ($0.number, $0.cells) })
    }

    /// GB18030, as CoreFoundation names it (`kCFStringEncodingGB_18030_2000`).
    static let gb18030 = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(0x0632))

    /// A CSV file's text: UTF-8 (with or without a byte order mark), else GB18030 (Excel's
    /// default on Chinese Windows), named; a workbook or a binary under a `.csv` name is a problem.
    static func decode(_ bytes: [UInt8], source: String) -> Result<(text: String, encoding: String?), ImportProblem> {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return .failure(
                ImportProblem(
                    position: source,
                    Text(
                        zh: "这是一个 Excel 工作簿，却以 .csv 命名：把它改名为 .xlsx。",
                        en: "This is an Excel workbook saved under a .csv name: rename it to .xlsx.")))
        }
        if bytes.contains(0) {
            return .failure(
                ImportProblem(
                    position: source,
                    Text(
                        zh: "这不是文本文件（含有 NUL 字节）：请另存为“CSV UTF-8（逗号分隔）”。",
                        en: "This is not a text file (it holds NUL bytes): save it as CSV UTF-8 (Comma delimited).")))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return .success((text, nil)) }
        if let text = String(data: Data(body), encoding: gb18030) { return .success((text, "GB18030")) }
        return .failure(
            ImportProblem(
                position: source,
                Text(
                    zh: "文件既不是 UTF-8 也不是 GB18030 编码：请另存为“CSV UTF-8（逗号分隔）”。",
                    en: "The file is neither UTF-8 nor GB18030: save it as CSV UTF-8 (Comma delimited).")))
    }

    /// A CSV file as a table, each record with the line it starts on.
    ///
    /// It is read as RFC 4180 says (quotes, `""`, CRLF or LF). A record with more or fewer fields
    /// than the header is a problem (naming a full-width comma, which separates nothing, when the
    /// record holds one).
    static func readCSV(_ bytes: [UInt8], file: DatasetFile, source: String) -> Result<ImportTable, ImportProblem> {
        let decoded: (text: String, encoding: String?)
        switch decode(bytes, source: source) {
        case .success(let value): decoded = value
        case .failure(let problem): return .failure(problem)
        }
        var rows: [(line: Int, cells: [ImportCell])] = []
        var fields: [ImportCell] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoted = false
        var atFieldStart = true
        var afterQuote = false
        var scalars = decoded.text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        func endRecord() {
            fields.append(ImportCell(field))
            rows.append((recordLine, fields))
            fields = []
            field = ""
            atFieldStart = true
            afterQuote = false
        }
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = scalars.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            afterQuote = true
                            pending = next
                        }
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(ImportCell(field))
                field = ""
                atFieldStart = true
                afterQuote = false
            case "\r":
                if let next = scalars.next(), next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\"" where atFieldStart:
                quoted = true
                atFieldStart = false
            default:
                if afterQuote {
                    return .failure(
                        ImportProblem(
                            position: "\(source):\(line)",
                            Text(
                                zh: "引号后面紧跟着其他字符：引号内的引号要写成两个（\"\"）。",
                                en:
                                    "A character follows a closing quote: write a quote inside a quoted field as two (\"\")."
                            )))
                }
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        if quoted {
            return .failure(
                ImportProblem(
                    position: "\(source):\(recordLine)",
                    Text(zh: "引号没有闭合：检查这一行的引号。", en: "A quote is not closed: check the quotes on this line.")))
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        // A record of other width than the header, unless it is empty (Excel leaves some).
        if let header = rows.first(where: { !Importer.isEmpty($0.cells) }) {
            for row in rows where row.cells.count != header.cells.count && !Importer.isEmpty(row.cells) {
                let fullWidth = row.cells.contains { $0.text.contains("，") }
                var zh = "这一行有 \(row.cells.count) 个字段，表头却有 \(header.cells.count) 列。"
                var en = "The line has \(row.cells.count) fields but the header names \(header.cells.count)."
                if fullWidth {
                    zh += "行中有全角逗号“，”，它不分隔字段：分隔字段请用半角逗号“,”。"
                    en += " It holds a full-width comma '，', which separates nothing: separate fields with ','."
                }
                return .failure(ImportProblem(position: "\(source):\(row.line)", Text(zh: zh, en: en)))
            }
        }
        return .success(
            ImportTable(file: file, source: source, isWorkbook: false, encoding: decoded.encoding, rows: rows))
    }
}

/// A workbook's sheet as `charter import` reads it.
public struct WorkbookSheet: Sendable {
    /// The sheet's name, such as 党员.
    public let name: String
    /// Its rows, each with its row number (from 1) and its cells from column A.
    public let rows: [(number: Int, cells: [ImportCell])]

    /// Creates a sheet.
    public init(name: String, rows: [(number: Int, cells: [ImportCell])]) {
        self.name = name
        self.rows = rows
    }
}

/// Reads the sheets of an `.xlsx` workbook.
public protocol WorkbookReading: Sendable {
    /// The sheets of the workbook `bytes`, read from the file `name`, or a problem naming it.
    func sheets(of bytes: [UInt8], named name: String) throws(ImportProblem) -> [WorkbookSheet]
}

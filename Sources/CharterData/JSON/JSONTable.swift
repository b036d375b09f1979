import CharterSupport
import PolicyKit

/// The values of one JSON object, seen as a row: column index → the value's bytes.
struct JSONRowFields: RowFields {
    let storage: UnsafeBufferPointer<UInt8>
    /// Per column: the value's start in `storage` and its length, or -1 when absent.
    let starts: UnsafeBufferPointer<Int>
    let counts: UnsafeBufferPointer<Int>

    func hasColumn(_ column: Int) -> Bool { true }

    func withValue<Result>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let start = starts[column]
        guard start >= 0, counts[column] > 0, let base = storage.baseAddress else { return nil }
        return body(UnsafeBufferPointer(start: base + start, count: counts[column]))
    }
}

/// Reads the JSON forms of a dataset file: `NAME.json` and `NAME.jsonl`.
///
/// `NAME.json` is an array of objects, `NAME.jsonl` one object a line. Field names are the CSV columns; a string reads as the CSV text would, a
/// number or `true`/`false` as its spelling; `null`, `""` and a missing key are absent.
struct JSONTable {
    let kind: DatasetFileKind
    let fileName: String
    let log: ProblemLog
    let assembler: DatasetAssembler
    private let columnOfKey: [String: Int]
    private var storage: [UInt8] = []
    private var starts: [Int]
    private var counts: [Int]
    private var warnedKeys: Set<String> = []
    private var rows = 0
    private var whole = true

    init(kind: DatasetFileKind, fileName: String, log: ProblemLog, assembler: DatasetAssembler) {
        self.kind = kind
        self.fileName = fileName
        self.log = log
        self.assembler = assembler
        var columns: [String: Int] = [:]
        for (index, name) in kind.columns.enumerated() { columns[name] = index }
        columnOfKey = columns
        starts = Array(repeating: -1, count: kind.columns.count)
        counts = Array(repeating: 0, count: kind.columns.count)
    }

    /// Reads a whole `.json` or `.jsonl` file; returns its row count and whether every row could
    /// be read, or `nil` when the file could not be read at all.
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, lines: Bool, kind: DatasetFileKind, fileName: String, log: ProblemLog,
        into assembler: DatasetAssembler
    ) -> (rows: Int, whole: Bool)? {
        if let base = bytes.baseAddress, let bad = UTF8Validation.firstInvalidByte(base, from: 0, to: bytes.count) {
            var line = 1
            for index in 0..<bad where bytes[index] == 0x0A { line += 1 }
            log.add(
                kind,
                DatasetProblem(
                    file: fileName, line: line,
                    message: DatasetMessages.notUTF8(bytes[bad], where: Text(zh: "文件", en: "file"))))
            return nil
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var table = JSONTable(kind: kind, fileName: fileName, log: log, assembler: assembler)
        if lines {
            table.readLines(bytes, from: start)
        } else {
            guard table.readArray(bytes, from: start) else { return nil }
        }
        return (table.rows, table.whole)
    }

    private func problem(line: Int, column: String? = nil, _ message: Text) {
        log.add(kind, DatasetProblem(file: fileName, line: line, column: column, message: message))
    }

    /// Reads `[ {…}, {…} ]`; returns `false` when there is no array at all.
    private mutating func readArray(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var scanner = JSONScanner(bytes: bytes, from: start)
        scanner.skipWhitespace()
        if scanner.atEnd {
            log.add(
                kind,
                DatasetProblem(
                    file: fileName,
                    message: Text(
                        zh: "文件中没有 JSON 数组；没有数据行的文件请写 []。",
                        en: "The file holds no JSON array; write [] for a file with no rows.")))
            return false
        }
        do throws(JSONSyntaxError) {
            guard scanner.peek == 0x5B else {
                problem(
                    line: scanner.line,
                    Text(
                        zh: "文件必须是一个由对象组成的 JSON 数组，每个对象是一行。",
                        en: "The file must hold one JSON array of objects, one object a row."))
                whole = false
                return true
            }
            scanner.index += 1
            scanner.skipWhitespace()
            if scanner.peek == 0x5D {
                scanner.index += 1
            } else {
                while true {
                    scanner.skipWhitespace()
                    try readElement(&scanner)
                    scanner.skipWhitespace()
                    if scanner.peek == 0x2C {
                        scanner.index += 1
                        continue
                    }
                    guard scanner.peek == 0x5D else {
                        let found = scanner.found
                        throw scanner.error(
                            Text(
                                zh: "数组的元素之后应是 ',' 或 ']'，却是\(found.chinese)。",
                                en: "Expected ',' or ']' after an element of the array but found \(found.english)."))
                    }
                    scanner.index += 1
                    break
                }
            }
            scanner.skipWhitespace()
            guard scanner.atEnd else {
                throw scanner.error(
                    Text(zh: "数组的闭合方括号之后还有文字。", en: "Text follows the array's closing bracket."))
            }
        } catch {
            problem(
                line: error.line,
                Text(zh: "JSON 格式有误：", en: "The JSON is malformed: ") + error.message)
            whole = false
        }
        return true
    }

    /// Reads one object a line; a line that is empty or blank is skipped, and a malformed line is
    /// reported and the next line read.
    private mutating func readLines(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
        var lineStart = start
        var line = 1
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var scanner = JSONScanner(bytes: bytes, from: lineStart, to: lineEnd, line: line)
            scanner.skipWhitespace()
            if !scanner.atEnd {
                do throws(JSONSyntaxError) {
                    try readElement(&scanner)
                    scanner.skipWhitespace()
                    guard scanner.atEnd else {
                        throw scanner.error(Text(zh: "这一行的对象之后还有文字。", en: "Text follows the object on its line."))
                    }
                } catch {
                    problem(
                        line: line,
                        Text(zh: "这一行不是一个 JSON 对象：", en: "The line is not one JSON object: ") + error.message)
                    whole = false
                }
            }
            lineStart = lineEnd + 1
            line += 1
        }
    }

    /// Reads one element: an object becomes a row.
    private mutating func readElement(_ scanner: inout JSONScanner) throws(JSONSyntaxError) {
        let line = scanner.line
        rows += 1
        guard scanner.peek == 0x7B else {
            var scratch: [UInt8] = []
            _ = try scanner.readValue(into: &scratch)
            problem(
                line: line,
                Text(
                    zh: "每一行都必须是一个 JSON 对象，其键为文件的列名。",
                    en: "Each row must be a JSON object whose keys are the file's columns."))
            whole = false
            return
        }
        scanner.index += 1
        storage.removeAll(keepingCapacity: true)
        for column in starts.indices {
            starts[column] = -1
            counts[column] = 0
        }
        var keyBytes: [UInt8] = []
        var seen: Set<String> = []
        var rowFailed = false
        scanner.skipWhitespace()
        if scanner.peek == 0x7D {
            scanner.index += 1
        } else {
            while true {
                scanner.skipWhitespace()
                guard scanner.peek == 0x22 else { throw scanner.expectedKey() }
                keyBytes.removeAll(keepingCapacity: true)
                try scanner.readString(into: &keyBytes)
                let key = String(decoding: keyBytes, as: UTF8.self)
                try scanner.expect(0x3A, JSONScanner.colonAfterKey)
                let value = try scanner.readValue(into: &storage)
                if !seen.insert(key).inserted {
                    problem(
                        line: line, column: key, Text(zh: "同一个对象中这个键出现了两次。", en: "The key appears twice in one object.")
                    )
                    rowFailed = true
                } else if let column = columnOfKey[key] {
                    switch value {
                    case .text(let start, let count), .spelling(let start, let count):
                        starts[column] = start
                        counts[column] = count
                    case .null:
                        break
                    case .nested:
                        problem(
                            line: line, column: key,
                            Text(
                                zh: "值必须是字符串、数字、true、false 或 null。",
                                en: "The value must be a string, a number, true, false or null."))
                        rowFailed = true
                    }
                } else if warnedKeys.insert(key).inserted {
                    var message = Text(
                        zh: "这个键不是数据约定中的列，已忽略。", en: "The key is not a column of the data contract and is ignored.")
                    if let suggestion = Text.didYouMean(key, among: kind.columns) { message += suggestion }
                    log.warn(DatasetProblem(file: fileName, line: line, column: key, message: message))
                }
                scanner.skipWhitespace()
                if scanner.peek == 0x2C {
                    scanner.index += 1
                    continue
                }
                guard scanner.peek == 0x7D else {
                    let found = scanner.found
                    throw scanner.error(
                        Text(
                            zh: "值之后应是 ',' 或 '}'，却是\(found.chinese)。",
                            en: "Expected ',' or '}' after a value but found \(found.english)."))
                }
                scanner.index += 1
                break
            }
        }
        guard !rowFailed else {
            whole = false
            return
        }
        guard counts.contains(where: { $0 > 0 }) else {
            problem(
                line: line,
                Text(
                    zh: "这一行在文件的各列中都没有值；请删除这一行。",
                    en: "The row has no value in any of the file's columns; delete the row."))
            return
        }
        storage.withUnsafeBufferPointer { storage in
            starts.withUnsafeBufferPointer { starts in
                counts.withUnsafeBufferPointer { counts in
                    assembler.add(JSONRowFields(storage: storage, starts: starts, counts: counts), line: line)
                }
            }
        }
    }
}

import Testing

@testable import CharterData

/// The CSV tokenizer alone: records, fields, line numbers and syntax problems.
@Suite struct CSVTokenizerTests {
    /// Every record of `text` as (line, fields, issue), read `chunk` bytes at a time.
    static func records(_ text: String, chunk: Int? = nil) -> [(line: Int, fields: [String], issue: CSVSyntaxIssue?)] {
        records(Array(text.utf8), chunk: chunk)
    }

    static func records(_ bytes: [UInt8], chunk: Int? = nil) -> [(line: Int, fields: [String], issue: CSVSyntaxIssue?)]
    {
        var tokenizer = CSVTokenizer(input: ByteInput(bytes: bytes, chunkSize: chunk))
        var result: [(Int, [String], CSVSyntaxIssue?)] = []
        while tokenizer.next() {
            let fields = tokenizer.fields.map { field in
                let bytes = UnsafeBufferPointer(
                    start: tokenizer.input.buffer + field.start, count: field.end - field.start)
                return String(
                    decoding: field.hasDoubledQuotes ? CSVTable.undoubleQuotes(bytes) : Array(bytes), as: UTF8.self)
            }
            result.append((tokenizer.line, fields, tokenizer.issue?.kind))
        }
        return result
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let records = Self.records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n")
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"]])
        #expect(records.map(\.issue) == [nil, nil])
    }

    @Test func aRecordKeepsTheLineItStartsOn() {
        let records = Self.records("h1,h2\n\"a\nb\nc\",d\ne,f\n\n\ng,h")
        #expect(records.map(\.line) == [1, 2, 5, 8])
        #expect(records.last?.fields == ["g", "h"])
    }

    @Test func byteOrderMarkAndCRLFAreRemoved() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\r\n1,\"a\r\nb\"\r\n\r\n2,c\r\n".utf8)
        let records = Self.records(bytes)
        #expect(records.map(\.fields) == [["id", "name"], ["1", "a\r\nb"], ["2", "c"]])
        #expect(records.map(\.line) == [1, 2, 5])
    }

    @Test func emptyFieldsAndTrailingComma() {
        #expect(Self.records("a,,\n,\n").map(\.fields) == [["a", "", ""], ["", ""]])
        #expect(Self.records("\"\"\n").map(\.fields) == [[""]])
    }

    @Test(arguments: [
        ("a,b\"c\n", CSVSyntaxIssue.quoteInUnquotedField),
        ("a,\"b\"c\n", .textAfterClosingQuote),
        ("a,\"b\n", .unterminatedQuote),
        ("a,\"b\"\rc\n", .textAfterClosingQuote),
    ])
    func syntaxProblems(_ text: String, _ issue: CSVSyntaxIssue) {
        #expect(Self.records(text).first?.issue == issue)
    }

    @Test func recordsAfterASyntaxProblemAreStillRead() {
        let records = Self.records("a,b\"c\nd,e\n")
        #expect(records.count == 2)
        #expect(records[1].fields == ["d", "e"])
        #expect(records[1].issue == nil)
    }

    @Test func bytesThatAreNotUTF8AreNamedWithTheirField() {
        let records = Self.records(Array("ok,".utf8) + [0xE6, 0x98] + Array("\n".utf8))
        #expect(records.first?.issue == .invalidUTF8(byte: 0xE6))
    }

    @Test func emptyInputHasNoRecords() {
        #expect(Self.records("").isEmpty)
        #expect(Self.records("\n\r\n\n").isEmpty)
        #expect(Self.records([0xEF, 0xBB, 0xBF]).isEmpty)
    }

    @Test(arguments: 1...9)
    func chunkBoundariesChangeNothing(_ chunk: Int) {
        let text = "id,name\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n\r\n2,张三\n3,\"x\"\r"
        let whole = Self.records(text)
        let chunked = Self.records(text, chunk: chunk)
        #expect(chunked.map(\.fields) == whole.map(\.fields))
        #expect(chunked.map(\.line) == whole.map(\.line))
        #expect(whole.map(\.fields) == [["id", "name"], ["1", "a, \"b\"\r\nc"], ["2", "张三"], ["3", "x"]])
    }

    /// Plain records read eight bytes at a time agree with the general path.
    ///
    /// Records with no quote and no carriage return are read a word at a time and checked as
    /// UTF-8 on the way; read a byte at a time they take the general path. Both must agree on
    /// fields, lines and the first byte that is not UTF-8, wherever it stands in a word.
    @Test(arguments: 0..<24)
    func plainRecordsReadAsTheGeneralPathDoes(_ shift: Int) {
        var bytes = Array(String(repeating: "x", count: shift).utf8) + Array(",a\n".utf8)
        bytes += Array("M0000001,张伟,C0001,锦绣花园3期,12栋,1970-01-01,,full,# $%&'()*+\n".utf8)
        bytes += Array("长长长长长长长长长长长长长长长长,,,,,,,,,,,,,,,,,,,,,,,end\n".utf8)
        bytes += Array("ok,前".utf8) + [0xE6, 0x98] + Array("后,x\n".utf8)
        bytes += Array("ok,".utf8) + [0xC0, 0xAF] + Array(",\u{10FFFF}\n".utf8)
        bytes += Array("a,\u{1F600}".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8)
        bytes += Array("1,2,3,4,5,6,7,8,9,10,b\"c,d\n".utf8)
        bytes += Array("last,字\n".utf8)
        let whole = Self.records(bytes)
        let bytewise = Self.records(bytes, chunk: 1)
        #expect(whole.map(\.fields) == bytewise.map(\.fields))
        #expect(whole.map(\.line) == bytewise.map(\.line))
        #expect(whole.map(\.issue) == bytewise.map(\.issue))
        #expect(whole.count == 8)
        #expect(whole[3].issue == .invalidUTF8(byte: 0xE6))
        #expect(whole[4].issue == .invalidUTF8(byte: 0xC0))
        #expect(whole[5].issue == .invalidUTF8(byte: 0xED))
        #expect(whole[6].issue == .quoteInUnquotedField)
        #expect(whole[1].fields[8] == "# $%&'()*+")
    }

    /// Records with quoted fields read eight bytes at a time agree with the general path.
    ///
    /// A quoted field stays on the word-at-a-time path while it holds no line break and its
    /// closing quote is followed by a comma or the line feed; every other shape goes back to the
    /// general path. Both must agree on fields, lines and problems, wherever the quotes stand in a
    /// word.
    @Test(arguments: 0..<24)
    func quotedRecordsReadAsTheGeneralPathDoes(_ shift: Int) {
        var text = String(repeating: "x", count: shift) + ",a\n"
        text += "M0000001,张伟,\"成都某某科技有限公司, 研发部\",2024-01-15,深圳\n"
        text += "\"first\",b,\"\",\"\"\"\",\"a\"\"b\"\"\",\"x,y,z\",\"last\"\n"
        text += "\"\"\n\"a\"\n\",\",\"\"\"\"\"\"\"\",long long long long long\n"
        text += "1,\"two\nlines\",3,\"四五六七八九十\"\n"
        text += "1,\"cr\rinside\",3\n"
        text += "1,\"text\"after,3,4,5,6,7,8,9\n"
        text += "1,\"ends\"\r\n"
        text += "1,2,3,4,5,6,7,8,\"unclosed at the end of a record,\n"
        text += "next,\"line\",x\n"
        var bytes = Array(text.utf8)
        bytes += Array("q,\"前".utf8) + [0xE6, 0x98] + Array("后\",x\n".utf8)
        bytes += Array("q,\"\u{1F600}\",\"".utf8) + [0xC0, 0xAF] + Array("\",\"\u{10FFFF}\"\n".utf8)
        bytes += Array("mid\"quote,\"ok\"\n\"ok\",mid\"quote\nlast,\"字\"\n".utf8)
        let whole = Self.records(bytes)
        let bytewise = Self.records(bytes, chunk: 1)
        #expect(whole.map(\.fields) == bytewise.map(\.fields))
        #expect(whole.map(\.line) == bytewise.map(\.line))
        #expect(whole.map(\.issue) == bytewise.map(\.issue))
        #expect(whole.count == 16)
        #expect(whole[1].fields == ["M0000001", "张伟", "成都某某科技有限公司, 研发部", "2024-01-15", "深圳"])
        #expect(whole[2].fields == ["first", "b", "", "\"", "a\"b\"", "x,y,z", "last"])
        #expect(whole[3].fields == [""])
        #expect(whole[5].fields == [",", "\"\"\"", "long long long long long"])
        #expect(whole[6].fields == ["1", "two\nlines", "3", "四五六七八九十"])
        #expect(whole[6].line == 7)
        #expect(whole[7].fields == ["1", "cr\rinside", "3"])
        #expect(whole[8].issue == .textAfterClosingQuote)
        #expect(whole[9].fields == ["1", "ends"])
        #expect(whole[11].issue == .invalidUTF8(byte: 0xE6))
        #expect(whole[12].issue == .invalidUTF8(byte: 0xC0))
        #expect(whole[13].issue == .quoteInUnquotedField)
        #expect(whole[14].issue == .quoteInUnquotedField)
    }

    /// Three-byte sequences at the edges of what is well-formed (overlong E0, surrogates ED, the
    /// last of EF) are judged the same word at a time as byte by byte.
    @Test(arguments: 0..<8)
    func threeByteSequencesAtTheEdges(_ shift: Int) {
        let sequences: [[UInt8]] = [
            [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
            [0xEF, 0xBF, 0xBF], [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xC0], [0xE6, 0x98], [0xE6, 0x98, 0xAF, 0xBF],
        ]
        var bytes = Array(String(repeating: "x", count: shift).utf8) + Array(",a\n".utf8)
        for sequence in sequences {
            bytes +=
                Array("ok,".utf8) + [0xE6, 0x98, 0xAF] + sequence + [0xE6, 0x98, 0xAF] + Array(",end,of,row\n".utf8)
        }
        let whole = Self.records(bytes)
        let bytewise = Self.records(bytes, chunk: 1)
        #expect(whole.map(\.fields) == bytewise.map(\.fields))
        #expect(whole.map(\.issue) == bytewise.map(\.issue))
        #expect(
            whole.map { $0.issue == nil } == [true, true, false, false, true, false, true, true, false, false, false])
    }
}

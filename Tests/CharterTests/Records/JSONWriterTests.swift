import CharterEngine
import CharterSupport
import Foundation
import PolicyKit
import Testing

/// The JSON writer escapes what JSON requires wherever it falls, and nothing else.
@Suite struct JSONWriterTests {
    func encoded(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// What Foundation's parser reads back from the writer's output.
    func decoded(_ json: String) throws -> String {
        let value = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
        return try #require(value?.first)
    }

    @Test func plainTextIsCopiedAsItIs() {
        #expect(encoded("") == "\"\"")
        #expect(encoded("member:m0001") == "\"member:m0001\"")
        let chinese = "2026年上半年积分64分（基础分60分，志愿服务2小时加2分）；60分以上，评为合格。"
        #expect(encoded(chinese) == "\"\(chinese)\"")
    }

    @Test func everyCharacterThatMustBeEscapedIsEscapedAtEveryPosition() throws {
        // Each special character at every offset, so that it falls at each place of the
        // eight-byte blocks the writer scans, and in the tail after them.
        let specials: [(Character, String)] = [
            ("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"),
            ("\u{01}", "\\u0001"), ("\u{1F}", "\\u001f"),
        ]
        // Texts of 1 to 24 bytes, so that it also falls in the last word, which overlaps the one
        // before it when the length is not a multiple of eight.
        for (special, escape) in specials {
            for length in 1...24 {
                for position in 0..<length {
                    var text = Array(repeating: Character("a"), count: length)
                    text[position] = special
                    let original = String(text)
                    let json = encoded(original)
                    let expected =
                        "\"" + String(repeating: "a", count: position) + escape
                        + String(repeating: "a", count: length - 1 - position) + "\""
                    #expect(json == expected, "\(escape) at \(position) of \(length)")
                    #expect(try decoded(json) == original)
                }
            }
        }
    }

    @Test func bytesJustAboveTheSpecialOnesAreLeftAlone() {
        // 0x20 (space), 0x21, 0x23, 0x5B, 0x5D and UTF-8 continuation bytes whose low seven bits
        // are a quote (0xA2 in ¢) or a control character (0x9C in Ü) need no escape.
        let text = " !#[]¢Ü  !#[]¢Ü  "
        #expect(encoded(text) == "\"\(text)\"")
    }

    @Test func aPrefixIsWrittenBeforeTheEscapedText() {
        var writer = JSONWriter()
        writer.string(prefix: "member:", "a\"b")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"member:a\\\"b\"")
    }

    @Test func numbersAndHalfYearsAreWrittenAsTheirText() throws {
        for value in [0, 9, 10, 11, 99, 100, 2026, -1, -9, -10, -12345, Int.max, Int.min] {
            var writer = JSONWriter()
            writer.integer(value)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
        }
        let amounts = ["0", "24", "60", "26.5", "0.25", "-3", "-0.5", "9223372", "9223373", "123456789012"]
        for text in amounts {
            let amount = try #require(Amount(text))
            var writer = JSONWriter()
            writer.amount(amount)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == amount.description, "\(text)")
        }
        for period in [HalfYear(year: 2026, second: false), HalfYear(year: 2025, second: true)] {
            var writer = JSONWriter()
            writer.halfYear(period)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"\(period.description)\"")
        }
    }
}

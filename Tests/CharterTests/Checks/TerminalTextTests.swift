import CharterData
import CharterSupport
import Testing

@Suite struct TerminalTextTests {
    @Test func plainTextIsUnchanged() {
        for text in ["m0001", "张伟，正式党员", "a 'quoted' value (x)", "", "emoji 🎉"] {
            #expect(TerminalText.escaped(text) == text)
        }
    }

    @Test func controlBytesAreEscaped() {
        #expect(TerminalText.escaped("\u{1B}[31mred") == "\\x1b[31mred")
        #expect(TerminalText.escaped("a\u{0}b\u{7F}c\td\re") == "a\\x00b\\x7fc\\x09d\\x0de")
        #expect(TerminalText.escaped("line\nnext") == "line\\x0anext")
        #expect(TerminalText.escaped("line\nnext", keepingLineBreaks: true) == "line\nnext")
    }

    @Test func c1ControlsAndBidirectionalOverridesAreEscaped() {
        #expect(TerminalText.escaped("a\u{85}b") == "a\\u{85}b")
        #expect(TerminalText.escaped("abc\u{202E}fed") == "abc\\u{202E}fed")
        #expect(TerminalText.escaped("\u{2066}x\u{2069}") == "\\u{2066}x\\u{2069}")
    }

    @Test func bytesThatAreNotUTF8AreShownAsBytes() {
        // 中 in GBK is D6 D0; a lone continuation, an overlong form and a surrogate are not UTF-8.
        #expect(TerminalText.escaped(bytes: [0xD6, 0xD0, 0x41]) == "\\xd6\\xd0A")
        #expect(TerminalText.escaped(bytes: [0x80]) == "\\x80")
        #expect(TerminalText.escaped(bytes: [0xC0, 0xAF]) == "\\xc0\\xaf")
        #expect(TerminalText.escaped(bytes: [0xED, 0xA0, 0x80]) == "\\xed\\xa0\\x80")
        #expect(TerminalText.escaped(bytes: Array("中".utf8) + [0xE4, 0xB8]) == "中\\xe4\\xb8")
        #expect(TerminalText.escaped(bytes: [0xF0, 0x9F, 0x8E, 0x89]) == "🎉")
    }
}

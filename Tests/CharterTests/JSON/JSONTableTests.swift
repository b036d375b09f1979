import PolicyKit
import Testing

@testable import CharterData

/// The JSON forms read alone: escapes, lines, and malformed input that must be named, never crash.
@Suite struct JSONTableTests {
    static func read(_ text: String, form: String = ".json") -> [String] {
        read(Array(text.utf8), form: form)
    }

    static func read(_ bytes: [UInt8], form: String = ".json") -> [String] {
        let outcome = DatasetReader.readFile(.communities, form: form, bytes: bytes, asOf: Fixtures.asOf)
        return outcome.error?.problems.map(\.description) ?? []
    }

    @Test func escapesAreRead() throws {
        let text = #"[{"id": "C\u00e9\ud83d\ude00\n\"x\"\/", "households_planned": 12}]"#
        let outcome = DatasetReader.readFile(.communities, form: ".json", bytes: Array(text.utf8), asOf: Fixtures.asOf)
        #expect(outcome.error == nil)
        #expect(outcome.dataset.communities.first?.id == "Cé😀\n\"x\"/")
        #expect(outcome.dataset.communities.first?.householdsPlanned == 12)
    }

    @Test(arguments: [
        (
            #"[{"id": "\ud83d"}]"#,
            "communities.json:1: The JSON is malformed: A \\u escape names half of a surrogate pair"
        ),
        ("[{\"id\": \"a\tb\"}]", "communities.json:1: The JSON is malformed: A string holds a control character"),
        (
            "[{\"id\": \"a\n\"}]",
            "communities.json:1: The JSON is malformed: A string is not closed before the line end"
        ),
        ("[\n{\"id\": \"a\"},\n]", "communities.json:3: The JSON is malformed: Expected a value but found ']'."),
        (
            "[{\"id\": 01}]",
            "communities.json:1: The JSON is malformed: Expected ',' or '}' after a value but found '1'."
        ),
        ("[{\"id\": \"a\"}] x", "communities.json:1: The JSON is malformed: Text follows the array's closing bracket."),
        ("[{\"id\": \"a\", \"id\": \"b\"}]", "communities.json:1: column id: The key appears twice in one object."),
        ("[1]", "communities.json:1: Each row must be a JSON object whose keys are the file's columns."),
        ("  ", "communities.json: The file holds no JSON array; write [] for a file with no rows."),
        ("[{\"id\": tru}]", "communities.json:1: The JSON is malformed: Expected 'true' but found 't'."),
    ])
    func malformedJSONIsNamed(_ text: String, _ problem: String) {
        let problems = Self.read(text)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix(problem) == true, "\(problems)")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = "[{\"id\": \"a\", \"x\": " + String(repeating: "[", count: 100_000) + "]}]"
        #expect(Self.read(text).first?.contains("nested too deeply") == true)
        let shallow =
            "[{\"id\": \"a\", \"x\": " + String(repeating: "[", count: 10) + String(repeating: "]", count: 10) + "}]"
        #expect(Self.read(shallow).isEmpty)
    }

    @Test func jsonLinesNameEachBadLineAndGoOn() {
        let text = "{\"id\": \"C1\"}\n\n{\"id\": }\r\n{\"id\": \"C2\", \"stage\": \"done\"}\n{\"id\": \"C3\"}"
        #expect(
            Self.read(text, form: ".jsonl") == [
                "communities.jsonl:3: The line is not one JSON object: Expected a value but found '}'.",
                "communities.jsonl:4: column stage: The value is not a known code; the codes are: preparation, transition, integration, maturity. ('done')",
            ])
        #expect(Self.read("", form: ".jsonl").isEmpty)
    }

    @Test func bytesThatAreNotUTF8AreNamedWithTheirLine() {
        let problems = Self.read(Array("[\n{\"id\": \"".utf8) + [0xFF] + Array("\"}]".utf8))
        #expect(problems.first?.hasPrefix("communities.json:2: The file holds a byte that is not UTF-8 (0xFF)") == true)
    }
}

import CharterEngine
import CharterSupport
import Foundation
import PolicyKit
import Testing

/// Every problem of a policy test case file (``PolicyTestCaseError``) says what is wrong and what
/// to do in Chinese as well as in English, after the same `FILE: PATH:` in both.
@Suite struct PolicyTestCaseMessageLanguageTests {
    static let policies = #""policies": {"branch_setup": {"module": "CharterBaseline"}}"#
    static let dataset = #""dataset": {"communities": [{"id": "C1"}]}"#
    static let expect = #""expect": [{"point": "branch_setup", "subject": "community:C1"}]"#

    static func entry(_ text: String) -> String {
        #"{"as_of": "2026-06-30", \#(policies), \#(dataset), "expect": [\#(text)]}"#
    }

    /// Case files, each bad in its own way, between them reaching every problem the reader names,
    /// with the JSON path each names.
    static let badCases: [(text: String, path: String)] = [
        (#"{"as_of": "#, ""),
        (#"[]"#, ""),
        (#"{"as_of": "2026-06-30", "expct": []}"#, "expct"),
        (#"{\#(policies), \#(dataset), \#(expect)}"#, "as_of"),
        (#"{"as_of": "2026/06/30", \#(policies), \#(dataset), \#(expect)}"#, "as_of"),
        (#"{"as_of": "2026-06-30", \#(dataset), \#(expect)}"#, "policies"),
        (#"{"as_of": "2026-06-30", "profile": "p.json", \#(policies), \#(dataset), \#(expect)}"#, "policies"),
        (#"{"as_of": "2026-06-30", \#(policies), "dataset": {"members": {}}, \#(expect)}"#, "dataset.members"),
        (#"{"as_of": "2026-06-30", \#(policies), \#(expect)}"#, "dataset"),
        (#"{"as_of": "2026-06-30", \#(policies), \#(dataset)}"#, "expect"),
        (#"{"as_of": "2026-06-30", \#(policies), \#(dataset), "expect": []}"#, "expect"),
        (entry("1"), "expect[0]"),
        (entry(#"{"point": "stages", "subject": "community:C1"}"#), "expect[0].point"),
        (entry(#"{"subject": "community:C1"}"#), "expect[0].point"),
        (entry(#"{"point": "stage"}"#), "expect[0].subject"),
        (entry(#"{"point": "stage", "subject": "community:C1", "rules": "stage.a"}"#), "expect[0].rules"),
        (
            entry(#"{"point": "stage", "subject": "community:C1", "reasons_contain": "过渡期"}"#),
            "expect[0].reasons_contain"
        ),
        (entry(#"{"point": "stage", "subject": "community:C1", "details": []}"#), "expect[0].details"),
    ]

    @Test(arguments: badCases.indices)
    func everyProblemOfABadCaseHasItsChinese(_ index: Int) throws {
        let bad = Self.badCases[index]
        let error = try #require(throws: PolicyTestCaseError.self) {
            try PolicyTestCase.parse(bad.text, file: "cases/case.json")
        }
        expectChinese(error)
        #expect(error.path == bad.path)
        #expect(error.description == error.message(in: .english))
        let position = bad.path.isEmpty ? "cases/case.json: " : "cases/case.json: \(bad.path): "
        #expect(error.message(in: .chinese).hasPrefix(position), "\(error.message(in: .chinese))")
        #expect(error.message(in: .english).hasPrefix(position), "\(error.message(in: .english))")
    }

    @Test func aMisspeltKeyOrPointIsSuggestedInBothLanguages() throws {
        for (text, word) in [(Self.badCases[2].text, "expect"), (Self.badCases[12].text, "stage")] {
            let error = try #require(throws: PolicyTestCaseError.self) {
                try PolicyTestCase.parse(text, file: "c.json")
            }
            #expect(error.message(in: .chinese).contains("是不是想写 '\(word)'？"), "\(error.message(in: .chinese))")
            #expect(error.message(in: .english).contains("Did you mean '\(word)'?"), "\(error.message(in: .english))")
        }
    }

    /// `charter test --lang zh` says what is wrong with a case file in Chinese, exit code 2.
    @Test func charterTestSaysItInChinese() throws {
        let work = try TemporaryDirectory()
        let file = work.path + "/case.json"
        try Data(Self.entry(#"{"point": "stage"}"#).utf8).write(to: URL(fileURLWithPath: file))
        let chinese = try Charter.run(["test", "--lang", "zh", file])
        #expect(chinese.status == 2)
        #expect(
            chinese.error == "\(file): expect[0].subject: 必须写明决策的对象，例如 \"member:M1\" 或 \"community:C1\"。\n",
            "\(chinese.error)")
        let byLocale = try Charter.run(["test", file], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(byLocale.error == chinese.error)
        let english = try Charter.run(["test", "--lang", "en", file], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(english.status == 2)
        #expect(english.error == "\(file): expect[0].subject: is required, such as \"member:M1\".\n")
    }

    /// A case that cannot run (a profile that cannot be read or used, a dataset refused) is
    /// reported in Chinese under its name, the library's own Chinese quoted.
    @Test func aCaseThatCannotRunIsSaidInChinese() throws {
        let work = try TemporaryDirectory()
        let cases: [(name: String, text: String, chinese: String, english: String)] = [
            (
                "missing-profile",
                #"{"as_of": "2026-06-30", "profile": "nothing.json", \#(Self.dataset), \#(Self.expect)}"#,
                "无法读取配置文件 '\(work.path)/nothing.json'。请检查用例中 \"profile\" 给出的路径",
                "The profile '\(work.path)/nothing.json' cannot be read."
            ),
            (
                "unknown-module",
                #"{"as_of": "2026-06-30", "policies": {"stage": {"module": "ChengduPilt"}}, \#(Self.dataset), \#(Self.expect)}"#,
                "是不是想写 'ChengduPilot'？", "Did you mean 'ChengduPilot'?"
            ),
            (
                "bad-dataset",
                #"{"as_of": "2026-06-30", \#(Self.policies), "dataset": {"communities": [{"id": "C1", "stage": "nope"}]}, \#(Self.expect)}"#,
                "用例中直接写出的数据集（文件以其键命名，按 .json 格式读取）未通过检查：",
                "The inline dataset (files named as its keys, .json form) was refused:"
            ),
        ]
        for testCase in cases {
            let file = work.path + "/\(testCase.name).json"
            try Data(testCase.text.utf8).write(to: URL(fileURLWithPath: file))
            let chinese = try Charter.run(["test", "--lang", "zh", file])
            #expect(chinese.status == 1)
            #expect(chinese.output.hasPrefix("未通过  \(file)  (\(file))\n      "), "\(chinese.output)")
            #expect(chinese.output.contains(testCase.chinese), "\(chinese.output)")
            #expect(!chinese.output.contains(testCase.english), "\(chinese.output)")
            let english = try Charter.run(["test", file])
            #expect(english.status == 1)
            #expect(english.output.contains(testCase.english), "\(english.output)")
        }
    }
}

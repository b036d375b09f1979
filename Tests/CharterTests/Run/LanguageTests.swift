import Foundation
import Testing

/// The language `charter` speaks, and its Chinese.
///
/// The language is `--lang` (after the command's name or before it), else `LC_ALL`, then `LANG`.
/// Every `--help`, usage error and failure has its Chinese, with the same exit code in both.
@Suite struct LanguageTests {
    /// The language a run of `charter` spoke, from its `--help`.
    static func language(of result: (status: Int32, output: String, error: String)) -> String {
        if result.output.hasPrefix("charter：") || result.output.hasPrefix("用法：") { return "zh" }
        if result.output.hasPrefix("charter: ") || result.output.hasPrefix("Usage: ") { return "en" }
        return "neither: \(result.output.prefix(80))"
    }

    /// The command lines and locales, and the language each chooses.
    static let choices: [(arguments: [String], environment: [String: String?], language: String)] = [
        (["--help"], ["LANG": "zh_CN.UTF-8"], "zh"),
        (["--help"], ["LANG": "zh_TW.UTF-8"], "zh"),
        (["--help"], ["LANG": "zh"], "zh"),
        (["--help"], ["LANG": "zh_CN.GB18030"], "zh"),
        (["--help"], ["LANG": "C.UTF-8"], "en"),
        (["--help"], ["LANG": "en_GB.UTF-8"], "en"),
        (["--help"], ["LANG": "zu_ZA.UTF-8"], "en"),
        (["--help"], ["LANG": nil], "en"),
        (["--help"], ["LANG": ""], "en"),
        // LC_ALL, when set and not empty, outranks LANG.
        (["--help"], ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], "zh"),
        (["--help"], ["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"], "en"),
        (["--help"], ["LC_ALL": "", "LANG": "zh_CN.UTF-8"], "zh"),
        // --lang outranks both, before the command's name or after it.
        (["--lang", "en", "--help"], ["LC_ALL": "zh_CN.UTF-8"], "en"),
        (["--lang", "zh", "--help"], [:], "zh"),
        (["--lang=zh", "help"], [:], "zh"),
        (["check", "--help"], ["LANG": "zh_CN.UTF-8"], "zh"),
        (["check", "--lang", "zh", "--help"], [:], "zh"),
        (["check", "--help", "--lang=zh"], [:], "zh"),
        (["check", "--lang", "en", "--help"], ["LANG": "zh_CN.UTF-8"], "en"),
        (["--lang", "zh", "check", "--help"], [:], "zh"),
        // The command's own --lang wins over one before its name.
        (["--lang", "zh", "check", "--lang", "en", "--help"], [:], "en"),
        // A --lang that names no language is refused; the help it asked for is the locale's.
        (["check", "--lang", "fr", "--help"], ["LANG": "zh_CN.UTF-8"], "zh"),
    ]

    @Test(arguments: choices)
    func theLanguageIsLangElseLCAllElseLang(
        arguments: [String], environment: [String: String?], language: String
    ) throws {
        let result = try Charter.run(arguments, environment: environment)
        #expect(result.status == 0, "\(arguments) \(environment): \(result.error)")
        #expect(Self.language(of: result) == language, "\(arguments) \(environment)")
    }

    @Test func topLevelHelpInChineseListsEveryCommandWithItsChineseSummary() throws {
        let result = try Charter.run(["--lang", "zh", "--help"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("用法：charter [--lang zh|en] COMMAND [OPTIONS]"), "\(result.output)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "命令："), "\(result.output)")
        let listed = lines[(start + 1)...].prefix { !$0.isEmpty }
        #expect(Set(listed.compactMap { $0.split(separator: " ").first.map(String.init) }) == Set(Self.commands))
        for line in listed { #expect(line.contains { $0.isChinese }, "\(line)") }
        #expect(Self.englishPhrases(in: result.output).isEmpty, "\(Self.englishPhrases(in: result.output))")
    }

    /// The commands `charter --help` lists.
    static let commands = CommandOptionsTests.commands

    /// Runs of three or more English words in `text`: a sentence, or the part of one, that a
    /// Chinese text would not have (names of files, options and codes are one word each).
    static func englishPhrases(in text: String) -> [String] {
        text.matches(of: /[A-Za-z][A-Za-z']*(?: [A-Za-z][A-Za-z']*){2,}/).map { String($0.output) }
    }

    /// Each command's help in Chinese has Chinese for every text of the English help: none of the
    /// English help's phrases is left in it, and it lists the same options.
    @Test(arguments: commands)
    func everyHelpTextHasItsChinese(command: String) throws {
        let english = try Charter.run([command, "--lang", "en", "--help"])
        let chinese = try Charter.run([command, "--lang", "zh", "--help"])
        #expect(english.status == 0 && chinese.status == 0)
        #expect(chinese.output.hasPrefix("用法：charter \(command)"), "\(chinese.output)")
        #expect(chinese.output.contains("\n选项：\n"), "\(chinese.output)")
        // The usage lines are the same in both languages but for their heading: command, operand
        // and option names.
        func afterUsage(_ help: String) -> String {
            help.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
        }
        let englishPhrases = Set(Self.englishPhrases(in: afterUsage(english.output)))
        #expect(!englishPhrases.isEmpty)
        let left = englishPhrases.filter { afterUsage(chinese.output).contains($0) }.sorted()
        #expect(left.isEmpty, "\(command) --lang zh --help keeps English: \(left)")
        let phrases = Self.englishPhrases(in: afterUsage(chinese.output))
        #expect(phrases.isEmpty, "\(command) --lang zh --help has English: \(phrases)")
        // Every paragraph after the usage lines (what the command does, the options, the exit
        // codes) is in Chinese: none is empty or English only.
        for paragraph in afterUsage(chinese.output).components(separatedBy: "\n\n") {
            #expect(paragraph.contains { $0.isChinese }, "\(command): '\(paragraph)'")
        }
        // Every option has its Chinese help, and the options are those of the English help.
        func options(_ help: String) -> [(name: String, text: String)] {
            var options: [(name: String, text: String)] = []
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
            guard let start = lines.firstIndex(where: { $0 == "Options:" || $0 == "选项：" }) else { return [] }
            for line in lines[(start + 1)...].prefix(while: { !$0.isEmpty }) {
                if line.hasPrefix("  --") {
                    options.append((String(line.dropFirst(2).prefix { $0 != " " }), String(line)))
                } else if !options.isEmpty {
                    options[options.count - 1].text += "\n" + line
                }
            }
            return options
        }
        #expect(options(chinese.output).map(\.name) == options(english.output).map(\.name))
        #expect(!options(chinese.output).isEmpty)
        for option in options(chinese.output) {
            #expect(option.text.contains { $0.isChinese }, "\(command): \(option.text)")
        }
        #expect(chinese.output.split(separator: "\n").contains { $0.hasPrefix("退出码：") }, "\(chinese.output)")
    }

    /// The usage errors in Chinese, as `CommandOptionsTests` has them in English: the same exit
    /// code, the option names and values untranslated.
    @Test(arguments: [
        (["run", "--profle", "p.json"], "未知选项 '--profle'。您是否要输入 '--profile'？"),
        (["replay", "--timings"], "未知选项 '--timings'。"),
        (["run", "--profile=p", "--data"], "选项 '--data' 缺少取值。"),
        (["test", "x", "--coverage=1"], "选项 '--coverage' 不带值。"),
        (["run", "--out", "a", "--out", "b"], "选项 '--out' 只能指定一次。"),
        (["run", "--data", "d"], "缺少必需的选项 '--profile'。"),
        (
            ["run", "--profile", "p", "--data", "d", "--out", "o", "--as-of", "2026/06/30"],
            "选项 '--as-of' 应为 YYYY-MM-DD 格式的日期（如 2026-06-30），而不是 '2026/06/30'。"
        ),
        (
            ["run", "--profile", "p", "--data", "d", "--out", "o", "--jobs", "0"],
            "选项 '--jobs' 应为 1 到 1024 之间的整数，而不是 '0'。"
        ),
        (["check", "--data", "d", "--lang", "fr"], "选项 '--lang' 应为 'zh' 或 'en'，而不是 'fr'。"),
        (
            ["diff", "--base", "b", "--candidate", "c", "--data", "d", "--fail-on", "member_managment"],
            "'--fail-on' 中的扩展点 'member_managment' 不存在。您是否要输入 'member_management'？"
                + "扩展点有：stage、branch_setup、member_management、cadre_selection、points、governance。"
        ),
        (["generate", "--example", "--out", "o", "--seed", "3"], "选项 '--seed' 不能与 '--example' 同时使用。"),
        (["profile", "chek"], "未知的参数 'chek'；请给出 'init'、'check FILE' 或 'flatten FILE'。您是否要输入 'check'？"),
        (["check", "--data", "d", "extra"], "多余的参数 'extra'；请用 --data DIR 指定数据集文件夹。"),
    ])
    func usageErrorsInChinese(arguments: [String], message: String) throws {
        let command = arguments[0]
        let expected = "charter \(command)：\(message)\n用法见 'charter \(command) --help'。\n"
        for environment: [String: String?] in [["LANG": "zh_CN.UTF-8"], ["LC_ALL": "zh_CN.UTF-8"]] {
            let result = try Charter.run(arguments, environment: environment)
            #expect(result.status == 2)
            #expect(result.error == expected, "\(environment)")
            #expect(result.output.isEmpty)
        }
        // Before the command's name, unless the command line gives its own --lang.
        if !arguments.contains("--lang") {
            let before = try Charter.run(["--lang", "zh"] + arguments)
            #expect(before.status == 2)
            #expect(before.error == expected)
        }
    }

    @Test func unknownCommandsAndLeadingLangErrorsInChinese() throws {
        let unknown = try Charter.run(["--lang", "zh", "runn"])
        #expect(unknown.status == 2)
        #expect(unknown.error == "charter：未知命令 'runn'。您是否要输入 'run'？\n命令列表见 'charter --help'。\n")
        let bad = try Charter.run(["--lang", "fr", "run"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(bad.status == 2)
        #expect(bad.error == "charter：选项 '--lang' 应为 'zh' 或 'en'，而不是 'fr'。\n用法见 'charter --help'。\n")
        let english = try Charter.run(["--lang", "fr", "run"])
        #expect(
            english.error == "charter: option '--lang' takes 'zh' or 'en', not 'fr'.\nRun 'charter --help' for usage.\n"
        )
        let missing = try Charter.run(["--lang"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(missing.status == 2)
        #expect(missing.error == "charter：选项 '--lang' 缺少取值。\n用法见 'charter --help'。\n")
    }

    /// A command's failure is said in Chinese too, with the same exit code, and a dataset's
    /// problems keep their `FILE:LINE: column C:` position in both languages.
    @Test func failuresInChineseKeepExitCodesAndPositions() throws {
        let data = Repository.fixture("datasets/bad/bad-date").path
        let english = try Charter.run(["check", "--data", data, "--as-of", "2026-06-30"])
        let chinese = try Charter.run(["check", "--data", data, "--as-of", "2026-06-30", "--lang", "zh"])
        #expect(english.status == 2 && chinese.status == 2)
        #expect(english.error.hasSuffix("\ncharter check: 1 problem; the dataset was refused.\n"), "\(english.error)")
        #expect(chinese.error.hasSuffix("\ncharter check：共 1 个问题，数据集未通过检查。\n"), "\(chinese.error)")
        let position = /^[^ ]+:\d+: column [a-z_]+:/
        let englishLines = english.error.split(separator: "\n")
        let chineseLines = chinese.error.split(separator: "\n")
        #expect(englishLines.count == chineseLines.count)
        #expect(englishLines.first?.contains(position) == true, "\(english.error)")
        for (en, zh) in zip(englishLines, chineseLines) {
            #expect(en.prefixMatch(of: position)?.output == zh.prefixMatch(of: position)?.output, "\(en) / \(zh)")
        }

        let missing = try Charter.run(
            ["run", "--profile", "/nonexistent/p.json", "--data", "d", "--out", "o"],
            environment: ["LANG": "zh_CN.UTF-8"])
        #expect(missing.status == 2)
        #expect(missing.error.hasPrefix("/nonexistent/p.json：无法打开配置文件（"), "\(missing.error)")
        #expect(missing.error.contains("请检查路径。"), "\(missing.error)")

        let noCases = try Charter.run(["test", "/nonexistent/cases", "--lang", "zh"])
        #expect(noCases.status == 2)
        #expect(noCases.error == "/nonexistent/cases：这里没有找到政策测试用例（*.json）。\n")
    }

    @Test func aValidDatasetIsSaidValidInChinese() throws {
        let result = try Charter.run(
            ["check", "--data", RunFixture.data, "--as-of", "2026-06-30"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("：数据集有效（截至2026年6月30日）：communities "), "\(result.output)")
    }
}

extension Character {
    /// Whether it is a CJK ideograph.
    fileprivate var isChinese: Bool {
        unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }
}

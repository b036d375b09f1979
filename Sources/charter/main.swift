import CharterSupport
import PolicyKit
import SHA256Instructions

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// `charter`: runs a district's chosen policy modules over its dataset.
///
/// Exit codes: 0 done; 1 a diff found changes or a policy test failed; 2 bad input, profile or
/// usage; 3 a module failed.
nonisolated(unsafe) let commands: [any CharterCommand.Type] = [
    CheckCommand.self, RunCommand.self, ProfileCommand.self, ModulesCommand.self, DiffCommand.self,
    TestCommand.self, GenerateCommand.self, ReplayCommand.self, TemplateCommand.self, ImportCommand.self,
]

/// `charter --help`, in `language`.
func topLevelUsage(in language: Language) -> String {
    let chinese = language == .chinese
    var text =
        chinese
        ? """
        charter：用本区选定的政策模块处理本区的数据集，写出每一项决策，以及触发的规则和理由。

        用法：charter [--lang zh|en] COMMAND [OPTIONS]

        命令：

        """
        : """
        charter: runs a district's chosen policy modules over its dataset and writes every decision
        with the rules that fired and why.

        Usage: charter [--lang zh|en] COMMAND [OPTIONS]

        Commands:

        """
    for command in commands {
        text += "  " + command.name.padding(toLength: 10) + command.summary.text(in: language) + "\n"
    }
    text +=
        chinese
        ? """

        各命令的选项见 'charter COMMAND --help'。--lang zh|en 可放在命令名之前或之后，默认为 LC_ALL
        （未设置时为 LANG）所指的语言：zh 区域设置（如 zh_CN.UTF-8）为中文，其他为英文。

        退出码：0 完成；1 比较发现改变，或政策测试未通过；2 输入、配置文件或用法有误；3 政策模块出错。
        """
        : """

        Run 'charter COMMAND --help' for a command's options. --lang zh|en goes before or after the
        command's name; by default the language is LC_ALL's, else LANG's: Chinese for a zh locale
        (zh_CN.UTF-8), else English.

        Exit codes: 0 done; 1 a diff found changes or a policy test failed; 2 bad input, profile or
        usage; 3 a policy module failed.
        """
    return text
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}

// A closed pipe or a file-size limit is an error a write reports (EPIPE, EFBIG), which the
// command then explains, cleaning up; by default either signal would end the process on the
// spot and leave a half-written output folder behind.
#if arch(x86_64)
    // The digests in run.json on the processor's SHA instructions, when it has them.
    SHA256.useInstructions { SHA256Instructions.compress(state: $0, blocks: $1, count: $2) }
#endif
signal(SIGPIPE, SIG_IGN)
signal(SIGXFSZ, SIG_IGN)

var arguments = Array(CommandLine.arguments.dropFirst())
// `--lang` before the command's name is the command's `--lang`, unless the command is given one
// of its own; it is the only option `charter` takes before the name.
var leadingLang: String?
while let first = arguments.first, first == "--lang" || first.hasPrefix("--lang=") {
    if first == "--lang" {
        guard arguments.count >= 2 else {
            let language = Language.chosen(given: nil)
            Console.error(
                language == .chinese
                    ? "charter：选项 '--lang' 缺少取值。\n用法见 'charter --help'。"
                    : "charter: option '--lang' needs a value.\nRun 'charter --help' for usage.")
            exit(2)
        }
        leadingLang = arguments[1]
        arguments.removeFirst(2)
    } else {
        leadingLang = String(first.dropFirst("--lang=".count))
        arguments.removeFirst()
    }
}
let language = Language.chosen(given: leadingLang)
if let leadingLang {
    do throws(UsageError) {
        _ = try SharedOptions.messagesLang.resolve([leadingLang])
    } catch {
        Console.error(
            language == .chinese
                ? "charter：\(error.message(in: language))\n用法见 'charter --help'。"
                : "charter: \(error.message(in: language))\nRun 'charter --help' for usage.")
        exit(2)
    }
}
guard let name = arguments.first, !["--help", "-h", "help"].contains(name) else {
    Console.out(topLevelUsage(in: language))
    exit(arguments.isEmpty ? 2 : 0)
}
if name == "--version" {
    Console.out("charter \(charterVersion)")
    exit(0)
}
guard let command = commands.first(where: { $0.name == name }) else {
    let suggestion = didYouMean(name, among: commands.map { $0.name }).message(in: language)
    Console.error(
        language == .chinese
            ? "charter：未知命令 '\(name)'。\(suggestion)\n命令列表见 'charter --help'。"
            : "charter: unknown command '\(name)'.\(suggestion)\nRun 'charter --help' for the list of commands.")
    exit(2)
}
var commandArguments = Array(arguments.dropFirst())
if let leadingLang, Language.given(in: commandArguments) == nil {
    commandArguments.insert("--lang=" + leadingLang, at: 0)
}
LargePages.restartIfUseful(command: command.name)
exit(runCommand(command, commandArguments))

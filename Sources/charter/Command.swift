import CharterModules
import CharterSupport
import PolicyKit

/// Values kept alive until the process exits.
///
/// A city's decisions are millions of small allocations; freeing them one by one takes most of a
/// second, just before the process exits and the system takes the memory back at once.
nonisolated(unsafe) private var keptUntilExit: [Any] = []

/// Keeps `value` from being freed before the process exits (see `keptUntilExit`).
func keepUntilExit(_ value: Any) { keptUntilExit.append(value) }

/// Charter's own version, written into `run.json`.
let charterVersion = "0.1.0"

/// A subcommand of `charter`.
///
/// Its options are declared once, as static `Option`s and `Flag`s listed in `options`; the
/// command line is parsed against that list, `--help` is written from it, and `run` reads each
/// option through its declaration.
protocol CharterCommand {
    /// The word that selects it.
    static var name: String { get }
    /// One line for `charter --help`.
    static var summary: HelpText { get }
    /// Every option it takes, in the order `--help` lists them; `lang` among them.
    static var options: [any CommandOption] { get }
    /// Its `--lang zh|en`, which every command takes: the language of its messages and of what
    /// it writes in a language (`SharedOptions.lang`).
    static var lang: Option<Language> { get }
    /// The prose and usage lines of its `--help`.
    static var help: CommandHelp { get }
    /// Runs the command; returns its exit code.
    static func run(_ arguments: Arguments) throws -> Int32
}

extension CharterCommand {
    /// The full `--help` text, in `language`.
    static func helpText(in language: Language) -> String {
        help.text(command: name, options: options, in: language)
    }
}

/// A failure the command has already explained: print `message(in:)`, exit with `code`.
struct CommandFailure: Error, LocalizedMessage {
    let code: Int32
    /// What failed and what to do, in both languages.
    let text: Message

    /// A failure written in both languages.
    init(code: Int32, en: String, zh: String) {
        self.code = code
        text = Message(en: en, zh: zh)
    }

    /// A failure worked out in the language it is printed in (one that quotes a library's error).
    init(code: Int32, _ text: @escaping @Sendable (_ language: Language) -> String) {
        self.code = code
        self.text = Message(text)
    }

    func message(in language: Language) -> String { text.message(in: language) }
}

/// `charter COMMAND：` in Chinese, `charter COMMAND: ` in English: what every message of a
/// command that is not about one file starts with.
func commandPrefix(_ command: String, in language: Language) -> String {
    language == .chinese ? "charter \(command)：" : "charter \(command): "
}

/// The usage error's message, with the pointer to the command's `--help`.
func usageMessage(_ error: UsageError, command: String, in language: Language) -> String {
    language == .chinese
        ? "charter \(command)：\(error.message(in: language))\n用法见 'charter \(command) --help'。"
        : "charter \(command): \(error.message(in: language))\nRun 'charter \(command) --help' for usage."
}

/// Runs a command, turning every error into its message, in the command line's language, and
/// its exit code.
func runCommand(_ command: any CharterCommand.Type, _ rawArguments: [String]) -> Int32 {
    // The language is known before the command line is parsed, for its usage errors and --help.
    var language = Language.chosen(given: Language.given(in: rawArguments))
    if rawArguments.contains("--help") || rawArguments.contains("-h") {
        Console.out(command.helpText(in: language))
        return 0
    }
    do {
        let arguments = try Arguments(rawArguments, options: command.options + [Flag.showHelp])
        language = try arguments[command.lang]
        return try command.run(arguments)
    } catch let error as UsageError {
        Console.error(usageMessage(error, command: command.name, in: language))
        return 2
    } catch let error as CommandFailure {
        Console.error(error.message(in: language))
        return error.code
    } catch {
        Console.error(commandPrefix(command.name, in: language) + localizedMessage(error, in: language))
        return 2
    }
}

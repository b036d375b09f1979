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
    /// Every option it takes, in the order `--help` lists them.
    static var options: [any CommandOption] { get }
    /// The prose and usage lines of its `--help`.
    static var help: CommandHelp { get }
    /// Runs the command; returns its exit code.
    static func run(_ arguments: Arguments) throws -> Int32
}

extension CharterCommand {
    /// The full `--help` text, in `language`.
    static func helpText(in language: Language = .english) -> String {
        help.text(command: name, options: options, in: language)
    }
}

/// A failure the command has already explained: print `message`, exit with `code`.
struct CommandFailure: Error {
    let code: Int32
    let message: String
}

func closestMatchName(_ word: String, _ candidates: [String]) -> String? {
    closestMatch(to: word, among: candidates)
}

/// Runs a command, turning every error into its message and exit code.
func runCommand(_ command: any CharterCommand.Type, _ rawArguments: [String]) -> Int32 {
    if rawArguments.contains("--help") || rawArguments.contains("-h") {
        Console.out(command.helpText())
        return 0
    }
    do {
        let arguments = try Arguments(rawArguments, options: command.options + [Flag.showHelp])
        return try command.run(arguments)
    } catch let error as UsageError {
        Console.error("charter \(command.name): \(error.message)\nRun 'charter \(command.name) --help' for usage.")
        return 2
    } catch let error as CommandFailure {
        Console.error(error.message)
        return error.code
    } catch let error as ModuleLoadError {
        Console.error("charter \(command.name): \(error)")
        return 2
    } catch {
        Console.error("charter \(command.name): \(error)")
        return 2
    }
}

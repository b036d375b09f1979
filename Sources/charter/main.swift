import CharterSupport
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
    TestCommand.self, GenerateCommand.self, ReplayCommand.self, TemplateCommand.self,
]

func topLevelUsage() -> String {
    var text = """
        charter: runs a district's chosen policy modules over its dataset and writes every decision
        with the rules that fired and why.

        Usage: charter COMMAND [OPTIONS]

        Commands:

        """
    for command in commands {
        text += "  " + command.name.padding(toLength: 10) + command.summary.en + "\n"
    }
    text += """

        Run 'charter COMMAND --help' for a command's options.

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

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, !["--help", "-h", "help"].contains(name) else {
    Console.out(topLevelUsage())
    exit(arguments.isEmpty ? 2 : 0)
}
if name == "--version" {
    Console.out("charter \(charterVersion)")
    exit(0)
}
guard let command = commands.first(where: { $0.name == name }) else {
    var message = "charter: unknown command '\(name)'."
    if let suggestion = closestMatchName(name, commands.map { $0.name }) { message += " Did you mean '\(suggestion)'?" }
    Console.error(message + "\nRun 'charter --help' for the list of commands.")
    exit(2)
}
LargePages.restartIfUseful(command: command.name)
exit(runCommand(command, Array(arguments.dropFirst())))

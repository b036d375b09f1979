import Foundation
import Testing

/// Every command's `--help` lists the options its command line takes, each parsed as listed, and
/// a command line that does not fit is refused with the message users know.
///
/// The help is read from the executable, as a user reads it: the commands are those
/// `charter --help` lists, the options those under each command's "Options:".
@Suite struct CommandOptionsTests {
    /// An option as a command's `--help` lists it.
    struct ListedOption: CustomStringConvertible {
        let name: String
        /// Whether it is listed with a value (`--out DIR`) rather than alone (`--force`).
        let takesValue: Bool
        var description: String { "--\(name)" }
    }

    /// A command's `--help`: the usage lines and the options listed.
    struct Help {
        let usage: [String]
        let options: [ListedOption]

        /// The options the usage lines show followed by `...`, which may be given again.
        var repeatable: Set<String> {
            Set(
                usage.joined(separator: " ").matches(of: /\[--([a-z-]+)[^\]]*\]\.\.\./).map { String($0.output.1) })
        }
    }

    /// The commands `charter --help` lists.
    static let commands: [String] = {
        guard let result = try? Charter.run(["--help"]) else { return [] }
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "Commands:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap {
            $0.split(separator: " ").first.map(String.init)
        }
    }()

    /// Reads `charter COMMAND --help`.
    static func help(_ command: String) throws -> Help {
        let result = try Charter.run([command, "--help"])
        #expect(result.status == 0, "\(command) --help")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let usage = Array(lines.prefix { !$0.isEmpty })
        var options: [ListedOption] = []
        if let start = lines.firstIndex(of: "Options:") {
            for line in lines[(start + 1)...].prefix(while: { !$0.isEmpty }) where line.hasPrefix("  --") {
                // "  --name VALUE   help…": the name and its value end at the first double space.
                let listed = line.dropFirst(2).components(separatedBy: "  ")[0].split(separator: " ")
                options.append(ListedOption(name: String(listed[0].dropFirst(2)), takesValue: listed.count > 1))
            }
        }
        return Help(usage: usage, options: options)
    }

    /// The message a usage error prints for `command`, with the pointer to its help.
    static func usageError(_ command: String, _ message: String) -> String {
        "charter \(command): \(message)\nRun 'charter \(command) --help' for usage.\n"
    }

    @Test func everyCommandIsListed() {
        #expect(
            Set(Self.commands) == [
                "check", "run", "profile", "modules", "diff", "test", "generate", "replay", "template", "import",
            ],
            "\(Self.commands)")
    }

    @Test(arguments: commands)
    func helpListsEveryOptionOfTheUsageLines(command: String) throws {
        let help = try Self.help(command)
        #expect(help.usage.first?.hasPrefix("Usage: charter \(command) ") == true, "\(help.usage)")
        #expect(!help.options.isEmpty, "\(command) --help lists no option")
        let listed = Set(help.options.map(\.name))
        let shown = help.usage.joined(separator: " ").matches(of: /--([a-z-]+)/).map { String($0.output.1) }
        for name in shown {
            #expect(listed.contains(name), "\(command): the usage shows --\(name), which the options do not list")
        }
        #expect(listed.count == help.options.count, "\(command) lists an option twice")
    }

    /// Each listed option is taken as listed (a value, or none; once, or again where the usage
    /// says so), and the options only other commands list are unknown to this one.
    @Test(arguments: commands)
    func everyListedOptionParsesAsListed(command: String) throws {
        let help = try Self.help(command)
        for option in help.options {
            let name = option.name
            if option.takesValue {
                let missing = try Charter.run([command, "--\(name)"])
                #expect(missing.status == 2, "\(command) \(option)")
                #expect(missing.error == Self.usageError(command, "option '--\(name)' needs a value."))
                let twice = try Charter.run([command, "--\(name)", "a", "--\(name)=b", "--\(name)"])
                #expect(twice.status == 2, "\(command) \(option)")
                if help.repeatable.contains(name) {
                    #expect(twice.error == Self.usageError(command, "option '--\(name)' needs a value."))
                } else {
                    #expect(twice.error == Self.usageError(command, "option '--\(name)' can be given only once."))
                }
            } else {
                let valued = try Charter.run([command, "--\(name)=yes"])
                #expect(valued.status == 2, "\(command) \(option)")
                #expect(valued.error == Self.usageError(command, "option '--\(name)' takes no value."))
            }
        }
        let listed = Set(help.options.map(\.name))
        var others: Set<String> = []
        for other in Self.commands where other != command {
            others.formUnion(try Self.help(other).options.map(\.name))
        }
        for name in others.subtracting(listed).sorted() {
            let result = try Charter.run([command, "--\(name)=x"])
            #expect(result.status == 2, "\(command) --\(name)")
            #expect(
                result.error.hasPrefix("charter \(command): unknown option '--\(name)'."),
                "\(command) --\(name): \(result.error)")
        }
    }

    @Test(arguments: [
        (["run", "--profle", "p.json"], "unknown option '--profle'. Did you mean '--profile'?"),
        (["run", "--hel"], "unknown option '--hel'. Did you mean '--help'?"),
        (["replay", "--timings"], "unknown option '--timings'."),
        (["run", "--profile=p", "--data"], "option '--data' needs a value."),
        (["test", "x", "--coverage=1"], "option '--coverage' takes no value."),
        (["run", "--out", "a", "--out", "b"], "option '--out' can be given only once."),
        (["run", "--data", "d"], "option '--profile' is required."),
        (["run", "--profile", "p", "--data", "d"], "option '--out' is required."),
        (["generate", "--out", "o"], "option '--communities' is required."),
        (["generate", "--example"], "option '--out' is required."),
        (
            ["run", "--profile", "p", "--data", "d", "--out", "o", "--as-of", "2026/06/30"],
            "option '--as-of' takes a date written YYYY-MM-DD, such as 2026-06-30, not '2026/06/30'."
        ),
        (["check", "--data", "d", "--as-of", "x"], "option '--as-of' takes a date written YYYY-MM-DD, not 'x'."),
        (
            ["generate", "--out", "o", "--as-of", "1800-01-01"],
            "option '--as-of' takes a date written YYYY-MM-DD from 1900 on, not '1800-01-01'."
        ),
        (
            ["diff", "--base", "b", "--candidate", "c", "--data", "d", "--base-as-of", "x"],
            "option '--base-as-of' takes a date written YYYY-MM-DD, such as 2026-06-30, not 'x'."
        ),
        (
            ["run", "--profile", "p", "--data", "d", "--out", "o", "--jobs", "0"],
            "option '--jobs' takes a whole number from 1 to 1024, not '0'."
        ),
        (
            ["run", "--profile", "p", "--data", "d", "--out", "o", "--lang", "fr"],
            "option '--lang' takes 'zh' or 'en', not 'fr'."
        ),
        (
            ["replay", "r.json", "--decision-timeout", "x"],
            "option '--decision-timeout' takes a number of seconds from 0.1 to 86400, not 'x'."
        ),
        (
            ["diff", "--base", "b", "--candidate", "c", "--data", "d", "--fail-on", "member_managment"],
            "'--fail-on' names an unknown point 'member_managment'. Did you mean 'member_management'? "
                + "Points: stage, branch_setup, member_management, cadre_selection, points, governance."
        ),
        (["generate", "--out", ""], "option '--out' needs a folder name."),
        (
            ["generate", "--out", "o", "--communities", "0"],
            "option '--communities' takes a whole number from 1 to 100000000, not '0'."
        ),
        (
            ["generate", "--out", "o", "--communities", "1", "--members", "1", "--seed", "-5"],
            "option '--seed' takes a whole number from 0 to 18446744073709551615, not '-5'."
        ),
        (
            [
                "generate", "--out", "o", "--communities", "1", "--members", "1", "--seed", "1", "--events-per-member",
                "2000",
            ],
            "option '--events-per-member' takes a number from 0 to 1000 such as 5 or 2.5, not '2000'."
        ),
        (
            ["generate", "--example", "--out", "o", "--seed", "3"],
            "option '--seed' cannot be combined with '--example'."
        ),
        (
            ["test", "--min-coverage", "101", "x"],
            "option '--min-coverage' takes a percentage from 0 to 100, not '101'."
        ),
    ])
    func badCommandLinesAreRefusedWithTheirMessage(arguments: [String], message: String) throws {
        let result = try Charter.run(arguments)
        #expect(result.status == 2)
        #expect(result.error == Self.usageError(arguments[0], message))
        #expect(result.output.isEmpty)
    }

    /// A repeatable option keeps every value and a flag may be given twice: neither is refused.
    @Test func repeatedModulePathsAndFlagsAreTaken() throws {
        let result = try Charter.run([
            "run", "--profile", "/nonexistent/p.json", "--data", "d", "--out", "o", "--module-path", "a",
            "--module-path", "b", "--force", "--force",
        ])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("/nonexistent/p.json: the profile cannot be opened"), "\(result.error)")
    }
}

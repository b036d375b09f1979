import CharterModules
import PolicyKit

/// `charter modules`: the policy modules on the module path, and one module described.
enum ModulesCommand: CharterCommand {
    static let name = "modules"
    static let summary: HelpText =
        "List the policy modules found, or describe one (parameters, rules and the wording of its reasons)."

    static let modulePath = SharedOptions.modulePath
    static let lang = SharedOptions.lang(
        help: "Language of the descriptions (default: zh when LANG starts with zh).")
    static let options: [any CommandOption] = [modulePath, lang]

    static let help = CommandHelp(
        usage: [.form([modulePath]), .form("describe NAME", [modulePath, lang])],
        about: """
            Lists every policy module on the module path: its name, version, the extension points it
            decides, how many rules it can fire, and the file it was loaded from. With 'describe',
            prints one module's parameters (type, default, allowed values, the points they affect,
            meaning), rules, and reason templates (their slots and wording).

            Modules are the files lib<Name>.so in the --module-path directories, in the order given,
            then in the directory that holds the charter executable.
            """,
        after: "Exit codes: 0 done; 2 a module could not be loaded, or bad usage.")

    static func run(_ arguments: Arguments) throws -> Int32 {
        let loader = ModuleLoader(modulePaths: try arguments[Self.modulePath])
        switch arguments.operands.first {
        case nil:
            return list(loader)
        case "describe":
            guard arguments.operands.count == 2 else {
                throw UsageError(message: "'describe' takes one module name.")
            }
            let module = try loader.load(named: arguments.operands[1])
            Console.out(describe(module, language: try arguments[Self.lang]))
            return 0
        case let other?:
            throw UsageError(message: "unknown operand '\(other)'; the only one is 'describe NAME'.")
        }
    }

    static func list(_ loader: ModuleLoader) -> Int32 {
        let (modules, problems) = loader.discover()
        let rows = modules.sorted { $0.name < $1.name }.map { module in
            [
                module.name, module.metadata.version.description,
                module.points.map(\.rawValue).joined(separator: ","), String(module.metadata.rules.count),
                module.file,
            ]
        }
        if modules.isEmpty {
            Console.out(
                "No policy modules found in: \(loader.directories.joined(separator: ", ")). Build them with `swift build`, or name their directory with --module-path."
            )
        } else {
            Console.out(textTable(["NAME", "VERSION", "POINTS", "RULES", "FILE"], rows))
        }
        for problem in problems { Console.error("charter modules: \(problem)") }
        return problems.isEmpty ? 0 : 2
    }

    static func describe(_ module: LoadedModule, language: Language) -> String {
        let metadata = module.metadata
        var text = "\(module.label): \(metadata.summary.text(in: language))\n"
        text +=
            "File: \(module.file) (Swift \(module.compilerVersion), PolicyKit interface \(module.interfaceVersion))\n"
        text += "Points: \(module.points.map(\.rawValue).joined(separator: ", "))\n\n"
        if metadata.parameters.isEmpty {
            text += "Parameters: none\n"
        } else {
            text += "Parameters:\n"
            text +=
                textTable(
                    ["NAME", "TYPE", "DEFAULT", "ALLOWED", "POINTS", "MEANING"],
                    metadata.parameters.map {
                        [
                            $0.name, $0.kind.typeName, $0.defaultValue.description, $0.kind.allowedText,
                            $0.points.map(\.rawValue).joined(separator: ","), $0.meaning.text(in: language),
                        ]
                    }) + "\n"
        }
        text += "\nRules:\n"
        text += textTable(
            ["ID", "POINT", "MEANING"],
            metadata.rules.map { [$0.id, $0.point.rawValue, $0.meaning.text(in: language)] })
        text += "\n\nReasons (the wording of each reason, {slot} for the values a decision fills in):\n"
        text += textTable(
            ["ID", "SLOTS", "TEXT"],
            metadata.reasons.map { template in
                [
                    template.id, template.slots.map { "\($0.name): \($0.kind.rawValue)" }.joined(separator: ", "),
                    language == .chinese ? template.chinese : template.english,
                ]
            })
        return text
    }
}

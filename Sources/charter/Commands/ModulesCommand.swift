import CharterModules
import PolicyKit

/// `charter modules`: the policy modules on the module path, and one module described.
enum ModulesCommand: CharterCommand {
    static let name = "modules"
    static let summary = HelpText(
        en: "List the policy modules found, or describe one (parameters, rules and the wording of its reasons).",
        zh: "列出找到的政策模块，或说明其中一个（参数、规则和理由的措辞）。")

    static let modulePath = SharedOptions.modulePath
    static let lang = SharedOptions.lang(
        help: HelpText(en: "Language of the messages and descriptions.", zh: "提示信息和说明的语言。"))
    static let options: [any CommandOption] = [modulePath, lang]

    static let help = CommandHelp(
        usage: [.form([modulePath, lang]), .form("describe NAME", [modulePath, lang])],
        about: HelpText(
            en: """
                Lists every policy module on the module path: its name, version, the extension points it
                decides, how many rules it can fire, and the file it was loaded from. With 'describe',
                prints one module's parameters (type, default, allowed values, the points they affect,
                meaning), rules, and reason templates (their slots and wording).

                Modules are the files lib<Name>.so in the --module-path directories, in the order given,
                then in the directory that holds the charter executable.
                """,
            zh: """
                列出模块路径上的每个政策模块：名称、版本、它决策的扩展点、它可触发的规则数，以及加载它的
                文件。用 'describe' 时，输出一个模块的参数（类型、默认值、允许的取值、影响的扩展点、含义）、
                规则和理由模板（其中的槽位和措辞）。

                政策模块是 --module-path 各目录（按给出的顺序）中的 lib<Name>.so 文件，其次是 charter
                可执行文件所在目录中的这些文件。
                """),
        after: HelpText(
            en: "Exit codes: 0 done; 2 a module could not be loaded, or bad usage.",
            zh: "退出码：0 完成；2 有政策模块无法加载，或用法有误。"))

    static func run(_ arguments: Arguments) throws -> Int32 {
        let loader = ModuleLoader(modulePaths: try arguments[Self.modulePath])
        let language = try arguments[Self.lang]
        switch arguments.operands.first {
        case nil:
            return list(loader, language: language)
        case "describe":
            guard arguments.operands.count == 2 else {
                throw UsageError(en: "'describe' takes one module name.", zh: "'describe' 后面须给出一个模块名。")
            }
            let module = try loader.load(named: arguments.operands[1])
            Console.out(describe(module, language: language))
            return 0
        case let other?:
            throw UsageError(
                en: "unknown operand '\(other)'; the only one is 'describe NAME'.",
                zh: "未知的参数 '\(other)'；只能用 'describe NAME'。")
        }
    }

    static func list(_ loader: ModuleLoader, language: Language) -> Int32 {
        let chinese = language == .chinese
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
                chinese
                    ? "在以下目录中没有找到政策模块：\(loader.directories.joined(separator: "、"))。请用 `swift build` 构建，或用 --module-path 指定其所在目录。"
                    : "No policy modules found in: \(loader.directories.joined(separator: ", ")). Build them with `swift build`, or name their directory with --module-path."
            )
        } else {
            Console.out(
                textTable(
                    chinese ? ["名称", "版本", "扩展点", "规则数", "文件"] : ["NAME", "VERSION", "POINTS", "RULES", "FILE"],
                    rows))
        }
        for problem in problems {
            Console.error(commandPrefix(name, in: language) + localizedMessage(problem, in: language))
        }
        return problems.isEmpty ? 0 : 2
    }

    static func describe(_ module: LoadedModule, language: Language) -> String {
        let metadata = module.metadata
        let chinese = language == .chinese
        let points = module.points.map(\.rawValue)
        var text = "\(module.label)\(chinese ? "：" : ": ")\(metadata.summary.text(in: language))\n"
        text +=
            chinese
            ? "文件：\(module.file)（Swift \(module.compilerVersion)，PolicyKit 接口版本 \(module.interfaceVersion)）\n"
            : "File: \(module.file) (Swift \(module.compilerVersion), PolicyKit interface \(module.interfaceVersion))\n"
        text +=
            chinese
            ? "扩展点：\(points.joined(separator: "、"))\n\n" : "Points: \(points.joined(separator: ", "))\n\n"
        if metadata.parameters.isEmpty {
            text += chinese ? "参数：无\n" : "Parameters: none\n"
        } else {
            text += chinese ? "参数：\n" : "Parameters:\n"
            text +=
                textTable(
                    chinese
                        ? ["名称", "类型", "默认值", "允许的取值", "扩展点", "含义"]
                        : ["NAME", "TYPE", "DEFAULT", "ALLOWED", "POINTS", "MEANING"],
                    metadata.parameters.map {
                        [
                            $0.name, $0.kind.typeName, $0.defaultValue.description, $0.kind.allowedText,
                            $0.points.map(\.rawValue).joined(separator: ","), $0.meaning.text(in: language),
                        ]
                    }) + "\n"
        }
        text += chinese ? "\n规则：\n" : "\nRules:\n"
        text += textTable(
            chinese ? ["ID", "扩展点", "含义"] : ["ID", "POINT", "MEANING"],
            metadata.rules.map { [$0.id, $0.point.rawValue, $0.meaning.text(in: language)] })
        text +=
            chinese
            ? "\n\n理由（每条理由的措辞，{槽位} 处填入决策时的取值）：\n"
            : "\n\nReasons (the wording of each reason, {slot} for the values a decision fills in):\n"
        text += textTable(
            chinese ? ["ID", "槽位", "措辞"] : ["ID", "SLOTS", "TEXT"],
            metadata.reasons.map { template in
                [
                    template.id, template.slots.map { "\($0.name): \($0.kind.rawValue)" }.joined(separator: ", "),
                    language == .chinese ? template.chinese : template.english,
                ]
            })
        return text
    }
}

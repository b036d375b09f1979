import CharterData
import CharterEngine
import CharterModules
import CharterOutput
import CharterRecords
import CharterSupport
import PolicyKit

#if canImport(Glibc)
    import Glibc
#endif

/// `charter replay`: runs again exactly what a `run.json` records, and checks that the decisions
/// come out the same.
///
/// The profile is the one `run.json` holds (resolved: no `extends`, no dated lists), not the
/// profile file as it is now; the as-of date and the language are the run's; each dataset file
/// and each module's library must have the digest the run recorded, or the replay is refused,
/// naming what changed.
enum ReplayCommand: CharterCommand {
    static let name = "replay"
    static let summary = HelpText(
        en: "Run again what a run.json records and check the decisions are the same.",
        zh: "按 run.json 的记录重新运行一次，核对决策是否完全相同。")

    static let data = Option<String?>(
        "data", "DIR",
        help: HelpText(
            en: "The dataset folder (default: where the run read it).", zh: "数据集文件夹（默认：当次运行读取的位置）。"))
    static let modulePath = SharedOptions.modulePath.withHelp(
        HelpText(
            en:
                "Also look for modules in DIR (repeatable; searched first; the folders the run's modules were loaded from are searched too).",
            zh: "同时在 DIR 中查找政策模块（可重复给出；最先查找；当次运行加载模块的文件夹也会查找）。"))
    static let out = Option<String?>(
        "out", "DIR",
        help: HelpText(
            en: "Also write the replayed run's output folder (as charter run does).",
            zh: "同时写出重放运行的输出文件夹（与 charter run 相同）。"))
    static let force = Flag(
        "force",
        help: HelpText(en: "Replace an --out folder Charter wrote earlier.", zh: "替换 Charter 之前写出的 --out 文件夹。"))
    static let jobs = SharedOptions.jobs
    static let lang = SharedOptions.lang(
        help: HelpText(
            en: "Language of this help and of the messages; the replayed run keeps the language it recorded.",
            zh: "本帮助和提示信息的语言；重放的运行仍用它记录的语言。"))
    static let options: [any CommandOption] = [data, modulePath, out, force, jobs, lang] + SharedOptions.moduleWatch

    static let help = CommandHelp(
        usage: [.form("RUN.json", [data, modulePath, out, force, jobs, lang])],
        about: HelpText(
            en: """
                Re-runs exactly what RUN.json records: the profile as resolved then (kept in run.json, not
                read again from disk), its as-of date and language, the same modules and the same dataset,
                and checks that the new decisions.jsonl has the digest the run recorded.

                Refused (exit 2), with what changed and what to do, when a dataset file's or a module
                library's SHA-256 differs from the record, or a file is missing. When the decisions differ
                and decisions.jsonl lies beside RUN.json, the first differing record is named.
                """,
            zh: """
                完全按 RUN.json 的记录重新运行：当时解析后的配置文件（保存在 run.json 中，不再从磁盘读取）、
                其截至日期和语言、同样的政策模块和同样的数据集，并核对新的 decisions.jsonl 的 SHA-256
                校验值与记录的是否一致。

                数据集文件或政策模块库的 SHA-256 与记录不符，或有文件缺失时，拒绝重放（退出码 2），并指明
                改变之处和处理办法。决策不同且 RUN.json 旁边有 decisions.jsonl 时，指明第一条不同的记录。
                """),
        after: HelpText(
            en: """
                Nothing is written unless --out is given.

                Exit codes: 0 verified (byte-identical decisions); 1 the decisions differ; 2 cannot replay
                (what is missing or changed is named), or bad usage; 3 a policy module failed.
                """,
            zh: """
                不给 --out 时不写出任何文件。

                退出码：0 核对无误（决策逐字节相同）；1 决策不同；2 无法重放（指明缺失或改变之处），
                或用法有误；3 政策模块出错。
                """))

    static func refuse(en: String, zh: String) -> CommandFailure {
        CommandFailure(code: 2, en: "charter replay: \(en)", zh: "charter replay：\(zh)")
    }

    /// A refusal that quotes a library's error, in the language it is printed in.
    static func refuse(_ error: any Error) -> CommandFailure {
        CommandFailure(code: 2) { commandPrefix(name, in: $0) + localizedMessage(error, in: $0) }
    }

    static func run(_ arguments: Arguments) throws -> Int32 {
        guard arguments.operands.count == 1 else {
            throw UsageError(en: "name one run.json file.", zh: "请给出一个 run.json 文件。")
        }
        let recordPath = arguments.operands[0]
        let jobs = try arguments[Self.jobs]
        let messages = try arguments[Self.lang]
        try watchModules(arguments, command: name, language: messages)
        let record: JSONValue
        do {
            record = try JSONValue.parse(try readTextFile(recordPath, what: .runRecord))
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw refuse(
                en: "\(recordPath) is not valid JSON (\(error)): name the run.json of a charter run.",
                zh: "\(recordPath) 不是有效的 JSON（\(localizedMessage(error, in: .chinese))）：请给出一次 charter run 的 run.json。")
        }
        guard case .string? = record["charter_version"], case .string(let asOfText)? = record["as_of"],
            let asOf = CivilDate(asOfText), case .string(let languageCode)? = record["language"],
            let language = Language(rawValue: languageCode)
        else {
            throw refuse(
                en: "\(recordPath) is not the run.json of a charter run (it lacks charter_version, as_of or language).",
                zh: "\(recordPath) 不是 charter run 写出的 run.json（缺少 charter_version、as_of 或 language）。")
        }
        guard let resolved = record["profile"]?["resolved"],
            case .string(let recorded)? = record["decisions"]?["sha256"],
            !recorded.isEmpty
        else {
            throw refuse(
                en:
                    "\(recordPath) was written by an earlier Charter that did not record the resolved profile and the decisions' digest; it cannot be replayed. Run it again with this Charter to get a run.json that can.",
                zh:
                    "\(recordPath) 由较早版本的 Charter 写出，没有记录解析后的配置文件和决策的校验值，无法重放。请用当前的 Charter 重新运行，得到可以重放的 run.json。"
            )
        }

        // The dataset: every file the run read, with the digest it had.
        guard case .array(let files)? = record["dataset"], !files.isEmpty else {
            throw refuse(en: "\(recordPath) records no dataset file.", zh: "\(recordPath) 没有记录任何数据集文件。")
        }
        var recordedFiles: [(name: String, sha256: String)] = []
        var recordedFolder = "."
        for file in files {
            guard case .string(let path)? = file["path"], case .string(let digest)? = file["sha256"] else { continue }
            let name = String(path.split(separator: "/").last ?? Substring(path))
            recordedFiles.append((name, digest))
            recordedFolder = FileSystem.folder(of: path)
        }
        // The folder as the run named it, else its real path then (when replaying from elsewhere).
        let givenData = try arguments[Self.data]
        var data = givenData ?? recordedFolder
        if givenData == nil, !FileSystem.exists(data),
            case .string(let folder)? = record["dataset_folder"],
            !folder.isEmpty
        {
            data = folder
        }
        guard FileSystem.exists(data) else {
            throw refuse(
                en:
                    "the dataset folder \(data) does not exist. Name the folder that holds the run's dataset with --data.",
                zh: "数据集文件夹 \(data) 不存在。请用 --data 指定存放当次运行数据集的文件夹。")
        }
        for (name, digest) in recordedFiles {
            let path = data + "/" + name
            guard FileSystem.exists(path) else {
                throw refuse(
                    en: "\(path) is missing: the run read it. Restore it, or name the right folder with --data.",
                    zh: "\(path) 不见了：当次运行读取过它。请恢复该文件，或用 --data 指定正确的文件夹。")
            }
            let actual = (try? SHA256.hexDigest(ofFile: path)) ?? "unreadable"
            guard actual == digest else {
                throw refuse(
                    en:
                        "\(path) has changed since the run (SHA-256 \(actual), recorded \(digest)): the replay would not read the same data. Restore the file as it was, or run charter run anew.",
                    zh:
                        "\(path) 在当次运行后被改动过（SHA-256 为 \(actual)，记录为 \(digest)）：重放读到的数据将不同。请把文件恢复原样，或重新执行 charter run。"
                )
            }
        }
        let names = Set(recordedFiles.map(\.name))
        let extensions = [".csv", ".json", ".jsonl"]
        for entry in (FileSystem.entries(of: data) ?? []).sorted()
        where !names.contains(entry)
            && DatasetFile.allCases.contains(where: { file in
                extensions.contains { file.rawValue + $0 == entry }
            })
        {
            throw refuse(
                en:
                    "\(data)/\(entry) was not part of the run's dataset: the replay would read it. Move it aside, or run charter run anew.",
                zh: "\(data)/\(entry) 不在当次运行的数据集中，重放却会读取它。请把它移走，或重新执行 charter run。")
        }

        // The profile as the run resolved it, and the same modules.
        let profile: Profile
        do {
            profile = try ProfileReader.read(resolved, file: recordPath + " (profile.resolved)")
        } catch {
            throw refuse(error)
        }
        var modulePaths = try arguments[Self.modulePath]
        var recordedModules: [String: String] = [:]
        if case .array(let modules)? = record["modules"] {
            for module in modules {
                guard case .string(let name)? = module["name"], case .string(let digest)? = module["sha256"] else {
                    continue
                }
                recordedModules[name] = digest
                for key in ["real_path", "file"] {
                    if case .string(let file)? = module[key] { modulePaths.append(FileSystem.folder(of: file)) }
                }
            }
        }
        let loader = ModuleLoader(modulePaths: modulePaths + profile.modulePaths)
        let plan: RunPlan
        do {
            plan = try ProfileResolver(loader: loader) { try? SHA256.hexDigest(ofFile: $0) }
                .resolve(profile, file: recordPath + " (profile.resolved)")
        } catch {
            throw refuse(error)
        }
        for module in plan.modules {
            let actual = (try? SHA256.hexDigest(ofFile: module.realPath)) ?? "unreadable"
            guard let digest = recordedModules[module.name] else {
                throw refuse(
                    en: "\(recordPath) records no module \(module.name), which its profile names.",
                    zh: "\(recordPath) 没有记录模块 \(module.name)，但它的配置文件用到了这个模块。")
            }
            guard actual == digest else {
                throw refuse(
                    en:
                        "the module \(module.label) at \(module.realPath) is not the library the run used (SHA-256 \(actual), recorded \(digest)). Restore that build, or name its folder with --module-path.",
                    zh:
                        "\(module.realPath) 处的模块 \(module.label) 不是当次运行所用的库（SHA-256 为 \(actual)，记录为 \(digest)）。请恢复当时的构建，或用 --module-path 指定其所在文件夹。"
                )
            }
        }

        // Decide again.
        let read = try loadDataset(data, asOf: asOf, jobs: jobs, language: messages)
        let index = DatasetIndex(read.dataset, jobs: jobs)
        let results: [CommunityResult]
        do {
            results = try Engine(plan: plan, asOf: asOf, jobs: jobs).run(index)
        } catch {
            throw moduleFailure(error, command: name)
        }
        let decisions = RunDecisions(index: index, results: results, points: plan.decidedPoints)
        let replayed = try compare(decisions, language: language, recorded: recorded, beside: recordPath)
        if let out = try arguments[Self.out] {
            try writeOutput(
                out, decisions, plan: plan, profile: profile, asOf: asOf, language: language, data: data, arguments,
                messages: messages)
        }
        keepUntilExit(decisions)
        if let difference = replayed.difference {
            Console.out(
                messages == .chinese
                    ? "charter replay：决策与当次运行的不同（SHA-256 为 \(replayed.digest)，记录为 \(recorded)）。"
                    : "charter replay: the decisions differ from the run's (SHA-256 \(replayed.digest), recorded \(recorded))."
            )
            if let difference = difference {
                Console.out(difference.message(in: messages))
            }
            return 1
        }
        Console.out(
            messages == .chinese
                ? "charter replay：核对无误：\(replayed.records) 项决策与记录逐字节相同（SHA-256 为 \(recorded)）。"
                : "charter replay: verified: \(replayed.records) decisions, byte for byte as recorded (SHA-256 \(recorded))."
        )
        return 0
    }

    /// The replayed decisions' digest and count, and where they first differ from the recorded
    /// file beside the record, if they differ (`.some(nil)` when there is no file to compare with).
    static func compare(
        _ decisions: RunDecisions, language: Language, recorded: String, beside recordPath: String
    ) throws(CommandFailure) -> (digest: String, records: Int, difference: Message??) {
        var hasher = SHA256.Hasher()
        var records = 0
        DecisionsWriter.stream(decisions, language: language) { bytes in
            bytes.withUnsafeBytes { hasher.update($0) }
            records += bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        let digest = SHA256.hex(hasher.finalize())
        guard digest != recorded else { return (digest, records, nil) }
        // Only when they differ is the recorded file read, and the records encoded again to find
        // the first that differs.
        let folder = FileSystem.folder(of: recordPath)
        guard let old = try? FileSystem.readBytes(folder + "/decisions.jsonl") else {
            return (digest, records, .some(nil))
        }
        let oldLines = old.split(separator: 0x0A, omittingEmptySubsequences: false)
        var line = 0
        var difference: Message?
        DecisionsWriter.stream(decisions, language: language) { bytes in
            guard difference == nil else { return }
            for replayed in bytes.split(separator: 0x0A) {
                let before = line < oldLines.count ? String(decoding: oldLines[line], as: UTF8.self) : "(none)"
                let after = String(decoding: replayed, as: UTF8.self)
                line += 1
                guard before != after else { continue }
                difference = firstDifference(line: line, folder: folder, before, after)
                return
            }
        }
        if difference == nil, line < oldLines.count, !oldLines[line].isEmpty {
            difference = firstDifference(
                line: line + 1, folder: folder, String(decoding: oldLines[line], as: UTF8.self), "(none)")
        }
        return (
            digest, records,
            .some(
                difference
                    ?? Message(
                        en:
                            "The records are the same line by line; \(folder)/decisions.jsonl is not the file the run recorded.",
                        zh: "各条记录逐行相同；\(folder)/decisions.jsonl 不是当次运行记录的那个文件。")
            )
        )
    }

    static func firstDifference(line: Int, folder: String, _ before: String, _ after: String) -> Message {
        func cut(_ text: String) -> String { text.count > 400 ? String(text.prefix(400)) + "…" : text }
        return Message(
            en:
                "First differing record: line \(line) of \(folder)/decisions.jsonl\n  recorded: \(cut(before))\n  replayed: \(cut(after))",
            zh:
                "第一条不同的记录：\(folder)/decisions.jsonl 第 \(line) 行\n  记录：\(cut(before))\n  重放：\(cut(after))")
    }

    /// Writes the replayed run's output folder, as `charter run` does (without its timings).
    static func writeOutput(
        _ out: String, _ decisions: RunDecisions, plan: RunPlan, profile: Profile, asOf: CivilDate, language: Language,
        data: String, _ arguments: Arguments, messages: Language
    ) throws(CommandFailure) {
        let folder = try makeOutputFolder(
            out, command: name, force: arguments[Self.force],
            protected: [ProtectedPath(path: data, role: .dataset)]
                + plan.modules.map { ProtectedPath(path: FileSystem.folder(of: $0.realPath), role: .modulePath) },
            language: messages)
        do {
            let report = ReportWriter(
                decisions: decisions, district: profile.district, asOf: asOf, language: language, redact: false,
                plan: plan)
            let tables = TablesWriter(
                decisions: decisions, language: language, redact: false, jobs: 1, meanings: report.ruleMeanings)
            _ = try RunFiles.write(decisions, language: language, tables: tables, report: report, into: folder, jobs: 1)
            try folder.commit()
        } catch {
            throw writeFailure(error, folder: folder, command: name)
        }
    }
}

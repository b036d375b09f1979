import CharterOutput
import CharterSupport
import CharterWorkbook
import PolicyKit

/// `charter template`: empty dataset files with the contract's columns, and notes on filling them in.
enum TemplateCommand: CharterCommand {
    static let name = "template"
    static let summary = HelpText(
        en: "Write empty dataset files with the contract's columns, and notes on each column.",
        zh: "写出按数据约定列好表头的空数据文件，以及每一列的填写说明。")

    static let out = Option<String>(
        required: "out", "DIR", .folderName,
        help: HelpText(
            en: "Folder to write. It must not exist or be empty, unless --force.",
            zh: "要写入的文件夹。它必须不存在或为空，除非使用 --force。"))
    static let lang = SharedOptions.lang(
        help: HelpText(
            en:
                "Language of the headers and the notes: zh (Chinese headers, for charter import) or en (the contract's names).",
            zh: "表头和说明的语言：zh（中文表头，供 charter import 读取）或 en（数据约定的列名）。"))
    static let force = Flag(
        "force",
        help: HelpText(
            en:
                "Replace a folder that Charter wrote earlier (one holding only what Charter wrote). Any other folder is refused.",
            zh: "替换 Charter 先前写出的文件夹（其中只有 Charter 写的文件）。其他文件夹一律拒绝。"))
    static let xlsx = Flag(
        "xlsx",
        help: HelpText(
            en:
                "Write one Excel workbook instead: a sheet per file (named as charter import reads them) and a notes sheet.",
            zh: "改为写出一个 Excel 工作簿：每个文件一张工作表（按 charter import 能识别的名称命名），另加一张填写说明工作表。"))
    static let options: [any CommandOption] = [out, lang, xlsx, force]

    static let help = CommandHelp(
        usage: [.form([out, lang, xlsx, force])],
        about: HelpText(
            en: """
                Writes the eight files of the data contract (communities.csv, members.csv, units.csv,
                posts.csv, events.csv, bodies.csv, meetings.csv, distributions.csv), each with its header
                row only, and column-notes.csv (填写说明.csv in Chinese) giving each column's meaning, type,
                whether it is required, its default and its allowed codes. With --lang zh the headers are
                the columns' Chinese names: fill the files in Excel and turn them into a dataset with
                charter import. With --lang en they are the contract's names, which charter check and
                charter run read as they are. The files are UTF-8 with a byte order mark, for Excel.
                """,
            zh: """
                写出数据约定的八个文件（communities.csv、members.csv、units.csv、posts.csv、events.csv、
                bodies.csv、meetings.csv、distributions.csv），每个只有表头行；另写出填写说明.csv（英文时为
                column-notes.csv），说明每一列的含义、类型、是否必填、默认值和可填的代码。给出 --lang zh 时，
                表头为各列的中文名称：在 Excel 中填好后，用 charter import 转换为数据集。给出 --lang en 时，
                表头为数据约定的列名，charter check 和 charter run 可直接读取。文件为带字节顺序标记的 UTF-8，
                便于 Excel 打开。
                """),
        after: HelpText(
            en: """
                Exit codes: 0 done; 2 bad usage, or the folder could not be written.
                """,
            zh: """
                退出码：0 完成；2 用法有误，或无法写出文件夹。
                """))

    static func run(_ arguments: Arguments) throws -> Int32 {
        let language = try arguments[Self.lang]
        guard arguments.operands.isEmpty else {
            let operand = arguments.operands[0]
            throw UsageError(
                en: "unexpected operand '\(operand)'; every input is an option.",
                zh: "多余的参数 '\(operand)'；所有输入都以选项给出。")
        }
        let out = try arguments[Self.out]
        let folder = try makeOutputFolder(
            out, command: name, force: arguments[Self.force], protected: protectedPaths(data: nil, profiles: []),
            language: language)
        let writer = TemplateWriter(language: language)
        var files = writer.files()
        if arguments[Self.xlsx] {
            do {
                files = [(writer.workbookFileName, try writer.workbook())]
            } catch {
                folder.discard()
                throw CommandFailure(
                    code: 2, en: "charter template: \(error.message(in: .english))",
                    zh: "charter template：\(error.message(in: .chinese))")
            }
        }
        try writeFiles(files, into: folder, command: name)
        Console.out(
            language == .chinese
                ? "已写出 \(out)：\(files.map(\.name).joined(separator: "、"))。"
                : "Wrote \(out): \(files.map(\.name).joined(separator: ", ")).")
        return 0
    }
}

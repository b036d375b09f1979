import CharterImport
import CharterOutput
import CharterSupport
import PolicyKit

/// `charter import`: what a district office has (CSV files in UTF-8 or GB18030, Excel workbooks,
/// Chinese headers and labels) turned into a dataset folder the data contract accepts.
enum ImportCommand: CharterCommand {
    static let name = "import"
    static let summary = HelpText(
        en: "Turn an office's CSV files and Excel workbooks into a dataset folder, listing every change.",
        zh: "把办公室的 CSV 文件和 Excel 工作簿转换为数据集文件夹，并列出每一处改动。")

    static let from = Option<String>(
        required: "from", "DIR", .folderName,
        help: HelpText(
            en:
                "Folder of what the office has: members.csv or members.xlsx (or 党员.csv …), or one workbook whose sheets are named after the files.",
            zh: "办公室数据所在的文件夹：members.csv 或 members.xlsx（或 党员.csv 等），或者一个按文件命名工作表的工作簿。"))
    static let out = Option<String>(
        required: "out", "DIR", .folderName,
        help: HelpText(
            en: "Dataset folder to write. It must not exist or be empty, unless --force; never the --from folder.",
            zh: "要写出的数据集文件夹。它必须不存在或为空，除非使用 --force；不能是 --from 文件夹。"))
    static let lang = SharedOptions.lang(
        help: HelpText(
            en: "Language of the messages, the summary and import-report.csv: zh or en.",
            zh: "提示信息、汇总和 import-report.csv 的语言：zh 或 en。"))
    static let force = Flag(
        "force",
        help: HelpText(
            en:
                "Replace a folder that Charter wrote earlier (one holding only what Charter wrote). Any other folder is refused.",
            zh: "替换 Charter 先前写出的文件夹（其中只有 Charter 写的文件）。其他文件夹一律拒绝。"))
    static let options: [any CommandOption] = [from, out, lang, force]

    static let help = CommandHelp(
        usage: [.form([from, out, lang, force])],
        about: HelpText(
            en: """
                Reads what a district office keeps (CSV files saved by Excel in UTF-8 or GB18030, .xlsx
                workbooks, one per file or one with a sheet per file) and writes a dataset folder that
                charter check and charter run read, with import-report.csv listing every change it made:
                file, line or cell, column, value before, value after, and why. It accepts the contract's
                column names or their Chinese names (as charter template writes them), codes by their
                Chinese names (正式党员 for full), dates as 2026/6/30, 2026-6-30, 2026.6.30, 2026年6月30日
                or Excel dates, full-width digits and letters, spaces around values, and empty rows.
                Anything else that does not fit the data contract is an error naming its file and line
                (members.xlsx[党员]!C12 for a workbook), and then nothing is written.
                """,
            zh: """
                读取区（县）组织部门保存的数据（Excel 以 UTF-8 或 GB18030 保存的 CSV 文件，.xlsx 工作簿：每个文件
                一个工作簿，或一个工作簿中每个文件一张工作表），写出 charter check 和 charter run 能读取的数据集
                文件夹，并在 import-report.csv 中列出每一处改动：文件、行或单元格、列、原值、新值和原因。表头可用
                数据约定的列名或其中文名称（与 charter template 写出的一致）；代码可用中文名称（如“正式党员”即
                full）；日期可写成 2026/6/30、2026-6-30、2026.6.30、2026年6月30日，或 Excel 日期；全角数字和字母、
                值前后的空格以及空行都会处理。其他不符合数据约定的内容都会报错，并指明文件和行（工作簿写成
                members.xlsx[党员]!C12），此时不写出任何文件。
                """),
        after: HelpText(
            en: """
                Exit codes: 0 done; 2 something could not be turned into the contract, bad usage, or the
                folder could not be written (nothing is written).
                """,
            zh: """
                退出码：0 完成；2 有内容无法转换为数据约定、用法有误，或无法写出文件夹（此时不写出任何文件）。
                """))

    static func run(_ arguments: Arguments) throws -> Int32 {
        let language = try arguments[Self.lang]
        guard arguments.operands.isEmpty else {
            let operand = arguments.operands[0]
            throw UsageError(
                en: "unexpected operand '\(operand)'; every input is an option.",
                zh: "多余的参数 '\(operand)'；所有输入都以选项给出。")
        }
        let from = try arguments[Self.from]
        let out = try arguments[Self.out]
        let chinese = language == .chinese
        let sources = ImportSources.read(folder: from, workbooks: XlsxWorkbooks())
        let converted = Importer.convert(sources.tables)
        let problems = sources.problems + converted.problems
        guard problems.isEmpty else {
            let shown = problems.prefix(200)
            for problem in shown { Console.error(problem.message(in: language)) }
            if problems.count > shown.count {
                Console.error(
                    chinese
                        ? "……另有 \(problems.count - shown.count) 个问题。"
                        : "… and \(problems.count - shown.count) more problems.")
            }
            throw CommandFailure(
                code: 2,
                en: "charter import: \(problems.count) problems; nothing was written. Fix them and run it again.",
                zh: "charter import：\(problems.count) 个问题，未写出任何文件。改正后再运行。")
        }
        let folder = try makeOutputFolder(
            out, command: name, force: arguments[Self.force], protected: protectedPaths(data: from, profiles: []),
            language: language)
        let changes = sources.changes + converted.changes
        try writeFiles(
            converted.files.map { ($0.file.fileName, $0.csv()) } + sources.passed.map { ($0.name, $0.bytes) }
                + [(DatasetFile.importReportName, ImportReport.csv(changes, language: language))],
            into: folder, command: name)
        let rows = converted.files.map { "\($0.file.rawValue) \($0.rows.count)" }.joined(separator: ", ")
        Console.error(
            chinese
                ? "charter import：已写出 \(out)（\(rows)），改动 \(changes.count) 处，详见 \(out)/import-report.csv："
                : "charter import: wrote \(out) (\(rows)) with \(changes.count) changes, listed in \(out)/import-report.csv:"
        )
        for line in ImportReport.summary(changes, language: language) { Console.error("  " + line) }
        Console.error(
            chinese
                ? "下一步：charter check --data \(out)" : "Next: charter check --data \(out)")
        return 0
    }
}

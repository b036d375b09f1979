import CharterSupport
import Dispatch
public import PolicyKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Reads a district's dataset folder and checks it against the data contract, naming every
/// problem found.
///
/// Each file may be `NAME.csv`, `NAME.json` or `NAME.jsonl`. Files are read in the contract's
/// order (communities, members, units, posts, events, bodies, meetings, distributions), CSV in
/// large chunks straight from its bytes. The reader writes nothing anywhere.
///
/// Where the data contract is silent, the reader does this:
/// - An `int` may carry one leading `+` or `-` (so `unqualified_year` may be negative, and a
///   negative count is reported as negative rather than as malformed); nothing else but ASCII
///   digits is accepted: no spaces, separators, decimal point or exponent, in CSV and JSON alike
///   (a JSON `3.0` is not an `int`). `amount` takes no sign at all.
/// - A row whose syntax is broken (a stray quote, a wrong field count) is reported and not read,
///   but its id still counts as existing, so that references to it are not reported as well. A
///   file that could not be read whole (missing, in two forms, without a required column, cut
///   short by an unclosed quote or malformed JSON) is reported once, and references to its ids
///   are not checked.
/// - In `.json` and `.jsonl` files a key named twice in one object, or a key whose value is an
///   object or an array, is an error for that row; a key that is no column is warned about once.
///   An empty `.jsonl` file has no rows; an empty `.json` file is an error (write `[]`). Blank
///   lines of a `.jsonl` file are skipped. A UTF-8 byte order mark is skipped in every form.
/// - A lone carriage return inside an unquoted field is part of the field; one at the very end of
///   the file ends the last record.
/// - Files that look like dataset files but are none of the contract's (`member.csv`,
///   `Members.CSV`) are warned about, with the name they were probably meant to have.
/// - A file whose first 64 KiB show it is not UTF-8 text is one problem for the whole file, named
///   by what it is: GB18030 (more runs of non-ASCII bytes that are not UTF-8 than runs that are,
///   all of them GB18030 and mostly Chinese characters), UTF-16 (a byte order mark), a workbook
///   (`PK\x03\x04`, or an old `.xls`'s compound-document signature), or binary (a NUL byte). A
///   UTF-8 file with a stray byte that is not UTF-8 keeps its problem at that row.
/// - A workbook named after a file that is missing (`members.xlsx`, `events.xls`) is the problem
///   instead of the missing file, for an optional file too; any other workbook is named in a
///   missing required file's problem.
/// - A row whose cells are all empty (`,,,,`, as a spreadsheet leaves one) is one problem for the
///   row; so is a JSON object with no value in any column.
/// - An id with a space at either end is valid (ids are compared exactly), but a reference that
///   names no row because of such a space says so, whichever side the space is on.
/// - With more than one job, files are read side by side (the largest first) once the communities
///   file is read, each large file is hashed on another core while it is parsed, and references to
///   members are checked once the members file is read; the dataset, problems and warnings are the
///   same whatever the number of jobs.
public struct DatasetReader: Sendable {
    /// How many problems are listed before the rest are only counted.
    public var problemLimit: Int
    /// How many threads the reader may keep busy; 1 reads, checks and hashes everything on the
    /// calling thread.
    public var jobs: Int
    /// Whether each file's SHA-256 is computed (for `run.json`); without it, ``DatasetFileInfo``
    /// carries an empty digest, and reading costs less: a tenth less where the processor has SHA
    /// instructions, a third less where the portable rounds run.
    public var hashing: Bool

    /// Creates a reader that lists at most `problemLimit` problems, uses `jobs` threads, and
    /// hashes the files unless told not to.
    public init(problemLimit: Int = 200, jobs: Int = 1, hashing: Bool = true) {
        self.problemLimit = problemLimit
        self.jobs = max(1, jobs)
        self.hashing = hashing
    }

    /// Reads and checks the dataset in `directory`, measuring dates against `asOf`.
    ///
    /// - Throws: ``DatasetError`` with every problem found, in file and line order, when the
    ///   dataset breaks the data contract or the folder cannot be read.
    public func read(directory: String, asOf: CivilDate) throws(DatasetError) -> DatasetReadResult {
        let names = try Self.listFolder(directory)
        let strangers = ProblemLog(limit: problemLimit)
        warnAboutStrangers(names, folder: directory, log: strangers)
        let reads = DatasetFileKind.allCases.map {
            FileRead(
                $0, names: names, folder: directory, asOf: asOf, problemLimit: problemLimit,
                hashInBackground: jobs > 1, hashing: hashing)
        }
        // Every file checks its references to communities as it goes, so that file comes first.
        let communities = reads[DatasetFileKind.communities.rawValue]
        communities.run(communities: nil)
        Self.perform(Array(reads.dropFirst()), jobs: jobs) { $0.run(communities: communities.assembler) }
        let members = reads[DatasetFileKind.members.rawValue]
        let membersFile = members.assembler.flatMap { $0.isWhole ? $0.fileName : nil }
        let referrers = [reads[DatasetFileKind.events.rawValue], reads[DatasetFileKind.distributions.rawValue]]
        if referrers.contains(where: { $0.assembler != nil }) { members.assembler?.prepareMemberLookups() }
        // The events, by far the larger, on every thread in turn; the distributions after them.
        for referrer in referrers {
            referrer.assembler?.resolveMembers(
                members.assembler?.memberIDs ?? IdentifierTable(),
                spaced: members.assembler?.spacedMemberIDs ?? SpacedIDs(), in: membersFile, jobs: jobs)
        }

        let logs = reads.map(\.log)
        if logs.contains(where: \.hasProblems) { throw ProblemLog.merged(logs, limit: problemLimit) }
        var dataset = Self.combine(reads.map { $0.assembler?.takeDataset() })
        dataset.files = reads.compactMap(\.info)
        return DatasetReadResult(dataset: dataset, warnings: strangers.warnings + logs.flatMap(\.warnings))
    }

    /// Runs `body` on each file, on up to `jobs` threads, the largest files first.
    private static func perform(_ reads: [FileRead], jobs: Int, _ body: @Sendable (FileRead) -> Void) {
        guard jobs > 1, reads.count > 1 else {
            for read in reads { body(read) }
            return
        }
        let order = reads.sorted { $0.size > $1.size }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, order.count)) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < order.count else { return }
                body(order[index])
            }
        }
    }

    /// One dataset of the rows each file's assembler holds (`nil` for a file not read), taking
    /// their arrays as they are rather than copying them.
    private static func combine(_ parts: [Dataset?]) -> Dataset {
        func part(_ kind: DatasetFileKind) -> Dataset { parts[kind.rawValue] ?? Dataset() }
        var references = RowReferences()
        references.memberCommunity = part(.members).references.memberCommunity
        references.unitCommunity = part(.units).references.unitCommunity
        references.postCommunity = part(.posts).references.postCommunity
        references.eventMember = part(.events).references.eventMember
        references.bodyCommunity = part(.bodies).references.bodyCommunity
        references.meetingCommunity = part(.meetings).references.meetingCommunity
        references.distributionCommunity = part(.distributions).references.distributionCommunity
        references.distributionMember = part(.distributions).references.distributionMember
        return Dataset(
            communities: part(.communities).communities, members: part(.members).members, units: part(.units).units,
            posts: part(.posts).posts, events: part(.events).events, bodies: part(.bodies).bodies,
            meetings: part(.meetings).meetings, distributions: part(.distributions).distributions,
            references: references)
    }

    /// The forms a file may take, in the order they are named in messages.
    static let extensions = [".csv", ".json", ".jsonl"]

    /// Reads one file's bytes into its assembler and describes the file.
    static func read(
        _ input: ByteInput, kind: DatasetFileKind, fileName: String, path: String, log: ProblemLog,
        assembler: DatasetAssembler
    ) -> DatasetFileInfo {
        let outcome: (rows: Int, whole: Bool)?
        // The same first bytes however the file is then read, so its problems are the same too.
        let sample = input.firstBytes(ForeignContent.sampleSize)
        if let foreign = ForeignContent.recognize(sample) {
            log.add(kind, DatasetProblem(file: fileName, message: foreign.problem(file: fileName)))
            outcome = nil
        } else if fileName.hasSuffix(".csv") {
            outcome = CSVTable.read(input, kind: kind, fileName: fileName, log: log, into: assembler)
        } else {
            let bytes = input.readAll()
            if let reason = input.readError {
                log.add(kind, DatasetProblem(file: fileName, message: DatasetMessages.cannotBeRead(reason)))
                outcome = nil
            } else {
                outcome = JSONTable.read(
                    bytes, lines: fileName.hasSuffix(".jsonl"), kind: kind, fileName: fileName, log: log,
                    into: assembler)
            }
        }
        let reportedError = input.readError != nil
        let digest = input.finishHashing()
        var whole = outcome?.whole ?? false
        if !reportedError, let reason = input.readError {
            log.add(
                kind,
                DatasetProblem(
                    file: fileName,
                    message: Text(zh: "文件未能完整读取：\(reason)。", en: "The file cannot be read whole: \(reason).")))
            whole = false
        }
        assembler.end(whole: whole)
        return DatasetFileInfo(name: kind.name, path: path, rows: outcome?.rows ?? 0, sha256: digest)
    }

    /// Reads bytes as one file of a dataset that has no other file, for tests and the fuzz
    /// target; `chunkSize` hands the bytes to the reader that many at a time.
    static func readFile(
        _ kind: DatasetFileKind, form: String, bytes: [UInt8], chunkSize: Int? = nil, asOf: CivilDate,
        problemLimit: Int = 200
    ) -> (error: DatasetError?, warnings: [DatasetProblem], dataset: Dataset) {
        let log = ProblemLog(limit: problemLimit)
        let assembler = DatasetAssembler(kind, fileName: kind.name + form, log: log, asOf: asOf, communities: nil)
        let input = ByteInput(bytes: bytes, chunkSize: chunkSize)
        let info = read(
            input, kind: kind, fileName: kind.name + form, path: kind.name + form, log: log, assembler: assembler)
        assembler.resolveMembers(IdentifierTable(), spaced: SpacedIDs(), in: nil)
        var dataset = assembler.dataset
        dataset.files = [info]
        return (log.hasProblems ? log.error() : nil, log.warnings, dataset)
    }

    /// Warns about files that look like dataset files but are not part of the contract.
    private func warnAboutStrangers(_ names: Set<String>, folder: String, log: ProblemLog) {
        let known = DatasetFileKind.allCases.flatMap { kind in Self.extensions.map { kind.name + $0 } }
        for name in names.sorted() where !known.contains(name) && name != DatasetFile.importReportName {
            guard Self.extensions.contains(where: { name.lowercased().hasSuffix($0) }) else { continue }
            var message = Text(zh: "这个文件不在数据约定之内，已忽略。", en: "The file is not part of the data contract and is ignored.")
            if let suggestion = Text.didYouMean(name, among: known) { message += suggestion }
            log.warn(DatasetProblem(file: name, message: message))
        }
    }

    /// The names of the entries of a folder.
    private static func listFolder(_ folder: String) throws(DatasetError) -> Set<String> {
        func failure(_ message: Text) -> DatasetError {
            DatasetError(problems: [DatasetProblem(file: folder, message: message)])
        }
        func unreadable(_ reason: String) -> DatasetError {
            failure(Text(zh: "数据集文件夹无法读取：\(reason)。", en: "The dataset folder cannot be read: \(reason)."))
        }
        var status = stat()
        guard stat(folder, &status) == 0 else {
            if errno == ENOENT {
                throw failure(Text(zh: "数据集文件夹不存在。", en: "The dataset folder does not exist."))
            }
            throw unreadable(String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw failure(
                Text(
                    zh: "这不是文件夹；请指明存放 communities.csv 和 members.csv 的文件夹。",
                    en: "This is not a folder; name the folder that holds communities.csv and members.csv."))
        }
        guard let names = FileSystem.entries(of: folder) else { throw unreadable(FileSystem.lastError()) }
        return Set(names)
    }
}

/// A dataset read and checked, with the warnings about what was ignored.
public struct DatasetReadResult: Sendable {
    /// The dataset.
    public var dataset: Dataset
    /// Things ignored that the administrator may want to know about: unknown columns and files.
    public var warnings: [DatasetProblem]

    /// Creates a result.
    public init(dataset: Dataset, warnings: [DatasetProblem] = []) {
        self.dataset = dataset
        self.warnings = warnings
    }
}

/// The reading of one file of a dataset folder: its own problems, its rows, its description.
///
/// A file is read by one thread; the reader looks at what it found only once every thread is
/// done.
final class FileRead {
    let kind: DatasetFileKind
    /// The file's size in bytes (0 when it is missing), to read the largest files first.
    let size: Int
    let log: ProblemLog
    private(set) var assembler: DatasetAssembler?
    private(set) var info: DatasetFileInfo?
    private let names: Set<String>
    private let folder: String
    private let asOf: CivilDate
    private let hashInBackground: Bool
    private let hashing: Bool

    init(
        _ kind: DatasetFileKind, names: Set<String>, folder: String, asOf: CivilDate, problemLimit: Int,
        hashInBackground: Bool, hashing: Bool
    ) {
        self.kind = kind
        self.names = names
        self.folder = folder
        self.asOf = asOf
        self.hashInBackground = hashInBackground
        self.hashing = hashing
        log = ProblemLog(limit: problemLimit)
        var size = 0
        for form in DatasetReader.extensions where names.contains(kind.name + form) {
            var status = stat()
            if stat(Self.path(folder, kind.name + form), &status) == 0 { size += Int(status.st_size) }
        }
        self.size = size
    }

    private static func path(_ folder: String, _ fileName: String) -> String {
        folder.hasSuffix("/") ? folder + fileName : folder + "/" + fileName
    }

    /// Reads the file, checking references to `communities` (the communities file's assembler).
    func run(communities: DatasetAssembler?) {
        let forms = DatasetReader.extensions.map { kind.name + $0 }.filter { names.contains($0) }
        guard let fileName = forms.first else {
            reportMissing()
            return
        }
        guard forms.count == 1 else {
            log.add(
                kind,
                DatasetProblem(
                    file: fileName,
                    message: Text(
                        zh: "这个文件同时有 \(forms.count) 种形式（\(forms.joined(separator: ", "))）；只保留一种。",
                        en:
                            "The file is given in \(forms.count) forms (\(forms.joined(separator: ", "))); keep only one."
                    )
                ))
            return
        }
        let path = Self.path(folder, fileName)
        let input: ByteInput
        switch ByteInput.open(path: path, hashInBackground: hashInBackground, hashing: hashing) {
        case .success(let opened): input = opened
        case .failure(let failure):
            log.add(kind, DatasetProblem(file: fileName, message: DatasetMessages.cannotBeRead(failure.reason)))
            return
        }
        let assembler = DatasetAssembler(kind, fileName: fileName, log: log, asOf: asOf, communities: communities)
        self.assembler = assembler
        info = DatasetReader.read(input, kind: kind, fileName: fileName, path: path, log: log, assembler: assembler)
    }

    /// Reports the file missing when the dataset needs it, naming a workbook of its name (or any
    /// workbook) the folder holds instead.
    ///
    /// A workbook that stands for an optional file is a problem too: the office meant to give the file, and reading the dataset without it would
    /// decide on nothing (a points ledger left out grades every member on no entry).
    private func reportMissing() {
        let workbooks = names.filter { Self.isWorkbook($0) }.sorted()
        let own = workbooks.first { $0.lowercased() == kind.name + ".xlsx" || $0.lowercased() == kind.name + ".xls" }
        if let own {
            log.add(kind, DatasetProblem(file: own, message: Self.workbookMessage(own, kind: kind)))
            return
        }
        guard kind.isRequired else { return }
        var message = Text(
            zh: "缺少必需的文件；数据集必须有 communities 和 members，各自为 .csv、.json 或 .jsonl 文件。",
            en: "The required file is missing; a dataset needs communities and members, each as .csv, .json or .jsonl.")
        if !workbooks.isEmpty {
            let named = workbooks.map { "'\($0)'" }.joined(separator: ", ")
            message += Text(
                zh: "文件夹中有工作簿 \(named)：请运行 charter import，把工作簿转成数据集的文件。",
                en:
                    " The folder holds the \(workbooks.count == 1 ? "workbook" : "workbooks") \(named): run charter import to turn a workbook into the dataset's files."
            )
        }
        log.add(kind, DatasetProblem(file: kind.name + ".csv", message: message))
    }

    /// Whether a folder entry is an Excel workbook by its name.
    static func isWorkbook(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return !lowered.hasPrefix("~$") && (lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".xls"))
    }

    /// What to do with the workbook `name` that stands where the file of `kind` should.
    static func workbookMessage(_ name: String, kind: DatasetFileKind) -> Text {
        if name.lowercased().hasSuffix(".xlsx") {
            return Text(
                zh:
                    "这是 Excel 工作簿，charter check 不读工作簿：请运行 charter import 把它转成 \(kind.name).csv，或在 Excel 中另存为“CSV UTF-8(逗号分隔)”。",
                en:
                    "The file is a workbook, which charter check does not read: run charter import to turn it into \(kind.name).csv, or save it from Excel as CSV UTF-8."
            )
        }
        return Text(
            zh:
                "这是旧版 Excel 工作簿（.xls），charter check 不读工作簿：请用 Excel 打开，另存为“Excel 工作簿(*.xlsx)”后运行 charter import；或另存为“CSV UTF-8(逗号分隔)”，文件名为 \(kind.name).csv。",
            en:
                "The file is an old Excel workbook (.xls), which charter check does not read: open it in Excel and save it as Excel Workbook (.xlsx), then run charter import; or save it as CSV UTF-8 named \(kind.name).csv."
        )
    }
}

// Each file is read by one thread of `DatasetReader.perform`, which returns only when every
// thread is done; until then no other thread touches the file's state, and the communities
// file's assembler, which every thread reads, is no longer changed.
extension FileRead: @unchecked Sendable {}

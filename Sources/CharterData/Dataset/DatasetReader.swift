public import PolicyKit

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
public struct DatasetReader: Sendable {
    /// How many problems are listed before the rest are only counted.
    public var problemLimit: Int

    /// Creates a reader that lists at most `problemLimit` problems.
    public init(problemLimit: Int = 200) {
        self.problemLimit = problemLimit
    }

    /// Reads and checks the dataset in `directory`, measuring dates against `asOf`.
    ///
    /// - Throws: ``DatasetError`` with every problem found, in file and line order, when the
    ///   dataset breaks the data contract or the folder cannot be read.
    public func read(directory: String, asOf: CivilDate) throws(DatasetError) -> DatasetReadResult {
        let names = try Self.listFolder(directory)
        let log = ProblemLog(limit: problemLimit)
        let assembler = DatasetAssembler(log: log, asOf: asOf)
        warnAboutStrangers(names, folder: directory, log: log)
        var files: [DatasetFileInfo] = []
        for kind in DatasetFileKind.allCases {
            if let info = readFile(kind, names: names, folder: directory, log: log, assembler: assembler) {
                files.append(info)
            }
        }
        if log.hasProblems { throw log.error() }
        var dataset = assembler.dataset
        dataset.files = files
        return DatasetReadResult(dataset: dataset, warnings: log.warnings)
    }

    /// The forms a file may take, in the order they are named in messages.
    static let extensions = [".csv", ".json", ".jsonl"]

    private func readFile(
        _ kind: DatasetFileKind, names: Set<String>, folder: String, log: ProblemLog, assembler: DatasetAssembler
    ) -> DatasetFileInfo? {
        let forms = Self.extensions.map { kind.name + $0 }.filter { names.contains($0) }
        guard let fileName = forms.first else {
            if kind.isRequired {
                log.add(
                    kind,
                    DatasetProblem(
                        file: kind.name + ".csv",
                        message:
                            "The required file is missing; a dataset needs communities and members, each as .csv, .json or .jsonl."
                    ))
            }
            return nil
        }
        guard forms.count == 1 else {
            log.add(
                kind,
                DatasetProblem(
                    file: fileName,
                    message:
                        "The file is given in \(forms.count) forms (\(forms.joined(separator: ", "))); keep only one."
                ))
            return nil
        }
        let path = folder.hasSuffix("/") ? folder + fileName : folder + "/" + fileName
        let input: ByteInput
        switch ByteInput.open(path: path) {
        case .success(let opened): input = opened
        case .failure(let failure):
            log.add(kind, DatasetProblem(file: fileName, message: "The file cannot be read: \(failure.reason)."))
            return nil
        }
        return Self.read(input, kind: kind, fileName: fileName, path: path, log: log, assembler: assembler)
    }

    /// Reads one file's bytes into the assembler and describes the file.
    static func read(
        _ input: ByteInput, kind: DatasetFileKind, fileName: String, path: String, log: ProblemLog,
        assembler: DatasetAssembler
    ) -> DatasetFileInfo {
        assembler.begin(kind, fileName: fileName)
        let outcome: (rows: Int, whole: Bool)?
        if fileName.hasSuffix(".csv") {
            outcome = CSVTable.read(input, kind: kind, fileName: fileName, log: log, into: assembler)
        } else {
            let bytes = input.readAll()
            if let reason = input.readError {
                log.add(kind, DatasetProblem(file: fileName, message: "The file cannot be read: \(reason)."))
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
            log.add(kind, DatasetProblem(file: fileName, message: "The file cannot be read whole: \(reason)."))
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
        let assembler = DatasetAssembler(log: log, asOf: asOf)
        let input = ByteInput(bytes: bytes, chunkSize: chunkSize)
        let info = read(
            input, kind: kind, fileName: kind.name + form, path: kind.name + form, log: log, assembler: assembler)
        var dataset = assembler.dataset
        dataset.files = [info]
        return (log.hasProblems ? log.error() : nil, log.warnings, dataset)
    }

    /// Warns about files that look like dataset files but are not part of the contract.
    private func warnAboutStrangers(_ names: Set<String>, folder: String, log: ProblemLog) {
        let known = DatasetFileKind.allCases.flatMap { kind in Self.extensions.map { kind.name + $0 } }
        for name in names.sorted() where !known.contains(name) {
            guard Self.extensions.contains(where: { name.lowercased().hasSuffix($0) }) else { continue }
            var message = "The file is not part of the data contract and is ignored."
            if let suggestion = closestName(to: name, among: known) { message += " Did you mean '\(suggestion)'?" }
            log.warn(DatasetProblem(file: name, message: message))
        }
    }

    /// The names of the entries of a folder.
    private static func listFolder(_ folder: String) throws(DatasetError) -> Set<String> {
        func failure(_ message: String) -> DatasetError {
            DatasetError(problems: [DatasetProblem(file: folder, message: message)])
        }
        var status = stat()
        guard stat(folder, &status) == 0 else {
            if errno == ENOENT { throw failure("The dataset folder does not exist.") }
            throw failure("The dataset folder cannot be read: \(String(cString: strerror(errno))).")
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw failure("This is not a folder; name the folder that holds communities.csv and members.csv.")
        }
        guard let names = FileSystem.entries(of: folder) else {
            throw failure("The dataset folder cannot be read: \(FileSystem.lastError()).")
        }
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

import CharterData
import CharterEngine
import CharterModules
import CharterOutput
import CharterSupport
import PolicyKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Today's date in UTC, the as-of date when neither the command line nor the profile gives one.
func today() -> CivilDate {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        ?? .earliest
}

/// The current time as an ISO 8601 UTC timestamp.
func timestamp() -> String {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    var seconds = now.tv_sec
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ value: Int32, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(parts.tm_year + 1900)-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T"
        + "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))Z"
}

/// Seconds on a monotonic clock, for phase timings.
func monotonicSeconds() -> Double { MonotonicClock.seconds() }

/// The CPU time the process has used so far (user and system, all threads), in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// The process's resident memory now and at its peak so far, in bytes (Linux's
/// `/proc/self/status`; zeros where it cannot be read), for the memory figures of `--timings`.
func residentMemory() -> (now: Int, peak: Int) {
    guard let file = fopen("/proc/self/status", "r") else { return (0, 0) }
    defer { fclose(file) }
    var now = 0
    var peak = 0
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let kilobytes = Int(text.filter(\.isNumber)) ?? 0
        if text.hasPrefix("VmRSS:") { now = kilobytes * 1024 }
        if text.hasPrefix("VmHWM:") { peak = kilobytes * 1024 }
    }
    return (now, peak)
}

/// What a text file that a command reads is, for the messages when it cannot be read.
enum TextFileKind {
    case profile, testCase, runRecord

    /// Its name in `language`.
    func name(in language: Language) -> String {
        switch self {
        case .profile: language == .chinese ? "配置文件" : "profile"
        case .testCase: language == .chinese ? "测试用例" : "test case"
        case .runRecord: language == .chinese ? "运行记录" : "run record"
        }
    }
}

/// Reads a whole file as UTF-8 text, or explains why it cannot.
func readTextFile(_ path: String, what: TextFileKind) throws(CommandFailure) -> String {
    let bytes: [UInt8]
    do {
        bytes = try FileSystem.readBytes(path)
    } catch {
        let reason = error.reason
        throw CommandFailure(
            code: 2,
            en: "\(path): the \(what.name(in: .english)) cannot be opened (\(reason)). Check the path.",
            zh: "\(path)：无法打开\(what.name(in: .chinese))（\(reason)）。请检查路径。")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
        throw CommandFailure(
            code: 2,
            en: "\(path): the \(what.name(in: .english)) is not UTF-8 text; save it as UTF-8.",
            zh: "\(path)：\(what.name(in: .chinese))不是 UTF-8 文本；请以 UTF-8 编码保存。")
    }
    return text
}

/// Prints the dataset's warnings (what it ignored) to standard error.
func printWarnings(_ warnings: [DatasetProblem], in language: Language) {
    for warning in warnings {
        Console.error((language == .chinese ? "警告：" : "warning: ") + localizedMessage(warning, in: language))
    }
}

/// A profile read and resolved against the modules it names, on one as-of date.
struct LoadedProfile {
    let path: String
    let plan: RunPlan
    let loader: ModuleLoader
    /// The values in force on `asOf`, with where each came from.
    let resolved: ResolvedProfile
    /// The run's as-of date: the command line's, else the profile's `as_of`, else today.
    var asOf: CivilDate { resolved.asOf }
    /// The profile in force on `asOf`.
    var profile: Profile { resolved.profile }

    /// One warning for each parameter the profile sets under a point it does not affect (setting
    /// `maxAge` under `stage` changes no decision), naming where it was set and where it belongs.
    func misplacedParameters(language: Language) -> [String] {
        var warnings: [String] = []
        for value in resolved.values {
            let parts = value.path.split(separator: ".").map(String.init)
            guard parts.first == "policies", parts.count >= 4, parts[parts.count - 2] == "params",
                let point = ExtensionPoint(rawValue: parts[1]), let pointPlan = plan.points[point]
            else { continue }
            let name = parts[parts.count - 1]
            let selection =
                parts.count == 6 && parts[2] == "stages"
                ? Stage(rawValue: parts[3]).flatMap { pointPlan.byStage[$0] } ?? pointPlan.base : pointPlan.base
            guard let spec = selection.module.metadata.parameter(name), !spec.points.contains(point) else { continue }
            let belongs = spec.points.map(\.rawValue).joined(separator: ", ")
            warnings.append(
                language == .chinese
                    ? "\(value.file)：\(value.path)：参数 \(name) 不影响 \(point.rawValue) 的决定，设在这里不起作用；它只影响 \(belongs)，请移到那里（或删去）。"
                    : "\(value.file): \(value.path): \(selection.module.name)'s parameter '\(name)' does not affect \(point.rawValue), so setting it here changes nothing; it affects only \(belongs): move it there, or remove it."
            )
        }
        return warnings
    }
}

/// Reads the profile at `path` and every profile it extends; a file that cannot be read or
/// parsed is exit code 2, named.
func loadProfileDocument(_ path: String) throws(CommandFailure) -> ProfileDocument {
    // A profile file that cannot be read is said as `readTextFile` says it, in either language;
    // the document is told only that the reading failed.
    var unreadable: CommandFailure?
    do throws(ProfileError) {
        return try ProfileDocument.load(path) { file throws(ProfileError) in
            do throws(CommandFailure) {
                return try readTextFile(file, what: .profile)
            } catch {
                unreadable = error
                throw ProfileError(
                    file: file, path: "",
                    message: Text(zh: error.message(in: .chinese), en: error.message(in: .english)))
            }
        }
    } catch {
        if let unreadable { throw unreadable }
        throw CommandFailure(code: 2) { localizedMessage(error, in: $0) }
    }
}

/// Reads the profile at `path` and those it extends, takes the values in force on `asOf` (else
/// the profile's own `as_of`, else today), finds its modules and checks it; every problem is exit
/// code 2.
func loadProfile(_ path: String, modulePaths: [String], asOf requested: CivilDate? = nil) throws(CommandFailure)
    -> LoadedProfile
{
    let document = try loadProfileDocument(path)
    let resolved: ResolvedProfile
    do throws(ProfileError) {
        resolved = try document.resolved(at: requested ?? document.asOf ?? today())
    } catch {
        throw CommandFailure(code: 2) { localizedMessage(error, in: $0) }
    }
    let profile = resolved.profile
    // The document has made each file's module paths relative to the current folder.
    let loader = ModuleLoader(modulePaths: modulePaths + profile.modulePaths)
    let resolver = ProfileResolver(loader: loader) { try? SHA256.hexDigest(ofFile: $0) }
    do {
        let plan = try resolver.resolve(profile, file: path)
        return LoadedProfile(path: path, plan: plan, loader: loader, resolved: resolved)
    } catch {
        let error = resolved.document.error(error.problems)
        throw CommandFailure(code: 2) { localizedMessage(error, in: $0) }
    }
}

/// Reads and checks a dataset on up to `jobs` threads, its warnings printed in `language`; a
/// refused dataset is exit code 2 with every problem.
func loadDataset(
    _ directory: String, asOf: CivilDate, jobs: Int, hashing: Bool = true, language: Language
) throws(CommandFailure) -> DatasetReadResult {
    do {
        let result = try DatasetReader(jobs: jobs, hashing: hashing).read(directory: directory, asOf: asOf)
        printWarnings(result.warnings, in: language)
        return result
    } catch {
        throw CommandFailure(code: 2) { language in
            localizedMessage(error, in: language)
                + (language == .chinese
                    ? "\n数据集未通过检查，未写出任何文件。请改正以上问题后重新运行。"
                    : "\nThe dataset was refused; nothing was written. Fix the problems above and run again.")
        }
    }
}

/// Prepares the output folder `out` for `command`, refusing (exit code 2) one that may not be
/// written or replaced, and says on standard error, in `language`, which leftovers of interrupted
/// runs it removed.
func makeOutputFolder(
    _ out: String, command: String, force: Bool, protected: [ProtectedPath], language: Language
) throws(CommandFailure) -> OutputFolder {
    do {
        let folder = try OutputFolder(destination: out, command: command, force: force, protected: protected)
        for path in folder.leftoversCleared { Console.error(leftoverRemoved(path, command: command, in: language)) }
        if let path = folder.restoredEarlier {
            Console.error(earlierOutputPutBack(path, command: command, in: language))
        }
        return folder
    } catch {
        throw CommandFailure(code: 2) { commandPrefix(command, in: $0) + localizedMessage(error, in: $0) }
    }
}

/// That `path`, left by an interrupted run, was removed.
func leftoverRemoved(_ path: String, command: String, in language: Language) -> String {
    language == .chinese
        ? "charter \(command)：已删除 \(path)（一次中断的运行留下的）。"
        : "charter \(command): removed \(path), left by an interrupted run."
}

/// That the earlier output `path`, which an interrupted run had moved aside, was put back.
func earlierOutputPutBack(_ path: String, command: String, in language: Language) -> String {
    language == .chinese
        ? "charter \(command)：已放回之前的输出 \(path)（被一次中断的运行移到了一旁）。"
        : "charter \(command): put back the earlier output \(path), which an interrupted run had moved aside."
}

/// The failure of writing into the output folder `folder`: exit code 2, nothing written.
func writeFailure(_ error: OutputError, folder: OutputFolder, command: String) -> CommandFailure {
    let placed = folder.placed(error)
    return CommandFailure(code: 2) { language in
        commandPrefix(command, in: language) + placed.message(in: language)
            + (language == .chinese ? "\n未写出任何文件。" : "\nNothing was written.")
    }
}

/// The failure of a policy module while deciding: exit code 3, nothing written.
func moduleFailure(_ error: any Sendable, command: String) -> CommandFailure {
    CommandFailure(code: 3) { language in
        commandPrefix(command, in: language) + localizedMessage(error, in: language)
            + (language == .chinese ? "\n未写出任何文件。" : "\nNothing was written.")
    }
}

/// The paths a command that reads `data` with the profiles `profiles` must not write over.
func protectedPaths(data: String?, profiles: [LoadedProfile]) -> [ProtectedPath] {
    var paths: [ProtectedPath] = []
    if let data { paths.append(ProtectedPath(path: data, role: .dataset)) }
    for profile in profiles {
        paths.append(ProtectedPath(path: FileSystem.folder(of: profile.path), role: .profile))
        paths += profile.loader.directories.map { ProtectedPath(path: $0, role: .modulePath) }
    }
    return paths
}

/// Watches the policy modules the command runs: a crash, a runtime trap or a call longer than
/// `--decision-timeout` ends the command with exit code 3 and one message naming the module, the
/// point and the subject, after removing what it was writing (see `ModuleFaults`).
///
/// The command declares `SharedOptions.moduleWatch` among its options; the message is in
/// `language`.
func watchModules(_ arguments: Arguments, command: String, language: Language) throws(UsageError) {
    let timeout = try arguments[SharedOptions.decisionTimeout]
    ModuleFaults.install(
        decisionTimeout: timeout, debug: arguments[SharedOptions.debug], language: language,
        reporting: ModuleFaults.Reporting(
            report: { failure in
                Console.error(moduleFailure(failure, command: command).message(in: language))
            },
            cleanup: { SignalCleanup.shared.removeAll() }))
}

/// Progress lines on standard error, only when it is a terminal.
final class Progress: Sendable {
    let enabled: Bool

    init() { enabled = Console.errorIsTerminal }

    func phase(_ text: String) {
        if enabled { Console.write("\r\u{1B}[K" + TerminalText.escaped(text), to: 2, raw: true) }
    }

    func done() {
        if enabled { Console.write("\r\u{1B}[K", to: 2, raw: true) }
    }
}

/// Writes each file, whole, into `folder` and puts the folder in place; on a failure nothing is
/// kept and the command fails with code 2, saying why.
func writeFiles(
    _ files: [(name: String, bytes: [UInt8])], into folder: OutputFolder, command: String
) throws(CommandFailure) {
    do {
        for file in files {
            let output = try BufferedFile(path: folder.file(file.name))
            try output.write(file.bytes)
            try output.finish()
        }
        try folder.commit()
    } catch {
        folder.discard()
        throw CommandFailure(
            code: 2, en: "charter \(command): \(folder.describe(error, in: .english))",
            zh: "charter \(command)：\(folder.describe(error, in: .chinese))")
    }
}

import CharterData
import CharterSupport
import Dispatch
public import PolicyKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Turns a policy module's crash, trap or endless loop into one message that names the module,
/// the point and the subject, instead of a dead process and a backtrace.
///
/// How it works, and why this way rather than deciding in a child process:
///
/// - Each worker thread owns a ``WorkerWatch``: a few atomics that say which module call it is
///   in (point, community, member, when it started). The engine writes them around every module
///   call: six plain stores, against a module call of about a microsecond, and no system call.
///   A child process would have to send every decision back through a pipe and copy the dataset
///   (or share it read-only): far more work per decision, for the same protection.
/// - A fault in module code (SIGILL and SIGTRAP from Swift's runtime traps, SIGSEGV, SIGBUS,
///   SIGFPE, SIGABRT) reaches a handler that uses only async-signal-safe calls: it finds the
///   faulting thread's watch and writes its slot number to a pipe. A reporter thread, outside the
///   handler, turns the watch into a ``ModuleFailure``, adds the runtime's "Fatal error" line
///   (standard error is read into a buffer while modules run), removes the output being written
///   (``SignalCleanup``) and ends the process with exit code 3. A fault outside module code is the
///   host's: the earlier handlers (Swift's backtracer) are put back and the fault happens again
///   under them.
/// - The same reporter wakes every 100 ms and ends the run the same way when a module call has
///   lasted longer than the decision timeout.
/// - Should the reporter itself be unable to run (the fault came with a lock held that it needs),
///   the handler writes a short fixed message after ten seconds and exits with code 3; the
///   output folder's staging is then removed by the next command that writes beside it.
public enum ModuleFaults {
    /// What the reporter does once it has the failure's message: print it, then clean up.
    public struct Reporting: Sendable {
        /// Prints the failure (one message; the process ends with exit code 3 after it).
        public var report: @Sendable (_ failure: ModuleFailure) -> Void
        /// Called before the process ends, after `report`: removes what the run was writing.
        public var cleanup: @Sendable () -> Void

        /// Creates the reporting.
        public init(
            report: @escaping @Sendable (_ failure: ModuleFailure) -> Void, cleanup: @escaping @Sendable () -> Void
        ) {
            self.report = report
            self.cleanup = cleanup
        }
    }

    /// Installs the handlers and starts the reporter; once per process, before any module runs.
    ///
    /// - Parameters:
    ///   - decisionTimeout: the longest one module call may take, in seconds.
    ///   - debug: after reporting, let the fault happen again under the earlier handlers (Swift's
    ///     backtracer prints the backtrace) instead of exiting with code 3.
    ///   - language: the language of the lines the watch writes itself (the fixed message when the
    ///     reporter cannot run, the heading over what modules wrote to standard error).
    public static func install(
        decisionTimeout: Double, debug: Bool, language: Language = .english, reporting: Reporting
    ) {
        let first = state.withLock { state -> Bool in
            guard !state.installed else { return false }
            state.installed = true
            state.timeoutNanoseconds = UInt64(max(0.001, decisionTimeout) * 1e9)
            state.debug = debug
            state.reporting = reporting
            state.language = language
            return true
        }
        guard first else { return }
        // Everything the handler touches is made here, outside any signal: a lazy global's first
        // use may allocate or take a lock.
        _ = WatchSlots.all
        _ = faulting.load(ordering: .relaxed)
        _ = released.load(ordering: .relaxed)
        _ = savedStandardError.load(ordering: .relaxed)
        _ = capturedReader.load(ordering: .relaxed)
        _ = fallbackMessage.utf8CodeUnitCount
        _ = chineseFallbackMessage.utf8CodeUnitCount
        fallbackInChinese.store(language == .chinese, ordering: .releasing)
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return }
        faultPipe = (descriptors[0], descriptors[1])
        for signalNumber in faultSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = faultHandler
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigemptyset(&action.sa_mask)
            var previous = sigaction()
            sigaction(signalNumber, &action, &previous)
            previousActions[Int(signalNumber)] = previous
        }
        handlersInstalled.store(true, ordering: .releasing)
        let reporter = Thread { reporterLoop() }
        reporter.start()
    }

    /// Whether ``install(decisionTimeout:debug:reporting:)`` has been called.
    public static var isInstalled: Bool { handlersInstalled.load(ordering: .acquiring) }

    /// The file descriptor that reaches the terminal's standard error while modules run (standard
    /// error itself is then read into a buffer, for the runtime's trap messages).
    public static var standardError: Int32 { capture.withLock { $0.savedDescriptor ?? 2 } }

    /// Runs module code outside deciding (a module's start) watched as a decision is: a fault
    /// or a call longer than the timeout names `module`, `point` and `subject`.
    public static func watching<Value>(
        module: String, point: ExtensionPoint, subject: Text, _ body: () throws -> Value
    ) rethrows -> Value {
        guard isInstalled, let watch = WatchSlots.claim() else { return try body() }
        defer { WatchSlots.release(watch) }
        let run = beginRun(
            Describer { _, _, _, _ in
                ModuleFailure(module: module, point: point, subject: subject, message: Text(verbatim: ""))
            })
        defer { endRun(run) }
        watch.enter(
            run: run, point: point.ordinal, stage: -1, community: 0, member: -1, at: MonotonicClock.nanoseconds())
        defer { watch.leave() }
        return try body()
    }

    // MARK: - Runs

    /// How a run names a watched call: the module's `Name@version` and the subject's text.
    struct Describer: Sendable {
        let describe: @Sendable (_ point: Int, _ stage: Int, _ community: Int, _ member: Int) -> ModuleFailure
    }

    /// Registers a run's describer; returns the run's id for its watches.
    static func beginRun(_ describer: Describer) -> Int {
        guard isInstalled else { return 0 }
        let id = runs.withLock { runs in
            runs.next += 1
            runs.describers[runs.next] = describer
            return runs.next
        }
        beginCapture()
        return id
    }

    /// Forgets a run and hands back what its modules wrote to standard error.
    static func endRun(_ id: Int) {
        guard id != 0 else { return }
        runs.withLock { _ = $0.describers.removeValue(forKey: id) }
        endCapture()
    }

    // MARK: - State

    struct State {
        var installed = false
        var timeoutNanoseconds: UInt64 = 30_000_000_000
        var debug = false
        var reporting: Reporting?
        var language = Language.english
    }

    struct Runs {
        var next = 0
        var describers: [Int: Describer] = [:]
    }

    static let state = Mutex(State())
    static let runs = Mutex(Runs())
    static let handlersInstalled = Atomic<Bool>(false)
    static let faulting = Atomic<Bool>(false)
    static let released = Atomic<Bool>(false)
    /// Whether the handler's fixed message is written in Chinese.
    static let fallbackInChinese = Atomic<Bool>(false)
    /// The terminal's standard error while it is captured, and the capture's reading end (-1
    /// when not capturing), for the handler: it cannot take the capture's lock.
    static let savedStandardError = Atomic<Int32>(-1)
    static let capturedReader = Atomic<Int32>(-1)
    static let faultSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]
    nonisolated(unsafe) static var faultPipe: (read: Int32, write: Int32) = (-1, -1)
    nonisolated(unsafe) static var previousActions: [sigaction] = Array(repeating: sigaction(), count: 65)

    /// The fixed message for when the reporter cannot run.
    static let fallbackMessage: StaticString =
        "charter: a policy module crashed, and the crash could not be reported in full. Nothing was written; run again with --jobs 1 --debug to see where.\n"
    static let chineseFallbackMessage: StaticString =
        "charter：一个政策模块崩溃了，崩溃的情况无法完整报告。没有写出任何文件；请用 --jobs 1 --debug 重新运行，查看出错的位置。\n"

    // MARK: - The signal handler

    /// Runs on the faulting thread, inside the signal: async-signal-safe calls only.
    static let faultHandler:
        @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
            signalNumber, info, _ in
            // A fault of the code that ran (the kernel's, or the thread's own abort()) is the
            // module's when the thread was in module code; a signal sent from outside is not.
            let code = info?.pointee.si_code ?? 0
            let ownFault = code > 0 || (code == SI_TKILL && info?.pointee._sifields._kill.si_pid == getpid())
            let slot = ownFault ? WatchSlots.slotOfCurrentThreadInModuleCode() : -1
            guard slot >= 0 else {
                // The host's fault, or a signal from outside: standard error is given back so
                // that what follows is seen.
                giveBackStandardError()
                if !ownFault {
                    // Sent from outside: its default action, as if nothing were installed.
                    var action = sigaction()
                    action.__sigaction_handler.sa_handler = SIG_DFL
                    sigaction(signalNumber, &action, nil)
                    raise(signalNumber)
                    return
                }
                // The host's own fault, for the handlers that were there before (Swift's
                // backtracer): a fault happens again when the handler returns, and abort()
                // raises its signal again by itself.
                restorePreviousActions()
                return
            }
            if faulting.exchange(true, ordering: .acquiringAndReleasing) {
                // Another thread is being reported already; wait for the process to end.
                while true { pause() }
            }
            var message: (Int32, Int32) = (Int32(slot), signalNumber)
            _ = withUnsafeBytes(of: &message) { write(faultPipe.write, $0.baseAddress, $0.count) }
            // The reporter ends the process; in debug mode it lets the fault happen again instead.
            for _ in 0..<1000 {
                if released.load(ordering: .acquiring) {
                    restorePreviousActions()
                    return
                }
                var pause = timespec(tv_sec: 0, tv_nsec: 10_000_000)
                nanosleep(&pause, nil)
            }
            giveBackStandardError()
            let fixed = fallbackInChinese.load(ordering: .acquiring) ? chineseFallbackMessage : fallbackMessage
            fixed.withUTF8Buffer { _ = write(2, $0.baseAddress, $0.count) }
            _exit(3)
        }

    /// Points standard error at the terminal again and passes on what was captured, using only
    /// async-signal-safe calls (for the signal handler).
    static func giveBackStandardError() {
        let saved = savedStandardError.load(ordering: .acquiring)
        guard saved >= 0 else { return }
        let reader = capturedReader.load(ordering: .acquiring)
        if reader >= 0 {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
                while true {
                    let count = read(reader, buffer.baseAddress, buffer.count)
                    guard count > 0 else { break }
                    _ = write(saved, buffer.baseAddress, count)
                }
            }
        }
        dup2(saved, 2)
    }

    static func restorePreviousActions() {
        for signalNumber in faultSignals {
            withUnsafePointer(to: &previousActions[Int(signalNumber)]) { _ = sigaction(signalNumber, $0, nil) }
        }
    }

    // MARK: - The reporter

    static func reporterLoop() {
        var suspect: (slot: Int, entries: UInt64)?
        while true {
            var poller = pollfd(fd: faultPipe.read, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            if ready > 0 {
                var message: (Int32, Int32) = (0, 0)
                let count = withUnsafeMutableBytes(of: &message) { read(faultPipe.read, $0.baseAddress, $0.count) }
                guard count == MemoryLayout<(Int32, Int32)>.size else { continue }
                reportFault(slot: Int(message.0), signal: message.1)
            }
            // The decision timeout: a call seen running too long twice in a row, with no new call
            // in between, is stuck.
            let timeout = state.withLock { $0.timeoutNanoseconds }
            let now = MonotonicClock.nanoseconds()
            if let (slot, entries) = suspect, WatchSlots.all[slot].isInModuleCode,
                WatchSlots.all[slot].entries.load(ordering: .relaxed) == entries
            {
                reportTimeout(slot: slot, seconds: Double(timeout) / 1e9)
            }
            suspect = nil
            for (index, watch) in WatchSlots.all.enumerated() where watch.isInModuleCode {
                let started = watch.started.load(ordering: .relaxed)
                if now > started, now - started > timeout {
                    suspect = (index, watch.entries.load(ordering: .relaxed))
                    break
                }
            }
        }
    }

    static func reportFault(slot: Int, signal: Int32) {
        let watch = WatchSlots.all[slot]
        var failure = failureOf(watch)
        let trap = trapMessage(naming: failure.subject.english)
        failure = failure.saying(faultText(signal: signal, trap: trap))
        let (reporting, debug) = state.withLock { ($0.reporting, $0.debug) }
        // Standard error stays captured: another worker may be writing a trap message of its
        // own. The report goes to the terminal's (``standardError``).
        reporting?.report(failure)
        reporting?.cleanup()
        if debug {
            // The backtracer writes to standard error: give it the terminal's back.
            capture.withLock { capture in
                if let saved = capture.savedDescriptor { dup2(saved, 2) }
            }
            released.store(true, ordering: .releasing)
            // The faulting thread now faults again under the earlier handlers and ends the process.
            while true { pause() }
        }
        _exit(3)
    }

    /// What a module did, by the signal of its fault and the runtime's trap message (if one).
    static func faultText(signal: Int32, trap: String?) -> Text {
        let signalName = name(of: signal)
        switch signal {
        case SIGILL, SIGTRAP:
            return
                trap.map {
                    Text(zh: "它停在了一个运行时陷阱上：\(sentence($0))", en: "it stopped at a runtime trap: \(sentence($0))")
                }
                ?? Text(zh: "它停在了一个运行时陷阱上（\(signalName)）。", en: "it stopped at a runtime trap (\(signalName)).")
        case SIGSEGV, SIGBUS:
            return Text(
                zh: "它读写了不属于它的内存，崩溃了（\(signalName)）。",
                en: "it crashed reading or writing memory it does not own (\(signalName)).")
        case SIGFPE:
            return Text(
                zh: "它遇到算术错误（例如除以零），崩溃了（\(signalName)）。",
                en: "it crashed on an arithmetic fault, such as a division by zero (\(signalName)).")
        default:
            return
                trap.map { Text(zh: "它中止了：\(sentence($0))", en: "it aborted: \(sentence($0))") }
                ?? Text(zh: "它中止了（\(signalName)）。", en: "it aborted (\(signalName)).")
        }
    }

    static func reportTimeout(slot: Int, seconds: Double) {
        guard !faulting.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let failure = failureOf(WatchSlots.all[slot])
        let timedOut = failure.saying(timeoutText(seconds: seconds))
        let reporting = state.withLock { $0.reporting }
        reporting?.report(timedOut)
        reporting?.cleanup()
        _exit(3)
    }

    /// What a module did that ran longer than the decision timeout.
    static func timeoutText(seconds: Double) -> Text {
        let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        return Text(
            zh: "它在这个对象上用了超过 \(shown) 秒，已被停止（--decision-timeout \(shown)）。",
            en: "it spent more than \(shown) seconds on this subject and was stopped (--decision-timeout \(shown)).")
    }

    static func failureOf(_ watch: WorkerWatch) -> ModuleFailure {
        let run = watch.run.load(ordering: .relaxed)
        let point = watch.point.load(ordering: .relaxed)
        let describer = runs.withLock { $0.describers[run] }
        guard let describer else {
            return ModuleFailure(module: "?", point: .stage, subject: Text(verbatim: "?"), message: Text(verbatim: ""))
        }
        return describer.describe(
            point, watch.stage.load(ordering: .relaxed), watch.community.load(ordering: .relaxed),
            watch.member.load(ordering: .relaxed))
    }

    /// The runtime's message as a sentence, ending in a full stop.
    static func sentence(_ text: String) -> String {
        guard let last = text.last, !".!?。".contains(last) else { return text }
        return text + "."
    }

    static func name(of signal: Int32) -> String {
        switch signal {
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        case SIGSEGV: "SIGSEGV"
        case SIGBUS: "SIGBUS"
        case SIGFPE: "SIGFPE"
        case SIGABRT: "SIGABRT"
        default: "signal \(signal)"
        }
    }

    // MARK: - Standard error while modules run

    struct Capture {
        var depth = 0
        var savedDescriptor: Int32?
        var pipe: (read: Int32, write: Int32) = (-1, -1)
        var text: [UInt8] = []
        var drained = 0
    }

    static let capture = Mutex(Capture())
    static let captureLimit = 1 << 16

    /// Sends standard error into a buffer (nested runs share one capture).
    static func beginCapture() {
        capture.withLock { capture in
            capture.depth += 1
            guard capture.depth == 1 else { return }
            var descriptors: [Int32] = [0, 0]
            guard pipe(&descriptors) == 0 else { return }
            let saved = dup(2)
            guard saved >= 0 else { return }
            _ = fcntl(descriptors[0], F_SETFL, fcntl(descriptors[0], F_GETFL) | O_NONBLOCK)
            _ = fcntl(saved, F_SETFD, FD_CLOEXEC)
            dup2(descriptors[1], 2)
            capture.savedDescriptor = saved
            capture.pipe = (descriptors[0], descriptors[1])
            savedStandardError.store(saved, ordering: .releasing)
            capturedReader.store(descriptors[0], ordering: .releasing)
            capture.text = []
            let reader = descriptors[0]
            let drain = Thread {
                while true {
                    var poller = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
                    let ready = poll(&poller, 1, 200)
                    let open = ModuleFaults.capture.withLock { capture -> Bool in
                        guard capture.pipe.read == reader else { return false }
                        if ready > 0 { drainLocked(&capture) }
                        return true
                    }
                    if !open { return }
                }
            }
            drain.start()
        }
    }

    /// Reads what is waiting in the capture pipe; the caller holds the lock.
    static func drainLocked(_ capture: inout Capture) {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(capture.pipe.read, &chunk, chunk.count)
            guard count > 0 else { return }
            capture.text += chunk[0..<count]
            if capture.text.count > captureLimit { capture.text.removeFirst(capture.text.count - captureLimit) }
        }
    }

    /// Puts standard error back and passes on, escaped, what the modules wrote to it.
    static func endCapture() {
        let text: [UInt8] = capture.withLock { capture in
            guard capture.depth > 0 else { return [] }
            capture.depth -= 1
            guard capture.depth == 0, let saved = capture.savedDescriptor else { return [] }
            drainLocked(&capture)
            savedStandardError.store(-1, ordering: .releasing)
            capturedReader.store(-1, ordering: .releasing)
            dup2(saved, 2)
            close(saved)
            close(capture.pipe.write)
            close(capture.pipe.read)
            capture.savedDescriptor = nil
            capture.pipe = (-1, -1)
            defer { capture.text = [] }
            return capture.text
        }
        guard !text.isEmpty else { return }
        let shown = TerminalText.escaped(bytes: text, keepingLineBreaks: true)
        let heading =
            state.withLock { $0.language } == .chinese
            ? "政策模块写到标准错误输出的内容：\n" : "What the policy modules wrote to standard error:\n"
        let lines = heading + shown + (shown.hasSuffix("\n") ? "" : "\n")
        var bytes = Array(lines.utf8)
        bytes.withUnsafeMutableBytes { _ = write(2, $0.baseAddress, $0.count) }
    }

    /// The runtime's trap message in what modules wrote to standard error, when it can be told
    /// to be the reported fault's: the one that names the subject's id, else the only one (when
    /// two workers trap at once, their messages cannot be told apart otherwise).
    static func trapMessage(naming subject: String) -> String? {
        let text = capture.withLock { capture -> [UInt8] in
            if capture.savedDescriptor != nil { drainLocked(&capture) }
            return capture.text
        }
        let keys = ["Fatal error", "Precondition failed", "Assertion failed"].map { Array($0.utf8) }
        var messages: [String] = []
        for line in text.split(separator: UInt8(ascii: "\n")) {
            if let found = keys.lazy.compactMap({ line.firstRange(of: $0) }).first {
                messages.append(TerminalText.escaped(bytes: line[found.lowerBound...]))
            }
        }
        let head = subject.split(separator: " ").first ?? ""
        let id = head.split(separator: ":").last.map(String.init) ?? ""
        if !id.isEmpty, let named = messages.first(where: { $0.contains(id) }) { return named }
        return Set(messages).count == 1 ? messages.first : nil
    }
}

/// What one worker thread is doing in module code, for ``ModuleFaults``.
///
/// Written only by its worker, read by the fault handler and the reporter. Every field is an
/// atomic, so those reads are well defined; relaxed stores compile to plain moves. (Unchecked
/// only for the signal stack's pointer, which is set once and never freed.)
final class WorkerWatch: @unchecked Sendable {
    /// The thread that holds the watch (`pthread_self`), or 0 when free.
    let owner = Atomic<UInt>(0)
    /// The run (``ModuleFaults/beginRun(_:)``).
    let run = Atomic<Int>(0)
    /// The point's ordinal while in module code, -1 outside it.
    let point = Atomic<Int>(-1)
    /// The community's stage ordinal, -1 for none.
    let stage = Atomic<Int>(-1)
    /// The community's row.
    let community = Atomic<Int>(0)
    /// The member's position in the community, -1 for a call about the whole community.
    let member = Atomic<Int>(-1)
    /// When the call started (``MonotonicClock``).
    let started = Atomic<UInt64>(0)
    /// How many calls have started, to tell a stuck call from a new one.
    let entries = Atomic<UInt64>(0)
    /// The alternate signal stack the holder uses, so a stack overflow can be reported too.
    let signalStack: UnsafeMutableRawPointer = .allocate(byteCount: WorkerWatch.signalStackSize, alignment: 16)
    static let signalStackSize = 1 << 16
    /// The alternate signal stack the holder had before (the runtime's, on the main thread).
    ///
    /// Put back when the holder gives the watch back; only its holder touches it.
    nonisolated(unsafe) var previousStack = stack_t()

    var isInModuleCode: Bool { owner.load(ordering: .relaxed) != 0 && point.load(ordering: .relaxed) >= 0 }

    /// Notes the start of a module call.
    @inline(__always)
    func enter(run: Int, point: Int, stage: Int, community: Int, member: Int, at time: UInt64) {
        self.run.store(run, ordering: .relaxed)
        self.stage.store(stage, ordering: .relaxed)
        self.community.store(community, ordering: .relaxed)
        self.member.store(member, ordering: .relaxed)
        started.store(time, ordering: .relaxed)
        entries.store(entries.load(ordering: .relaxed) &+ 1, ordering: .relaxed)
        self.point.store(point, ordering: .releasing)
    }

    /// Notes the end of a module call.
    @inline(__always)
    func leave() { point.store(-1, ordering: .relaxed) }
}

/// The process's watches: a fixed set, so the signal handler never allocates to find one.
enum WatchSlots {
    static let count = 256
    static let all: [WorkerWatch] = (0..<count).map { _ in WorkerWatch() }

    /// Takes a free watch for the current thread (and gives it an alternate signal stack), or
    /// `nil` when every watch is taken or no faults are watched.
    static func claim() -> WorkerWatch? {
        guard ModuleFaults.isInstalled else { return nil }
        let thread = UInt(bitPattern: Int(bitPattern: UInt(pthread_self())))
        for watch in all where watch.owner.compareExchange(expected: 0, desired: thread, ordering: .acquiring).exchanged
        {
            var stack = stack_t(ss_sp: watch.signalStack, ss_flags: 0, ss_size: WorkerWatch.signalStackSize)
            sigaltstack(&stack, &watch.previousStack)
            return watch
        }
        return nil
    }

    /// Gives a watch back.
    static func release(_ watch: WorkerWatch?) {
        guard let watch else { return }
        watch.leave()
        var previous = watch.previousStack
        if previous.ss_sp == nil { previous.ss_flags = Int32(SS_DISABLE) }
        sigaltstack(&previous, nil)
        watch.owner.store(0, ordering: .releasing)
    }

    /// The slot of the watch the current thread holds while in module code, or -1.
    static func slotOfCurrentThreadInModuleCode() -> Int {
        let thread = UInt(bitPattern: Int(bitPattern: UInt(pthread_self())))
        for index in 0..<count {
            let watch = all[index]
            if watch.owner.load(ordering: .relaxed) == thread, watch.point.load(ordering: .acquiring) >= 0 {
                return index
            }
        }
        return -1
    }
}

/// A thread of its own, started by hand (Foundation's `Thread` is not used in the host).
final class Thread: @unchecked Sendable {
    private let body: @Sendable () -> Void

    init(_ body: @escaping @Sendable () -> Void) { self.body = body }

    func start() {
        let box = Unmanaged.passRetained(self).toOpaque()
        var handle = pthread_t()
        let created = pthread_create(
            &handle, nil,
            { argument in
                guard let argument else { return nil }
                let thread = Unmanaged<Thread>.fromOpaque(argument).takeRetainedValue()
                thread.body()
                return nil
            }, box)
        if created == 0 {
            pthread_detach(handle)
        } else {
            Unmanaged<Thread>.fromOpaque(box).release()
        }
    }
}

public import PolicyKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Member management that fails on purpose, for the fault injection of `scripts/check-faults.sh`.
///
/// It fails on the member at position `at` of each community; every other member is grid-managed.
public struct Faulty: PolicyModule, MemberManagementPolicy {
    /// The one rule.
    static let grid = Rule("faulty.grid", point: .memberManagement, meaning: Text(zh: "网格管理。", en: "Grid management."))
    /// The one reason.
    static let gridReason = ReasonTemplate("faulty.grid", zh: "网格管理。", en: "Grid management.")
    /// How it fails.
    enum Fault: String, CaseIterable, ParameterType {
        case none, trap, index, segv, fpe, recursion, loop, stderr, sleep, abort, inittrap
    }
    /// How it fails.
    static let fault = Parameter<Fault>(
        "fault", default: .none, points: [.memberManagement], meaning: Text(zh: "出错的方式。", en: "How it fails."))
    /// Where it fails.
    static let at = Parameter<Int>(
        "at", in: 0...1_000_000, default: 3, points: [.memberManagement],
        meaning: Text(zh: "在社区第几名党员处出错。", en: "The member's position in the community at which it fails."))

    /// The module's name, version, rule and parameters.
    public static let metadata = ModuleMetadata(
        name: "Faulty",
        version: SemanticVersion(0, 1, 0),
        summary: Text(zh: "故障注入：在指定党员处出错。", en: "Fault injection: fails on the member named."),
        rules: [grid], reasons: [gridReason], parameters: [fault, at])

    let fault: String
    let at: Int
    static let slept = Atomic<Bool>(false)

    /// Creates the module with its parameters.
    public init(parameters: Parameters) throws {
        fault = try parameters.value(of: Self.fault).rawValue
        at = try parameters.value(of: Self.at)
        if fault == "inittrap" { fatalError("Faulty was told to trap as it starts") }
    }

    /// Grid management, except for the member at position `at`, where it fails as told.
    public func decideManagement(ofMemberAt index: Int, in context: CommunityContext) -> ManagementDecision {
        if index == at {
            switch fault {
            case "trap": fatalError("Faulty was told to trap on \(context.members[index].id)")
            case "index": _ = context.members[context.members.count + index]
            case "segv":
                // An address no process maps: the write faults.
                if let nowhere = UnsafeMutablePointer<Int>(bitPattern: 8) { nowhere.pointee = 1 }
            case "fpe": _ = divide(1, by: Int32(index - at))
            case "recursion": _ = recurse(index)
            case "loop": while fault == "loop" { sched_yield() }
            case "sleep":
                // Once per run: long enough to act on the run while it decides.
                if !Faulty.slept.exchange(true, ordering: .relaxed) { sleep(2) }
            case "abort": abort()
            case "stderr":
                var line = "Faulty: a line on standard error, with an escape \u{1B}[31m\n"
                line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
            default: break
            }
        }
        return ManagementDecision(
            outcome: .grid, rules: [Self.grid], reasons: [Self.gridReason()],
            details: ManagementDetails(grid: "g"))
    }

    /// Integer division in C's terms, so that a zero divisor is the processor's fault (SIGFPE),
    /// not Swift's trap.
    @inline(never)
    func divide(_ value: Int32, by divisor: Int32) -> Int32 {
        var result: Int32 = 0
        withUnsafeMutablePointer(to: &result) { pointer in
            let quotient = div(value, divisor)
            pointer.pointee = quotient.quot
        }
        return result
    }

    @inline(never)
    func recurse(_ depth: Int) -> Int {
        var padding = (depth, depth, depth, depth)
        return withUnsafeMutablePointer(to: &padding) { recurse($0.pointee.0 + 1) + $0.pointee.1 }
    }
}

/// The module's entry point.
@_cdecl("charter_policy_module_v2_Faulty")
public func export(_ host: OpaquePointer) -> OpaquePointer? { Faulty.export(host) }

import CharterData
import CharterRecords
import CharterSupport
import Dispatch
public import PolicyKit
import Synchronization

/// Where a run's deciding time went: in each point's module code, and in the host around it.
public struct EngineTimes: Sendable {
    /// Nanoseconds spent inside module code, per point, summed over the workers.
    public var moduleNanoseconds: [ExtensionPoint: UInt64] {
        Dictionary(uniqueKeysWithValues: ExtensionPoint.allCases.enumerated().map { ($1, nanoseconds[$0]) })
    }
    /// Decisions made, per point.
    public var decisions: [ExtensionPoint: Int] {
        Dictionary(uniqueKeysWithValues: ExtensionPoint.allCases.enumerated().map { ($1, counts[$0]) })
    }
    /// Nanoseconds the host spent deciding (building contexts, checking and storing decisions),
    /// summed over the workers, module code excluded.
    public var hostNanoseconds: UInt64 = 0

    // By the point's place in `ExtensionPoint.allCases`: added to on every decision, so no hashing.
    private var nanoseconds = [UInt64](repeating: 0, count: ExtensionPoint.allCases.count)
    private var counts = [Int](repeating: 0, count: ExtensionPoint.allCases.count)

    /// Creates empty times.
    public init() {}

    mutating func add(_ other: EngineTimes) {
        for index in nanoseconds.indices {
            nanoseconds[index] += other.nanoseconds[index]
            counts[index] += other.counts[index]
        }
        hostNanoseconds += other.hostNanoseconds
    }

    mutating func add(_ elapsed: UInt64, decisions: Int, at point: ExtensionPoint) {
        let index = point.ordinal
        nanoseconds[index] += elapsed
        counts[index] += decisions
    }
}

/// Runs a plan's modules over a dataset, community by community, on every core.
///
/// A community's points run in order (`stage`, `branch_setup`, `member_management`,
/// `cadre_selection`, `points`, `governance`), each seeing the earlier points' decisions for the
/// community. Communities are independent, so they are shared out among the workers; each result
/// lands in its community's slot, and the output is the same whatever the number of workers.
public struct Engine: Sendable {
    /// The modules to run.
    public let plan: RunPlan
    /// The run's as-of date.
    public let asOf: CivilDate
    /// How many communities are decided at once.
    public let jobs: Int

    /// Creates an engine.
    public init(plan: RunPlan, asOf: CivilDate, jobs: Int) {
        self.plan = plan
        self.asOf = asOf
        self.jobs = max(1, jobs)
    }

    /// Decides every community of the index; calls `progress` with the number of communities done.
    public func run(
        _ index: DatasetIndex, progress: (@Sendable (Int) -> Void)? = nil
    ) throws(ModuleFailure) -> [CommunityResult] {
        try runTimed(index, progress: progress).results
    }

    /// Decides every community of the index, and says where the time went.
    public func runTimed(
        _ index: DatasetIndex, progress: (@Sendable (Int) -> Void)? = nil
    ) throws(ModuleFailure) -> (results: [CommunityResult], times: EngineTimes) {
        let count = index.dataset.communities.count
        let slots = ResultSlots(count: count)
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let totals = Mutex(EngineTimes())
        let workers = min(jobs, max(1, count))
        let run = ModuleFaults.beginRun(describer(index))
        defer { ModuleFaults.endRun(run) }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var times = EngineTimes()
            let interner = DecisionInterner()
            let watch = WatchSlots.claim()
            defer { WatchSlots.release(watch) }
            while true {
                let community = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard community < count else { break }
                let start = MonotonicClock.nanoseconds()
                var moduleTime: UInt64 = 0
                slots.store(
                    decide(
                        community: community, index: index, times: &times, moduleTime: &moduleTime,
                        interner: interner, watch: watch, run: run),
                    at: community)
                times.hostNanoseconds += MonotonicClock.nanoseconds() - start - moduleTime
                let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
                if let progress, finished % 64 == 0 || finished == count { progress(finished) }
            }
            totals.withLock { $0.add(times) }
        }
        var firstFailure: ModuleFailure?
        for community in index.communityOrder {
            if case .failure(let failure) = slots.result(at: community) {
                firstFailure = failure
                break
            }
        }
        if let firstFailure { throw firstFailure }
        let results = (0..<count).compactMap { try? slots.result(at: $0).get() }
        return (results, totals.withLock { $0 })
    }

    /// Decides one community: every planned point, in order.
    public func decide(community: Int, index: DatasetIndex) -> Result<CommunityResult, ModuleFailure> {
        var times = EngineTimes()
        var moduleTime: UInt64 = 0
        return decide(
            community: community, index: index, times: &times, moduleTime: &moduleTime, interner: DecisionInterner())
    }

    /// Names the module and subject of a watched call, for a fault or a timeout.
    private func describer(_ index: DatasetIndex) -> ModuleFaults.Describer {
        ModuleFaults.Describer { [plan] pointOrdinal, stageOrdinal, community, member in
            let point = ExtensionPoint.allCases[pointOrdinal]
            let stage = stageOrdinal >= 0 ? Stage.allCases[stageOrdinal] : nil
            let label =
                plan.points[point].map { point == .stage ? $0.base.label : $0.selection(for: stage).label } ?? "?"
            let communityID = index.dataset.communities[community].id
            let members = index.membersByCommunity[community]
            let subject: Text
            if member >= 0, member < members.count {
                let id = index.dataset.members[members[member]].id
                subject = Text(zh: "member:\(id)（社区 \(communityID)）", en: "member:\(id) (community \(communityID))")
            } else if point == .points || point == .memberManagement {
                subject = Text(
                    zh: "community:\(communityID)（为其 \(members.count) 名党员作决定）",
                    en: "community:\(communityID) (deciding its \(members.count) members)")
            } else if point == .cadreSelection {
                subject = Text(
                    zh: "community:\(communityID)（选配其干部）", en: "community:\(communityID) (selecting its cadres)")
            } else {
                subject = Text(verbatim: "community:\(communityID)")
            }
            return ModuleFailure(module: label, point: point, subject: subject, message: Text(verbatim: ""))
        }
    }

    /// Decides one community, adding the time spent in module code to `times` and `moduleTime`.
    func decide(
        community: Int, index: DatasetIndex, times: inout EngineTimes, moduleTime: inout UInt64,
        interner: DecisionInterner, watch: WorkerWatch? = nil, run: Int = 0
    ) -> Result<CommunityResult, ModuleFailure> {
        let context = index.context(ofCommunity: community, asOf: asOf)
        var step = PointStep(
            engine: self, interner: interner,
            state: CommunityRun(
                context: context,
                result: CommunityResult(
                    community: community, members: index.membersByCommunity[community],
                    seatSubjects: index.seatSubjects(ofCommunity: community)),
                communitySubject: "community:\(context.community.id)"),
            timing: Timing(times: times, watch: watch, run: run, community: community))
        defer {
            times = step.timing.times
            moduleTime += step.timing.moduleTime
        }
        // The points in run order, each through its registration (visitPoint). The stage, decided
        // first, selects the modules of the points after it.
        for point in ExtensionPoint.allCases {
            guard let planned = plan.points[point] else { continue }
            step.selection = planned.base
            if point != .stage {
                let stage = step.state.context.stage
                step.selection = planned.selection(for: stage)
                step.timing.stageOrdinal = stage.flatMap { Stage.allCases.firstIndex(of: $0) } ?? -1
            }
            if let failure = visitPoint(point, &step) { return .failure(failure) }
        }
        return .success(step.state.result)
    }

    /// Decides one point of a community, for ``visitPoint(_:_:)``.
    struct PointStep: PointVisitor {
        let engine: Engine
        let interner: DecisionInterner
        var selection: PolicySelection?
        var state: CommunityRun
        var timing: Timing

        init(engine: Engine, interner: DecisionInterner, state: CommunityRun, timing: Timing) {
            self.engine = engine
            self.interner = interner
            self.state = state
            self.timing = timing
        }

        mutating func visit<Point: HostedPoint>(_ point: Point.Type) -> ModuleFailure? {
            guard let selection else { return nil }
            do throws(ModuleFailure) {
                try engine.decidePoint(point, selection, &state, &timing, interner)
                return nil
            } catch {
                return error
            }
        }
    }

    /// The time spent in module code while a community is decided, and what the watchdog is told.
    struct Timing {
        var times: EngineTimes
        var moduleTime: UInt64 = 0
        let watch: WorkerWatch?
        let run: Int
        let community: Int
        var stageOrdinal = -1

        /// Calls a module, timed and watched.
        @inline(__always)
        mutating func timed<Value>(
            _ point: ExtensionPoint, decisions: Int = 1, member: Int = -1, _ body: () -> Value
        ) -> Value {
            let start = MonotonicClock.nanoseconds()
            watch?.enter(
                run: run, point: point.ordinal, stage: stageOrdinal, community: community, member: member, at: start)
            let value = body()
            watch?.leave()
            let elapsed = MonotonicClock.nanoseconds() - start
            times.add(elapsed, decisions: decisions, at: point)
            moduleTime += elapsed
            return value
        }
    }

    /// A community being decided: its context (with the earlier points' decisions) and result.
    struct CommunityRun {
        var context: CommunityContext
        var result: CommunityResult
        let communitySubject: String
    }

    /// Runs one point over a community: calls its module as the point says, checks that every
    /// subject got one decision firing only declared rules, keeps the decisions and hands them to
    /// the later points.
    fileprivate func decidePoint<Point: HostedPoint>(
        _: Point.Type, _ selection: PolicySelection, _ state: inout CommunityRun, _ timing: inout Timing,
        _ interner: DecisionInterner
    ) throws(ModuleFailure) {
        let point = Point.point
        let policy = try cast(selection, point, state.communitySubject) { Point.policy($0) }
        let context = state.context
        let members = context.members
        var declared = DeclaredRules(selection.declaredRules[point] ?? [])
        let decisions: [Decision<Point.Outcome, Point.Details>]
        switch Point.call {
        case .community(let decide):
            decisions = [timing.timed(point) { decide(policy, context) }]
        case .eachMember(let decide):
            var made: [Decision<Point.Outcome, Point.Details>] = []
            made.reserveCapacity(members.count)
            for member in members.indices {
                let decision = timing.timed(point, member: member) { decide(policy, member, context) }
                try check(decision.rules, declared: &declared, selection, point, "member:\(members[member].id)")
                made.append(decision)
            }
            decisions = made
        case .allMembers(let decide):
            decisions = timing.timed(point, decisions: members.count) { decide(policy, context) }
            guard decisions.count == members.count else {
                throw ModuleFailure(
                    module: selection.label, point: point, subject: Text(verbatim: state.communitySubject),
                    message: Text(
                        zh: "它为社区的 \(members.count) 名党员返回了 \(decisions.count) 个 \(point.rawValue) 决定。",
                        en:
                            "it returned \(decisions.count) \(point.rawValue) decisions for the community's \(members.count) members."
                    ))
            }
        case .allSeats(let decide):
            let seats = state.result.seatSubjects
            decisions = timing.timed(point, decisions: seats.count) { decide(policy, context) }
            guard decisions.count == seats.count else {
                throw ModuleFailure(
                    module: selection.label, point: point, subject: Text(verbatim: state.communitySubject),
                    message: Text(
                        zh: "它为社区的 \(seats.count) 个席位返回了 \(decisions.count) 个席位决定。",
                        en: "it returned \(decisions.count) seat decisions for the community's \(seats.count) seats."))
            }
        }
        switch Point.call {
        case .community:
            try check(decisions[0].rules, declared: &declared, selection, point, state.communitySubject)
        case .eachMember:
            break  // checked as they were made
        case .allMembers:
            for index in decisions.indices {
                try check(decisions[index].rules, declared: &declared, selection, point, "member:\(members[index].id)")
            }
        case .allSeats:
            let seats = state.result.seatSubjects
            for index in decisions.indices {
                try check(decisions[index].rules, declared: &declared, selection, point, seats[index])
            }
        }
        let kept = interner.shared(decisions, module: selection.label)
        Point.remember(kept, in: &state.context.decided)
        Point.keep(Decided(module: selection.label, value: kept), in: &state.result)
    }

    private func cast<Policy>(
        _ selection: PolicySelection, _ point: ExtensionPoint, _ subject: String,
        _ conversion: (any PolicyModule) -> Policy?
    ) throws(ModuleFailure) -> Policy {
        guard let policy = conversion(selection.instance) else {
            throw ModuleFailure(
                module: selection.label, point: point, subject: Text(verbatim: subject),
                message: Text(zh: "模块不提供这个扩展点。", en: "the module does not provide this point."))
        }
        return policy
    }

    private func check(
        _ rules: [Rule], _ selection: PolicySelection, _ point: ExtensionPoint, _ subject: @autoclosure () -> String
    ) throws(ModuleFailure) {
        try check(rules, declared: selection.declaredRules[point] ?? [], selection, point, subject())
    }

    /// Checks that every rule a decision fired is declared; the subject is only written out when
    /// one is not (a member's subject would otherwise be built for every member).
    @inline(__always)
    private func check(
        _ rules: [Rule], declared: Set<String>, _ selection: PolicySelection, _ point: ExtensionPoint,
        _ subject: @autoclosure () -> String
    ) throws(ModuleFailure) {
        var declared = DeclaredRules(declared)
        try check(rules, declared: &declared, selection, point, subject())
    }

    /// Checks that every rule a decision fired is declared, remembering the rules last found
    /// declared.
    @inline(__always)
    private func check(
        _ rules: [Rule], declared: inout DeclaredRules, _ selection: PolicySelection, _ point: ExtensionPoint,
        _ subject: @autoclosure () -> String
    ) throws(ModuleFailure) {
        if let rule = declared.firstUndeclared(in: rules) {
            throw ModuleFailure(
                module: selection.label, point: point, subject: Text(verbatim: subject()),
                message: Text(
                    zh: "它触发了规则 '\(rule)'，而它没有为这个扩展点声明这条规则。",
                    en: "it fired the rule '\(rule)', which it does not declare for this point."))
        }
    }
}

/// The rules a module declares for a point, checked against decision after decision.
///
/// Most of a community's decisions fire the same few rules as the decision before them, and rule
/// ids are the module's own literals: comparing with the rules last found declared is a few
/// instructions, where hashing every rule of a million members' decisions was not.
struct DeclaredRules {
    private let declared: Set<String>
    private var lastAccepted: [Rule] = []

    init(_ declared: Set<String>) { self.declared = declared }

    /// The first of `rules` that is not declared, or `nil` when all are.
    mutating func firstUndeclared(in rules: [Rule]) -> String? {
        if rules == lastAccepted { return nil }
        for rule in rules where !declared.contains(rule.id) { return rule.id }
        lastAccepted = rules
        return nil
    }
}

/// One slot per community that the workers fill, each slot written by one worker only.
private final class ResultSlots: @unchecked Sendable {
    // Each index is written exactly once, by the worker that took that community from the shared
    // counter, and read only after `concurrentPerform` has returned; no two threads touch a slot.
    private let storage: UnsafeMutableBufferPointer<Result<CommunityResult, ModuleFailure>?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func store(_ result: Result<CommunityResult, ModuleFailure>, at index: Int) { storage[index] = result }

    func result(at index: Int) -> Result<CommunityResult, ModuleFailure> {
        storage[index]
            ?? .failure(
                ModuleFailure(
                    module: "-", point: .stage, subject: Text(zh: "第 \(index) 号社区", en: "community #\(index)"),
                    message: Text(zh: "它从未得到决定。", en: "it was never decided.")))
    }
}

extension ExtensionPoint {
    /// The point's place in `allCases`, the run order.
    var ordinal: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

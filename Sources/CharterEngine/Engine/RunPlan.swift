public import CharterModules
public import PolicyKit

/// A module chosen to decide a point, made ready with its parameters.
public struct PolicySelection: Sendable {
    /// The loaded module.
    public let module: LoadedModule
    /// The parameters it runs with: the profile's values over the module's defaults.
    public let parameters: Parameters
    /// The instance made with those parameters.
    public let instance: any PolicyModule
    /// The rule ids the module declares, by point.
    public let declaredRules: [ExtensionPoint: Set<String>]

    /// Makes an instance of `module` with `parameters`, for `point` (named when the module's
    /// start faults; see ``ModuleFaults``).
    public init(module: LoadedModule, parameters: Parameters, point: ExtensionPoint = .stage) throws {
        self.module = module
        self.parameters = parameters
        self.instance = try ModuleFaults.watching(
            module: module.label, point: point,
            subject: Text(
                zh: "模块启动（以配置文件的参数调用 init(parameters:)）",
                en: "its start with the profile's parameters (init(parameters:))")
        ) {
            try module.makeInstance(parameters: parameters)
        }
        var rules: [ExtensionPoint: Set<String>] = [:]
        for rule in module.metadata.rules { rules[rule.point, default: []].insert(rule.id) }
        self.declaredRules = rules
    }

    /// `Name@version`, as decision records write it.
    public var label: String { module.label }
}

/// Which module decides one extension point: one for every stage, and optionally another for
/// particular stages (stage-specific policy modules).
public struct PointPlan: Sendable {
    /// The module for stages without an override (and for communities in no stage).
    public let base: PolicySelection
    /// The module for particular stages.
    public let byStage: [Stage: PolicySelection]

    /// Creates a point's plan.
    public init(base: PolicySelection, byStage: [Stage: PolicySelection] = [:]) {
        self.base = base
        self.byStage = byStage
    }

    /// The selection that decides for a community in `stage`.
    public func selection(for stage: Stage?) -> PolicySelection {
        stage.flatMap { byStage[$0] } ?? base
    }
}

/// What a run decides and with which modules: the resolved form of a district's profile.
public struct RunPlan: Sendable {
    /// The points the profile decides, each with its modules.
    public let points: [ExtensionPoint: PointPlan]

    /// Creates a plan.
    public init(points: [ExtensionPoint: PointPlan]) { self.points = points }

    /// The points decided, in run order.
    public var decidedPoints: [ExtensionPoint] { ExtensionPoint.allCases.filter { points[$0] != nil } }

    /// Every distinct module the plan uses, by name.
    public var modules: [LoadedModule] {
        var byName: [String: LoadedModule] = [:]
        for plan in points.values {
            for selection in [plan.base] + Array(plan.byStage.values) {
                byName[selection.module.name] = selection.module
            }
        }
        return byName.keys.sorted().compactMap { byName[$0] }
    }
}

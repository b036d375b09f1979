public import CharterModules
import CharterSupport
import PolicyKit

/// Checks a profile against the modules it names and makes the run plan.
///
/// Every choice is checked before anything runs: the module exists and provides the point, each
/// parameter is declared, of the right type and within its allowed values, and pinned versions and
/// file digests match. Every problem is reported with its JSON path.
public struct ProfileResolver {
    /// The loader that finds the modules.
    public let loader: ModuleLoader
    /// Computes the SHA-256 of a module file, for pins.
    public let digest: (String) -> String?

    /// Creates a resolver.
    public init(loader: ModuleLoader, digest: @escaping (String) -> String?) {
        self.loader = loader
        self.digest = digest
    }

    /// The run plan of `profile`, read from `file`.
    public func resolve(_ profile: Profile, file: String) throws(ProfileError) -> RunPlan {
        var problems: [ProfileProblem] = []
        var cache: [String: Result<LoadedModule, ModuleLoadError>] = [:]
        var reported: [String: String] = [:]
        var points: [ExtensionPoint: PointPlan] = [:]
        for point in ExtensionPoint.allCases {
            guard let choice = profile.policies[point] else { continue }
            let path = "policies.\(point.rawValue)"
            guard
                let base = select(
                    choice, inherited: nil, point: point, path: path, cache: &cache, reported: &reported,
                    problems: &problems)
            else { continue }
            var byStage: [Stage: PolicySelection] = [:]
            for stage in Stage.allCases {
                guard let override = choice.stages[stage] else { continue }
                if let selection = select(
                    override, inherited: (choice, base), point: point, path: "\(path).stages.\(stage.rawValue)",
                    cache: &cache, reported: &reported, problems: &problems)
                {
                    byStage[stage] = selection
                }
            }
            points[point] = PointPlan(base: base, byStage: byStage)
        }
        guard problems.isEmpty else { throw ProfileError(file: file, problems: problems) }
        return RunPlan(points: points)
    }

    private func select(
        _ choice: PolicyChoice, inherited: (choice: PolicyChoice, selection: PolicySelection)?, point: ExtensionPoint,
        path: String, cache: inout [String: Result<LoadedModule, ModuleLoadError>], reported: inout [String: String],
        problems: inout [ProfileProblem]
    ) -> PolicySelection? {
        guard let name = choice.module ?? inherited?.selection.module.name else { return nil }
        let result = cache[name] ?? Result { () throws(ModuleLoadError) in try loader.load(named: name) }
        cache[name] = result
        let module: LoadedModule
        switch result {
        case .success(let loaded): module = loaded
        case .failure(let error):
            if let first = reported[name] {
                problems.append(
                    ProfileProblem(
                        path: "\(path).module", message: "Module '\(name)' could not be loaded (see \(first))."))
            } else {
                reported[name] = "\(path).module"
                problems.append(ProfileProblem(path: "\(path).module", message: error.description))
            }
            return nil
        }
        let before = problems.count
        if !module.points.contains(point) {
            let providers = loader.discover().modules.filter { $0.points.contains(point) }.map(\.name)
            problems.append(
                ProfileProblem(
                    path: "\(path).module",
                    message: "Module '\(name)' does not decide \(point.rawValue); it decides "
                        + "\(module.points.map(\.rawValue).joined(separator: ", ")). "
                        + (providers.isEmpty
                            ? "No module found decides \(point.rawValue)."
                            : "Modules that decide \(point.rawValue): \(providers.joined(separator: ", ")).")))
        }
        if let version = choice.version, version != module.metadata.version.description {
            problems.append(
                ProfileProblem(
                    path: "\(path).version",
                    message:
                        "The profile pins \(name) \(version), but \(module.file) is version \(module.metadata.version). "
                        + "Install the pinned version, or update the pin after reviewing the change (charter diff)."))
        }
        if let pinned = choice.sha256 {
            let actual = digest(module.file)
            if actual != pinned {
                problems.append(
                    ProfileProblem(
                        path: "\(path).sha256",
                        message: "The file \(module.file) has changed: its SHA-256 is \(actual ?? "unreadable"), "
                            + "but the profile pins \(pinned). Restore the pinned build, or update the pin after reviewing the change (charter diff)."
                    ))
            }
        }
        var values: [String: ParameterValue] = [:]
        if let inherited, choice.module == nil || choice.module == inherited.selection.module.name {
            values = inherited.selection.parameters.values
        }
        for (parameter, json) in choice.params {
            let parameterPath = "\(path).params.\(parameter)"
            guard let spec = module.metadata.parameter(parameter) else {
                let known = module.metadata.parameters.map(\.name)
                var message = "Module '\(name)' has no parameter '\(parameter)'."
                if let suggestion = closestMatch(to: parameter, among: known) {
                    message += " Did you mean '\(suggestion)'?"
                }
                message +=
                    known.isEmpty ? " It takes no parameters." : " Its parameters: \(known.joined(separator: ", "))."
                problems.append(ProfileProblem(path: parameterPath, message: message))
                continue
            }
            switch ProfileResolver.parameterValue(json, spec: spec) {
            case .success(let value): values[parameter] = value
            case .failure(let problem): problems.append(ProfileProblem(path: parameterPath, message: problem.message))
            }
        }
        guard problems.count == before else { return nil }
        do {
            return try PolicySelection(
                module: module, parameters: Parameters(defaultsOf: module.metadata, overriddenBy: values), point: point)
        } catch {
            problems.append(
                ProfileProblem(path: "\(path).params", message: "Module '\(name)' refused its parameters: \(error)."))
            return nil
        }
    }

    struct ParameterProblem: Error {
        let message: String
    }

    /// A JSON value checked against a parameter's declared type and allowed values.
    static func parameterValue(_ json: JSONValue, spec: ParameterSpec) -> Result<ParameterValue, ParameterProblem> {
        let value: ParameterValue
        switch (spec.kind, json) {
        case (.integer, .number(let text)):
            guard let number = Int(text) else {
                return .failure(ParameterProblem(message: "must be a whole number, not \(text)."))
            }
            value = .integer(number)
        case (.boolean, .bool(let flag)): value = .boolean(flag)
        case (.choice, .string(let word)): value = .text(word)
        default:
            return .failure(
                ParameterProblem(
                    message: "must be \(spec.kind.typeName == "integer" ? "an integer" : "a \(spec.kind.typeName)"), "
                        + "not \(json.kindName) (allowed: \(spec.kind.allowedText))."))
        }
        guard spec.kind.allows(value) else {
            var message = "\(value) is out of range: allowed \(spec.kind.allowedText)."
            if case .choice(let words) = spec.kind, case .text(let word) = value,
                let suggestion = closestMatch(to: word, among: words)
            {
                message += " Did you mean '\(suggestion)'?"
            }
            return .failure(ParameterProblem(message: message))
        }
        return .success(value)
    }
}

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
                        path: "\(path).module",
                        message: Text(
                            zh: "模块 '\(name)' 无法加载（见 \(first)）。",
                            en: "Module '\(name)' could not be loaded (see \(first)).")))
            } else {
                reported[name] = "\(path).module"
                problems.append(
                    ProfileProblem(
                        path: "\(path).module", message: Text(zh: error.message(in: .chinese), en: error.description)))
            }
            return nil
        }
        let before = problems.count
        if !module.points.contains(point) {
            let providers = loader.discover().modules.filter { $0.points.contains(point) }.map(\.name)
            let decided = module.points.map(\.rawValue).joined(separator: ", ")
            let others = providers.joined(separator: ", ")
            problems.append(
                ProfileProblem(
                    path: "\(path).module",
                    message: Text(
                        zh: "模块 '\(name)' 不决定 \(point.rawValue)；它决定的是 \(decided)。"
                            + (providers.isEmpty
                                ? "找到的模块中没有决定 \(point.rawValue) 的。"
                                : "决定 \(point.rawValue) 的模块有：\(others)。"),
                        en: "Module '\(name)' does not decide \(point.rawValue); it decides \(decided). "
                            + (providers.isEmpty
                                ? "No module found decides \(point.rawValue)."
                                : "Modules that decide \(point.rawValue): \(others)."))))
        }
        if let version = choice.version, version != module.metadata.version.description {
            problems.append(
                ProfileProblem(
                    path: "\(path).version",
                    message: Text(
                        zh: "配置文件锁定了 \(name) \(version)，但 \(module.file) 的版本是 \(module.metadata.version)。"
                            + "请安装锁定的版本，或在审阅改动（charter diff）后更新锁定。",
                        en:
                            "The profile pins \(name) \(version), but \(module.file) is version \(module.metadata.version). "
                            + "Install the pinned version, or update the pin after reviewing the change (charter diff)."
                    )))
        }
        if let pinned = choice.sha256 {
            let actual = digest(module.file)
            if actual != pinned {
                let chineseDigest = actual.map { "它的 SHA-256 是 \($0)，" } ?? "无法读取它的 SHA-256，"
                problems.append(
                    ProfileProblem(
                        path: "\(path).sha256",
                        message: Text(
                            zh: "文件 \(module.file) 已被改动：\(chineseDigest)"
                                + "而配置文件锁定的是 \(pinned)。请恢复锁定的构建，或在审阅改动（charter diff）后更新锁定。",
                            en: "The file \(module.file) has changed: its SHA-256 is \(actual ?? "unreadable"), "
                                + "but the profile pins \(pinned). Restore the pinned build, or update the pin after reviewing the change (charter diff)."
                        )))
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
                var message = Text(
                    zh: "模块 '\(name)' 没有参数 '\(parameter)'。", en: "Module '\(name)' has no parameter '\(parameter)'.")
                if let suggestion = Text.didYouMean(parameter, among: known) { message += suggestion }
                let list = known.joined(separator: ", ")
                message +=
                    known.isEmpty
                    ? Text(zh: "它不接受任何参数。", en: " It takes no parameters.")
                    : Text(zh: "它的参数有：\(list)。", en: " Its parameters: \(list).")
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
            problems.append(ProfileProblem(path: "\(path).params", message: Self.refusal(of: name, error)))
            return nil
        }
    }

    struct ParameterProblem: Error {
        let message: Text
    }

    /// That module `name` refused its parameters, and why: what its start threw, in both
    /// languages where the error has them (``LocalizedMessage``, as PolicyKit's `ParameterError`
    /// does), as one sentence in each.
    static func refusal(of name: String, _ error: any Error) -> Text {
        let reason =
            (error as? any LocalizedMessage).map { Text(zh: $0.message(in: .chinese), en: $0.message(in: .english)) }
            ?? Text(verbatim: "\(error)")
        func sentence(_ text: String, _ stop: String) -> String {
            text.last.map { "。.！!？?".contains($0) } == true ? text : text + stop
        }
        return Text(
            zh: "模块 '\(name)' 不接受这些参数：\(sentence(reason.chinese, "。"))",
            en: "Module '\(name)' refused its parameters: \(sentence(reason.english, "."))")
    }

    /// A parameter type's name in both languages (`integer`, `整数`).
    static func typeText(_ typeName: String) -> Text {
        switch typeName {
        case "integer": Text(zh: "整数", en: "an integer")
        case "boolean": Text(zh: "布尔值", en: "a boolean")
        case "string": Text(zh: "字符串", en: "a string")
        default: Text(verbatim: typeName)
        }
    }

    /// A JSON value checked against a parameter's declared type and allowed values.
    static func parameterValue(_ json: JSONValue, spec: ParameterSpec) -> Result<ParameterValue, ParameterProblem> {
        let value: ParameterValue
        switch (spec.kind, json) {
        case (.integer, .number(let text)):
            guard let number = Int(text) else {
                return .failure(
                    ParameterProblem(message: Text(zh: "应为整数，而不是 \(text)。", en: "must be a whole number, not \(text)."))
                )
            }
            value = .integer(number)
        case (.boolean, .bool(let flag)): value = .boolean(flag)
        case (.choice, .string(let word)): value = .text(word)
        default:
            let type = typeText(spec.kind.typeName)
            return .failure(
                ParameterProblem(
                    message: Text(
                        zh: "应为\(type.chinese)，而不是\(json.kindText.chinese)（允许的值：\(spec.kind.allowedText)）。",
                        en: "must be \(type.english), not \(json.kindName) (allowed: \(spec.kind.allowedText)).")))
        }
        guard spec.kind.allows(value) else {
            var message = Text(
                zh: "\(value) 超出了允许的范围：允许 \(spec.kind.allowedText)。",
                en: "\(value) is out of range: allowed \(spec.kind.allowedText).")
            if case .choice(let words) = spec.kind, case .text(let word) = value,
                let suggestion = Text.didYouMean(word, among: words)
            {
                message += suggestion
            }
            return .failure(ParameterProblem(message: message))
        }
        return .success(value)
    }
}

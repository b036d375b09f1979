/// What a module says about itself: name, version, the rules it can fire, its parameters.
public struct ModuleMetadata: Sendable {
    /// The module's name: a Swift identifier, also the name of its library, `lib<Name>.so`.
    public var name: String
    /// The module's version.
    public var version: SemanticVersion
    /// One line on what the module is for.
    public var summary: Reason
    /// Every rule the module can fire.
    public var rules: [RuleInfo]
    /// The parameters a profile may set.
    public var parameters: [ParameterSpec]

    /// Creates a module's metadata.
    public init(
        name: String, version: SemanticVersion, summary: Reason, rules: [RuleInfo],
        parameters: [ParameterSpec] = []
    ) {
        self.name = name
        self.version = version
        self.summary = summary
        self.rules = rules
        self.parameters = parameters
    }

    /// The rule with the given id, if the module declares it.
    public func rule(_ id: String) -> RuleInfo? { rules.first { $0.id == id } }

    /// The parameter with the given name, if the module declares it.
    public func parameter(_ name: String) -> ParameterSpec? { parameters.first { $0.name == name } }
}

/// A rule a module can fire, with what it means.
public struct RuleInfo: Hashable, Sendable {
    /// The rule id, such as `manage.mobile`, listed in a decision's `rules` when it fires.
    public var id: String
    /// The extension point whose decisions list it.
    public var point: ExtensionPoint
    /// What the rule says.
    public var meaning: Reason

    /// Creates a rule description.
    public init(_ id: String, point: ExtensionPoint, meaning: Reason) {
        self.id = id
        self.point = point
        self.meaning = meaning
    }
}

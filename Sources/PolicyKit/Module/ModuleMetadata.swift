/// What a module says about itself: name, version, the rules it can fire, the wording of its
/// reasons, its parameters.
public struct ModuleMetadata: Sendable {
    /// The module's name: a Swift identifier, also the name of its library, `lib<Name>.so`.
    public var name: String
    /// The module's version.
    public var version: SemanticVersion
    /// One line on what the module is for.
    public var summary: Text
    /// Every rule the module can fire.
    public var rules: [Rule]
    /// The module's message catalog: every template its reasons are made from.
    public var reasons: [ReasonTemplate]
    /// The parameters a profile may set.
    public var parameters: [ParameterSpec]

    /// Creates a module's metadata.
    public init(
        name: String, version: SemanticVersion, summary: Text, rules: [Rule], reasons: [ReasonTemplate],
        parameters: [any ModuleParameter] = []
    ) {
        self.name = name
        self.version = version
        self.summary = summary
        self.rules = rules
        self.reasons = reasons
        self.parameters = parameters.map(\.spec)
    }

    /// The rule with the given id, if the module declares it.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    /// The parameter with the given name, if the module declares it.
    public func parameter(_ name: String) -> ParameterSpec? { parameters.first { $0.name == name } }

    /// The reason template with the given id, if the module declares it.
    public func reason(_ id: String) -> ReasonTemplate? { reasons.first { $0.id == id } }
}

/// A rule a module can fire, with what it means.
///
/// Declare each rule once, as a static value of the module, and fire it by that value:
///
/// ```swift
/// static let mobile = Rule(
///     "manage.mobile", point: .memberManagement,
///     meaning: Text(zh: "外出满规定月数的，实行动态管理。", en: "Away long enough: dynamic management."))
/// static let away = ReasonTemplate(
///     "manage.mobile", slots: [.date("since")],
///     zh: "自{since}外出，实行动态管理。", en: "Away since {since}: dynamic management.")
///
/// func mobileDecision(awaySince since: CivilDate) -> ManagementDecision {
///     ManagementDecision(
///         outcome: .dynamic, rules: [Self.mobile], reasons: [Self.away(.date(since))],
///         details: ManagementDetails())
/// }
/// ```
public struct Rule: Hashable, Sendable, CustomStringConvertible {
    /// The rule id, such as `manage.mobile`, listed in a decision's `rules` when it fires.
    public let id: String
    /// The extension point whose decisions list it.
    public let point: ExtensionPoint
    // The meaning is read only from the metadata, never while deciding: it is held once, out of
    // line, so that a decision's list of rules stays small (an id and a point each) and copying a
    // rule never touches a reference count that every core shares.
    private let meaningBox: Unmanaged<RuleMeaning>

    /// Declares a rule.
    public init(_ id: String, point: ExtensionPoint, meaning: Text) {
        self.id = id
        self.point = point
        // Rules are declarations that live as long as their module; the box is never released.
        meaningBox = Unmanaged.passRetained(RuleMeaning(meaning))
    }

    /// What the rule says.
    public var meaning: Text { meaningBox.takeUnretainedValue().text }

    /// The rule's id.
    public var description: String { id }

    /// Whether two rules have the same id and point.
    public static func == (lhs: Rule, rhs: Rule) -> Bool { lhs.id == rhs.id && lhs.point == rhs.point }

    /// Hashes the rule's id and point.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(point)
    }
}

/// A rule's meaning, held out of line.
private final class RuleMeaning: Sendable {
    let text: Text
    init(_ text: Text) { self.text = text }
}

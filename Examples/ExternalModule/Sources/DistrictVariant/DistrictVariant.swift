public import PolicyKit

/// A district's variation of member management (四类管理), kept outside Charter's repository.
///
/// It differs from the pilot's rules in two ways: a member away for work or business is mobile
/// after three months (the pilot waits six), and a grid is a building (楼栋), not a subdivision.
/// A mobile member whose whereabouts or contact is unknown raises the four-clear alert (四清不全).
public struct DistrictVariant: PolicyModule {
    /// Months away from which a member is mobile.
    static let mobileAfterMonths = Parameter<Int>(
        "mobileAfterMonths", in: 1...24, default: 3, points: [.memberManagement],
        meaning: Text(
            zh: "外出务工经商满多少个月的党员为流动党员，实行动态管理。",
            en: "Months away for work or business from which a member is mobile, under dynamic management."))

    /// The module's name, version, rules, reasons and parameters.
    public static let metadata = ModuleMetadata(
        name: "DistrictVariant",
        version: SemanticVersion(1, 0, 0),
        summary: Text(
            zh: "区级变体：外出满3个月即为流动党员，按楼栋划分网格。",
            en: "A district variant: mobile after 3 months away, and a grid per building."),
        rules: managementRules,
        reasons: managementReasons,
        parameters: [mobileAfterMonths])

    /// Months away from which a member is mobile (`mobileAfterMonths`).
    let mobileAfterMonths: Int

    /// Creates the module with a profile's parameters, already checked and completed with defaults.
    public init(parameters: Parameters) throws {
        mobileAfterMonths = try parameters.value(of: Self.mobileAfterMonths)
    }
}

/// The module's entry point, through which `charter` loads it.
@_cdecl("charter_policy_module_v2_DistrictVariant")
public func export(_ host: OpaquePointer) -> OpaquePointer? { DistrictVariant.export(host) }

import Foundation

/// An extension point a new module can provide, as the command line and profiles name it.
///
/// The plugin cannot import PolicyKit, so it keeps its own list of the points, in run order; the
/// scaffold test (`scripts/check-scaffold.sh --points all`) fails when the two drift apart.
enum Point: String, CaseIterable {
    case stage
    case branchSetup = "branch_setup"
    case memberManagement = "member_management"
    case cadreSelection = "cadre_selection"
    case points
    case governance

    /// The point's PolicyKit protocol.
    var protocolName: String {
        switch self {
        case .stage: "StagePolicy"
        case .branchSetup: "BranchSetupPolicy"
        case .memberManagement: "MemberManagementPolicy"
        case .cadreSelection: "CadreSelectionPolicy"
        case .points: "PointsPolicy"
        case .governance: "GovernancePolicy"
        }
    }

    /// The point in UpperCamelCase, for file names: `NAME+MemberManagement.swift`.
    var typeName: String {
        switch self {
        case .stage: "Stage"
        case .branchSetup: "BranchSetup"
        case .memberManagement: "MemberManagement"
        case .cadreSelection: "CadreSelection"
        case .points: "Points"
        case .governance: "Governance"
        }
    }

    /// The point as PolicyKit's `ExtensionPoint` case is written in Swift.
    var caseName: String {
        switch self {
        case .stage: ".stage"
        case .branchSetup: ".branchSetup"
        case .memberManagement: ".memberManagement"
        case .cadreSelection: ".cadreSelection"
        case .points: ".points"
        case .governance: ".governance"
        }
    }

    /// The name of the static list of the point's rules in the generated module, such as
    /// `memberManagementRules`.
    var rulesName: String { lowerCamelName + "Rules" }

    /// The name of the static list of the point's reason templates, such as
    /// `memberManagementReasons`.
    var reasonsName: String { lowerCamelName + "Reasons" }

    /// The point in lowerCamelCase: `memberManagement`.
    private var lowerCamelName: String { typeName.prefix(1).lowercased() + typeName.dropFirst() }

    /// The points of a `--points` value: names separated by commas, or `all`; in run order.
    static func parseList(_ text: String) throws -> [Point] {
        if text == "all" { return allCases }
        var chosen: Set<Point> = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            let normalised = word.lowercased().replacingOccurrences(of: "-", with: "_")
            guard
                let point = Point(rawValue: normalised)
                    ?? allCases.first(where: { $0.typeName.lowercased() == normalised })
            else {
                throw NewPolicyError(
                    "'\(word)' is not an extension point. The points are: "
                        + "\(allCases.map(\.rawValue).joined(separator: ", ")) (or 'all').")
            }
            chosen.insert(point)
        }
        guard !chosen.isEmpty else {
            throw NewPolicyError("--points names no point; give one or more of \(allCases.map(\.rawValue)), or 'all'.")
        }
        return allCases.filter(chosen.contains)
    }
}

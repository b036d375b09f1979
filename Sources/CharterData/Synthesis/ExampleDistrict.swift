import PolicyKit

/// The curated example district of `Examples/data`.
struct ExampleDistrict {
    /// The seed of the example's random parts.
    static let seed: UInt64 = 2026
    /// The as-of date it is placed around.
    let asOf: CivilDate

    /// The plans of its communities.
    func plans() -> [CommunityPlan] { [] }
}

/// The stage of a village-to-community transition (村转社区的发展阶段).
///
/// Each stage calls for its own party organisation (四步建党).
public enum Stage: String, DomainCode {
    /// 筹备期: resettlement is planned, households have not moved in.
    case preparation
    /// 过渡期: households are moving in; no residents' committee yet.
    case transition
    /// 融合期: the residents' committee is set up; the community is settling.
    case integration
    /// 成熟期: a settled community with many units stationed in it.
    case maturity

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .preparation: "筹备期"
        case .transition: "过渡期"
        case .integration: "融合期"
        case .maturity: "成熟期"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .preparation: "preparation"
        case .transition: "transition"
        case .integration: "integration"
        case .maturity: "maturity"
        }
    }
}

/// The kind of an entry in the members' points ledger.
public enum LedgerEventKind: String, DomainCode {
    /// 组织生活: attendance of organisational life.
    case orgLife = "org_life"
    /// 志愿服务: volunteer service; the amount is hours.
    case volunteer
    /// 违反小区公约: a breach of the subdivision's convention.
    case conventionBreach = "convention_breach"
    /// 双报到: reporting to the community as an in-service member.
    case dualReport = "dual_report"
    /// 教育培训: education and training.
    case training
    /// 市级示范培训: the city's model training, for cadres.
    case cityTraining = "city_training"
    /// 参加民主选举: a vote in a democratic election.
    case electionVote = "election_vote"

    /// The name in Simplified Chinese, as a district office writes it.
    public var chineseName: String {
        switch self {
        case .orgLife: "组织生活"
        case .volunteer: "志愿服务"
        case .conventionBreach: "违反小区公约"
        case .dualReport: "双报到"
        case .training: "教育培训"
        case .cityTraining: "市级示范培训"
        case .electionVote: "参加民主选举"
        }
    }

    /// The name in English.
    public var englishName: String {
        switch self {
        case .orgLife: "organisational life"
        case .volunteer: "volunteer service"
        case .conventionBreach: "convention breach"
        case .dualReport: "dual report"
        case .training: "training"
        case .cityTraining: "city model training"
        case .electionVote: "election vote"
        }
    }
}

/// One entry in the members' points ledger (积分台账): one row of `events.csv`.
public struct LedgerEvent: Hashable, Sendable {
    /// The member it concerns.
    public var memberID: String
    /// The day it happened.
    public var date: CivilDate
    /// What happened.
    public var kind: LedgerEventKind
    /// Hours or count, greater than 0.
    public var amount: Amount

    /// Creates a ledger entry.
    public init(memberID: String, date: CivilDate, kind: LedgerEventKind, amount: Amount = Amount(1)) {
        self.memberID = memberID
        self.date = date
        self.kind = kind
        self.amount = amount
    }
}

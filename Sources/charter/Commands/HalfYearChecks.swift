import CharterData
import CharterSupport
import PolicyKit

/// A warning when a run decides points for a half-year whose ledger has no entry on or before the
/// as-of date: every member would be graded on nothing (qualified, none excellent), without a word.
func emptyLedgerWarning(_ dataset: Dataset, asOf: CivilDate, decidesPoints: Bool, language: Language) -> String? {
    guard decidesPoints else { return nil }
    let half = asOf.halfYear
    let start = half.start
    if dataset.events.contains(where: { $0.date >= start && $0.date <= asOf }) { return nil }
    let chinese = language == .chinese
    let period = chinese ? "\(half.year)年\(half.isSecondHalf ? "下" : "上")半年" : half.description
    let suggestion = lastCompleteHalfYearEnd(before: asOf)
    return chinese
        ? "积分台账（events）在 \(period)（\(start) 至 \(asOf)）没有任何记录，积分将全部为空：请检查 --as-of 或配置文件的 as_of（例如 \(suggestion)，上一个完整半年的最后一天），或补齐台账。"
        : "the points ledger (events) has no entry in \(period) (\(start) to \(asOf)), so every member's points would be empty: check --as-of or the profile's as_of (such as \(suggestion), the last day of the last complete half-year), or the ledger."
}

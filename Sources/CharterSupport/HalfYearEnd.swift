public import PolicyKit

/// The last day of the last half-year complete on `today`.
///
/// That is 30 June once July has begun, else 31 December of the year before. `profile init` sets
/// `as_of` to it, so that the points half-year a new profile decides has its ledger entries.
public func lastCompleteHalfYearEnd(before today: CivilDate) -> CivilDate {
    let current = today.halfYear
    return current.isSecondHalf
        ? HalfYear(year: current.year, second: false).end : HalfYear(year: current.year - 1, second: true).end
}

/// The candidate nearest to `word` by edit distance, when it is near enough to be a likely typo.
///
/// Used for "did you mean" in every error that names something unknown: a module, a parameter, a
/// point, a stage.
public func closestMatch(to word: String, among candidates: [String]) -> String? {
    let target = Array(word.lowercased())
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased()))
        if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best, best.distance <= max(2, target.count / 2) else { return nil }
    return best.candidate
}

private func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
    if lhs.isEmpty { return rhs.count }
    var previous = Array(0...rhs.count)
    var current = previous
    for (i, left) in lhs.enumerated() {
        current[0] = i + 1
        for (j, right) in rhs.enumerated() {
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[rhs.count]
}

/// The candidate closest to a misspelt name, for "did you mean" hints, when one is close enough
/// (an edit distance of at most a third of the name's length, and at least 1).
func closestName(to word: String, among candidates: [String]) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
        if distance <= max(1, target.count / 3), distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    return best?.name
}

/// The Levenshtein distance between two strings of scalars (short names only).
private func editDistance(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar]) -> Int {
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = Array(repeating: 0, count: right.count + 1)
    for (i, leftScalar) in left.enumerated() {
        current[0] = i + 1
        for (j, rightScalar) in right.enumerated() {
            let substitution = previous[j] + (leftScalar == rightScalar ? 0 : 1)
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[right.count]
}

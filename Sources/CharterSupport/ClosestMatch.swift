public import PolicyKit

/// The candidate nearest to `word` by edit distance (ignoring case), when it is near enough to be
/// a likely typo: at most half the word's length in edits (two for a short word).
///
/// The one "did you mean" of every error that names something unknown: a column, a file, a
/// module, a parameter, a point, a stage, an option.
public func closestMatch(to word: String, among candidates: [String]) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
        if distance <= max(2, target.count / 2), distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

extension Text {
    /// " Did you mean 'WORD'?", to follow a sentence that names something unknown, in both
    /// languages; `nil` when no candidate is near `word` (see ``closestMatch(to:among:)``).
    public static func didYouMean(_ word: String, among candidates: [String]) -> Text? {
        closestMatch(to: word, among: candidates).map {
            Text(zh: "是不是想写 '\($0)'？", en: " Did you mean '\($0)'?")
        }
    }
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

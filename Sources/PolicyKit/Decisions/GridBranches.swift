/// Divides a community's full members into party branches by residential subdivision
/// (按小区网格设置党支部), the way both reference modules do.
///
/// Full members are grouped by `subdivision` (an empty subdivision, or one named `-`, is the group
/// `-`). A group of at least `minimumGroup` members forms its own branch `COMMUNITY/SUBDIVISION`;
/// a branch of more than `maximumBranch` members is split into k = ⌈size / maximumBranch⌉
/// branches `…#1` to `…#k`, consecutive runs of its members by id, the first (size mod k) runs one
/// member longer. The members of the smaller groups are pooled: a pool of at least `minimumGroup`
/// forms `COMMUNITY/combined` (split the same way); a smaller pool joins, whole, the branch with the
/// fewest members (ties: the smallest id). Each branch's committee seats are `seats(its size)`.
public struct GridBranches: Sendable {
    /// The smallest group that forms a branch of its own.
    public var minimumGroup: Int
    /// The most members a branch holds before it is split.
    public var maximumBranch: Int

    /// Creates the rule with the thresholds of the branch work regulations (3 and 50) by default.
    public init(minimumGroup: Int = 3, maximumBranch: Int = 50) {
        self.minimumGroup = minimumGroup
        self.maximumBranch = maximumBranch
    }

    /// The branches of the full members among `members`, sorted by id.
    public func branches(
        communityID: String, members: [Member], seats: (Int) -> Int
    ) -> [Branch] {
        var groups: [String: [String]] = [:]
        for member in members where member.isFull {
            let key = member.subdivision.isEmpty ? "-" : member.subdivision
            groups[key, default: []].append(member.id)
        }
        var runs: [(id: String, members: [String])] = []
        var pool: [String] = []
        for (subdivision, ids) in groups {
            if ids.count >= minimumGroup {
                runs += split("\(communityID)/\(subdivision)", ids.sortedByUTF8())
            } else {
                pool += ids
            }
        }
        pool = pool.sortedByUTF8()
        if pool.count >= minimumGroup {
            runs += split("\(communityID)/combined", pool)
        } else if !pool.isEmpty {
            if let target = runs.indices.min(by: { a, b in
                runs[a].members.count != runs[b].members.count
                    ? runs[a].members.count < runs[b].members.count
                    : runs[a].id.utf8Precedes(runs[b].id)
            }) {
                runs[target].members = (runs[target].members + pool).sortedByUTF8()
            } else {
                runs.append(("\(communityID)/combined", pool))
            }
        }
        return runs.sorted { $0.id.utf8Precedes($1.id) }
            .map { Branch(id: $0.id, members: $0.members, committeeSeats: seats($0.members.count)) }
    }

    /// `ids` (sorted) as one branch, or split into consecutive runs past `maximumBranch`.
    private func split(_ id: String, _ ids: [String]) -> [(id: String, members: [String])] {
        guard ids.count > maximumBranch else { return [(id, ids)] }
        let parts = (ids.count + maximumBranch - 1) / maximumBranch
        let shortRun = ids.count / parts
        let longRuns = ids.count % parts
        var result: [(id: String, members: [String])] = []
        var start = 0
        for part in 0..<parts {
            let length = shortRun + (part < longRuns ? 1 : 0)
            result.append(("\(id)#\(part + 1)", Array(ids[start..<start + length])))
            start += length
        }
        return result
    }
}

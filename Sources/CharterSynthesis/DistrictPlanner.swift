import PolicyKit

/// Plans the communities of a generated district: how many members each has, its stage, its
/// subdivisions, units and posts, and which governance checks it passes.
///
/// Sizes vary the way a district's do: a few communities with fewer than three full members
/// (joint branches), many small ones, some of 51 to 99 and some past 100 members, and a few of
/// several hundred whose subdivisions must be split into branches of at most 50.
struct DistrictPlanner {
    /// The number of communities.
    let communities: Int
    /// The number of members across all of them.
    let members: Int
    /// The seed every random choice follows from.
    let seed: UInt64
    /// The as-of date the district is placed around.
    let asOf: CivilDate

    private enum SizeClass: Int {
        case tiny, small, medium, large, huge
    }

    /// The plans, one per community, in id order.
    func plans() -> [CommunityPlan] {
        var rng = SeededGenerator(seed: seed, stream: 0)
        let classes = (0..<communities).map { _ in SizeClass(rawValue: rng.weighted([6, 44, 25, 20, 5])) ?? .small }
        let sizes = allocate(classes, &rng)
        let idWidth = max(4, String(communities).count)
        let firstNameOffset = rng.below(NamePools.placeFirst.count * NamePools.placeSecond.count)
        return (0..<communities).map { index in
            var local = SeededGenerator(seed: seed, stream: UInt64(index) + 1)
            return plan(
                index: index, id: "c" + zeroPadded(index + 1, idWidth), name: communityName(index, firstNameOffset),
                size: sizes[index], sizeClass: classes[index], &local)
        }
    }

    /// Shares the members out: tiny communities keep their one to four members, the others get
    /// shares in proportion to a size drawn for their class.
    private func allocate(_ classes: [SizeClass], _ rng: inout SeededGenerator) -> [Int] {
        var raw = classes.map { sizeClass -> Int in
            switch sizeClass {
            case .tiny: rng.int(in: 1...4)
            case .small: rng.int(in: 5...50)
            case .medium: rng.int(in: 55...105)
            case .large: rng.int(in: 110...260)
            case .huge: rng.int(in: 300...800)
            }
        }
        let tinyTotal = zip(classes, raw).reduce(0) { $0 + ($1.0 == .tiny ? $1.1 : 0) }
        let keepTiny = tinyTotal <= members / 2 && classes.contains { $0 != .tiny }
        let scaledTotal = zip(classes, raw).reduce(0) { $0 + (keepTiny && $1.0 == .tiny ? 0 : $1.1) }
        let budget = members - (keepTiny ? tinyTotal : 0)
        var assigned = 0
        for index in raw.indices where !(keepTiny && classes[index] == .tiny) {
            raw[index] = scaledTotal > 0 ? Int(Double(raw[index]) * Double(budget) / Double(scaledTotal)) : 0
            assigned += raw[index]
        }
        // Hand out what rounding left over (or take back any excess), one member at a time.
        var remainder = budget - assigned
        var index = 0
        while remainder != 0 && !raw.isEmpty {
            if !(keepTiny && classes[index] == .tiny) {
                if remainder > 0 {
                    raw[index] += 1
                    remainder -= 1
                } else if raw[index] > 0 {
                    raw[index] -= 1
                    remainder += 1
                }
            }
            index = (index + 1) % raw.count
        }
        return raw
    }

    private func plan(
        index: Int, id: String, name: String, size: Int, sizeClass: SizeClass, _ rng: inout SeededGenerator
    ) -> CommunityPlan {
        let stage = [Stage.preparation, .transition, .integration, .maturity][rng.weighted([15, 30, 30, 25])]
        let declared = rng.chance(10)
        // A declared community's records need not agree with its stage; draw them for any stage.
        let recordStage = declared ? [Stage.preparation, .transition, .integration, .maturity][rng.below(4)] : stage
        let planned = rng.int(in: 2...30) * 100
        let movedIn: Int
        switch recordStage {
        case .preparation: movedIn = 0
        case .transition: movedIn = rng.int(in: planned / 10...planned * 9 / 10)
        case .integration, .maturity: movedIn = rng.int(in: planned * 8 / 10...planned)
        }
        let residentsCommittee = recordStage == .integration || recordStage == .maturity
        let unitCount: Int
        switch recordStage {
        case .preparation: unitCount = rng.int(in: 0...2)
        case .transition: unitCount = rng.int(in: 0...3)
        case .integration: unitCount = rng.int(in: 0...4)
        case .maturity: unitCount = rng.int(in: 5...10)
        }
        let town = NamePools.towns[rng.below(NamePools.towns.count)]
        let deputy =
            stage == .transition && rng.chance(85) ? MemberSynthesizer(asOf: asOf, baseEvents: 0).drawName(&rng) : ""
        let villagerShare: Int =
            switch stage {
            case .preparation: 85
            case .transition: 75
            case .integration: 50
            case .maturity: 30
            }
        let shortName = String(name.dropLast(2))
        let units = (0..<unitCount).map { _ in drawUnit(shortName, &rng) }
        let subdivisions =
            sizeClass == .tiny ? tinySubdivisions(size, &rng) : drawSubdivisions(size, &rng)
        let full = subdivisions.reduce(0) { $0 + $1.full }
        let complete = rng.chance(25)
        var gaps: Set<GovernanceGap> = []
        if !complete {
            let applicable = GovernanceGap.allCases.filter { $0.applies(in: stage) }
            for _ in 0..<rng.int(in: 1...3) { gaps.insert(rng.pick(applicable)) }
        }
        let activityRoll = rng.below(100)
        let activity: CommunityActivity =
            activityRoll < 8 ? .model : activityRoll < 20 && !complete ? .quiet : .ordinary
        let firstElection = CivilDate(
            dayNumber: asOf.addingMonths(-rng.int(in: 18...34)).dayNumber - rng.below(28))
        let secondElection = CivilDate(
            dayNumber: asOf.addingMonths(-rng.int(in: 55...66)).dayNumber - rng.below(28))
        return CommunityPlan(
            id: id, name: name, town: town, stage: stage, declared: declared, householdsPlanned: planned,
            householdsMovedIn: movedIn, residentsCommittee: residentsCommittee, townDeputySecretary: deputy,
            villages: drawVillages(&rng), subdivisions: subdivisions, units: units,
            posts: drawPosts(stage: stage, residentsCommittee: residentsCommittee, full: full, &rng),
            complete: complete, gaps: gaps, activity: activity, villagerShare: villagerShare,
            partyDay: rng.int(in: 1...28), elections: [firstElection, secondElection], tailor: nil)
    }

    private func tinySubdivisions(_ size: Int, _ rng: inout SeededGenerator) -> [SubdivisionPlan] {
        let full = min(size, rng.int(in: 0...2))
        return [SubdivisionPlan(name: drawSubdivisionName(&rng), buildings: 2, full: full, probationary: size - full)]
    }

    private func drawSubdivisions(_ size: Int, _ rng: inout SeededGenerator) -> [SubdivisionPlan] {
        guard size > 0 else { return [] }
        var remaining = size
        var result: [SubdivisionPlan] = []
        // Members whose subdivision is not recorded.
        if size >= 20 && rng.chance(30) {
            let count = rng.int(in: 1...3)
            result.append(SubdivisionPlan(name: "", buildings: 0, full: count, probationary: 0))
            remaining -= count
        }
        // A few small subdivisions whose members are pooled into a combined branch.
        if size >= 12 && rng.chance(40) {
            for _ in 0..<rng.int(in: 1...3) {
                let count = rng.int(in: 1...2)
                result.append(SubdivisionPlan(name: "", buildings: 1, full: count, probationary: 0))
                remaining -= count
            }
        }
        let mainCount = rng.int(in: 1...max(1, min(10, 1 + size / 60)))
        let weights = (0..<mainCount).map { _ in rng.int(in: 1...10) }
        let totalWeight = weights.reduce(0, +)
        var given = 0
        for (position, weight) in weights.enumerated() {
            let share = position == mainCount - 1 ? remaining - given : remaining * weight / totalWeight
            given += share
            result.append(SubdivisionPlan(name: "", buildings: 1 + share / 15, full: share, probationary: 0))
        }
        var usedNames: [String] = []
        for position in result.indices {
            // Probationary members: about one in sixteen.
            let members = result[position].full
            var probationary = 0
            for _ in 0..<members where rng.chance(6) { probationary += 1 }
            if members - probationary < 1 && members > 0 { probationary = members - 1 }
            result[position].full = members - probationary
            result[position].probationary = probationary
            if result[position].buildings > 0 {
                var name = drawSubdivisionName(&rng)
                while usedNames.contains(name) { name = drawSubdivisionName(&rng) }
                usedNames.append(name)
                result[position].name = name
                result[position].buildings = min(result[position].buildings, 30)
            }
        }
        return result
    }

    private func drawSubdivisionName(_ rng: inout SeededGenerator) -> String {
        rng.pick(NamePools.subdivisionWords) + rng.pick(NamePools.subdivisionEndings)
    }

    private func drawVillages(_ rng: inout SeededGenerator) -> [String] {
        let count = rng.int(in: 2...5)
        let start = rng.below(NamePools.villageWords.count)
        let step = 1 + rng.below(NamePools.villageWords.count - 1)
        var villages: [String] = []
        var position = start
        for _ in 0..<count {
            let village = NamePools.villageWords[position] + "村"
            if !villages.contains(village) { villages.append(village) }
            position = (position + step) % NamePools.villageWords.count
        }
        return villages
    }

    private func drawUnit(_ shortName: String, _ rng: inout SeededGenerator) -> UnitPlan {
        let kindIndex = rng.weighted([10, 35, 20, 20, 15])
        let kind = UnitKind.allCases[kindIndex]
        let partyMembers = rng.chance(20) ? 0 : rng.int(in: 1...60)
        let base = rng.pick(NamePools.unitNames[kindIndex])
        let name = kind == .enterprise ? "成都" + shortName + base : shortName + base
        return UnitPlan(
            name: name, kind: kind, partyMembers: partyMembers, hasPartyOrg: partyMembers >= 3 && rng.chance(75))
    }

    private func drawPosts(stage: Stage, residentsCommittee: Bool, full: Int, _ rng: inout SeededGenerator)
        -> [PostPlan]
    {
        // A small community has a smaller slate.
        let small = full < 20
        var posts = [PostPlan(body: .partyCommittee, post: .secretary, seats: 1)]
        if full >= 30 { posts.append(PostPlan(body: .partyCommittee, post: .deputySecretary, seats: 1)) }
        posts.append(PostPlan(body: .partyCommittee, post: .member, seats: small ? 2 : full < 100 ? 3 : 5))
        if residentsCommittee {
            posts.append(PostPlan(body: .residentsCommittee, post: .director, seats: 1))
            if !small { posts.append(PostPlan(body: .residentsCommittee, post: .deputyDirector, seats: 1)) }
            posts.append(PostPlan(body: .residentsCommittee, post: .member, seats: small ? 2 : rng.int(in: 2...4)))
        }
        posts.append(
            PostPlan(body: .deliberationCouncil, post: .member, seats: small ? rng.int(in: 3...5) : rng.int(in: 5...9)))
        if stage != .preparation {
            posts.append(PostPlan(body: .supervisoryCouncil, post: .chair, seats: 1))
            posts.append(PostPlan(body: .supervisoryCouncil, post: .member, seats: small ? 1 : 2))
            posts.append(PostPlan(body: .collectiveEconomy, post: .chair, seats: 1))
            posts.append(PostPlan(body: .collectiveEconomy, post: .member, seats: small ? 1 : rng.int(in: 2...4)))
        }
        return posts
    }

    /// A community name unique within the district: two place characters and 社区, with a
    /// numeral once the pairs run out.
    private func communityName(_ index: Int, _ offset: Int) -> String {
        let firsts = NamePools.placeFirst
        let seconds = NamePools.placeSecond
        let pairs = firsts.count * seconds.count
        // Stepping by a number prime to `pairs` visits every pair once before any repeats.
        var step = 7919
        while gcd(step, pairs) != 1 { step += 2 }
        let pair = (offset + index * step) % pairs
        let cycle = index / pairs
        let numerals = ["", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        let suffix = cycle < numerals.count ? numerals[cycle] : String(cycle + 1)
        return firsts[pair / seconds.count] + seconds[pair % seconds.count] + suffix + "社区"
    }

    private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}

/// `number` written in decimal, zero-padded to `width` digits.
func zeroPadded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

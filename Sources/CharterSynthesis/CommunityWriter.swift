import CharterSupport
import PolicyKit

/// Writes one planned community into every file of the dataset: its row, units, posts, bodies,
/// meetings, members with their ledgers, and its distribution lists.
struct CommunityWriter: ~Copyable {
    let synthesizer: MemberSynthesizer
    /// The eight files being written.
    var files: DatasetWriters
    let memberIDWidth: Int
    let seed: UInt64
    private var nextMember = 1
    private var nextUnit = 1
    private var eventScratch: [SyntheticEvent] = []

    init(synthesizer: MemberSynthesizer, files: consuming DatasetWriters, memberIDWidth: Int, seed: UInt64) {
        self.synthesizer = synthesizer
        self.files = files
        self.memberIDWidth = memberIDWidth
        self.seed = seed
    }

    private var asOf: CivilDate { synthesizer.asOf }
    /// Writes what is buffered in every file; returns the rows written to each.
    mutating func finish() throws(SynthesisError) -> [(file: DatasetFile, rows: Int)] {
        try files.finish()
    }

    /// Writes the community planned as `plan`, the `index`-th of the district.
    mutating func write(_ plan: CommunityPlan, index: Int) throws(SynthesisError) {
        // The community's own stream: its rows depend only on the seed and its place.
        var rng = SeededGenerator(seed: seed ^ 0x5EED_C0DE, stream: UInt64(index))
        try writeCommunity(plan)
        try writeUnits(plan)
        try writePosts(plan)
        try writeBodies(plan, &rng)
        try writeMeetings(plan, &rng)
        try writeMembers(plan, &rng)
    }

    private mutating func writeCommunity(_ plan: CommunityPlan) throws(SynthesisError) {
        files.communities.field(plan.id)
        files.communities.field(plan.name)
        files.communities.field(NamePools.district)
        files.communities.field(plan.town)
        if plan.declared { files.communities.field(plan.stage.rawValue) } else { files.communities.empty() }
        files.communities.field(plan.householdsPlanned)
        files.communities.field(plan.householdsMovedIn)
        files.communities.field(plan.residentsCommittee)
        files.communities.field(plan.townDeputySecretary)
        try files.communities.endRow()
    }

    private mutating func writeUnits(_ plan: CommunityPlan) throws(SynthesisError) {
        for unit in plan.units {
            files.units.field("u" + zeroPadded(nextUnit, 5))
            nextUnit += 1
            files.units.field(plan.id)
            files.units.field(unit.name)
            files.units.field(unit.kind.rawValue)
            files.units.field(unit.partyMembers)
            files.units.field(unit.hasPartyOrg)
            try files.units.endRow()
        }
    }

    private mutating func writePosts(_ plan: CommunityPlan) throws(SynthesisError) {
        for post in plan.posts {
            files.posts.field(plan.id)
            files.posts.field(post.body.rawValue)
            files.posts.field(post.post.rawValue)
            files.posts.field(post.seats)
            try files.posts.endRow()
        }
    }

    /// The bodies the governance checks require in a stage.
    static func requiredBodies(_ stage: Stage) -> [GovernanceBodyKind] {
        switch stage {
        case .preparation: []
        case .transition: [.managementCommittee, .deliberationCouncil, .ownersCommittee]
        case .integration, .maturity:
            [
                .residentsCommittee, .deliberationCouncil, .supervisoryCouncil, .collectiveEconomy, .tradeUnion,
                .youthLeague, .womensFederation, .volunteerTeam,
            ]
        }
    }

    private mutating func writeBodies(_ plan: CommunityPlan, _ rng: inout SeededGenerator) throws(SynthesisError) {
        var bodies = CommunityWriter.requiredBodies(plan.stage)
        var planned: [GovernanceBodyKind] = []
        if plan.gaps.contains(.bodyMissing) && !bodies.isEmpty {
            // One or two required bodies are missing; one of them may be planned but not yet set up.
            for _ in 0..<rng.int(in: 1...min(2, bodies.count)) where !bodies.isEmpty {
                let removed = bodies.remove(at: rng.below(bodies.count))
                if rng.chance(30) { planned.append(removed) }
            }
        }
        switch plan.stage {
        case .preparation:
            if rng.chance(50) { bodies.append(.managementCommittee) }
            if rng.chance(40) { bodies.append(.volunteerTeam) }
        case .transition:
            if rng.chance(60) { bodies.append(.collectiveEconomy) }
            if rng.chance(40) { bodies.append(.volunteerTeam) }
        case .integration:
            if rng.chance(30) { bodies.append(.ownersCommittee) }
        case .maturity:
            bodies.append(.ownersCommittee)
        }
        let socialOrganizations: Int =
            plan.stage == .maturity
            ? (plan.gaps.contains(.socialOrganizations) ? rng.int(in: 0...1) : rng.int(in: 2...4))
            : rng.int(in: 0...1)
        let shortName = String(plan.name.dropLast(2))
        for kind in bodies {
            files.bodies.field(plan.id)
            files.bodies.field(kind.rawValue)
            files.bodies.field(synthesizer.daysAgo(rng.int(in: 60...1500)))
            files.bodies.field(kind == .volunteerTeam ? plan.name + "党员志愿服务队" : plan.name + kind.chineseName)
            try files.bodies.endRow()
        }
        var usedNames: [String] = []
        for _ in 0..<socialOrganizations {
            var name = shortName + rng.pick(NamePools.unitNames[4])
            if usedNames.contains(name) { name += "分会" }
            usedNames.append(name)
            files.bodies.field(plan.id)
            files.bodies.field(GovernanceBodyKind.socialOrganization.rawValue)
            files.bodies.field(synthesizer.daysAgo(rng.int(in: 60...1200)))
            files.bodies.field(name)
            try files.bodies.endRow()
        }
        for kind in planned {
            files.bodies.field(plan.id)
            files.bodies.field(kind.rawValue)
            files.bodies.field(synthesizer.daysAgo(-rng.int(in: 10...120)))
            files.bodies.field(plan.name + kind.chineseName + "（筹）")
            try files.bodies.endRow()
        }
    }

    private mutating func writeMeetings(_ plan: CommunityPlan, _ rng: inout SeededGenerator) throws(SynthesisError) {
        let stage = plan.stage
        let schedule: [(MeetingKind, Int, GovernanceGap?)] = [
            (.policyBriefing, 4, .policyBriefing),
            (.communityActivity, 4, stage == .preparation ? nil : .communityActivity),
            (.deliberation, stage == .preparation ? 2 : 6, .deliberation),
            (.supervision, stage == .preparation ? 0 : 4, .supervision),
            (.disclosure, stage == .preparation ? 4 : 12, .disclosure),
            (.consultation, stage == .preparation ? 1 : 0, .consultation),
        ]
        let people = plan.memberCount
        for (kind, needed, gap) in schedule {
            var count = needed + rng.below(3)
            if let gap, plan.gaps.contains(gap), gap.applies(in: stage) {
                count = needed > 0 ? rng.below(needed) : 0
            }
            if kind == .consultation && stage != .preparation { count = rng.below(3) }
            // Spread over the year: meeting k falls in the k-th slice of the 365 days.
            for k in 0..<count {
                let slice = 365 / max(1, count)
                let daysAgo = 364 - (k * 365 / count + rng.below(max(1, slice)))
                files.meetings.field(plan.id)
                files.meetings.field(synthesizer.daysAgo(max(0, daysAgo)))
                files.meetings.field(kind.rawValue)
                files.meetings.field(5 + rng.below(people + 40))
                try files.meetings.endRow()
            }
            // The year before, for the record.
            if needed > 0 && rng.chance(50) {
                files.meetings.field(plan.id)
                files.meetings.field(synthesizer.daysAgo(rng.int(in: 370...700)))
                files.meetings.field(kind.rawValue)
                files.meetings.field(5 + rng.below(people + 40))
                try files.meetings.endRow()
            }
        }
    }

    private mutating func writeMembers(_ plan: CommunityPlan, _ rng: inout SeededGenerator) throws(SynthesisError) {
        var listed: [String] = []
        var leftOff: [String] = []
        var ordinal = 0
        for subdivision in plan.subdivisions {
            for position in 0..<(subdivision.full + subdivision.probationary) {
                let number = nextMember
                nextMember += 1
                var member = synthesizer.member(
                    number: number, id: "m" + zeroPadded(number, memberIDWidth), ordinal: ordinal, plan: plan,
                    subdivision: subdivision, full: position < subdivision.full, rng: &rng)
                ordinal += 1
                plan.tailor?(&member)
                try write(member, plan: plan)
                member.events.sort { ($0.day, $0.kind.order) < ($1.day, $1.kind.order) }
                for event in member.events {
                    files.events.field(member.id)
                    files.events.field(CivilDate(dayNumber: event.day))
                    files.events.field(event.kind.rawValue)
                    files.events.field(tenths: event.tenths)
                    try files.events.endRow()
                }
                if plan.stage == .transition && !member.originVillage.isEmpty {
                    if member.onDistributionLists { listed.append(member.id) } else { leftOff.append(member.id) }
                }
            }
        }
        guard plan.stage == .transition else { return }
        // A community with a gap in its lists leaves at least one villager off.
        if plan.gaps.contains(.distributions) && leftOff.isEmpty && !listed.isEmpty { listed.removeFirst() }
        for kind in DistributionKind.allCases where plan.gaps.contains(.distributions) || rng.chance(85) {
            for id in listed {
                files.distributions.field(plan.id)
                files.distributions.field(kind.rawValue)
                files.distributions.field(id)
                try files.distributions.endRow()
            }
        }
    }

    private mutating func write(_ member: SyntheticMember, plan: CommunityPlan) throws(SynthesisError) {
        files.members.field(member.id)
        files.members.field(member.name)
        files.members.field(plan.id)
        files.members.field(member.subdivision)
        files.members.field(member.building)
        files.members.field(member.birthDate)
        files.members.field(member.joinDate)
        files.members.field(member.status.rawValue)
        files.members.field(member.relation.rawValue)
        files.members.field(member.originVillage)
        files.members.field(member.employment.rawValue)
        files.members.field(member.employer)
        files.members.field(member.awaySince)
        files.members.field(member.awayPlace)
        files.members.field(member.phone)
        files.members.field(member.occupation)
        files.members.field(member.letterIssued)
        files.members.field(member.lastOrgLife)
        files.members.field(member.education.rawValue)
        files.members.field(member.cadreYears)
        files.members.field(member.willingToServe)
        files.members.field(member.sanctionUntil)
        if let year = member.unqualifiedYear { files.members.field(year) } else { files.members.empty() }
        files.members.field(member.criminalRecord)
        files.members.field(member.dishonestDebtor)
        try files.members.endRow()
    }
}

/// The eight files of a dataset being written, one writer each.
struct DatasetWriters: ~Copyable {
    var communities: CSVFileWriter
    var members: CSVFileWriter
    var units: CSVFileWriter
    var posts: CSVFileWriter
    var events: CSVFileWriter
    var bodies: CSVFileWriter
    var meetings: CSVFileWriter
    var distributions: CSVFileWriter

    /// Creates the files in `folder`, each with its header.
    init(in folder: OutputFolder) throws(SynthesisError) {
        func open(_ file: DatasetFile) throws(SynthesisError) -> CSVFileWriter {
            let capacity = file == .events || file == .members ? 4 << 20 : 1 << 20
            return try CSVFileWriter(path: folder.file(file.fileName), header: file.columns, capacity: capacity)
        }
        // Opened into locals first: a noncopyable property may not be left half-initialised on a throw.
        let communities = try open(.communities)
        let members = try open(.members)
        let units = try open(.units)
        let posts = try open(.posts)
        let events = try open(.events)
        let bodies = try open(.bodies)
        let meetings = try open(.meetings)
        let distributions = try open(.distributions)
        self.communities = communities
        self.members = members
        self.units = units
        self.posts = posts
        self.events = events
        self.bodies = bodies
        self.meetings = meetings
        self.distributions = distributions
    }

    /// Writes what is buffered in every file; returns the rows written to each, in the contract's order.
    mutating func finish() throws(SynthesisError) -> [(file: DatasetFile, rows: Int)] {
        try communities.finish()
        try members.finish()
        try units.finish()
        try posts.finish()
        try events.finish()
        try bodies.finish()
        try meetings.finish()
        try distributions.finish()
        return [
            (.communities, communities.rows), (.members, members.rows), (.units, units.rows), (.posts, posts.rows),
            (.events, events.rows), (.bodies, bodies.rows), (.meetings, meetings.rows),
            (.distributions, distributions.rows),
        ]
    }
}

extension LedgerEventKind {
    /// The kind's place in the contract's list, to order a day's entries.
    var order: Int {
        switch self {
        case .orgLife: 0
        case .volunteer: 1
        case .conventionBreach: 2
        case .dualReport: 3
        case .training: 4
        case .cityTraining: 5
        case .electionVote: 6
        }
    }
}

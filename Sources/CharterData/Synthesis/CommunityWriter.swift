import PolicyKit

/// Writes one planned community into every file of the dataset: its row, units, posts, bodies,
/// meetings, members with their ledgers, and its distribution lists.
struct CommunityWriter {
    let synthesizer: MemberSynthesizer
    let writers: [CSVFileWriter]
    let memberIDWidth: Int
    let seed: UInt64
    private var nextMember = 1
    private var nextUnit = 1
    private var eventScratch: [SyntheticEvent] = []

    init(synthesizer: MemberSynthesizer, writers: [CSVFileWriter], memberIDWidth: Int, seed: UInt64) {
        self.synthesizer = synthesizer
        self.writers = writers
        self.memberIDWidth = memberIDWidth
        self.seed = seed
    }

    private var asOf: CivilDate { synthesizer.asOf }
    private func writer(_ file: DatasetFile) -> CSVFileWriter {
        switch file {
        case .communities: writers[0]
        case .members: writers[1]
        case .units: writers[2]
        case .posts: writers[3]
        case .events: writers[4]
        case .bodies: writers[5]
        case .meetings: writers[6]
        case .distributions: writers[7]
        }
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

    private func writeCommunity(_ plan: CommunityPlan) throws(SynthesisError) {
        let out = writer(.communities)
        out.field(plan.id)
        out.field(plan.name)
        out.field(NamePools.district)
        out.field(plan.town)
        if plan.declared { out.field(plan.stage.rawValue) } else { out.empty() }
        out.field(plan.householdsPlanned)
        out.field(plan.householdsMovedIn)
        out.field(plan.residentsCommittee)
        out.field(plan.townDeputySecretary)
        try out.endRow()
    }

    private mutating func writeUnits(_ plan: CommunityPlan) throws(SynthesisError) {
        let out = writer(.units)
        for unit in plan.units {
            out.field("u" + zeroPadded(nextUnit, 5))
            nextUnit += 1
            out.field(plan.id)
            out.field(unit.name)
            out.field(unit.kind.rawValue)
            out.field(unit.partyMembers)
            out.field(unit.hasPartyOrg)
            try out.endRow()
        }
    }

    private func writePosts(_ plan: CommunityPlan) throws(SynthesisError) {
        let out = writer(.posts)
        for post in plan.posts {
            out.field(plan.id)
            out.field(post.body.rawValue)
            out.field(post.post.rawValue)
            out.field(post.seats)
            try out.endRow()
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

    private func writeBodies(_ plan: CommunityPlan, _ rng: inout SeededGenerator) throws(SynthesisError) {
        let out = writer(.bodies)
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
            out.field(plan.id)
            out.field(kind.rawValue)
            out.field(synthesizer.daysAgo(rng.int(in: 60...1500)))
            out.field(kind == .volunteerTeam ? plan.name + "党员志愿服务队" : plan.name + kind.chineseName)
            try out.endRow()
        }
        var usedNames: [String] = []
        for _ in 0..<socialOrganizations {
            var name = shortName + rng.pick(NamePools.unitNames[4])
            if usedNames.contains(name) { name += "分会" }
            usedNames.append(name)
            out.field(plan.id)
            out.field(GovernanceBodyKind.socialOrganization.rawValue)
            out.field(synthesizer.daysAgo(rng.int(in: 60...1200)))
            out.field(name)
            try out.endRow()
        }
        for kind in planned {
            out.field(plan.id)
            out.field(kind.rawValue)
            out.field(synthesizer.daysAgo(-rng.int(in: 10...120)))
            out.field(plan.name + kind.chineseName + "（筹）")
            try out.endRow()
        }
    }

    private func writeMeetings(_ plan: CommunityPlan, _ rng: inout SeededGenerator) throws(SynthesisError) {
        let out = writer(.meetings)
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
                out.field(plan.id)
                out.field(synthesizer.daysAgo(max(0, daysAgo)))
                out.field(kind.rawValue)
                out.field(5 + rng.below(people + 40))
                try out.endRow()
            }
            // The year before, for the record.
            if needed > 0 && rng.chance(50) {
                out.field(plan.id)
                out.field(synthesizer.daysAgo(rng.int(in: 370...700)))
                out.field(kind.rawValue)
                out.field(5 + rng.below(people + 40))
                try out.endRow()
            }
        }
    }

    private mutating func writeMembers(_ plan: CommunityPlan, _ rng: inout SeededGenerator) throws(SynthesisError)
    {
        let members = writer(.members)
        let events = writer(.events)
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
                try write(member, plan: plan, to: members)
                member.events.sort { ($0.day, $0.kind.order) < ($1.day, $1.kind.order) }
                for event in member.events {
                    events.field(member.id)
                    events.field(CivilDate(dayNumber: event.day))
                    events.field(event.kind.rawValue)
                    events.field(tenths: event.tenths)
                    try events.endRow()
                }
                if plan.stage == .transition && !member.originVillage.isEmpty {
                    if member.onDistributionLists { listed.append(member.id) } else { leftOff.append(member.id) }
                }
            }
        }
        guard plan.stage == .transition else { return }
        // A community with a gap in its lists leaves at least one villager off.
        if plan.gaps.contains(.distributions) && leftOff.isEmpty && !listed.isEmpty { listed.removeFirst() }
        let out = writer(.distributions)
        for kind in DistributionKind.allCases where plan.gaps.contains(.distributions) || rng.chance(85) {
            for id in listed {
                out.field(plan.id)
                out.field(kind.rawValue)
                out.field(id)
                try out.endRow()
            }
        }
    }

    private func write(_ member: SyntheticMember, plan: CommunityPlan, to out: CSVFileWriter) throws(SynthesisError) {
        out.field(member.id)
        out.field(member.name)
        out.field(plan.id)
        out.field(member.subdivision)
        out.field(member.building)
        out.field(member.birthDate)
        out.field(member.joinDate)
        out.field(member.status.rawValue)
        out.field(member.relation.rawValue)
        out.field(member.originVillage)
        out.field(member.employment.rawValue)
        out.field(member.employer)
        out.field(member.awaySince)
        out.field(member.awayPlace)
        out.field(member.phone)
        out.field(member.occupation)
        out.field(member.letterIssued)
        out.field(member.lastOrgLife)
        out.field(member.education.rawValue)
        out.field(member.cadreYears)
        out.field(member.willingToServe)
        out.field(member.sanctionUntil)
        if let year = member.unqualifiedYear { out.field(year) } else { out.empty() }
        out.field(member.criminalRecord)
        out.field(member.dishonestDebtor)
        try out.endRow()
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

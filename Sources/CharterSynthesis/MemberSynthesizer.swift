import PolicyKit

/// Draws the members of one community and their ledger entries, within the bounds of its plan.
///
/// The rates below are chosen so that a district of a few thousand members shows every decision
/// of the reference module: a few members away for work without their whereabouts recorded, a
/// few transfer letters never lodged, some lapsed attendance, a sprinkling of the negative list.
struct MemberSynthesizer {
    /// The as-of date the district is placed around.
    let asOf: CivilDate
    /// Ledger entries an ordinary member draws on average (before the activity factor).
    let baseEvents: Double
    /// Whether ledger entries are drawn at all.
    var drawsEvents: Bool { baseEvents > 0 }

    private var asOfDay: Int { asOf.dayNumber }

    /// A date `days` days before the as-of date.
    func daysAgo(_ days: Int) -> CivilDate { CivilDate(dayNumber: asOf.dayNumber - days) }

    /// Draws one member of `plan` living in `subdivision`.
    func member(
        number: Int, id: String, ordinal: Int, plan: CommunityPlan, subdivision: SubdivisionPlan, full: Bool,
        rng: inout SeededGenerator
    ) -> SyntheticMember {
        let age = full ? drawFullAge(&rng) : rng.int(in: 19...38)
        let birth = CivilDate(dayNumber: asOf.addingMonths(-12 * age).dayNumber - rng.below(360))
        let join: CivilDate
        if full {
            let joinAge = rng.int(in: 18...max(18, min(age - 2, 50)))
            let drawn = CivilDate(dayNumber: birth.addingMonths(12 * joinAge).dayNumber + rng.below(300))
            join = min(drawn, daysAgo(400 + rng.below(400)))
        } else {
            join = daysAgo(rng.int(in: 15...360))
        }
        let villager = !plan.villages.isEmpty && rng.chance(Double(plan.villagerShare))
        var relation = [Relation.community, .originVillage, .workUnit, .elsewhere][rng.weighted([72, 12, 9, 7])]
        if relation == .originVillage && !villager { relation = .community }

        var employment: Employment
        if age >= 60 {
            employment = [Employment.retired, .flexible, .none][rng.weighted([75, 10, 15])]
        } else if age <= 24 {
            employment = [Employment.student, .inService, .flexible, .none][rng.weighted([40, 30, 20, 10])]
        } else {
            employment = [Employment.inService, .flexible, .none][rng.weighted([45, 30, 25])]
        }
        // Retired members often keep their relation with their former employer (退休党员).
        if relation == .workUnit { employment = age >= 60 ? .retired : .inService }

        var member = SyntheticMember(
            number: number, ordinal: ordinal, id: id, name: drawName(&rng),
            subdivision: subdivision.name,
            building: subdivision.buildings > 0 && rng.chance(98) ? "\(1 + rng.below(subdivision.buildings))栋" : "",
            birthDate: birth, joinDate: join, status: full ? .full : .probationary, relation: relation,
            originVillage: villager ? rng.pick(plan.villages) : "", employment: employment, employer: "",
            awaySince: nil, awayPlace: "", phone: "", occupation: "", letterIssued: nil, lastOrgLife: nil,
            education: drawEducation(age: age, &rng), cadreYears: 0, willingToServe: false, sanctionUntil: nil,
            unqualifiedYear: nil, criminalRecord: false, dishonestDebtor: false,
            activity: .regular, events: [], onDistributionLists: true)

        if employment == .inService || (relation == .workUnit && employment == .retired) {
            let units = plan.units
            member.employer =
                !units.isEmpty && rng.chance(40) ? units[rng.below(units.count)].name : rng.pick(NamePools.employers)
        }
        if age >= 20 && age <= 55 && employment != .student && relation != .workUnit && rng.chance(14) {
            member.awaySince = daysAgo(rng.int(in: 20...1500))
            member.employment = rng.chance(70) ? .flexible : .none
            member.employer = ""
            if rng.chance(90) { member.awayPlace = rng.pick(NamePools.awayPlaces) }
            if rng.chance(90) { member.phone = drawPhone(&rng) }
            if rng.chance(85) { member.occupation = rng.pick(NamePools.occupations) }
        } else if rng.chance(92) {
            member.phone = drawPhone(&rng)
        }
        if relation != .community && rng.chance(18) {
            member.letterIssued = daysAgo(rng.int(in: 20...500))
        }

        let roll = rng.below(100)
        member.activity =
            roll < plan.activity.activists
            ? .activist
            : roll < plan.activity.activists + plan.activity.inactive
                ? .inactive : .regular
        member.lastOrgLife = drawLastOrgLife(member.activity, &rng)
        if member.lastOrgLife.map({ $0 < member.joinDate }) ?? false { member.lastOrgLife = member.joinDate }
        if plan.complete && plan.stage == .maturity {
            // 基本权利: every member has had organisational life within the year.
            if member.lastOrgLife.map({ $0.dayNumber <= asOfDay - 365 }) ?? true {
                member.lastOrgLife = daysAgo(rng.int(in: 190...360))
            }
        }

        if age > 28 && rng.chance(12) { member.cadreYears = rng.int(in: 1...min(25, age - 26)) }
        let willingChance = Double(age <= 60 ? plan.willingShare : 3) + (member.cadreYears > 0 ? 35 : 0)
        member.willingToServe = rng.chance(willingChance)
        if rng.chance(1.2) { member.sanctionUntil = daysAgo(rng.int(in: -700...700)) }
        if rng.chance(1) { member.unqualifiedYear = asOf.year - rng.int(in: 0...6) }
        member.criminalRecord = rng.chance(0.3)
        member.dishonestDebtor = rng.chance(0.4)

        if drawsEvents { drawEvents(for: &member, plan: plan, &rng) }
        if plan.gaps.contains(.distributions) && member.originVillage != "" {
            member.onDistributionLists = !rng.chance(15)
        }
        return member
    }

    // MARK: - Ledger

    /// Draws the member's ledger entries: the ordinary mix, the votes of the community's elections,
    /// the dual report of in-service members, and what a complete community's checks need.
    func drawEvents(for member: inout SyntheticMember, plan: CommunityPlan, _ rng: inout SeededGenerator) {
        let mean = baseEvents * member.activity.eventFactor
        let count = Int(rng.unit() * (2 * mean + 1))
        let canDual = member.employment == .inService
        let isCadre = member.cadreYears > 0 || member.willingToServe
        let weights: [Int]
        switch member.activity {
        case .activist: weights = [45, 30, 14, 1, canDual ? 6 : 0, isCadre ? 4 : 0]
        case .regular: weights = [40, 28, 14, 4, canDual ? 6 : 0, isCadre ? 2 : 0]
        case .inactive: weights = [30, 15, 10, 40, canDual ? 5 : 0, 0]
        }
        let kinds: [LedgerEventKind] = [.orgLife, .volunteer, .training, .conventionBreach, .dualReport, .cityTraining]
        let earliest = max(asOfDay - 364, member.joinDate.dayNumber)
        let span = asOfDay - earliest + 1
        for _ in 0..<count {
            let kind = kinds[rng.weighted(weights)]
            if plan.gaps.contains(.secretaryTraining) && kind == .cityTraining { continue }
            let day = earliest + rng.below(span)
            var tenths = 10
            switch kind {
            case .volunteer:
                tenths =
                    switch member.activity {
                    case .activist: rng.int(in: 4...16) * 5
                    case .regular: rng.int(in: 2...12) * 5
                    case .inactive: rng.int(in: 1...6) * 5
                    }
            case .training: tenths = rng.chance(10) ? 20 : 10
            default: break
            }
            member.events.append(SyntheticEvent(day: day, kind: kind, tenths: tenths))
        }

        // 固定主题党日: in a model community, activists attend the monthly party day.
        if plan.activity.partyDays && member.activity == .activist {
            for month in 0..<12 {
                let day = asOf.addingMonths(-month)
                let partyDay = CivilDate(dayNumber: day.dayNumber - (day.day - 1) + plan.partyDay - 1)
                if partyDay <= asOf && partyDay >= member.joinDate && rng.chance(90) {
                    member.events.append(SyntheticEvent(day: partyDay.dayNumber, kind: .orgLife, tenths: 10))
                    // The party day often ends with an hour or three of volunteer service.
                    if rng.chance(70) {
                        member.events.append(
                            SyntheticEvent(day: partyDay.dayNumber, kind: .volunteer, tenths: rng.int(in: 2...6) * 5))
                    }
                }
            }
        }

        // Elections: the community's last two, the older possibly past the five-year window.
        // These are the residents' elections, open to every resident, so a vote may predate joining.
        let mustVote = plan.complete && plan.stage == .integration && member.isFull
        if mustVote || (member.joinDate < plan.elections[0] && rng.chance(45)) {
            member.add(.electionVote, on: plan.elections[0])
        }
        if plan.elections.count > 1 && member.joinDate < plan.elections[1] && rng.chance(30) {
            member.add(.electionVote, on: plan.elections[1])
        }

        // 双报到: most in-service members kept in their employer's organisation report this half-year.
        if member.employment == .inService && member.relation == .workUnit && rng.chance(75) {
            let start = max(asOf.halfYear.start.dayNumber, member.joinDate.dayNumber)
            if start <= asOfDay {
                member.events.append(
                    SyntheticEvent(day: start + rng.below(asOfDay - start + 1), kind: .dualReport, tenths: 10))
            }
        }

        guard plan.complete else { return }
        // 三个带头 and 服务引领: every full member at home has volunteered, for a fair number of hours.
        if member.isFull && member.awaySince == nil && plan.stage != .preparation {
            member.events.append(
                SyntheticEvent(day: earliest + rng.below(span), kind: .volunteer, tenths: rng.int(in: 8...16) * 5))
        }
        // 素质提升: whoever is chosen secretary has been to the city's training.
        if member.isFull && member.willingToServe && !member.events.contains(where: { $0.kind == .cityTraining }) {
            member.events.append(SyntheticEvent(day: earliest + rng.below(span), kind: .cityTraining, tenths: 10))
        }
    }

    // MARK: - Attributes

    private func drawFullAge(_ rng: inout SeededGenerator) -> Int {
        switch rng.weighted([8, 22, 28, 28, 14]) {
        case 0: rng.int(in: 20...30)
        case 1: rng.int(in: 31...45)
        case 2: rng.int(in: 46...60)
        case 3: rng.int(in: 61...75)
        default: rng.int(in: 76...92)
        }
    }

    private func drawEducation(age: Int, _ rng: inout SeededGenerator) -> Education {
        let levels: [Education] = [
            .none, .primary, .junior, .senior, .vocational, .college, .bachelor, .master, .doctor,
        ]
        let weights: [Int] =
            age >= 65
            ? [8, 30, 35, 15, 6, 4, 2, 0, 0]
            : age >= 45 ? [2, 10, 30, 25, 12, 12, 8, 1, 0] : [0, 1, 10, 15, 14, 25, 28, 6, 1]
        return levels[rng.weighted(weights)]
    }

    private func drawLastOrgLife(_ activity: MemberActivity, _ rng: inout SeededGenerator) -> CivilDate? {
        switch activity {
        case .activist:
            return daysAgo(rng.int(in: 0...40))
        case .regular:
            let roll = rng.below(100)
            return roll < 94 ? daysAgo(rng.int(in: 0...150)) : roll < 99 ? daysAgo(rng.int(in: 190...700)) : nil
        case .inactive:
            let roll = rng.below(100)
            return roll < 35 ? daysAgo(rng.int(in: 190...900)) : roll < 97 ? daysAgo(rng.int(in: 60...180)) : nil
        }
    }

    /// A synthetic name: a surname and one or two given-name characters.
    func drawName(_ rng: inout SeededGenerator) -> String {
        var name = NamePools.surnames[rng.weighted(NamePools.surnameWeights)]
        name += rng.pick(NamePools.givenCharacters)
        if rng.chance(70) { name += rng.pick(NamePools.givenCharacters) }
        return name
    }

    /// A masked mobile number, as exported lists print them (脱敏): `138****1234`.
    private func drawPhone(_ rng: inout SeededGenerator) -> String {
        let prefixes = ["133", "135", "136", "138", "139", "150", "158", "177", "180", "189"]
        let tail = rng.below(10_000)
        let digits = String(tail)
        return rng.pick(prefixes) + "****" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}

import PolicyKit

/// The curated example district of `Examples/data`: eight communities of 郫都区, about 500
/// members, each chosen to show particular decisions of the reference module `ChengduPilot`.
///
/// The communities are planned by hand (stage, subdivisions, units, posts, which governance checks
/// pass); members are drawn by the same synthesiser as generated districts, and a few are then
/// set by hand (``CommunityPlan/tailor``) so that each alert, grade and vacancy the README names
/// is certain to appear. `Examples/README.md` says what each community shows and why.
struct ExampleDistrict {
    /// The seed of the example's random parts.
    static let seed: UInt64 = 2026
    /// The as-of date it is placed around.
    let asOf: CivilDate

    private func day(_ text: String) -> CivilDate { CivilDate(text) ?? asOf }

    private func months(_ count: Int) -> CivilDate { asOf.addingMonths(-count) }

    /// The plans of its communities.
    func plans() -> [CommunityPlan] {
        [qinghe(), shiyang(), jinjiang(), liulin(), deyuan(), youai(), xipu(), hongguang()]
    }

    private func base(
        _ id: String, _ name: String, town: String, stage: Stage, declared: Bool = false, planned: Int,
        movedIn: Int, residentsCommittee: Bool, deputy: String = "", villages: [String],
        subdivisions: [SubdivisionPlan], units: [UnitPlan] = [], posts: [PostPlan], complete: Bool,
        gaps: Set<GovernanceGap> = [], activity: CommunityActivity = .ordinary, villagerShare: Int
    ) -> CommunityPlan {
        CommunityPlan(
            id: id, name: name, town: town, stage: stage, declared: declared, householdsPlanned: planned,
            householdsMovedIn: movedIn, residentsCommittee: residentsCommittee, townDeputySecretary: deputy,
            villages: villages, subdivisions: subdivisions, units: units, posts: posts, complete: complete,
            gaps: gaps, activity: activity, villagerShare: villagerShare, willingShare: 40, partyDay: 15,
            elections: [months(21), months(57)], tailor: nil)
    }

    private static func standardPosts(residentsCommittee: Bool, deputy: Bool, partyMembers: Int) -> [PostPlan] {
        var posts = [PostPlan(body: .partyCommittee, post: .secretary, seats: 1)]
        if deputy { posts.append(PostPlan(body: .partyCommittee, post: .deputySecretary, seats: 1)) }
        posts.append(PostPlan(body: .partyCommittee, post: .member, seats: partyMembers))
        if residentsCommittee {
            posts.append(PostPlan(body: .residentsCommittee, post: .director, seats: 1))
            posts.append(PostPlan(body: .residentsCommittee, post: .member, seats: 3))
        }
        posts.append(PostPlan(body: .deliberationCouncil, post: .member, seats: 7))
        posts.append(PostPlan(body: .supervisoryCouncil, post: .chair, seats: 1))
        posts.append(PostPlan(body: .supervisoryCouncil, post: .member, seats: 2))
        posts.append(PostPlan(body: .collectiveEconomy, post: .chair, seats: 1))
        return posts
    }

    // MARK: - Preparation

    /// 清河社区: preparation from its records (nobody has moved in yet): a temporary branch of all
    /// its full members; governance complete.
    private func qinghe() -> CommunityPlan {
        var plan = base(
            "c01", "清河社区", town: "三道堰镇", stage: .preparation, planned: 860, movedIn: 0,
            residentsCommittee: false, villages: ["青杠村", "白果村", "水井村"],
            subdivisions: [
                SubdivisionPlan(name: "清溪安置点", buildings: 6, full: 24, probationary: 2),
                SubdivisionPlan(name: "青杠组", buildings: 0, full: 14, probationary: 1),
            ],
            posts: [
                PostPlan(body: .partyCommittee, post: .secretary, seats: 1),
                PostPlan(body: .partyCommittee, post: .member, seats: 2),
                PostPlan(body: .deliberationCouncil, post: .member, seats: 5),
            ],
            complete: true, villagerShare: 90)
        plan.subdivisions[1].buildings = 3
        return plan
    }

    /// 石羊社区: declared preparation although households have moved in; two full members, so it
    /// joins a joint branch; nobody can be secretary; governance gaps.
    private func shiyang() -> CommunityPlan {
        let asOf = asOf
        var plan = base(
            "c02", "石羊社区", town: "古城镇", stage: .preparation, declared: true, planned: 300, movedIn: 45,
            residentsCommittee: false, villages: ["石羊村"],
            subdivisions: [SubdivisionPlan(name: "石羊新居", buildings: 2, full: 2, probationary: 1)],
            posts: [
                PostPlan(body: .partyCommittee, post: .secretary, seats: 1),
                PostPlan(body: .deliberationCouncil, post: .member, seats: 3),
            ],
            complete: false, gaps: [.policyBriefing, .consultation], villagerShare: 100)
        plan.tailor = { member in
            member.willingToServe = true
            member.criminalRecord = false
            member.dishonestDebtor = false
            member.sanctionUntil = nil
            member.unqualifiedYear = nil
            switch member.ordinal {
            case 0:
                // Too old to stand (select.age).
                member.birthDate = CivilDate(year: 1960, month: 3, day: 12) ?? member.birthDate
                member.awaySince = nil
            case 1:
                // Away for under six months: still managed in the grid, but cannot stand (select.absent).
                member.birthDate = CivilDate(year: 1988, month: 8, day: 2) ?? member.birthDate
                member.awaySince = asOf.addingMonths(-4)
                member.awayPlace = "浙江省杭州市"
                member.occupation = "快递物流"
                member.employment = .flexible
                member.employer = ""
                member.relation = .community
                member.letterIssued = nil
            default:
                // Probationary: cannot sit on the party committee (select.standing), may sit on the council.
                member.awaySince = nil
                member.birthDate = CivilDate(year: 1996, month: 5, day: 20) ?? member.birthDate
            }
        }
        return plan
    }

    // MARK: - Transition

    /// 锦江社区: transition from its records (moved in, no residents' committee), a named town
    /// deputy secretary, a subdivision of more than 50 full members split in two; complete.
    private func jinjiang() -> CommunityPlan {
        let asOf = asOf
        var plan = base(
            "c03", "锦江社区", town: "郫筒街道", stage: .transition, planned: 900, movedIn: 640,
            residentsCommittee: false, deputy: "周永福", villages: ["红星村", "永安村", "团结村"],
            subdivisions: [
                SubdivisionPlan(name: "锦绣家园", buildings: 8, full: 62, probationary: 3),
                SubdivisionPlan(name: "蜀韵苑", buildings: 5, full: 33, probationary: 2),
                SubdivisionPlan(name: "望丛小区", buildings: 3, full: 14, probationary: 1),
            ],
            units: [UnitPlan(name: "锦江快递服务站", kind: .newEconomic, partyMembers: 2, hasPartyOrg: false)],
            posts: ExampleDistrict.standardPosts(residentsCommittee: false, deputy: true, partyMembers: 3),
            complete: true, villagerShare: 80)
        plan.tailor = { member in
            if member.ordinal == 70 {
                // Away for work, whereabouts recorded but no phone: dynamic, four_clear_incomplete.
                member.awaySince = asOf.addingMonths(-15)
                member.awayPlace = "广东省深圳市"
                member.phone = ""
                member.occupation = "建筑施工"
                member.employment = .flexible
                member.employer = ""
                member.relation = .originVillage
                member.originVillage = "红星村"
                member.removeEvents([.volunteer])
            }
        }
        return plan
    }

    /// 柳林社区: declared transition although its residents' committee is set up; no town deputy
    /// secretary named; small subdivisions pooled into a combined branch; governance gaps.
    private func liulin() -> CommunityPlan {
        let asOf = asOf
        var plan = base(
            "c04", "柳林社区", town: "友爱镇", stage: .transition, declared: true, planned: 420, movedIn: 380,
            residentsCommittee: true, villages: ["柳林村", "双柏村"],
            subdivisions: [
                SubdivisionPlan(name: "荷塘小区", buildings: 4, full: 27, probationary: 2),
                SubdivisionPlan(name: "春晓苑", buildings: 2, full: 10, probationary: 1),
                SubdivisionPlan(name: "川西雅居", buildings: 1, full: 2, probationary: 0),
                SubdivisionPlan(name: "书香佳园", buildings: 1, full: 1, probationary: 0),
                SubdivisionPlan(name: "", buildings: 0, full: 1, probationary: 0),
            ],
            posts: ExampleDistrict.standardPosts(residentsCommittee: false, deputy: false, partyMembers: 3),
            complete: false, gaps: [.bodyMissing, .distributions, .deliberation], villagerShare: 75)
        plan.tailor = { member in
            if member.ordinal == 3 {
                // Three breaches of the subdivision's convention this half-year and nothing else: attention.
                member.status = .full
                member.activity = .inactive
                member.events.removeAll { $0.day >= asOf.halfYear.start.dayNumber }
                for month in [1, 3, 5] {
                    member.add(.conventionBreach, on: asOf.addingMonths(-month))
                }
            }
        }
        return plan
    }

    // MARK: - Integration

    /// 德源社区: integration from its records (residents' committee, three units); the secretary
    /// also chairs the residents' committee (一肩挑); complete.
    private func deyuan() -> CommunityPlan {
        let asOf = asOf
        var plan = base(
            "c05", "德源社区", town: "德源街道", stage: .integration, planned: 1200, movedIn: 1130,
            residentsCommittee: true, villages: ["东林村", "西河村", "南堰村", "北斗村"],
            subdivisions: [
                SubdivisionPlan(name: "和美家园", buildings: 6, full: 38, probationary: 2),
                SubdivisionPlan(name: "幸福小区", buildings: 4, full: 24, probationary: 2),
                SubdivisionPlan(name: "馨怡苑", buildings: 2, full: 12, probationary: 1),
            ],
            units: [
                UnitPlan(name: "德源社区卫生服务中心", kind: .institution, partyMembers: 9, hasPartyOrg: true),
                UnitPlan(name: "成都德源豆瓣酿造厂", kind: .enterprise, partyMembers: 14, hasPartyOrg: true),
                UnitPlan(name: "德源社工服务中心", kind: .newSocial, partyMembers: 2, hasPartyOrg: false),
            ],
            posts: ExampleDistrict.standardPosts(residentsCommittee: true, deputy: true, partyMembers: 3),
            complete: true, villagerShare: 50)
        plan.tailor = { member in
            if member.ordinal == 10 {
                // A transfer letter issued eight months ago and never lodged: pocket_member.
                member.relation = .originVillage
                member.originVillage = "东林村"
                member.letterIssued = asOf.addingMonths(-8)
            }
            if member.ordinal == 11 {
                // Organisational life last attended ten months ago: lapsed.
                member.lastOrgLife = asOf.addingMonths(-10)
            }
        }
        return plan
    }

    /// 友爱社区: integration; a model community whose activists attend every monthly party day, so
    /// more than a third reach 90 points and the one-third cap applies; a pool of two joins the
    /// smallest branch; gaps in elections, supervision and the secretary's training.
    private func youai() -> CommunityPlan {
        base(
            "c06", "友爱社区", town: "安德街道", stage: .integration, planned: 700, movedIn: 650,
            residentsCommittee: true, villages: ["竹瓦村", "金星村"],
            subdivisions: [
                SubdivisionPlan(name: "安居苑", buildings: 5, full: 40, probationary: 2),
                SubdivisionPlan(name: "丰乐佳园", buildings: 3, full: 20, probationary: 1),
                SubdivisionPlan(name: "碧水嘉苑", buildings: 1, full: 2, probationary: 0),
            ],
            units: [
                UnitPlan(name: "友爱农产品合作社", kind: .newEconomic, partyMembers: 4, hasPartyOrg: true),
                UnitPlan(name: "友爱小学", kind: .institution, partyMembers: 11, hasPartyOrg: true),
            ],
            posts: ExampleDistrict.standardPosts(residentsCommittee: true, deputy: true, partyMembers: 3),
            complete: false, gaps: [.election, .supervision, .secretaryTraining], activity: .model,
            villagerShare: 55)
    }

    // MARK: - Maturity

    /// 犀浦社区: maturity from its records (seven units stationed); a regional committee with the
    /// four largest units that have a party organisation as part-time members; a subdivision of
    /// 55 split in two; complete.
    private func xipu() -> CommunityPlan {
        let asOf = asOf
        var plan = base(
            "c07", "犀浦社区", town: "犀浦街道", stage: .maturity, planned: 1600, movedIn: 1580,
            residentsCommittee: true, villages: ["万寿村", "长林村"],
            subdivisions: [
                SubdivisionPlan(name: "龙湾新城", buildings: 9, full: 55, probationary: 3),
                SubdivisionPlan(name: "书香雅居", buildings: 5, full: 38, probationary: 2),
                SubdivisionPlan(name: "金港花园", buildings: 3, full: 20, probationary: 1),
            ],
            units: [
                UnitPlan(name: "犀浦街道综合执法中队", kind: .government, partyMembers: 12, hasPartyOrg: true),
                UnitPlan(name: "成都犀浦华兴电子有限公司", kind: .enterprise, partyMembers: 36, hasPartyOrg: true),
                UnitPlan(name: "犀浦社区卫生服务中心", kind: .institution, partyMembers: 15, hasPartyOrg: true),
                UnitPlan(name: "犀浦电商产业园", kind: .newEconomic, partyMembers: 8, hasPartyOrg: true),
                UnitPlan(name: "犀浦小学", kind: .institution, partyMembers: 15, hasPartyOrg: true),
                UnitPlan(name: "犀浦志愿者协会", kind: .newSocial, partyMembers: 3, hasPartyOrg: true),
                UnitPlan(name: "犀浦物业服务公司", kind: .newEconomic, partyMembers: 2, hasPartyOrg: false),
            ],
            posts: ExampleDistrict.standardPosts(residentsCommittee: true, deputy: true, partyMembers: 5),
            complete: true, villagerShare: 30)
        plan.tailor = { member in
            if member.ordinal == 20 {
                // In service with the electronics company, relation kept there, no report this
                // half-year: joint management, not_reported.
                member.employment = .inService
                member.employer = "成都犀浦华兴电子有限公司"
                member.relation = .workUnit
                member.awaySince = nil
                member.birthDate = CivilDate(year: 1986, month: 11, day: 3) ?? member.birthDate
                member.removeEvents([.dualReport])
            }
            if member.ordinal == 21 {
                // Relation left elsewhere: dual management, a letter to elsewhere.
                member.relation = .elsewhere
                member.awaySince = nil
                _ = asOf
            }
        }
        return plan
    }

    /// 红光社区: declared maturity with only two units; gaps: one social organisation, too few
    /// disclosures, members without organisational life in the year.
    private func hongguang() -> CommunityPlan {
        base(
            "c08", "红光社区", town: "红光街道", stage: .maturity, declared: true, planned: 800, movedIn: 760,
            residentsCommittee: true, villages: ["高店村", "云桥村"],
            subdivisions: [
                SubdivisionPlan(name: "阳光小区", buildings: 4, full: 30, probationary: 1),
                SubdivisionPlan(name: "翠林苑", buildings: 3, full: 17, probationary: 1),
            ],
            units: [
                UnitPlan(name: "红光派出所", kind: .government, partyMembers: 20, hasPartyOrg: true),
                UnitPlan(name: "红光文体协会", kind: .newSocial, partyMembers: 1, hasPartyOrg: false),
            ],
            posts: ExampleDistrict.standardPosts(residentsCommittee: true, deputy: true, partyMembers: 3),
            complete: false, gaps: [.socialOrganizations, .disclosure, .basicRights], activity: .quiet,
            villagerShare: 35)
    }
}

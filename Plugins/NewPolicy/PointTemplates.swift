/// The generated code of each point: the module's conformance with its rules, the rule tests and
/// the expectations of the policy test case.
///
/// Each point gets one or two simple rules that decide every subject, so a new module runs, and
/// passes the conformance kit, before its author has changed a line.
extension Scaffold {
    /// `Policies/NAME/NAME+<Point>.swift`.
    func source(of point: Point) -> String {
        let body: String
        switch point {
        case .stage: body = stageSource()
        case .branchSetup: body = branchSetupSource()
        case .memberManagement: body = memberManagementSource()
        case .cadreSelection: body = cadreSelectionSource()
        case .points: body = pointsSource()
        case .governance: body = governanceSource()
        }
        return #"""
            public import PolicyKit

            extension \#(name): \#(point.protocolName) {
                /// The rules of the `\#(point.rawValue)` point, listed in ``metadata``.
                static let \#(point.rulesName): [RuleInfo] = [
            \#(body)
            }

            """#
    }

    /// Test functions inside the rule test suite, indented by four spaces, ending with a new line.
    func testCases(of point: Point) -> String {
        switch point {
        case .stage: stageTests()
        case .branchSetup: branchSetupTests()
        case .memberManagement: memberManagementTests()
        case .cadreSelection: cadreSelectionTests()
        case .points: pointsTests()
        case .governance: governanceTests()
        }
    }

    /// The expectations of `basic.json` for the point, one JSON object a line.
    func expectations(of point: Point) -> [String] {
        let cases: [(subject: String, outcome: String, rule: String)]
        switch point {
        case .stage:
            cases = [("community:C1", "transition", "declared"), ("community:C2", "preparation", "households")]
        case .branchSetup:
            cases = [("community:C1", "branch", "branch"), ("community:C2", "joint_branch", "joint")]
        case .memberManagement:
            cases = [("member:M1", "dynamic", "mobile"), ("member:M2", "grid", "grid")]
        case .cadreSelection:
            cases = [
                ("post:C1/party_committee/secretary/1", "selected", "volunteer"),
                ("post:C1/party_committee/member/1", "vacant", "vacant"),
            ]
        case .points:
            cases = [
                ("member:M2", "qualified", "ledger"), ("member:M3", "attention", "no-entries"),
                ("member:M4", "not_graded", "probationary"),
            ]
        case .governance:
            cases = [("community:C1", "complete", "bodies"), ("community:C2", "gaps", "no-body")]
        }
        return cases.map {
            "    { \"point\": \"\(point.rawValue)\", \"subject\": \"\($0.subject)\", \"outcome\": \"\($0.outcome)\", "
                + "\"rules\": [\"\(prefix).\($0.rule)\"] }"
        }
    }

    /// The rules of the point for the module's README: the rule id's last part, when it fires, and
    /// the outcome.
    func readmeRules(of point: Point) -> [(rule: String, when: String, outcome: String)] {
        switch point {
        case .stage:
            [
                ("declared", "the dataset declares the community's stage", "that stage"),
                (
                    "households", "no stage declared",
                    "`preparation` with no household moved in, `integration` with a residents' committee, else `transition`"
                ),
            ]
        case .branchSetup:
            [
                ("joint", "fewer than 3 full members", "`joint_branch`"),
                ("branch", "3 or more full members", "`branch` of them all; a committee of 3 from 7 members"),
            ]
        case .memberManagement:
            [
                ("mobile", "away `mobileAfterMonths` months or more", "`dynamic`"),
                ("grid", "every other member", "`grid`, in `COMMUNITY/SUBDIVISION`"),
            ]
        case .cadreSelection:
            [
                (
                    "volunteer", "a full member who volunteered is left",
                    "`selected`, seats in post order, members by id"
                ),
                ("vacant", "no volunteer is left", "`vacant`"),
            ]
        case .points:
            [
                ("ledger", "a full member with ledger entries this half-year", "`qualified`, one point an entry"),
                ("no-entries", "a full member without any", "`attention`"),
                ("probationary", "a probationary member", "`not_graded`"),
            ]
        case .governance:
            [
                ("bodies", "a governance body is set up", "`complete`"),
                ("no-body", "none is", "`gaps`, finding the rule id"),
            ]
        }
    }

    // MARK: - stage

    func stageSource() -> String {
        #"""
                RuleInfo(
                    "\#(prefix).declared", point: .stage,
                    meaning: Reason(
                        zh: "区里为社区申报了发展阶段的，采用申报的阶段。",
                        en: "The district declared the community's stage: that stage.")),
                RuleInfo(
                    "\#(prefix).households", point: .stage,
                    meaning: Reason(
                        zh: "未申报的，尚无住户迁入为筹备期，已设立居委会为融合期，其余为过渡期。",
                        en: "Not declared: preparation, then transition, then integration with a residents' committee.")),
            ]

            /// The declared stage, else one read from the households moved in and the residents' committee.
            public func decideStage(in context: CommunityContext) -> StageDecision {
                let community = context.community
                if let declared = community.declaredStage {
                    return StageDecision(
                        outcome: declared, rules: ["\#(prefix).declared"],
                        reasons: [
                            Reason(
                                zh: "区里申报为\(declared.chineseName)。",
                                en: "The district declared it in \(declared.englishName).")
                        ],
                        details: StageDetails(declared: true))
                }
                let stage: Stage
                if community.householdsMovedIn == 0 {
                    stage = .preparation
                } else if community.hasResidentsCommittee {
                    stage = .integration
                } else {
                    stage = .transition
                }
                let moved = community.householdsMovedIn
                return StageDecision(
                    outcome: stage, rules: ["\#(prefix).households"],
                    reasons: [
                        Reason(
                            zh: "未申报阶段，已迁入\(moved)户：\(stage.chineseName)。",
                            en: "No stage declared; \(moved) households moved in: \(stage.englishName).")
                    ],
                    details: StageDetails(declared: false))
            }
        """#
    }

    func stageTests() -> String {
        #"""
            @Test("\#(prefix).declared: the district's declared stage wins")
            func declared() throws {
                let community = Community(id: "C1", declaredStage: .maturity, householdsMovedIn: 0)
                let decision = try Fixture.module().decideStage(in: Fixture.context(community))
                #expect(decision.outcome == .maturity)
                #expect(decision.rules == ["\#(prefix).declared"])
                #expect(decision.details.declared)
            }

            @Test("\#(prefix).households: preparation until the first household moves in")
            func households() throws {
                let module = try Fixture.module()
                let none = module.decideStage(in: Fixture.context(Community(id: "C1", householdsMovedIn: 0)))
                #expect(none.outcome == .preparation)
                #expect(none.rules == ["\#(prefix).households"])
                let one = module.decideStage(in: Fixture.context(Community(id: "C1", householdsMovedIn: 1)))
                #expect(one.outcome == .transition)
                let committee = Community(id: "C1", householdsMovedIn: 1, hasResidentsCommittee: true)
                #expect(module.decideStage(in: Fixture.context(committee)).outcome == .integration)
            }

        """#
    }

    // MARK: - branch_setup

    func branchSetupSource() -> String {
        #"""
                RuleInfo(
                    "\#(prefix).joint", point: .branchSetup,
                    meaning: Reason(
                        zh: "正式党员不足3名的，与相邻社区成立联合党支部。",
                        en: "Fewer than 3 full members: a joint branch with neighbouring communities.")),
                RuleInfo(
                    "\#(prefix).branch", point: .branchSetup,
                    meaning: Reason(
                        zh: "正式党员3名以上的，成立一个党支部；7名以上的设支部委员会委员3名。",
                        en: "3 or more full members: one branch; from 7, a committee of 3 seats.")),
            ]

            /// A joint branch under 3 full members, else one branch of them all.
            public func decideBranchSetup(in context: CommunityContext) -> BranchSetupDecision {
                let full = context.members.filter(\.isFull).map(\.id)
                let counted = Reason(zh: "社区有正式党员\(full.count)名。", en: "The community has \(full.count) full members.")
                if full.count < 3 {
                    return BranchSetupDecision(
                        outcome: .jointBranch, rules: ["\#(prefix).joint"],
                        reasons: [counted, Reason(zh: "不足3名，成立联合党支部。", en: "Fewer than 3: a joint branch.")],
                        details: BranchSetupDetails(
                            fullMembers: full.count, branches: [], committeeSeats: 0, secretarySource: .none))
                }
                let seats = full.count < 7 ? 0 : 3
                let branch = Branch(id: "\(context.community.id)/branch", members: full, committeeSeats: seats)
                return BranchSetupDecision(
                    outcome: .branch, rules: ["\#(prefix).branch"],
                    reasons: [
                        counted,
                        Reason(
                            zh: seats == 0 ? "成立一个党支部，只设书记。" : "成立一个党支部，支部委员会委员3名。",
                            en: seats == 0 ? "One branch with a secretary only." : "One branch with a committee of 3."),
                    ],
                    details: BranchSetupDetails(
                        fullMembers: full.count, branches: [branch], committeeSeats: seats, secretarySource: .elected))
            }
        """#
    }

    func branchSetupTests() -> String {
        #"""
            @Test("\#(prefix).joint: fewer than 3 full members", arguments: [0, 2])
            func joint(full: Int) throws {
                let decision = try Fixture.module().decideBranchSetup(in: Fixture.context(members: Fixture.members(full)))
                #expect(decision.outcome == .jointBranch)
                #expect(decision.rules == ["\#(prefix).joint"])
            }

            @Test("\#(prefix).branch: 3 or more full members, a committee from 7", arguments: [(3, 0), (6, 0), (7, 3)])
            func branch(full: Int, seats: Int) throws {
                let decision = try Fixture.module().decideBranchSetup(in: Fixture.context(members: Fixture.members(full)))
                #expect(decision.outcome == .branch)
                #expect(decision.rules == ["\#(prefix).branch"])
                #expect(decision.details.branches.first?.members.count == full)
                #expect(decision.details.committeeSeats == seats)
            }

        """#
    }

    // MARK: - member_management

    func memberManagementSource() -> String {
        #"""
                RuleInfo(
                    "\#(prefix).mobile", point: .memberManagement,
                    meaning: Reason(
                        zh: "外出务工经商满规定月数的，为流动党员，实行动态管理。",
                        en: "Away for work or business `mobileAfterMonths` months or more: dynamic management.")),
                RuleInfo(
                    "\#(prefix).grid", point: .memberManagement,
                    meaning: Reason(
                        zh: "其他党员纳入所在小区网格，实行网格管理。",
                        en: "Every other member: grid management in the member's subdivision.")),
            ]

            /// Dynamic management for a member away `mobileAfterMonths` months or more, else grid management.
            public func decideManagement(ofMemberAt index: Int, in context: CommunityContext) -> ManagementDecision {
                let member = context.members[index]
                if let away = member.awaySince, away.addingMonths(mobileAfterMonths) <= context.asOf {
                    return ManagementDecision(
                        outcome: .dynamic, rules: ["\#(prefix).mobile"],
                        reasons: [
                            Reason(
                                zh: "自\(away.chineseText)外出，已满\(mobileAfterMonths)个月，实行动态管理。",
                                en: "Away since \(away), \(mobileAfterMonths) months or more: dynamic management.")
                        ],
                        details: ManagementDetails())
                }
                let subdivision = member.subdivision.isEmpty ? "-" : member.subdivision
                let grid = "\(context.community.id)/\(subdivision)"
                return ManagementDecision(
                    outcome: .grid, rules: ["\#(prefix).grid"],
                    reasons: [Reason(zh: "纳入\(grid)网格，实行网格管理。", en: "Grid management in the grid \(grid).")],
                    details: ManagementDetails(grid: grid))
            }
        """#
    }

    func memberManagementTests() -> String {
        #"""
            @Test("\#(prefix).mobile: away mobileAfterMonths months or more, not a day less")
            func mobile() throws {
                let members = [
                    Fixture.member("M1", awaySince: Fixture.date("2025-12-15")),
                    Fixture.member("M2", awaySince: Fixture.date("2025-12-16")),
                ]
                let module = try Fixture.module()
                let away = module.decideManagement(ofMemberAt: 0, in: Fixture.context(members: members))
                #expect(away.outcome == .dynamic)
                #expect(away.rules == ["\#(prefix).mobile"])
                let dayShort = module.decideManagement(ofMemberAt: 1, in: Fixture.context(members: members))
                #expect(dayShort.outcome == .grid)
                let longer = try Fixture.module(["mobileAfterMonths": .integer(7)])
                #expect(longer.decideManagement(ofMemberAt: 0, in: Fixture.context(members: members)).outcome == .grid)
            }

            @Test("\#(prefix).grid: every other member, in the grid of the subdivision")
            func grid() throws {
                let members = [Fixture.member("M1", subdivision: "锦江苑")]
                let decision = try Fixture.module().decideManagement(ofMemberAt: 0, in: Fixture.context(members: members))
                #expect(decision.outcome == .grid)
                #expect(decision.rules == ["\#(prefix).grid"])
                #expect(decision.details.grid == "C1/锦江苑")
            }

        """#
    }

    // MARK: - cadre_selection

    func cadreSelectionSource() -> String {
        #"""
                RuleInfo(
                    "\#(prefix).volunteer", point: .cadreSelection,
                    meaning: Reason(
                        zh: "按岗位顺序，由自愿参选的正式党员依次担任，每人一个岗位。",
                        en: "Seats go, in post order, to full members who volunteered, one seat each.")),
                RuleInfo(
                    "\#(prefix).vacant", point: .cadreSelection,
                    meaning: Reason(
                        zh: "没有自愿参选的正式党员可选的，岗位空缺。",
                        en: "No volunteer is left: the seat stays vacant.")),
            ]

            /// Each seat, in post order, to the next full member who volunteered (by id); vacant when none is left.
            public func selectCadres(in context: CommunityContext) -> [SeatDecision] {
                var volunteers = context.members.filter { $0.isFull && $0.willingToServe }.map(\.id)[...]
                var decisions: [SeatDecision] = []
                for post in context.posts {
                    for _ in 0..<post.seats {
                        if let member = volunteers.popFirst() {
                            decisions.append(
                                SeatDecision(
                                    outcome: .selected, rules: ["\#(prefix).volunteer"],
                                    reasons: [Reason(zh: "由自愿参选的党员\(member)担任。", en: "Filled by volunteer \(member).")],
                                    details: SeatDetails(member: member)))
                        } else {
                            decisions.append(
                                SeatDecision(
                                    outcome: .vacant, rules: ["\#(prefix).vacant"],
                                    reasons: [Reason(zh: "没有自愿参选的党员，岗位空缺。", en: "No volunteer is left: vacant.")],
                                    details: SeatDetails()))
                        }
                    }
                }
                return decisions
            }
        """#
    }

    func cadreSelectionTests() -> String {
        #"""
            @Test("\#(prefix).volunteer: a volunteer fills the first seat")
            func volunteer() throws {
                let members = [Fixture.member("M1"), Fixture.member("M2", willingToServe: true)]
                let posts = [Post(communityID: "C1", body: .partyCommittee, title: .secretary)]
                let decisions = try Fixture.module().selectCadres(in: Fixture.context(members: members, posts: posts))
                #expect(decisions.map(\.outcome) == [.selected])
                #expect(decisions.first?.rules == ["\#(prefix).volunteer"])
                #expect(decisions.first?.details.member == "M2")
            }

            @Test("\#(prefix).vacant: a seat with no volunteer left stays vacant")
            func vacant() throws {
                let members = [Fixture.member("M1", willingToServe: true)]
                let posts = [Post(communityID: "C1", body: .partyCommittee, title: .member, seats: 2)]
                let decisions = try Fixture.module().selectCadres(in: Fixture.context(members: members, posts: posts))
                #expect(decisions.map(\.outcome) == [.selected, .vacant])
                #expect(decisions.last?.rules == ["\#(prefix).vacant"])
            }

        """#
    }

    // MARK: - points

    func pointsSource() -> String {
        #"""
                RuleInfo(
                    "\#(prefix).ledger", point: .points,
                    meaning: Reason(
                        zh: "正式党员本半年度有积分记录的，评为合格，积分为记录条数。",
                        en: "A full member with ledger entries this half-year: qualified, one point an entry.")),
                RuleInfo(
                    "\#(prefix).no-entries", point: .points,
                    meaning: Reason(
                        zh: "正式党员本半年度没有积分记录的，评为需关注。",
                        en: "A full member without ledger entries this half-year: attention.")),
                RuleInfo(
                    "\#(prefix).probationary", point: .points,
                    meaning: Reason(
                        zh: "预备党员不参加评定。",
                        en: "A probationary member is not graded.")),
            ]

            /// One point per ledger entry of the as-of date's half-year; graded qualified, or attention without any.
            public func gradePoints(in context: CommunityContext) -> [PointsDecision] {
                let period = context.asOf.halfYear
                return context.members.indices.map { index in
                    let entries = context.events[index].filter { $0.date >= period.start && $0.date <= context.asOf }
                    let details = PointsDetails(period: period, points: Amount(entries.count))
                    if !context.members[index].isFull {
                        return PointsDecision(
                            outcome: .notGraded, rules: ["\#(prefix).probationary"],
                            reasons: [Reason(zh: "预备党员，不参加评定。", en: "A probationary member is not graded.")],
                            details: details)
                    }
                    if entries.isEmpty {
                        return PointsDecision(
                            outcome: .attention, rules: ["\#(prefix).no-entries"],
                            reasons: [Reason(zh: "\(period)没有积分记录。", en: "No ledger entries in \(period).")],
                            details: details)
                    }
                    return PointsDecision(
                        outcome: .qualified, rules: ["\#(prefix).ledger"],
                        reasons: [
                            Reason(zh: "\(period)有积分记录\(entries.count)条。", en: "\(entries.count) ledger entries in \(period).")
                        ],
                        details: details)
                }
            }
        """#
    }

    func pointsTests() -> String {
        #"""
            @Test("\#(prefix).ledger: one point an entry of the half-year")
            func ledger() throws {
                let events = [
                    [
                        LedgerEvent(memberID: "M1", date: Fixture.date("2026-01-01"), kind: .orgLife),
                        LedgerEvent(memberID: "M1", date: Fixture.date("2026-03-01"), kind: .volunteer),
                    ]
                ]
                let context = Fixture.context(members: [Fixture.member("M1")], events: events)
                let decision = try #require(try Fixture.module().gradePoints(in: context).first)
                #expect(decision.outcome == .qualified)
                #expect(decision.rules == ["\#(prefix).ledger"])
                #expect(decision.details.points == Amount(2))
            }

            @Test("\#(prefix).no-entries: an entry of the half-year before does not count")
            func noEntries() throws {
                let events = [[LedgerEvent(memberID: "M1", date: Fixture.date("2025-12-31"), kind: .orgLife)]]
                let context = Fixture.context(members: [Fixture.member("M1")], events: events)
                let decision = try #require(try Fixture.module().gradePoints(in: context).first)
                #expect(decision.outcome == .attention)
                #expect(decision.rules == ["\#(prefix).no-entries"])
            }

            @Test("\#(prefix).probationary: a probationary member is not graded")
            func probationary() throws {
                let context = Fixture.context(members: [Fixture.member("M1", status: .probationary)])
                let decision = try #require(try Fixture.module().gradePoints(in: context).first)
                #expect(decision.outcome == .notGraded)
                #expect(decision.rules == ["\#(prefix).probationary"])
            }

        """#
    }

    // MARK: - governance

    func governanceSource() -> String {
        #"""
                RuleInfo(
                    "\#(prefix).bodies", point: .governance,
                    meaning: Reason(
                        zh: "社区已设立自治组织等治理主体的，无缺项。",
                        en: "The community has set up at least one governance body: complete.")),
                RuleInfo(
                    "\#(prefix).no-body", point: .governance,
                    meaning: Reason(
                        zh: "社区尚未设立任何治理主体的，列为缺项。",
                        en: "The community has set up no governance body: a gap.")),
            ]

            /// Complete when the community has set up a governance body, else a gap.
            public func checkGovernance(in context: CommunityContext) -> GovernanceDecision {
                guard context.bodies.isEmpty else {
                    return GovernanceDecision(
                        outcome: .complete, rules: ["\#(prefix).bodies"],
                        reasons: [
                            Reason(
                                zh: "已设立治理主体\(context.bodies.count)个。",
                                en: "\(context.bodies.count) governance bodies are set up.")
                        ],
                        details: GovernanceDetails())
                }
                return GovernanceDecision(
                    outcome: .gaps, rules: ["\#(prefix).no-body"],
                    reasons: [Reason(zh: "尚未设立任何治理主体。", en: "No governance body is set up.")],
                    details: GovernanceDetails(findings: ["\#(prefix).no-body"]))
            }
        """#
    }

    func governanceTests() -> String {
        #"""
            @Test("\#(prefix).bodies: one governance body is enough")
            func bodies() throws {
                let body = GovernanceBody(
                    communityID: "C1", kind: .residentsCommittee, established: Fixture.date("2024-01-01"))
                let decision = try Fixture.module().checkGovernance(in: Fixture.context(bodies: [body]))
                #expect(decision.outcome == .complete)
                #expect(decision.rules == ["\#(prefix).bodies"])
            }

            @Test("\#(prefix).no-body: no governance body is a gap")
            func noBody() throws {
                let decision = try Fixture.module().checkGovernance(in: Fixture.context())
                #expect(decision.outcome == .gaps)
                #expect(decision.details.findings == ["\#(prefix).no-body"])
            }

        """#
    }
}

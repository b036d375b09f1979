/// The generated code of each point: the module's conformance with its rules and reasons, the rule
/// tests and the expectations of the policy test case.
///
/// Each point gets two or three simple rules that decide every subject, so a new module runs, and
/// passes the conformance kit, before its author has changed a line. The code is written as the
/// reference modules are: each rule a `Rule` value fired by that value, each reason a
/// `ReasonTemplate` of the module's catalog called with typed values.
extension Scaffold {
    /// `NAME+<Point>.swift`: the point's rules, its reasons and the function that decides it.
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
                // MARK: Rules, in the order they are tried

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
            /// A declared stage holds.
            static let declaredStage = Rule(
                "\#(prefix).declared", point: .stage,
                meaning: Text(
                    zh: "区里为社区申报了发展阶段的，采用申报的阶段。",
                    en: "The district declared the community's stage: that stage."))
            /// No stage declared: one read from the households and the residents' committee.
            static let householdsStage = Rule(
                "\#(prefix).households", point: .stage,
                meaning: Text(
                    zh: "未申报的，尚无住户迁入为筹备期，已设立居委会为融合期，其余为过渡期。",
                    en: "Not declared: preparation, then transition, then integration with a residents' committee."))

            static let stageRules = [declaredStage, householdsStage]

            // MARK: Reasons

            /// The district declared the stage.
            static let declaredReason = ReasonTemplate(
                "\#(prefix).declared", slots: [.term("stage")],
                zh: "区里申报为{stage}。", en: "The district declared it in the {stage} stage.")
            /// The stage read from the households moved in.
            static let householdsReason = ReasonTemplate(
                "\#(prefix).households", slots: [.count("households"), .term("stage")],
                zh: "未申报阶段，已迁入{households}户：{stage}。",
                en: "No stage declared; {households} households moved in: {stage}.")

            static let stageReasons = [declaredReason, householdsReason]

            /// The declared stage, else one read from the households moved in and the residents' committee.
            public func decideStage(in context: CommunityContext) -> StageDecision {
                let community = context.community
                if let declared = community.declaredStage {
                    return StageDecision(
                        outcome: declared, rules: [Self.declaredStage], reasons: [Self.declaredReason(.term(declared.term))],
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
                return StageDecision(
                    outcome: stage, rules: [Self.householdsStage],
                    reasons: [Self.householdsReason(.count(community.householdsMovedIn), .term(stage.term))],
                    details: StageDetails(declared: false))
            }
        """#
    }

    func stageTests() -> String {
        #"""
            @Test("\#(prefix).declared: the district's declared stage wins")
            func declared() throws {
                let module = try Fixture.module()
                let community = Community(id: "C1", declaredStage: .maturity, householdsMovedIn: 0)
                let decision = module.decideStage(in: Fixture.context(community))
                #expect(decision.outcome == .maturity)
                #expect(decision.ruleIDs == ["\#(prefix).declared"])
                #expect(decision.reasons.map(\.english) == ["The district declared it in the maturity stage."])
                #expect(decision.details.declared)
                let undeclared = module.decideStage(in: Fixture.context(Community(id: "C1", householdsMovedIn: 0)))
                #expect(undeclared.ruleIDs == ["\#(prefix).households"])
            }

            @Test("\#(prefix).households: preparation until the first household moves in")
            func households() throws {
                let module = try Fixture.module()
                let none = module.decideStage(in: Fixture.context(Community(id: "C1", householdsMovedIn: 0)))
                #expect(none.outcome == .preparation)
                #expect(none.ruleIDs == ["\#(prefix).households"])
                #expect(none.reasons.map(\.chinese) == ["未申报阶段，已迁入0户：筹备期。"])
                let one = module.decideStage(in: Fixture.context(Community(id: "C1", householdsMovedIn: 1)))
                #expect(one.outcome == .transition)
                let committee = Community(id: "C1", householdsMovedIn: 1, hasResidentsCommittee: true)
                #expect(module.decideStage(in: Fixture.context(committee)).outcome == .integration)
                let declared = Community(id: "C1", declaredStage: .preparation, householdsMovedIn: 1)
                #expect(module.decideStage(in: Fixture.context(declared)).ruleIDs == ["\#(prefix).declared"])
            }

        """#
    }

    // MARK: - branch_setup

    func branchSetupSource() -> String {
        #"""
            /// Too few full members for a branch of their own.
            static let jointBranch = Rule(
                "\#(prefix).joint", point: .branchSetup,
                meaning: Text(
                    zh: "正式党员不足3名的，与相邻社区成立联合党支部。",
                    en: "Fewer than 3 full members: a joint branch with neighbouring communities."))
            /// A branch of every full member.
            static let oneBranch = Rule(
                "\#(prefix).branch", point: .branchSetup,
                meaning: Text(
                    zh: "正式党员3名以上的，成立一个党支部；7名以上的设支部委员会委员3名。",
                    en: "3 or more full members: one branch; from 7, a committee of 3 seats."))

            static let branchSetupRules = [jointBranch, oneBranch]

            // MARK: Reasons

            /// The full members counted.
            static let fullMembersReason = ReasonTemplate(
                "\#(prefix).full-members", slots: [.count("members")],
                zh: "社区有正式党员{members}名。", en: "The community has {members} full members.")
            /// A joint branch.
            static let jointReason = ReasonTemplate(
                "\#(prefix).joint", zh: "不足3名，成立联合党支部。", en: "Fewer than 3: a joint branch.")
            /// A branch too small for a committee.
            static let secretaryOnlyReason = ReasonTemplate(
                "\#(prefix).secretary-only", zh: "成立一个党支部，只设书记。", en: "One branch with a secretary only.")
            /// A branch with a committee.
            static let committeeReason = ReasonTemplate(
                "\#(prefix).committee", slots: [.count("seats")],
                zh: "成立一个党支部，支部委员会委员{seats}名。", en: "One branch with a committee of {seats}.")

            static let branchSetupReasons = [fullMembersReason, jointReason, secretaryOnlyReason, committeeReason]

            /// A joint branch under 3 full members, else one branch of them all.
            public func decideBranchSetup(in context: CommunityContext) -> BranchSetupDecision {
                let full = context.members.filter(\.isFull).map(\.id)
                let counted = Self.fullMembersReason(.count(full.count))
                if full.count < 3 {
                    return BranchSetupDecision(
                        outcome: .jointBranch, rules: [Self.jointBranch], reasons: [counted, Self.jointReason()],
                        details: BranchSetupDetails(
                            fullMembers: full.count, branches: [], committeeSeats: 0, secretarySource: .none))
                }
                let seats = full.count < 7 ? 0 : 3
                let branch = Branch(id: "\(context.community.id)/branch", members: full, committeeSeats: seats)
                return BranchSetupDecision(
                    outcome: .branch, rules: [Self.oneBranch],
                    reasons: [counted, seats == 0 ? Self.secretaryOnlyReason() : Self.committeeReason(.count(seats))],
                    details: BranchSetupDetails(
                        fullMembers: full.count, branches: [branch], committeeSeats: seats, secretarySource: .elected))
            }
        """#
    }

    func branchSetupTests() -> String {
        #"""
            @Test("\#(prefix).joint: fewer than 3 full members", arguments: [(0, true), (2, true), (3, false)])
            func joint(full: Int, fires: Bool) throws {
                let decision = try Fixture.module().decideBranchSetup(in: Fixture.context(members: Fixture.members(full)))
                #expect((decision.outcome == .jointBranch) == fires)
                #expect((decision.ruleIDs == ["\#(prefix).joint"]) == fires)
            }

            @Test("\#(prefix).branch: 3 or more full members, a committee from 7", arguments: [(3, 0), (6, 0), (7, 3)])
            func branch(full: Int, seats: Int) throws {
                let module = try Fixture.module()
                let decision = module.decideBranchSetup(in: Fixture.context(members: Fixture.members(full)))
                #expect(decision.outcome == .branch)
                #expect(decision.ruleIDs == ["\#(prefix).branch"])
                #expect(decision.details.branches.first?.members.count == full)
                #expect(decision.details.committeeSeats == seats)
                let fewer = module.decideBranchSetup(in: Fixture.context(members: Fixture.members(2)))
                #expect(fewer.ruleIDs == ["\#(prefix).joint"])
            }

        """#
    }

    // MARK: - member_management

    func memberManagementSource() -> String {
        #"""
            /// Away long enough: dynamic management.
            static let mobile = Rule(
                "\#(prefix).mobile", point: .memberManagement,
                meaning: Text(
                    zh: "外出务工经商满规定月数的，为流动党员，实行动态管理。",
                    en: "Away for work or business `mobileAfterMonths` months or more: dynamic management."))
            /// Everyone else: grid management.
            static let grid = Rule(
                "\#(prefix).grid", point: .memberManagement,
                meaning: Text(
                    zh: "其他党员纳入所在小区网格，实行网格管理。",
                    en: "Every other member: grid management in the member's subdivision."))

            static let memberManagementRules = [mobile, grid]

            // MARK: Reasons

            /// Dynamic management.
            static let mobileReason = ReasonTemplate(
                "\#(prefix).mobile", slots: [.date("since"), .count("months")],
                zh: "自{since}外出，已满{months}个月，实行动态管理。",
                en: "Away since {since}, {months} months or more: dynamic management.")
            /// Grid management.
            static let gridReason = ReasonTemplate(
                "\#(prefix).grid", slots: [.place("grid")],
                zh: "纳入{grid}网格，实行网格管理。", en: "Grid management in the grid {grid}.")

            static let memberManagementReasons = [mobileReason, gridReason]

            /// Dynamic management for a member away `mobileAfterMonths` months or more, else grid management.
            public func decideManagement(ofMemberAt index: Int, in context: CommunityContext) -> ManagementDecision {
                if let away = context.members[index].awaySince, away.addingMonths(mobileAfterMonths) <= context.asOf {
                    return ManagementDecision(
                        outcome: .dynamic, rules: [Self.mobile],
                        reasons: [Self.mobileReason(.date(away), .count(mobileAfterMonths))], details: ManagementDetails())
                }
                let grid = context.gridCell(ofMemberAt: index, byBuilding: false)
                return ManagementDecision(
                    outcome: .grid, rules: [Self.grid], reasons: [Self.gridReason(.place(grid))],
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
                #expect(away.ruleIDs == ["\#(prefix).mobile"])
                #expect(away.reasons.map(\.english) == ["Away since 2025-12-15, 6 months or more: dynamic management."])
                let dayShort = module.decideManagement(ofMemberAt: 1, in: Fixture.context(members: members))
                #expect(dayShort.outcome == .grid)
                let longer = try Fixture.module(["mobileAfterMonths": .integer(7)])
                #expect(longer.decideManagement(ofMemberAt: 0, in: Fixture.context(members: members)).outcome == .grid)
            }

            @Test("\#(prefix).grid: every other member, in the grid of the subdivision")
            func grid() throws {
                let members = [Fixture.member("M1", subdivision: "锦江苑")]
                let module = try Fixture.module()
                let decision = module.decideManagement(ofMemberAt: 0, in: Fixture.context(members: members))
                #expect(decision.outcome == .grid)
                #expect(decision.ruleIDs == ["\#(prefix).grid"])
                #expect(decision.details.grid == "C1/锦江苑")
                #expect(decision.reasons.map(\.chinese) == ["纳入C1/锦江苑网格，实行网格管理。"])
                let away = [Fixture.member("M1", awaySince: Fixture.date("2025-01-01"))]
                #expect(module.decideManagement(ofMemberAt: 0, in: Fixture.context(members: away)).outcome == .dynamic)
            }

        """#
    }

    // MARK: - cadre_selection

    func cadreSelectionSource() -> String {
        #"""
            /// A volunteer takes the seat.
            static let volunteerSeat = Rule(
                "\#(prefix).volunteer", point: .cadreSelection,
                meaning: Text(
                    zh: "按岗位顺序，由自愿参选的正式党员依次担任，每人一个岗位。",
                    en: "Seats go, in post order, to full members who volunteered, one seat each."))
            /// No volunteer left.
            static let vacantSeat = Rule(
                "\#(prefix).vacant", point: .cadreSelection,
                meaning: Text(
                    zh: "没有自愿参选的正式党员可选的，岗位空缺。",
                    en: "No volunteer is left: the seat stays vacant."))

            static let cadreSelectionRules = [volunteerSeat, vacantSeat]

            // MARK: Reasons

            /// The volunteer who takes the seat.
            static let volunteerReason = ReasonTemplate(
                "\#(prefix).volunteer", slots: [.member("member")],
                zh: "由自愿参选的党员{member}担任。", en: "Filled by volunteer {member}.")
            /// A vacant seat.
            static let vacantReason = ReasonTemplate(
                "\#(prefix).vacant", zh: "没有自愿参选的党员，岗位空缺。", en: "No volunteer is left: vacant.")

            static let cadreSelectionReasons = [volunteerReason, vacantReason]

            /// Each seat, in post order, to the next full member who volunteered (by id); vacant when none is left.
            public func selectCadres(in context: CommunityContext) -> [SeatDecision] {
                var volunteers = context.members.filter { $0.isFull && $0.willingToServe }.map(\.id)[...]
                var decisions: [SeatDecision] = []
                for post in context.posts {
                    for _ in 0..<post.seats {
                        if let member = volunteers.popFirst() {
                            decisions.append(
                                SeatDecision(
                                    outcome: .selected, rules: [Self.volunteerSeat],
                                    reasons: [Self.volunteerReason(.member(member))], details: SeatDetails(member: member)))
                        } else {
                            decisions.append(
                                SeatDecision(
                                    outcome: .vacant, rules: [Self.vacantSeat], reasons: [Self.vacantReason()],
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
                let module = try Fixture.module()
                let decisions = module.selectCadres(in: Fixture.context(members: members, posts: posts))
                #expect(decisions.map(\.outcome) == [.selected])
                #expect(decisions.first?.ruleIDs == ["\#(prefix).volunteer"])
                #expect(decisions.first?.details.member == "M2")
                #expect(decisions.first?.reasons.map(\.english) == ["Filled by volunteer M2."])
                let unwilling = module.selectCadres(in: Fixture.context(members: [Fixture.member("M1")], posts: posts))
                #expect(unwilling.map(\.outcome) == [.vacant])
            }

            @Test("\#(prefix).vacant: a seat with no volunteer left stays vacant")
            func vacant() throws {
                let members = [Fixture.member("M1", willingToServe: true)]
                let posts = [Post(communityID: "C1", body: .partyCommittee, title: .member, seats: 2)]
                let decisions = try Fixture.module().selectCadres(in: Fixture.context(members: members, posts: posts))
                #expect(decisions.map(\.outcome) == [.selected, .vacant])
                #expect(decisions.map(\.ruleIDs) == [["\#(prefix).volunteer"], ["\#(prefix).vacant"]])
            }

        """#
    }

    // MARK: - points

    func pointsSource() -> String {
        #"""
            /// Entries in the ledger: qualified.
            static let ledgerEntries = Rule(
                "\#(prefix).ledger", point: .points,
                meaning: Text(
                    zh: "正式党员本半年度有积分记录的，评为合格，积分为记录条数。",
                    en: "A full member with ledger entries this half-year: qualified, one point an entry."))
            /// No entries: attention.
            static let noLedgerEntries = Rule(
                "\#(prefix).no-entries", point: .points,
                meaning: Text(
                    zh: "正式党员本半年度没有积分记录的，评为需关注。",
                    en: "A full member without ledger entries this half-year: attention."))
            /// A probationary member.
            static let probationary = Rule(
                "\#(prefix).probationary", point: .points,
                meaning: Text(zh: "预备党员不参加评定。", en: "A probationary member is not graded."))

            static let pointsRules = [ledgerEntries, noLedgerEntries, probationary]

            // MARK: Reasons

            /// The entries of the half-year.
            static let ledgerReason = ReasonTemplate(
                "\#(prefix).ledger", slots: [.halfYear("period"), .count("entries")],
                zh: "{period}有积分记录{entries}条。", en: "{entries} ledger entries in {period}.")
            /// None this half-year.
            static let noEntriesReason = ReasonTemplate(
                "\#(prefix).no-entries", slots: [.halfYear("period")],
                zh: "{period}没有积分记录。", en: "No ledger entries in {period}.")
            /// Not graded.
            static let probationaryReason = ReasonTemplate(
                "\#(prefix).probationary", zh: "预备党员，不参加评定。", en: "A probationary member is not graded.")

            static let pointsReasons = [ledgerReason, noEntriesReason, probationaryReason]

            /// One point per ledger entry of the as-of date's half-year; graded qualified, or attention without any.
            public func gradePoints(in context: CommunityContext) -> [PointsDecision] {
                let period = context.asOf.halfYear
                return context.members.indices.map { index in
                    let entries = context.events(ofMemberAt: index, in: context.halfYearSoFar).count
                    let details = PointsDetails(period: period, points: Amount(entries))
                    if !context.members[index].isFull {
                        return PointsDecision(
                            outcome: .notGraded, rules: [Self.probationary], reasons: [Self.probationaryReason()],
                            details: details)
                    }
                    if entries == 0 {
                        return PointsDecision(
                            outcome: .attention, rules: [Self.noLedgerEntries],
                            reasons: [Self.noEntriesReason(.halfYear(period))], details: details)
                    }
                    return PointsDecision(
                        outcome: .qualified, rules: [Self.ledgerEntries],
                        reasons: [Self.ledgerReason(.halfYear(period), .count(entries))], details: details)
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
                #expect(decision.ruleIDs == ["\#(prefix).ledger"])
                #expect(decision.details.points == Amount(2))
                #expect(decision.reasons.map(\.english) == ["2 ledger entries in 2026H1."])
                #expect(decision.reasons.map(\.chinese) == ["2026年上半年有积分记录2条。"])
                let probationary = Fixture.context(members: [Fixture.member("M1", status: .probationary)], events: events)
                #expect(try Fixture.module().gradePoints(in: probationary).first?.outcome == .notGraded)
            }

            @Test("\#(prefix).no-entries: an entry of the half-year before does not count")
            func noEntries() throws {
                let events = [[LedgerEvent(memberID: "M1", date: Fixture.date("2025-12-31"), kind: .orgLife)]]
                let context = Fixture.context(members: [Fixture.member("M1")], events: events)
                let decision = try #require(try Fixture.module().gradePoints(in: context).first)
                #expect(decision.outcome == .attention)
                #expect(decision.ruleIDs == ["\#(prefix).no-entries"])
                #expect(decision.details.points == Amount(0))
            }

            @Test("\#(prefix).probationary: a probationary member is not graded")
            func probationary() throws {
                let module = try Fixture.module()
                let context = Fixture.context(members: [Fixture.member("M1", status: .probationary)])
                let decision = try #require(module.gradePoints(in: context).first)
                #expect(decision.outcome == .notGraded)
                #expect(decision.ruleIDs == ["\#(prefix).probationary"])
                let full = Fixture.context(members: [Fixture.member("M1")])
                #expect(module.gradePoints(in: full).first?.ruleIDs == ["\#(prefix).no-entries"])
            }

        """#
    }

    // MARK: - governance

    func governanceSource() -> String {
        #"""
            /// A governance body is set up.
            static let bodiesSetUp = Rule(
                "\#(prefix).bodies", point: .governance,
                meaning: Text(
                    zh: "社区已设立自治组织等治理主体的，无缺项。",
                    en: "The community has set up at least one governance body: complete."))
            /// None is.
            static let noBody = Rule(
                "\#(prefix).no-body", point: .governance,
                meaning: Text(
                    zh: "社区尚未设立任何治理主体的，列为缺项。",
                    en: "The community has set up no governance body: a gap."))

            static let governanceRules = [bodiesSetUp, noBody]

            // MARK: Reasons

            /// The bodies set up.
            static let bodiesReason = ReasonTemplate(
                "\#(prefix).bodies", slots: [.count("bodies")],
                zh: "已设立治理主体{bodies}个。", en: "Governance bodies set up: {bodies}.")
            /// No body.
            static let noBodyReason = ReasonTemplate(
                "\#(prefix).no-body", zh: "尚未设立任何治理主体。", en: "No governance body is set up.")

            static let governanceReasons = [bodiesReason, noBodyReason]

            /// Complete when the community has set up a governance body, else a gap.
            public func checkGovernance(in context: CommunityContext) -> GovernanceDecision {
                guard context.bodies.isEmpty else {
                    return GovernanceDecision(
                        outcome: .complete, rules: [Self.bodiesSetUp],
                        reasons: [Self.bodiesReason(.count(context.bodies.count))], details: GovernanceDetails())
                }
                return GovernanceDecision(
                    outcome: .gaps, rules: [Self.noBody], reasons: [Self.noBodyReason()],
                    details: GovernanceDetails(findings: [Self.noBody.id]))
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
                #expect(decision.ruleIDs == ["\#(prefix).bodies"])
                #expect(decision.reasons.map(\.english) == ["Governance bodies set up: 1."])
                #expect(decision.details.findings.isEmpty)
            }

            @Test("\#(prefix).no-body: no governance body is a gap")
            func noBody() throws {
                let decision = try Fixture.module().checkGovernance(in: Fixture.context())
                #expect(decision.outcome == .gaps)
                #expect(decision.ruleIDs == ["\#(prefix).no-body"])
                #expect(decision.details.findings == ["\#(prefix).no-body"])
            }

        """#
    }
}

import CharterBaseline
import PolicyKit
import PolicyTesting
import Testing

/// Builds small communities for the rules' boundaries.
enum Fixture {
    static let asOf = CivilDate(year: 2026, month: 6, day: 30) ?? .latest
    static let born = CivilDate(year: 1980, month: 5, day: 1) ?? .earliest
    static let joined = CivilDate(year: 2005, month: 7, day: 1) ?? .earliest

    /// `count` full members in `subdivision`, ids `prefix001`…, plus `probationary` probationary ones.
    static func members(_ count: Int, in subdivision: String = "", prefix: String = "M", probationary: Int = 0)
        -> [Member]
    {
        (0..<(count + probationary)).map { index in
            Member(
                id: prefix + String(1000 + index).dropFirst(), communityID: "C1", subdivision: subdivision,
                birthDate: born, joinDate: joined, status: index < count ? .full : .probationary,
                relation: .community)
        }
    }

    static func decide(_ members: [Member], largeBranch: Int = 30) throws -> BranchSetupDecision {
        let module = try CharterBaseline(parameters: Parameters(["largeBranch": .integer(largeBranch)]))
        let sorted = members.sorted { $0.id.utf8Precedes($1.id) }
        return module.decideBranchSetup(
            in: CommunityContext(community: Community(id: "C1"), asOf: asOf, members: sorted))
    }
}

@Suite struct CharterBaselineTests {
    @Test func metadataDeclaresEveryRuleOfTheSpec() {
        let ids = CharterBaseline.metadata.rules.map(\.id)
        #expect(ids == ["baseline.joint", "baseline.branch", "baseline.general-branch", "baseline.party-committee"])
        #expect(CharterBaseline.metadata.parameter("largeBranch")?.defaultValue == .integer(30))
    }

    @Test(arguments: [0, 1, 2])
    func baselineJoint(full: Int) throws {
        let decision = try Fixture.decide(Fixture.members(full, probationary: 5))
        #expect(decision.outcome == .jointBranch)
        #expect(decision.ruleIDs == ["baseline.joint"])
        #expect(decision.details.fullMembers == full)
        #expect(decision.details.branches.isEmpty)
        #expect(decision.details.committeeSeats == 0)
        #expect(decision.details.secretarySource == .none)
        #expect(decision.details.partTimeUnits.isEmpty)
    }

    @Test(arguments: [(3, 0), (6, 0), (7, 3), (29, 3), (30, 5), (50, 5)])
    func baselineBranch(full: Int, seats: Int) throws {
        let decision = try Fixture.decide(Fixture.members(full, in: "锦江苑", probationary: 2))
        #expect(decision.outcome == .branch)
        #expect(decision.ruleIDs == ["baseline.branch"])
        #expect(decision.details.branches.count == 1)
        #expect(decision.details.branches.first?.id == "C1/branch")
        #expect(decision.details.branches.first?.members.count == full)
        #expect(decision.details.branches.first?.committeeSeats == seats)
        #expect(decision.details.committeeSeats == seats)
        #expect(decision.details.secretarySource == .elected)
    }

    @Test func largeBranchParameterMovesTheFiveSeatThreshold() throws {
        #expect(try Fixture.decide(Fixture.members(20), largeBranch: 20).details.committeeSeats == 5)
        #expect(try Fixture.decide(Fixture.members(19), largeBranch: 20).details.committeeSeats == 3)
    }

    @Test(arguments: [51, 99])
    func baselineGeneralBranch(full: Int) throws {
        let decision = try Fixture.decide(Fixture.members(full, in: "A"))
        #expect(decision.outcome == .generalBranch)
        #expect(decision.ruleIDs == ["baseline.general-branch"])
        #expect(decision.details.committeeSeats == 5)
        #expect(decision.details.secretarySource == .elected)
        #expect(decision.details.branches.map(\.id) == ["C1/A#1", "C1/A#2"])
    }

    @Test(arguments: [100, 101, 150])
    func baselinePartyCommittee(full: Int) throws {
        let decision = try Fixture.decide(Fixture.members(full, in: "A"))
        #expect(decision.outcome == .partyCommittee)
        #expect(decision.ruleIDs == ["baseline.party-committee"])
        #expect(decision.details.committeeSeats == 7)
        #expect(decision.details.secretarySource == .elected)
        #expect(decision.details.branches.map(\.members.count).reduce(0, +) == full)
    }
}

@Suite struct GridBranchTests {
    /// 51 in one subdivision plus the other groups given, decided by the general-branch rule.
    func branches(_ groups: [(String, Int)]) throws -> [Branch] {
        var members: [Member] = []
        for (index, (subdivision, count)) in groups.enumerated() {
            members += Fixture.members(count, in: subdivision, prefix: "M\(index)-")
        }
        return try Fixture.decide(members).details.branches
    }

    @Test func aGroupOfThreeFormsItsOwnBranchAndAGroupOfTwoIsPooled() throws {
        let result = try branches([("A", 48), ("B", 3), ("C", 2), ("D", 1), ("E", 2)])
        #expect(result.map(\.id) == ["C1/A", "C1/B", "C1/combined"])
        #expect(result.map(\.members.count) == [48, 3, 5])
    }

    @Test func aGroupOfFiftyIsOneBranchAndFiftyOneIsSplitInTwo() throws {
        let fifty = try branches([("A", 50), ("B", 3)])
        #expect(fifty.map(\.id) == ["C1/A", "C1/B"])
        let fiftyOne = try branches([("A", 51)])
        #expect(fiftyOne.map(\.id) == ["C1/A#1", "C1/A#2"])
        #expect(fiftyOne.map(\.members.count) == [26, 25])
        #expect(fiftyOne[0].members.last?.utf8Precedes(fiftyOne[1].members.first ?? "") == true)
    }

    @Test func aSplitHandsTheRemainderToTheFirstRuns() throws {
        let result = try branches([("A", 101)])
        #expect(result.map(\.members.count) == [34, 34, 33])
        #expect(result.map(\.id) == ["C1/A#1", "C1/A#2", "C1/A#3"])
    }

    @Test(arguments: [1, 2])
    func aSmallPoolJoinsTheSmallestBranchWhole(pool: Int) throws {
        let result = try branches([("A", 20), ("B", 31), ("Z", pool)])
        #expect(result.map(\.id) == ["C1/A", "C1/B"])
        #expect(result.map(\.members.count) == [20 + pool, 31])
        #expect(result[0].members == result[0].members.sortedByUTF8())
    }

    @Test func aTieForTheSmallestBranchGoesToTheSmallestID() throws {
        let result = try branches([("B", 25), ("A", 26), ("C", 25), ("Z", 1)])
        #expect(result.map(\.members.count) == [26, 26, 25])
    }

    @Test func emptyAndDashSubdivisionsAreOneGroup() throws {
        let result = try branches([("", 30), ("-", 21)])
        #expect(result.map(\.id) == ["C1/-#1", "C1/-#2"])
    }

    @Test func eachBranchHasTheSeatsOfItsOwnSize() throws {
        let result = try branches([("A", 45), ("B", 6), ("C", 7)])
        #expect(result.map(\.committeeSeats) == [5, 0, 3])
    }
}

@Suite struct CharterBaselineConformanceTests {
    @Test func keepsThePolicyContractOnGeneratedDistricts() {
        #expect(ConformanceKit.failures(of: CharterBaseline.self) == [])
    }

    @Test func keepsItWithALargeBranchOfTen() {
        #expect(ConformanceKit.failures(of: CharterBaseline.self, parameters: ["largeBranch": .integer(10)]) == [])
    }
}

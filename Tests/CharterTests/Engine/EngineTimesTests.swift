import PolicyKit
import Testing

@testable import CharterEngine

@Suite struct EngineTimesTests {
    @Test func eachPointKeepsItsOwnTimeAndCount() {
        for (index, point) in ExtensionPoint.allCases.enumerated() {
            #expect(point.ordinal == index)
        }
        var times = EngineTimes()
        times.add(1_000, decisions: 1, at: .points)
        times.add(500, decisions: 2, at: .memberManagement)
        var other = EngineTimes()
        other.add(250, decisions: 3, at: .points)
        times.add(other)
        #expect(times.moduleNanoseconds[.points] == 1_250)
        #expect(times.decisions[.points] == 4)
        #expect(times.moduleNanoseconds[.memberManagement] == 500)
        #expect(times.decisions[.memberManagement] == 2)
        #expect(times.decisions[.stage] == 0)
    }
}

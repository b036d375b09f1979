import ChengduPilot
import PolicyKit
import PolicyTesting
import Testing

@Suite struct ChengduPilotConformanceTests {
    @Test func keepsThePolicyContractOnGeneratedDistricts() {
        #expect(ConformanceKit.failures(of: ChengduPilot.self) == [])
    }

    @Test func keepsItWithEveryGranularityAndWithoutOneShoulder() {
        let parameters: [String: ParameterValue] = [
            "gridGranularity": .text("building"), "oneShoulder": .boolean(false), "mobileAfterMonths": .integer(3),
        ]
        #expect(ConformanceKit.failures(of: ChengduPilot.self, parameters: parameters) == [])
    }
}

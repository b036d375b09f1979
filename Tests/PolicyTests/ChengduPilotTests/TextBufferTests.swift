import PolicyKit
import Testing

@testable import ChengduPilot

/// The buffer the module writes its reasons with writes numbers exactly as `Amount` does, so a
/// reason reads the same points and hours as the decision's details.
@Suite struct TextBufferTests {
    func written(_ amount: Amount) -> String {
        var buffer = TextBuffer(capacity: 4)
        buffer.add("[")
        buffer.add(amount)
        buffer.add("]")
        return buffer.string
    }

    @Test func amountsAreWrittenAsTheirDescription() throws {
        let texts = [
            "0", "1", "9", "10", "24", "60", "100", "2.5", "0.25", "0.000000000001", "1.000000000001", "26.5",
            "9223372.036854775807", "-0.5", "-5", "-12.125", "1234567.89",
        ]
        for text in texts {
            let amount = try #require(Amount(text), "\(text)")
            #expect(written(amount) == "[\(amount.description)]", "\(text)")
        }
        // Beyond what an Int64 of 10⁻¹² units holds, the description is used as it is.
        let large = Amount(scaled: Int128(Int64.max) * 10)
        #expect(written(large) == "[\(large.description)]")
    }

    @Test func textGrowsPastItsFirstCapacity() {
        var buffer = TextBuffer(capacity: 1)
        for _ in 0..<100 { buffer.add("积分") }
        buffer.add(String(repeating: "a", count: 300))
        #expect(buffer.string == String(repeating: "积分", count: 100) + String(repeating: "a", count: 300))
    }
}

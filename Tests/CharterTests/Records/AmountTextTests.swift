import PolicyKit
import Testing

/// Amounts are written as the decision records write numbers, spelled out here by hand.
@Suite struct AmountTextTests {
    @Test(arguments: [
        ("0", "0"), ("24", "24"), ("26.5", "26.5"), ("0.25", "0.25"), ("2.50", "2.5"),
        ("0.000000000001", "0.000000000001"), ("1.000000000001", "1.000000000001"), ("-0.5", "-0.5"),
        ("-12.125", "-12.125"), ("9223372.036854775807", "9223372.036854775807"),
        ("123456789012", "123456789012"),
    ])
    func amountsReadAsWritten(text: String, expected: String) throws {
        let amount = try #require(Amount(text), "\(text)")
        #expect(amount.description == expected)
        #expect(amount.withUTF8 { String(decoding: $0, as: UTF8.self) } == expected)
    }

    @Test func amountsBeyondSixtyFourBitsAreWrittenWhole() {
        #expect(Amount(scaled: Int128(Int64.max) * 10).description == "92233720.36854775807")
        #expect(Amount(scaled: -Int128(Int64.max) * 10 - 5).description == "-92233720.368547758075")
        #expect(Amount(scaled: .max).description == "170141183460469231731687303.715884105727")
        #expect(Amount(scaled: .min).description == "-170141183460469231731687303.715884105728")
    }
}

import Foundation
import PolicyKit
import Testing

@testable import CharterData

/// The scalar types of the data contract, read from bytes.
@Suite struct FieldValuesTests {
    static func read<T>(_ text: String, _ parse: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        Array(text.utf8).withUnsafeBufferPointer(parse)
    }

    @Test(arguments: [
        ("true", true), ("TRUE", true), ("True", true), ("1", true), ("yes", true), ("YES", true), ("是", true),
        ("false", false), ("FALSE", false), ("0", false), ("no", false), ("No", false), ("否", false),
    ])
    func bools(_ text: String, _ value: Bool) {
        #expect(Self.read(text, FieldValues.bool) == value)
    }

    @Test(arguments: ["t", "y", "n", "2", "on", "off", " true", "true ", "真", "yess", "-1"])
    func notBools(_ text: String) {
        #expect(Self.read(text, FieldValues.bool) == nil)
    }

    @Test(arguments: [("0", 0), ("42", 42), ("007", 7), ("-3", -3), ("+5", 5), ("9223372036854775807", Int.max)])
    func integers(_ text: String, _ value: Int) {
        #expect(Self.read(text, FieldValues.integer) == value)
    }

    @Test(arguments: ["", "-", "+", "1.0", "1e3", " 1", "1 ", "1,000", "9223372036854775808", "٣", "0x10"])
    func notIntegers(_ text: String) {
        #expect(Self.read(text, FieldValues.integer) == nil)
    }

    @Test(arguments: [("1", "1"), ("2.5", "2.5"), ("0.25", "0.25"), ("10.0", "10")])
    func amounts(_ text: String, _ value: String) {
        #expect(Self.read(text, FieldValues.amount)?.description == value)
    }

    @Test(arguments: ["-1", "+1", "1e2", "1,5", ".5", "5.", "1 000", "", "1.2.3"])
    func notAmounts(_ text: String) {
        #expect(Self.read(text, FieldValues.amount) == nil)
    }

    @Test func codesAreComparedExactly() {
        #expect(Self.read("full", { FieldValues.code($0, CodeTables.status) }) == .full)
        #expect(Self.read("Full", { FieldValues.code($0, CodeTables.status) }) == nil)
        #expect(Self.read("in_service", { FieldValues.code($0, CodeTables.employment) }) == .inService)
        #expect(Self.read("full ", { FieldValues.code($0, CodeTables.status) }) == nil)
    }

    @Test func everyFileKindNamesAColumnForEachCase() {
        #expect(CommunityColumn.names.count == CommunityColumn.allCases.count)
        #expect(MemberColumn.names.count == MemberColumn.allCases.count)
        #expect(UnitColumn.names.count == UnitColumn.allCases.count)
        #expect(PostColumn.names.count == PostColumn.allCases.count)
        #expect(EventColumn.names.count == EventColumn.allCases.count)
        #expect(BodyColumn.names.count == BodyColumn.allCases.count)
        #expect(MeetingColumn.names.count == MeetingColumn.allCases.count)
        #expect(DistributionColumn.names.count == DistributionColumn.allCases.count)
        // The case names spell the columns: communityID is community_id.
        for (column, name) in zip(MemberColumn.allCases, MemberColumn.names) {
            let snake = String(describing: column).replacingOccurrences(of: "ID", with: "Id").reduce(into: "") {
                text, character in
                text += character.isUppercase ? "_" + character.lowercased() : String(character)
            }
            #expect(snake == name)
        }
    }
}

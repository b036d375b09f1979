import PolicyKit
import Testing

@testable import CharterEngine

/// Kept decisions share equal lists of rules and reasons, and stay equal to what the module made.
@Suite struct DecisionInternerTests {
    static let grid = Rule("test.grid", point: .memberManagement, meaning: Text(zh: "网格", en: "grid"))
    static let away = Rule("test.away", point: .memberManagement, meaning: Text(zh: "外出", en: "away"))
    static let lives = ReasonTemplate(
        "test.lives", slots: [ReasonSlot("place", .place), ReasonSlot("months", .count)], zh: "住在{place}，{months}个月",
        en: "lives in {place}, {months} months")

    static func decision(_ place: String, _ months: Int, rules: [Rule] = [grid]) -> ManagementDecision {
        ManagementDecision(
            outcome: .grid, rules: rules, reasons: [lives(.place(place), .count(months))],
            details: ManagementDetails(grid: place))
    }

    static func storage<Element>(_ array: [Element]) -> UnsafeRawPointer? {
        array.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
    }

    @Test func equalListsShareOneStorageAndKeepTheirValues() {
        let interner = DecisionInterner()
        let made = [Self.decision("和美花园", 3), Self.decision("金港新居", 3), Self.decision("和美花园", 3)]
        let first = interner.shared(made, module: "Test@1.0.0")
        let second = interner.shared([Self.decision("和美花园", 3)], module: "Test@1.0.0")
        #expect(first == made)
        #expect(second == [Self.decision("和美花园", 3)])
        #expect(Self.storage(first[0].rules) == Self.storage(first[1].rules))
        #expect(Self.storage(first[0].reasons) == Self.storage(first[2].reasons))
        #expect(Self.storage(first[0].reasons) == Self.storage(second[0].reasons))
        // A different value is never taken for an equal one.
        #expect(Self.storage(first[0].reasons) != Self.storage(first[1].reasons))
        #expect(first[1].reasons[0].english == "lives in 金港新居, 3 months")
    }

    @Test func anotherModulesListsAreKeptApart() {
        let interner = DecisionInterner()
        let one = interner.shared([Self.decision("和美花园", 3)], module: "One@1.0.0")
        let other = interner.shared([Self.decision("和美花园", 3)], module: "Other@1.0.0")
        #expect(one == other)
        #expect(Self.storage(one[0].reasons) != Self.storage(other[0].reasons))
        #expect(Self.storage(one[0].rules) != Self.storage(other[0].rules))
    }

    /// Reasons that hardly ever repeat are left alone after the trial; rules are still shared.
    @Test func reasonsThatRarelyRepeatStopBeingShared() {
        let interner = DecisionInterner()
        let distinct = (0..<DecisionInterner.Lists.trial).map { Self.decision("小区\($0)", $0) }
        _ = interner.shared(distinct, module: "Test@1.0.0")
        let later = interner.shared([Self.decision("小区1", 1), Self.decision("小区1", 1)], module: "Test@1.0.0")
        #expect(later == [Self.decision("小区1", 1), Self.decision("小区1", 1)])
        #expect(Self.storage(later[0].reasons) != Self.storage(later[1].reasons))
        #expect(Self.storage(later[0].rules) == Self.storage(later[1].rules))
    }

    @Test func aListOfOtherRulesIsNotTakenForAnother() {
        let interner = DecisionInterner()
        let kept = interner.shared(
            [Self.decision("和美花园", 3), Self.decision("和美花园", 3, rules: [Self.grid, Self.away])], module: "T")
        #expect(kept[0].ruleIDs == ["test.grid"])
        #expect(kept[1].ruleIDs == ["test.grid", "test.away"])
    }

    /// Two spellings of one text to Unicode are two lists: each decision keeps its own bytes.
    @Test func aComposedAndADecomposedAccentAreNotTakenForEachOther() {
        let composed = "\u{E9}tang"
        let decomposed = "e\u{301}tang"
        #expect(composed == decomposed)  // Swift's String equality, which the interner must not use
        for order in [[composed, decomposed], [decomposed, composed]] {
            let interner = DecisionInterner()
            let kept = interner.shared(order.map { Self.decision($0, 1) }, module: "T")
            #expect(Array(kept[0].reasons[0].english.utf8) == Array(Self.decision(order[0], 1).reasons[0].english.utf8))
            #expect(Array(kept[1].reasons[0].english.utf8) == Array(Self.decision(order[1], 1).reasons[0].english.utf8))
        }
        let composedRule = Rule("test.\u{E9}", point: .memberManagement, meaning: Text(zh: "甲", en: "a"))
        let decomposedRule = Rule("test.e\u{301}", point: .memberManagement, meaning: Text(zh: "乙", en: "b"))
        let interner = DecisionInterner()
        let kept = interner.shared(
            [Self.decision("x", 1, rules: [composedRule]), Self.decision("x", 1, rules: [decomposedRule])], module: "T")
        #expect(Array(kept[0].rules[0].id.utf8) == Array(composedRule.id.utf8))
        #expect(Array(kept[1].rules[0].id.utf8) == Array(decomposedRule.id.utf8))
    }
}

import PolicyKit
import Testing

@testable import CharterEngine

/// The engine refuses a decision that fires a rule its module does not declare, including right
/// after decisions whose rules it accepted (which it remembers, to skip hashing them again).
@Suite struct DeclaredRulesTests {
    /// Rules with the given ids, of the member management point.
    func rules(_ ids: String...) -> [Rule] {
        ids.map { Rule($0, point: .memberManagement, meaning: Text(zh: $0, en: $0)) }
    }

    @Test func undeclaredRulesAreFoundWhateverCameBefore() {
        var declared = DeclaredRules(["manage.grid", "manage.mobile", "alert.lapsed"])
        #expect(declared.firstUndeclared(in: []) == nil)
        #expect(declared.firstUndeclared(in: rules("manage.grid")) == nil)
        #expect(declared.firstUndeclared(in: rules("manage.grid")) == nil)
        #expect(declared.firstUndeclared(in: rules("manage.grid", "alert.made-up")) == "alert.made-up")
        #expect(declared.firstUndeclared(in: rules("manage.grid", "alert.lapsed")) == nil)
        #expect(declared.firstUndeclared(in: rules("manage.grid", "alert.lapsed", "x")) == "x")
        // A rule built at run time, equal to a declared literal, is the same rule.
        let built = ["manage", "grid"].joined(separator: ".")
        #expect(declared.firstUndeclared(in: rules(built)) == nil)
        #expect(declared.firstUndeclared(in: rules("made-up")) == "made-up")
        #expect(declared.firstUndeclared(in: rules("made-up")) == "made-up")
    }

    @Test func nothingIsDeclaredWhenTheModuleDeclaresNothing() {
        var declared = DeclaredRules([])
        #expect(declared.firstUndeclared(in: []) == nil)
        #expect(declared.firstUndeclared(in: rules("manage.grid")) == "manage.grid")
    }
}

import PolicyKit
import PolicyTesting
import Testing

/// Modules that break the reasons' contract in one way each, for the conformance kit to catch.
enum BrokenReasons {
    static let rule = Rule("broken.branch", point: .branchSetup, meaning: Text(zh: "支部", en: "branch"))
    static let counted = ReasonTemplate(
        "broken.counted", slots: [.count("members")], zh: "正式党员{members}名。", en: "{members} full members.")
    static let noEnglish = ReasonTemplate("broken.no-english", zh: "只有中文。", en: "")
    static let undeclared = ReasonTemplate("broken.undeclared", zh: "未声明。", en: "Not in the catalog.")

    static func metadata(_ name: String, reasons: [ReasonTemplate]) -> ModuleMetadata {
        ModuleMetadata(
            name: name, version: SemanticVersion(0, 1, 0), summary: Text(zh: "测试用", en: "for tests"), rules: [rule],
            reasons: reasons)
    }

    static func decision(_ reason: Reason) -> BranchSetupDecision {
        BranchSetupDecision(
            outcome: .branch, rules: [rule], reasons: [reason],
            details: BranchSetupDetails(fullMembers: 0, branches: [], committeeSeats: 0, secretarySource: .elected))
    }
}

/// A reason of fixed text, not from the catalog.
struct FixedTextReasons: BranchSetupPolicy {
    static let metadata = BrokenReasons.metadata("FixedTextReasons", reasons: [BrokenReasons.counted])
    init(parameters: Parameters) throws {}
    func decideBranchSetup(in context: CommunityContext) -> BranchSetupDecision {
        BrokenReasons.decision(Reason(zh: "固定文字。", en: "Fixed text."))
    }
}

/// A template's slot left unfilled.
struct UnfilledSlot: BranchSetupPolicy {
    static let metadata = BrokenReasons.metadata("UnfilledSlot", reasons: [BrokenReasons.counted])
    init(parameters: Parameters) throws {}
    func decideBranchSetup(in context: CommunityContext) -> BranchSetupDecision {
        BrokenReasons.decision(BrokenReasons.counted())
    }
}

/// A slot filled with a value of another kind.
struct WrongKind: BranchSetupPolicy {
    static let metadata = BrokenReasons.metadata("WrongKind", reasons: [BrokenReasons.counted])
    init(parameters: Parameters) throws {}
    func decideBranchSetup(in context: CommunityContext) -> BranchSetupDecision {
        BrokenReasons.decision(BrokenReasons.counted(.date(context.asOf)))
    }
}

/// A template without its English text, and one used but not listed in the catalog.
struct IncompleteCatalog: BranchSetupPolicy {
    static let metadata = BrokenReasons.metadata("IncompleteCatalog", reasons: [BrokenReasons.noEnglish])
    init(parameters: Parameters) throws {}
    func decideBranchSetup(in context: CommunityContext) -> BranchSetupDecision {
        BrokenReasons.decision(BrokenReasons.undeclared())
    }
}

/// The same, done right: one declared template, its slot filled with a count.
struct WellFormedReasons: BranchSetupPolicy {
    static let metadata = BrokenReasons.metadata("WellFormedReasons", reasons: [BrokenReasons.counted])
    init(parameters: Parameters) throws {}
    func decideBranchSetup(in context: CommunityContext) -> BranchSetupDecision {
        BrokenReasons.decision(BrokenReasons.counted(.count(context.fullMemberCount)))
    }
}

/// The conformance kit fails a module whose reasons are not from its message catalog, leave a slot
/// unfilled or fill it with another kind of value, or whose catalog lacks a language.
@Suite struct ConformanceKitReasonTests {
    static let small = [ConformanceKit.defaultDistricts[1]]

    func failures<Module: PolicyModule>(_ module: Module.Type) -> String {
        ConformanceKit.failures(of: module, districts: Self.small).joined(separator: "\n")
    }

    @Test func aWellFormedModulePasses() {
        #expect(ConformanceKit.failures(of: WellFormedReasons.self, districts: Self.small) == [])
    }

    @Test func aReasonOfFixedTextFails() {
        #expect(failures(FixedTextReasons.self).contains("a reason of fixed text ('Fixed text.')"))
    }

    @Test func anUnfilledSlotFails() {
        #expect(failures(UnfilledSlot.self).contains("reason 'broken.counted' leaves the slot 'members' unfilled"))
    }

    @Test func aSlotOfAnotherKindFails() {
        #expect(failures(WrongKind.self).contains("fills the slot 'members' (count) with a date"))
    }

    @Test func aTemplateWithoutEnglishAndOneOutsideTheCatalogFail() {
        let text = failures(IncompleteCatalog.self)
        #expect(text.contains("reason template 'broken.no-english' has no English text"), "\(text)")
        #expect(
            text.contains("uses the reason template 'broken.undeclared', which the module's metadata does not list"),
            "\(text)")
    }
}

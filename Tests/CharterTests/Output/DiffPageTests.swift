import CharterData
import CharterEngine
import CharterModules
import CharterOutput
import CharterRecords
import Foundation
@_spi(CharterHost) import PolicyKit
import Testing

/// Markup that a module, a dataset or a profile's path could smuggle into `diff.html`.
private enum Hostile {
    static let text = "<script>alert(\"x\")</script> & 'q'"
    static let rule = "<b>&rule\"'"
    static let detailKey = "<i>key"
    static let stageRule = Rule(rule, point: .stage, meaning: Text(zh: text, en: text))
    static let reason = ReasonTemplate("hostile", slots: [.text("text")], zh: "{text}", en: "{text}")

    static func decision(_ stage: Stage) -> StageDecision {
        StageDecision(
            outcome: stage, rules: [stageRule], reasons: [reason(.text(text))],
            details: StageDetails(declared: false, extra: [detailKey: .text(stage.rawValue)]))
    }

    static func metadata(_ name: String) -> ModuleMetadata {
        ModuleMetadata(
            name: name, version: SemanticVersion(0, 1, 0), summary: Text(zh: "测试用", en: "for tests"),
            rules: [stageRule], reasons: [reason])
    }
}

/// The base side: every community in transition.
private struct HostileBase: StagePolicy {
    static let metadata = Hostile.metadata("<script>Base&\"'")
    init(parameters: Parameters) throws {}
    func decideStage(in context: CommunityContext) -> StageDecision { Hostile.decision(.transition) }
}

/// The candidate side: every community mature.
private struct HostileCandidate: StagePolicy {
    static let metadata = Hostile.metadata("<script>Candidate&\"'")
    init(parameters: Parameters) throws {}
    func decideStage(in context: CommunityContext) -> StageDecision { Hostile.decision(.maturity) }
}

/// `diff.html` writes every value as text: nothing a module, the data or a path holds becomes markup.
@Suite struct DiffPageTests {
    static func run(_ entry: ModuleEntry, on index: DatasetIndex) throws -> RunDecisions {
        let module = LoadedModule(
            entry: entry, file: "linked", compilerVersion: "-", interfaceVersion: PolicyKitInterface.version)
        let plan = RunPlan(points: [
            .stage: PointPlan(base: try PolicySelection(module: module, parameters: Parameters()))
        ])
        let asOf = CivilDate(year: 2026, month: 6, day: 30) ?? .latest
        return RunDecisions(
            index: index, results: try Engine(plan: plan, asOf: asOf, jobs: 1).run(index), points: plan.decidedPoints)
    }

    @Test(arguments: [Language.english, .chinese])
    func hostileNamesReasonsAndIdsAreEscaped(language: Language) throws {
        let index = DatasetIndex(
            Dataset(communities: [Community(id: "<img src=x>&\"'", name: Hostile.text)], members: [], posts: []))
        let base = try Self.run(ModuleEntry(HostileBase.self), on: index)
        let candidate = try Self.run(ModuleEntry(HostileCandidate.self), on: index)
        let work = try TemporaryDirectory()
        let writer = DiffWriter(
            diff: PolicyDiff(base: base, candidate: candidate), base: base, baseName: "<base>&\".json",
            candidateName: "'<candidate>'.json", language: language)
        try writer.writeHTML(to: work.path + "/diff.html")
        let page = try String(contentsOfFile: work.path + "/diff.html", encoding: .utf8)

        #expect(page.contains("community:&lt;img src=x&gt;&amp;&quot;&#39;"))
        #expect(page.contains("&lt;script&gt;Base&amp;&quot;&#39;@0.1.0"))
        #expect(page.contains("&lt;script&gt;Candidate&amp;&quot;&#39;@0.1.0"))
        #expect(page.contains("&lt;b&gt;&amp;rule&quot;&#39;"))
        #expect(page.contains("<li>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</li>"))
        #expect(page.contains("&lt;i&gt;key"))
        #expect(page.contains("&lt;base&gt;&amp;&quot;.json → &#39;&lt;candidate&gt;&#39;.json"))
        // The only tags are the page's own.
        for tag in ["<script", "<img", "<base", "<candidate", "<i>", "<b>&"] {
            #expect(!page.contains(tag), "\(tag) reached the page unescaped")
        }
        #expect(!page.contains("& "), "a bare & reached the page")
    }
}

import CharterData
import CharterEngine
import CharterModules
import CharterRecords
import CharterSynthesis
import Foundation
@_spi(CharterHost) public import PolicyKit

/// Checks that a policy module keeps the contract every module must keep, on generated districts.
///
/// Call it from a module's own tests with the module's type:
///
/// ```swift
/// import PolicyTesting
/// import Testing
///
/// @Test func conformsToThePolicyContract() {
///     #expect(ConformanceKit.failures(of: MyModule.self) == [])
/// }
/// ```
///
/// It checks that declared parameters' defaults are within their ranges; that every rule id a
/// decision lists is declared for that point; that every subject gets exactly one decision per
/// point the module provides, with at least one rule and one reason in both languages; that the
/// same input twice gives identical decisions; and that shuffling the rows of every file changes
/// nothing.
public enum ConformanceKit {
    /// The districts the checks run on by default: small, varied, and quick to decide.
    public static let defaultDistricts: [DistrictGenerator.Options] = [
        DistrictGenerator.Options(communities: 6, members: 400, seed: 1),
        DistrictGenerator.Options(communities: 3, members: 40, seed: 2),
    ]

    /// Every broken promise found, as sentences; empty when the module conforms.
    public static func failures<Module: PolicyModule>(
        of module: Module.Type, parameters: [String: ParameterValue] = [:],
        districts: [DistrictGenerator.Options] = defaultDistricts
    ) -> [String] {
        let loaded = LoadedModule(
            entry: ModuleEntry(module), file: "\(Module.metadata.name) (linked)",
            compilerVersion: "\(PolicyKitInterface.compilerVersion)", interfaceVersion: PolicyKitInterface.version)
        var failures = ModuleLoader.metadataProblems(of: loaded).map { "Metadata: \($0)." }
        for rule in Module.metadata.rules where rule.meaning.chinese.isEmpty || rule.meaning.english.isEmpty {
            failures.append("Metadata: rule '\(rule.id)' needs a meaning in both Chinese and English.")
        }
        for spec in Module.metadata.parameters where spec.meaning.chinese.isEmpty || spec.meaning.english.isEmpty {
            failures.append("Metadata: parameter '\(spec.name)' needs a meaning in both Chinese and English.")
        }
        for spec in Module.metadata.parameters where spec.points.isEmpty {
            failures.append("Metadata: parameter '\(spec.name)' names no point it affects.")
        }
        let plan: RunPlan
        do {
            let selection = try PolicySelection(
                module: loaded, parameters: Parameters(defaultsOf: Module.metadata, overriddenBy: parameters))
            plan = RunPlan(
                points: Dictionary(uniqueKeysWithValues: loaded.points.map { ($0, PointPlan(base: selection)) }))
        } catch {
            return failures + ["The module refused its parameters: \(error)."]
        }
        for options in districts {
            let label =
                "district (seed \(options.seed), \(options.communities) communities, \(options.members) members)"
            do {
                let dataset = try generate(options)
                failures += check(dataset, plan: plan, asOf: options.asOf, label: label)
            } catch {
                failures.append("\(label): could not be generated and read: \(error)")
            }
        }
        return failures
    }

    /// Generates a district and reads it back through the dataset reader.
    static func generate(_ options: DistrictGenerator.Options) throws -> Dataset {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "charter-conformance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try DistrictGenerator(options).write(to: folder.path)
        return try DatasetReader(hashing: false).read(directory: folder.path, asOf: options.asOf).dataset
    }

    static func check(_ dataset: Dataset, plan: RunPlan, asOf: CivilDate, label: String) -> [String] {
        var failures: [String] = []
        let first: [String: [[UInt8]]]
        do {
            first = try records(dataset, plan: plan, asOf: asOf)
            failures += try reasonFailures(dataset, plan: plan, asOf: asOf).map { "\(label): \($0)." }
        } catch {
            return ["\(label): \(error)"]
        }
        for point in plan.decidedPoints {
            let expected: Int
            switch point.subjectKind {
            case .community: expected = dataset.communities.count
            case .member: expected = dataset.members.count
            case .seat: expected = dataset.posts.reduce(0) { $0 + $1.seats }
            }
            let got = first[point.rawValue]?.count ?? 0
            if got != expected {
                failures.append("\(label): \(point.rawValue) made \(got) decisions for \(expected) subjects.")
            }
        }
        for (point, lines) in first {
            for line in lines {
                let text = String(decoding: line, as: UTF8.self)
                if text.contains("\"rules\":[]") {
                    failures.append("\(label): a \(point) decision fires no rule: \(text)")
                    break
                }
                if text.contains("\"reasons\":[]") {
                    failures.append("\(label): a \(point) decision gives no reason: \(text)")
                    break
                }
            }
        }
        do {
            if try records(dataset, plan: plan, asOf: asOf) != first {
                failures.append("\(label): the same input twice gave different decisions.")
            }
            if try records(shuffled(dataset, seed: 42), plan: plan, asOf: asOf) != first {
                failures.append("\(label): shuffling the rows of the files changed the decisions.")
            }
        } catch {
            failures.append("\(label): \(error)")
        }
        return failures
    }

    /// What is wrong with the reasons the decisions give, each problem once, in the order first met.
    ///
    /// A reason not made from a template of the module's catalog is wrong, and so is a slot left
    /// unfilled or filled with a value of another kind.
    static func reasonFailures(_ dataset: Dataset, plan: RunPlan, asOf: CivilDate) throws -> [String] {
        let index = DatasetIndex(dataset)
        let results = try Engine(plan: plan, asOf: asOf, jobs: 2).run(index)
        let decisions = RunDecisions(index: index, results: results, points: plan.decidedPoints)
        var catalogs: [ExtensionPoint: [ReasonTemplate]] = [:]
        for (point, selection) in plan.points { catalogs[point] = selection.base.module.metadata.reasons }
        var seen: Set<String> = []
        var failures: [String] = []
        func report(_ problem: String) {
            if seen.insert(problem).inserted { failures.append(problem) }
        }
        for point in plan.decidedPoints {
            let catalog = catalogs[point] ?? []
            decisions.forEachRecord(of: point) { record in
                for reason in record.reasons {
                    for problem in reason.problems { report("a \(point.rawValue) decision's \(problem)") }
                    for template in reason.templates where !catalog.contains(where: { $0 === template }) {
                        report(
                            "a \(point.rawValue) decision uses the reason template '\(template.id)', which the module's metadata does not list in its reasons"
                        )
                    }
                }
            }
        }
        return failures
    }

    /// Every record line, by point, reasons in both languages.
    static func records(_ dataset: Dataset, plan: RunPlan, asOf: CivilDate) throws -> [String: [[UInt8]]] {
        let index = DatasetIndex(dataset)
        let results = try Engine(plan: plan, asOf: asOf, jobs: 2).run(index)
        let decisions = RunDecisions(index: index, results: results, points: plan.decidedPoints)
        var lines: [String: [[UInt8]]] = [:]
        for point in plan.decidedPoints {
            decisions.forEachRecord(of: point) { record in
                lines[point.rawValue, default: []].append(
                    record.jsonLine(language: .english) + record.jsonLine(language: .chinese))
            }
        }
        return lines
    }

    /// The dataset with the rows of every file in another order (post rows keep their order within
    /// a community, since that order is the order of priority).
    static func shuffled(_ dataset: Dataset, seed: UInt64) -> Dataset {
        var generator = SeededGenerator(seed: seed)
        var copy = dataset
        func shuffle<Row>(_ rows: inout [Row]) {
            guard rows.count > 1 else { return }
            for index in stride(from: rows.count - 1, to: 0, by: -1) {
                rows.swapAt(index, Int(generator.next() % UInt64(index + 1)))
            }
        }
        shuffle(&copy.communities)
        shuffle(&copy.members)
        shuffle(&copy.units)
        shuffle(&copy.events)
        shuffle(&copy.bodies)
        shuffle(&copy.meetings)
        shuffle(&copy.distributions)
        var byCommunity: [String: [Post]] = [:]
        var order: [String] = []
        for post in dataset.posts {
            if byCommunity[post.communityID] == nil { order.append(post.communityID) }
            byCommunity[post.communityID, default: []].append(post)
        }
        shuffle(&order)
        copy.posts = order.flatMap { byCommunity[$0] ?? [] }
        return copy
    }
}

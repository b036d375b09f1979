import ChengduPilot
import PolicyKit
import Testing

@Suite struct MetadataTests {
    /// Every rule id of the spec's `ChengduPilot` section, in its order.
    static let specRules = [
        "stage.declared", "stage.not-moved-in", "stage.no-residents-committee", "stage.units-stationed",
        "stage.established",
        "setup.too-few-members", "setup.preparation", "setup.transition", "setup.no-deputy-secretary",
        "setup.integration", "setup.maturity",
        "manage.mobile", "manage.in-service", "manage.relation-outside", "manage.grid",
        "alert.pocket-member", "alert.lapsed", "alert.four-clear", "alert.not-reported",
        "select.absent", "select.age", "select.negative-list", "select.sanction", "select.unqualified",
        "select.standing", "select.appointed-secretary", "select.one-shoulder", "select.village-representation",
        "select.ranked", "select.no-candidate",
        "points.base", "points.org-life", "points.volunteer", "points.training", "points.dual-report",
        "points.breach", "points.excellent-cap", "points.letter",
        "gov.policy-briefing", "gov.community-activity", "gov.body-missing", "gov.social-organizations",
        "gov.deliberation", "gov.supervision", "gov.disclosure", "gov.volunteer-hours", "gov.secretary-training",
        "rights.consultation", "rights.collective-assets", "rights.compensation", "rights.housing-choice",
        "rights.election", "rights.basic", "lead.volunteer", "gov.complete",
    ]

    @Test func everyRuleOfTheSpecIsDeclaredOnceInOrder() {
        let metadata = ChengduPilot.metadata
        #expect(metadata.rules.map(\.id) == Self.specRules)
        #expect(metadata.name == "ChengduPilot")
        for rule in metadata.rules {
            #expect(!rule.meaning.chinese.isEmpty && !rule.meaning.english.isEmpty, "\(rule.id)")
            let prefix = rule.id.split(separator: ".").first.map(String.init) ?? ""
            let point: ExtensionPoint =
                switch prefix {
                case "stage": .stage
                case "setup": .branchSetup
                case "manage", "alert": .memberManagement
                case "select": .cadreSelection
                case "points": .points
                default: .governance
                }
            #expect(rule.point == point, "\(rule.id)")
        }
    }

    @Test(arguments: [
        ("maturityUnits", ParameterValue.integer(5)), ("largeBranch", .integer(30)),
        ("maxPartTimeMembers", .integer(4)),
        ("mobileAfterMonths", .integer(6)), ("gridGranularity", .text("subdivision")),
        ("letterValidMonths", .integer(3)),
        ("maxAge", .integer(60)), ("oneShoulder", .boolean(true)), ("briefingsPerYear", .integer(4)),
        ("activitiesPerYear", .integer(4)), ("minSocialOrgs", .integer(2)), ("deliberationsPerYear", .integer(6)),
        ("supervisionsPerYear", .integer(4)), ("disclosuresPerYear", .integer(12)),
        ("volunteerHoursPerMember", .integer(4)),
    ])
    func parameterDefaults(name: String, value: ParameterValue) {
        let spec = ChengduPilot.metadata.parameter(name)
        #expect(spec?.defaultValue == value)
        #expect(spec.map { $0.kind.allows(value) } == true)
        #expect(spec.map { !$0.meaning.chinese.isEmpty && !$0.meaning.english.isEmpty } == true)
    }

    @Test func parametersAreExactlyTheSpecs() {
        #expect(ChengduPilot.metadata.parameters.count == 15)
        #expect(ChengduPilot.metadata.parameter("gridGranularity")?.kind == .choice(["subdivision", "building"]))
        #expect(ChengduPilot.metadata.parameter("oneShoulder")?.kind == .boolean)
    }

    @Test func anUnknownGridGranularityIsRefused() {
        let parameters = Parameters(
            defaultsOf: ChengduPilot.metadata, overriddenBy: ["gridGranularity": .text("street")])
        #expect(throws: ParameterError.self) { try ChengduPilot(parameters: parameters) }
    }

    @Test func theModuleProvidesEveryPoint() {
        #expect(ExtensionPoint.allCases.allSatisfy { $0.isProvided(by: ChengduPilot.self) })
    }
}

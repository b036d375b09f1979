public import PolicyKit

extension ChengduPilot: StagePolicy {
    // MARK: Rules, in the spec's order

    /// A declared stage holds.
    static let declaredStage = Rule(
        "stage.declared", point: .stage,
        meaning: Text(zh: "社区已申报发展阶段的，按申报的阶段。", en: "A community with a declared stage is in that stage."))
    /// No household yet: preparation.
    static let notMovedIn = Rule(
        "stage.not-moved-in", point: .stage,
        meaning: Text(zh: "尚无住户迁入的，处于筹备期。", en: "No household has moved in: preparation."))
    /// No residents' committee yet: transition.
    static let noResidentsCommittee = Rule(
        "stage.no-residents-committee", point: .stage,
        meaning: Text(
            zh: "已有住户迁入、尚未成立居委会的，处于过渡期。",
            en: "Households have moved in, no residents' committee yet: transition."))
    /// Enough units stationed: maturity.
    static let unitsStationed = Rule(
        "stage.units-stationed", point: .stage,
        meaning: Text(
            zh: "已成立居委会、驻区单位达到规定个数的，处于成熟期。",
            en: "A residents' committee and at least `maturityUnits` units stationed: maturity."))
    /// Fewer units: integration.
    static let established = Rule(
        "stage.established", point: .stage,
        meaning: Text(
            zh: "已成立居委会、驻区单位不足规定个数的，处于融合期。",
            en: "A residents' committee and fewer units stationed: integration."))

    static let stageRules = [declaredStage, notMovedIn, noResidentsCommittee, unitsStationed, established]

    // MARK: Reasons

    /// The district declares the stage.
    static let declaredReason = ReasonTemplate(
        "stage.declared", slots: [.term("stage")],
        zh: "区里申报该社区处于{stage}。", en: "The district declares the community in the {stage} stage.")
    /// Preparation.
    static let notMovedInReason = ReasonTemplate(
        "stage.not-moved-in", zh: "尚无住户迁入，处于筹备期。", en: "No household has moved in yet: preparation.")
    /// Transition.
    static let transitionReason = ReasonTemplate(
        "stage.no-residents-committee", slots: [.count("households")],
        zh: "已迁入{households}户，尚未成立居委会，处于过渡期。",
        en: "{households} households have moved in and no residents' committee is set up yet: transition.")
    /// Maturity.
    static let maturityReason = ReasonTemplate(
        "stage.units-stationed", slots: [.count("units"), .count("maturityUnits")],
        zh: "已成立居委会，驻区单位{units}个，达到{maturityUnits}个，处于成熟期。",
        en: "A residents' committee is set up and {units} units are stationed ({maturityUnits} or more): maturity.")
    /// Integration.
    static let integrationReason = ReasonTemplate(
        "stage.established", slots: [.count("units"), .count("maturityUnits")],
        zh: "已成立居委会，驻区单位{units}个，不足{maturityUnits}个，处于融合期。",
        en:
            "A residents' committee is set up and {units} units are stationed (fewer than {maturityUnits}): integration."
    )

    static let stageReasons = [
        declaredReason, notMovedInReason, transitionReason, maturityReason, integrationReason,
    ]

    /// The stage of the community: the declared one, else the one its households, residents'
    /// committee and units show.
    public func decideStage(in context: CommunityContext) -> StageDecision {
        if let declared = context.community.declaredStage {
            return StageDecision(
                outcome: declared, rules: [Self.declaredStage], reasons: [Self.declaredReason(.term(declared.term))],
                details: StageDetails(declared: true))
        }
        let derived = derivedStage(of: context)
        return StageDecision(
            outcome: derived.stage, rules: [derived.rule], reasons: [derivedReason(derived.stage, context)],
            details: StageDetails(declared: false))
    }

    /// The stage that rules 2 to 5 give, ignoring any declared stage, with the rule that gave it;
    /// used by `stage`, and by the other points when neither a `stage` decision nor a declared
    /// stage is at hand.
    func derivedStage(of context: CommunityContext) -> (stage: Stage, rule: Rule) {
        let community = context.community
        if community.householdsMovedIn == 0 { return (.preparation, Self.notMovedIn) }
        if !community.hasResidentsCommittee { return (.transition, Self.noResidentsCommittee) }
        if context.units.count >= maturityUnits { return (.maturity, Self.unitsStationed) }
        return (.integration, Self.established)
    }

    /// Why the derived stage holds.
    private func derivedReason(_ stage: Stage, _ context: CommunityContext) -> Reason {
        let units = ReasonArgument.count(context.units.count)
        switch stage {
        case .preparation: return Self.notMovedInReason()
        case .transition: return Self.transitionReason(.count(context.community.householdsMovedIn))
        case .maturity: return Self.maturityReason(units, .count(maturityUnits))
        case .integration: return Self.integrationReason(units, .count(maturityUnits))
        }
    }
}

public import PolicyKit

extension ChengduPilot: StagePolicy {
    /// The rules of the `stage` point, in the spec's order.
    static let stageRules: [RuleInfo] = [
        RuleInfo(
            "stage.declared", point: .stage,
            meaning: Reason(
                zh: "社区已申报发展阶段的，按申报的阶段。",
                en: "A community with a declared stage is in that stage.")),
        RuleInfo(
            "stage.not-moved-in", point: .stage,
            meaning: Reason(
                zh: "尚无住户迁入的，处于筹备期。",
                en: "No household has moved in: preparation.")),
        RuleInfo(
            "stage.no-residents-committee", point: .stage,
            meaning: Reason(
                zh: "已有住户迁入、尚未成立居委会的，处于过渡期。",
                en: "Households have moved in, no residents' committee yet: transition.")),
        RuleInfo(
            "stage.units-stationed", point: .stage,
            meaning: Reason(
                zh: "已成立居委会、驻区单位达到规定个数的，处于成熟期。",
                en: "A residents' committee and at least `maturityUnits` units stationed: maturity.")),
        RuleInfo(
            "stage.established", point: .stage,
            meaning: Reason(
                zh: "已成立居委会、驻区单位不足规定个数的，处于融合期。",
                en: "A residents' committee and fewer units stationed: integration.")),
    ]

    /// The stage of the community: the declared one, else the one its households, residents'
    /// committee and units show.
    public func decideStage(in context: CommunityContext) -> StageDecision {
        if let declared = context.community.declaredStage {
            return StageDecision(
                outcome: declared, rules: ["stage.declared"],
                reasons: [
                    Reason(
                        zh: "区里申报该社区处于\(declared.chineseName)。",
                        en: "The district declares the community in the \(declared.englishName) stage.")
                ],
                details: StageDetails(declared: true))
        }
        let derived = derivedStage(of: context)
        return StageDecision(
            outcome: derived.stage, rules: [derived.rule], reasons: [derivedReason(derived.stage, context)],
            details: StageDetails(declared: false))
    }

    /// The stage that rules 2 to 5 give, ignoring any declared stage, with the id of the rule that
    /// gave it; used by `stage`, and by the other points when neither a `stage` decision nor a
    /// declared stage is at hand.
    func derivedStage(of context: CommunityContext) -> (stage: Stage, rule: String) {
        let community = context.community
        if community.householdsMovedIn == 0 { return (.preparation, "stage.not-moved-in") }
        if !community.hasResidentsCommittee { return (.transition, "stage.no-residents-committee") }
        if context.units.count >= maturityUnits { return (.maturity, "stage.units-stationed") }
        return (.integration, "stage.established")
    }

    /// Why the derived stage holds.
    private func derivedReason(_ stage: Stage, _ context: CommunityContext) -> Reason {
        let movedIn = context.community.householdsMovedIn
        let units = context.units.count
        switch stage {
        case .preparation:
            return Reason(zh: "尚无住户迁入，处于筹备期。", en: "No household has moved in yet: preparation.")
        case .transition:
            return Reason(
                zh: "已迁入\(movedIn)户，尚未成立居委会，处于过渡期。",
                en: "\(movedIn) households have moved in and no residents' committee is set up yet: transition.")
        case .maturity:
            return Reason(
                zh: "已成立居委会，驻区单位\(units)个，达到\(maturityUnits)个，处于成熟期。",
                en:
                    "A residents' committee is set up and \(units) units are stationed (\(maturityUnits) or more): maturity."
            )
        case .integration:
            return Reason(
                zh: "已成立居委会，驻区单位\(units)个，不足\(maturityUnits)个，处于融合期。",
                en:
                    "A residents' committee is set up and \(units) units are stationed (fewer than \(maturityUnits)): integration."
            )
        }
    }
}

public import PolicyKit

/// One line of `decisions.jsonl`: a decision about one subject, as other tools read it.
public struct DecisionRecord: Hashable, Sendable {
    /// The extension point.
    public var point: ExtensionPoint
    /// `community:ID`, `member:ID` or `post:COMMUNITY_ID/BODY/POST/SEAT`.
    public var subject: String
    /// The outcome's code.
    public var outcome: String
    /// `Name@version` of the module that decided.
    public var module: String
    /// The ids of the rules that fired, in order.
    public var rules: [String]
    /// Why, in both languages.
    public var reasons: [Reason]
    /// The point's details, as a JSON object.
    public var details: JSONValue

    /// Creates a record.
    public init(
        point: ExtensionPoint, subject: String, outcome: String, module: String, rules: [String], reasons: [Reason],
        details: JSONValue
    ) {
        self.point = point
        self.subject = subject
        self.outcome = outcome
        self.module = module
        self.rules = rules
        self.reasons = reasons
        self.details = details
    }

    /// The record as one line of JSON (without the line end), reasons in `language`.
    public func jsonLine(language: Language) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        appendJSON(to: &output, language: language)
        return output
    }

    /// Appends the record as JSON, reasons in `language`, to `output`.
    public func appendJSON(to output: inout [UInt8], language: Language) {
        JSONValue.object([
            ("point", .string(point.rawValue)),
            ("subject", .string(subject)),
            ("outcome", .string(outcome)),
            ("module", .string(module)),
            ("rules", .strings(rules)),
            ("reasons", .strings(reasons.map { $0.text(in: language) })),
            ("details", details),
        ]).write(to: &output)
    }
}

extension DecisionRecord {
    /// The details object of each point, with the keys of the data contract first and a module's
    /// extra keys after them, sorted.
    static func details(_ standard: [(String, JSONValue)], extra: [String: DetailValue]) -> JSONValue {
        let taken = Set(standard.map(\.0))
        let more = extra.keys.filter { !taken.contains($0) }.sortedByUTF8().compactMap { key in
            extra[key].map { (key, JSONValue($0)) }
        }
        return .object(standard + more)
    }

    /// The record of a `stage` decision.
    public init(community: String, module: String, stage decision: StageDecision) {
        self.init(
            point: .stage, subject: "community:\(community)", outcome: decision.outcome.rawValue, module: module,
            rules: decision.rules, reasons: decision.reasons,
            details: Self.details([("declared", .bool(decision.details.declared))], extra: decision.details.extra))
    }

    /// The record of a `branch_setup` decision.
    public init(community: String, module: String, branchSetup decision: BranchSetupDecision) {
        let details = decision.details
        let branches = details.branches.sorted { $0.id.utf8Precedes($1.id) }.map { branch -> JSONValue in
            .object([
                ("id", .string(branch.id)),
                ("members", .strings(branch.members.sortedByUTF8())),
                ("committee_seats", .integer(branch.committeeSeats)),
            ])
        }
        self.init(
            point: .branchSetup, subject: "community:\(community)", outcome: decision.outcome.rawValue, module: module,
            rules: decision.rules, reasons: decision.reasons,
            details: Self.details(
                [
                    ("full_members", .integer(details.fullMembers)),
                    ("branches", .array(branches)),
                    ("committee_seats", .integer(details.committeeSeats)),
                    ("secretary_source", .string(details.secretarySource.rawValue)),
                    ("part_time_units", .strings(details.partTimeUnits)),
                ], extra: details.extra))
    }

    /// The record of a `member_management` decision.
    public init(member: String, module: String, management decision: ManagementDecision) {
        var standard: [(String, JSONValue)] = []
        if let grid = decision.details.grid { standard.append(("grid", .string(grid))) }
        standard.append(("alerts", .strings(decision.details.alerts.map(\.rawValue).sortedByUTF8())))
        self.init(
            point: .memberManagement, subject: "member:\(member)", outcome: decision.outcome.rawValue, module: module,
            rules: decision.rules, reasons: decision.reasons,
            details: Self.details(standard, extra: decision.details.extra))
    }

    /// The record of a `cadre_selection` decision.
    public init(seat subject: String, module: String, seat decision: SeatDecision) {
        var standard: [(String, JSONValue)] = []
        let details = decision.details
        if let member = details.member { standard.append(("member", .string(member))) }
        if let score = details.score { standard.append(("score", .amount(score))) }
        standard.append(("alternates", .strings(details.alternates)))
        if let appointee = details.appointee { standard.append(("appointee", .string(appointee))) }
        self.init(
            point: .cadreSelection, subject: subject, outcome: decision.outcome.rawValue, module: module,
            rules: decision.rules, reasons: decision.reasons, details: Self.details(standard, extra: details.extra))
    }

    /// The record of a `points` decision.
    public init(member: String, module: String, points decision: PointsDecision) {
        var standard: [(String, JSONValue)] = [
            ("period", .string(decision.details.period.description)),
            ("points", .amount(decision.details.points)),
        ]
        if let letter = decision.details.letterTo { standard.append(("letter_to", .string(letter))) }
        self.init(
            point: .points, subject: "member:\(member)", outcome: decision.outcome.rawValue, module: module,
            rules: decision.rules, reasons: decision.reasons,
            details: Self.details(standard, extra: decision.details.extra))
    }

    /// The record of a `governance` decision.
    public init(community: String, module: String, governance decision: GovernanceDecision) {
        let details = decision.details
        let concerned = details.concerned.keys.sortedByUTF8().map { key in
            (key, JSONValue.strings((details.concerned[key] ?? []).sortedByUTF8()))
        }
        self.init(
            point: .governance, subject: "community:\(community)", outcome: decision.outcome.rawValue, module: module,
            rules: decision.rules, reasons: decision.reasons,
            details: Self.details(
                [("findings", .strings(details.findings.sortedByUTF8())), ("concerned", .object(concerned))],
                extra: details.extra))
    }
}

extension JSONValue {
    /// The JSON form of a module's extra detail value.
    public init(_ value: DetailValue) {
        switch value {
        case .text(let text): self = .string(text)
        case .integer(let number): self = .integer(number)
        case .amount(let amount): self = .amount(amount)
        case .boolean(let flag): self = .bool(flag)
        case .array(let values): self = .array(values.map(JSONValue.init))
        case .object(let members):
            self = .object(members.keys.sortedByUTF8().compactMap { key in members[key].map { (key, JSONValue($0)) } })
        }
    }
}

import CharterSupport
public import PolicyKit

/// The one encoding of decisions into the records of `decisions.jsonl`.
///
/// Every record is `{"point","subject","outcome","module","rules","reasons","details"}`; the
/// `details` keys of the data contract come first, in the contract's order, and a module's extra
/// keys after them, sorted. ``DecisionRecord`` reads its details back from these same bytes, so
/// the file, the diff and the policy tests can never disagree on what a decision says.
public enum DecisionEncoding {
    /// Appends a whole record.
    public static func appendRecord(
        point: ExtensionPoint, subject: String, outcome: String, module: String, rules: [String],
        reasons: [Reason], language: Language, to writer: inout JSONWriter, details: (inout JSONWriter) -> Void
    ) {
        appendRecord(
            point: point, subject: { $0.string(subject) }, outcome: outcome, module: module, rules: rules,
            reasons: reasons, language: language, to: &writer, details: details)
    }

    /// Appends a whole record whose subject `subject` writes (as a JSON string).
    @inline(__always)
    static func appendRecord(
        point: ExtensionPoint, subject: (inout JSONWriter) -> Void, outcome: String, module: String,
        rules: [String], reasons: [Reason], language: Language, to writer: inout JSONWriter,
        details: (inout JSONWriter) -> Void
    ) {
        appendRecordHead(
            point: point, subject: subject, outcome: outcome, module: module, rules: rules, reasons: reasons,
            language: language, to: &writer)
        details(&writer)
        writer.byte(UInt8(ascii: "}"))
    }

    /// Appends a record up to its details: the caller writes the details object, then `}`.
    @inline(__always)
    static func appendRecordHead(
        point: ExtensionPoint, subject: (inout JSONWriter) -> Void, outcome: String, module: String,
        rules: [String], reasons: [Reason], language: Language, to writer: inout JSONWriter
    ) {
        appendRecordHead(
            point: point, subject: subject, outcome: outcome, module: module, rules: { $0.strings(rules) },
            reasons: reasons, language: language, to: &writer)
    }

    /// Appends a decision's record up to its details: the caller writes the details object, then `}`.
    @inline(__always)
    static func appendRecordHead(
        point: ExtensionPoint, subject: (inout JSONWriter) -> Void, outcome: String, module: String,
        rules: [Rule], reasons: [Reason], language: Language, to writer: inout JSONWriter
    ) {
        appendRecordHead(
            point: point, subject: subject, outcome: outcome, module: module, rules: { $0.rules(rules) },
            reasons: reasons, language: language, to: &writer)
    }

    @inline(__always)
    private static func appendRecordHead(
        point: ExtensionPoint, subject: (inout JSONWriter) -> Void, outcome: String, module: String,
        rules: (inout JSONWriter) -> Void, reasons: [Reason], language: Language, to writer: inout JSONWriter
    ) {
        writer.raw("{\"point\":")
        writer.string(point.rawValue)
        writer.raw(",\"subject\":")
        subject(&writer)
        writer.raw(",\"outcome\":")
        writer.string(outcome)
        writer.raw(",\"module\":")
        writer.string(module)
        writer.raw(",\"rules\":")
        rules(&writer)
        writer.raw(",\"reasons\":[")
        for index in reasons.indices {
            if index > 0 { writer.byte(UInt8(ascii: ",")) }
            writer.reason(reasons[index], in: language)
        }
        writer.raw("],\"details\":")
    }

    static func extra(
        _ extra: [String: DetailValue], skipping standard: @autoclosure () -> Set<String>, to writer: inout JSONWriter
    ) {
        guard !extra.isEmpty else { return }
        let standard = standard()
        for key in extra.keys.filter({ !standard.contains($0) }).sortedByUTF8() {
            guard let value = extra[key] else { continue }
            writer.byte(UInt8(ascii: ","))
            writer.string(key)
            writer.byte(UInt8(ascii: ":"))
            writer.value(JSONValue(value))
        }
    }

    /// The details of a `stage` decision.
    public static func details(_ decision: StageDecision, to writer: inout JSONWriter) {
        writer.raw("{\"declared\":")
        writer.bool(decision.details.declared)
        extra(decision.details.extra, skipping: ["declared"], to: &writer)
        writer.byte(UInt8(ascii: "}"))
    }

    /// The details of a `branch_setup` decision.
    public static func details(_ decision: BranchSetupDecision, to writer: inout JSONWriter) {
        let details = decision.details
        writer.raw("{\"full_members\":")
        writer.integer(details.fullMembers)
        writer.raw(",\"branches\":[")
        let branches =
            details.branches.isSorted { $0.id.utf8Precedes($1.id) }
            ? details.branches : details.branches.sorted { $0.id.utf8Precedes($1.id) }
        for (index, branch) in branches.enumerated() {
            if index > 0 { writer.byte(UInt8(ascii: ",")) }
            writer.raw("{\"id\":")
            writer.string(branch.id)
            writer.raw(",\"members\":")
            writer.strings(
                branch.members.isSorted { $0.utf8Precedes($1) } ? branch.members : branch.members.sortedByUTF8())
            writer.raw(",\"committee_seats\":")
            writer.integer(branch.committeeSeats)
            writer.byte(UInt8(ascii: "}"))
        }
        writer.raw("],\"committee_seats\":")
        writer.integer(details.committeeSeats)
        writer.raw(",\"secretary_source\":")
        writer.string(details.secretarySource.rawValue)
        writer.raw(",\"part_time_units\":")
        writer.strings(details.partTimeUnits)
        extra(
            details.extra,
            skipping: ["full_members", "branches", "committee_seats", "secretary_source", "part_time_units"],
            to: &writer)
        writer.byte(UInt8(ascii: "}"))
    }

    /// The details of a `member_management` decision.
    public static func details(_ decision: ManagementDecision, to writer: inout JSONWriter) {
        writer.byte(UInt8(ascii: "{"))
        if let grid = decision.details.grid {
            writer.raw("\"grid\":")
            writer.string(grid)
            writer.byte(UInt8(ascii: ","))
        }
        writer.raw("\"alerts\":")
        let alerts = decision.details.alerts
        if alerts.isEmpty {
            writer.raw("[]")
        } else {
            writer.strings(alerts.count < 2 ? alerts.map(\.rawValue) : alerts.map(\.rawValue).sortedByUTF8())
        }
        extra(decision.details.extra, skipping: ["grid", "alerts"], to: &writer)
        writer.byte(UInt8(ascii: "}"))
    }

    /// The details of a `cadre_selection` decision.
    public static func details(_ decision: SeatDecision, to writer: inout JSONWriter) {
        let details = decision.details
        writer.byte(UInt8(ascii: "{"))
        if let member = details.member {
            writer.raw("\"member\":")
            writer.string(member)
            writer.byte(UInt8(ascii: ","))
        }
        if let score = details.score {
            writer.raw("\"score\":")
            writer.amount(score)
            writer.byte(UInt8(ascii: ","))
        }
        writer.raw("\"alternates\":")
        writer.strings(details.alternates)
        if let appointee = details.appointee {
            writer.raw(",\"appointee\":")
            writer.string(appointee)
        }
        extra(details.extra, skipping: ["member", "score", "alternates", "appointee"], to: &writer)
        writer.byte(UInt8(ascii: "}"))
    }

    /// The details of a `points` decision.
    public static func details(_ decision: PointsDecision, to writer: inout JSONWriter) {
        let details = decision.details
        writer.raw("{\"period\":")
        writer.halfYear(details.period)
        writer.raw(",\"points\":")
        writer.amount(details.points)
        if let letter = details.letterTo {
            writer.raw(",\"letter_to\":")
            writer.string(letter)
        }
        extra(details.extra, skipping: ["period", "points", "letter_to"], to: &writer)
        writer.byte(UInt8(ascii: "}"))
    }

    /// The details of a `governance` decision.
    public static func details(_ decision: GovernanceDecision, to writer: inout JSONWriter) {
        let details = decision.details
        writer.raw("{\"findings\":")
        writer.strings(details.findings.sortedByUTF8())
        writer.raw(",\"concerned\":{")
        for (index, key) in details.concerned.keys.sortedByUTF8().enumerated() {
            if index > 0 { writer.byte(UInt8(ascii: ",")) }
            writer.string(key)
            writer.byte(UInt8(ascii: ":"))
            writer.strings((details.concerned[key] ?? []).sortedByUTF8())
        }
        writer.byte(UInt8(ascii: "}"))
        extra(details.extra, skipping: ["findings", "concerned"], to: &writer)
        writer.byte(UInt8(ascii: "}"))
    }
}

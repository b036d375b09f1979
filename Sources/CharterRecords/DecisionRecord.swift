import CharterSupport
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
        var writer = JSONWriter()
        DecisionEncoding.appendRecord(
            point: point, subject: subject, outcome: outcome, module: module, rules: rules, reasons: reasons,
            language: language, to: &writer
        ) { $0.value(details) }
        writer.move(appendingTo: &output)
    }
}

extension DecisionRecord {
    /// A record whose details are read back from their encoding in `decisions.jsonl`.
    init(
        point: ExtensionPoint, subject: String, module: String, outcome: String, rules: [String], reasons: [Reason],
        encode: (inout JSONWriter) -> Void
    ) {
        var writer = JSONWriter(capacity: 256)
        encode(&writer)
        let details = (try? JSONValue.parse(String(decoding: writer.bytes, as: UTF8.self))) ?? .object([])
        self.init(
            point: point, subject: subject, outcome: outcome, module: module, rules: rules, reasons: reasons,
            details: details)
    }

    /// The record of a decision of the point `hosted` registers, about `subject`
    /// (`community:ID`, `member:ID` or a seat's subject).
    public init<Point: HostedPoint>(
        _ hosted: Point.Type, subject: String, module: String, decision: Decision<Point.Outcome, Point.Details>
    ) {
        self.init(
            point: Point.point, subject: subject, module: module, outcome: decision.outcome.rawValue,
            rules: decision.rules.map(\.id), reasons: decision.reasons
        ) { Point.details(decision, to: &$0) }
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

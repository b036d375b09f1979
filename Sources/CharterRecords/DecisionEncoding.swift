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
}

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
            reasons: { appendReasons(reasons, language: language, to: &$0) }, to: &writer)
    }

    /// Appends a decision's record up to its details: the caller writes the details object, then `}`.
    ///
    /// The lists of rules and reasons are written from `written` when they were written before.
    @inline(__always)
    static func appendRecordHead(
        point: ExtensionPoint, subject: (inout JSONWriter) -> Void, outcome: String, module: String,
        rules: [Rule], reasons: [Reason], language: Language, to writer: inout JSONWriter,
        written: inout WrittenLists
    ) {
        appendRecordHead(
            point: point, subject: subject, outcome: outcome, module: module,
            rules: { writer in written.rules.write(rules, to: &writer) { $0.rules(rules) } },
            reasons: { writer in
                written.reasons.write(reasons, to: &writer) { appendReasons(reasons, language: language, to: &$0) }
            }, to: &writer)
    }

    @inline(__always)
    private static func appendRecordHead(
        point: ExtensionPoint, subject: (inout JSONWriter) -> Void, outcome: String, module: String,
        rules: (inout JSONWriter) -> Void, reasons: (inout JSONWriter) -> Void, to writer: inout JSONWriter
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
        writer.raw(",\"reasons\":")
        reasons(&writer)
        writer.raw(",\"details\":")
    }

    /// Appends `reasons` as a JSON array of their texts in `language`.
    @inline(__always)
    private static func appendReasons(_ reasons: [Reason], language: Language, to writer: inout JSONWriter) {
        writer.byte(UInt8(ascii: "["))
        for index in reasons.indices {
            if index > 0 { writer.byte(UInt8(ascii: ",")) }
            writer.reason(reasons[index], in: language)
        }
        writer.byte(UInt8(ascii: "]"))
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

/// The JSON of the lists of rules and reasons written so far in one stretch of records, by the
/// storage the lists lie in.
///
/// The engine keeps equal lists once (its `DecisionInterner`), so a million decisions hold a few
/// thousand distinct lists, and a list that lies where one written before lies is that list: its
/// JSON is copied instead of written again from the templates. Each list whose JSON is kept is
/// kept alive with it, so that no other list can come to lie in its storage. Lists that rarely
/// repeat (decisions made without the engine, each holding its own) are written as they come
/// after the first few thousand.
struct WrittenLists {
    /// The rules lists' JSON, and the reasons lists': each kind decides alone whether it repeats.
    var rules = WrittenJSON()
    var reasons = WrittenJSON()

    /// After this many lists of a kind, copying goes on only if at least a quarter were repeats.
    static let trial = WrittenJSON.trial

    /// Creates an empty store.
    init() {}
}

/// The JSON written for one kind of list, by the storage of each list.
struct WrittenJSON {
    private var spans: [UnsafeRawPointer: (start: Int, count: Int)] = [:]
    private var bytes: [UInt8] = []
    private var kept: [Any] = []
    private var lookups = 0
    private var hits = 0
    private var copying = true

    static let trial = 4096

    /// Writes `list` with `write`, or copies what that wrote for the same list before.
    @inline(__always)
    mutating func write<Element>(_ list: [Element], to writer: inout JSONWriter, _ write: (inout JSONWriter) -> Void) {
        guard copying, let key = list.withUnsafeBufferPointer({ $0.baseAddress.map { UnsafeRawPointer($0) } }) else {
            write(&writer)
            return
        }
        lookups += 1
        if lookups == Self.trial && hits * 4 < lookups {
            // Lists of this kind hardly repeat here: write them as they come from now on.
            copying = false
            spans = [:]
            bytes = []
            kept = []
            write(&writer)
            return
        }
        if let span = spans[key] {
            hits += 1
            bytes.withUnsafeBufferPointer {
                writer.raw(encoded: UnsafeBufferPointer(rebasing: $0[span.start..<span.start + span.count]))
            }
            return
        }
        let start = writer.byteCount
        write(&writer)
        let before = bytes.count
        writer.copyBytes(since: start, to: &bytes)
        spans[key] = (before, bytes.count - before)
        kept.append(list)
    }
}

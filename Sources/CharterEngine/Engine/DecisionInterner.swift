public import PolicyKit

/// Makes a worker's equal lists of rules and reasons one list in memory.
///
/// A module makes each decision's `rules` and `reasons` afresh, and a city's run keeps two
/// million of them: most are equal to one made before (`["manage.grid"]`; "2026H1 points: 60
/// (base 60); 60 or more: qualified."), yet each held its own arrays, about a kilobyte a member
/// in all. Kept decisions take the first equal list instead, and the module's copy is freed as
/// soon as the community is decided, so memory grows with the distinct lists, not the members.
///
/// Only storage is shared: a list is replaced only by one that writes the same bytes (the same
/// rule ids and points; the same template objects and values, text compared as bytes; see
/// ``ReasonList``), so every output is the same byte for byte.
/// Lists are kept apart by module, so that two modules' rules of the same id never meet. Where
/// a module's reasons rarely repeat (a reason naming each member, say), hashing them would cost
/// more than it saves, and its reasons are left as they are after the first few thousand.
///
/// One per worker, used by one thread at a time.
public final class DecisionInterner {
    struct Lists {
        var rules: Set<RuleList> = []
        var reasons: Set<ReasonList> = []
        var reasonsSeen = 0
        var reasonsShared = 0
        var sharingReasons = true
    }

    private var byModule: [String: Lists] = [:]

    /// Creates an empty interner.
    public init() {}

    /// `decisions`, each with its rules and reasons replaced by an equal list seen before, if any.
    public func shared<Outcome, Details>(
        _ decisions: [Decision<Outcome, Details>], module: String
    ) -> [Decision<Outcome, Details>] {
        var kept = decisions
        byModule[module, default: Lists()].share(&kept)
        return kept
    }
}

extension DecisionInterner.Lists {
    /// After this many reason lists, reasons are shared only if at least a quarter were repeats.
    static let trial = 4096

    mutating func share<Outcome, Details>(_ decisions: inout [Decision<Outcome, Details>]) {
        for index in decisions.indices {
            decisions[index].rules = rules.insert(RuleList(decisions[index].rules)).memberAfterInsert.rules
            guard sharingReasons else { continue }
            let (inserted, member) = reasons.insert(ReasonList(decisions[index].reasons))
            decisions[index].reasons = member.reasons
            reasonsSeen += 1
            if !inserted { reasonsShared += 1 }
            if reasonsSeen == Self.trial && reasonsShared * 4 < reasonsSeen {
                sharingReasons = false
                reasons = []
            }
        }
    }
}

/// A list of reasons as a key of the interner's table, hashed quickly and compared strictly.
///
/// `[Reason]`'s own equality and hash go through Unicode normalisation: "é" and "e" followed by
/// a combining accent are equal `String`s, yet they are different bytes in the output, so a list
/// naming one must never be replaced by a list naming the other. This key compares and hashes
/// strings by their bytes and templates by identity (a module's templates are made once), at
/// every depth, so two keys are equal only when they write the same bytes, and equal keys hash
/// alike. Two lists equal only through distinct but identical template objects are not shared.
struct ReasonList: Hashable {
    let reasons: [Reason]

    init(_ reasons: [Reason]) { self.reasons = reasons }

    static func == (lhs: ReasonList, rhs: ReasonList) -> Bool { same(lhs.reasons, rhs.reasons) }

    private static func same(_ lhs: [Reason], _ rhs: [Reason]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { same($0, $1) }
    }

    private static func same(_ lhs: Reason, _ rhs: Reason) -> Bool {
        switch (lhs.template, rhs.template) {
        case (let left?, let right?):
            let (leftArguments, rightArguments) = (lhs.arguments, rhs.arguments)
            return left === right && leftArguments.count == rightArguments.count
                && zip(leftArguments, rightArguments).allSatisfy { same($0, $1) }
        case (nil, nil): return same(lhs.chinese, rhs.chinese) && same(lhs.english, rhs.english)
        default: return false
        }
    }

    private static func same(_ lhs: ReasonArgument, _ rhs: ReasonArgument) -> Bool {
        switch (lhs, rhs) {
        case (.date(let left), .date(let right)): left == right
        case (.halfYear(let left), .halfYear(let right)): left == right
        case (.count(let left), .count(let right)): left == right
        case (.amount(let left), .amount(let right)): left == right
        case (.member(let left), .member(let right)), (.place(let left), .place(let right)),
            (.text(let left), .text(let right)):
            same(left, right)
        case (.term(let left), .term(let right)): same(left.chinese, right.chinese) && same(left.english, right.english)
        case (.phrase(let left), .phrase(let right)): same(left, right)
        case (.phrases(let left, let leftSeparator), .phrases(let right, let rightSeparator)):
            same(left, right) && same(leftSeparator.chinese, rightSeparator.chinese)
                && same(leftSeparator.english, rightSeparator.english)
        default: false
        }
    }

    private static func same(_ lhs: String, _ rhs: String) -> Bool { ByteText.same(lhs, rhs) }

    func hash(into hasher: inout Hasher) {
        hasher.combine(reasons.count)
        for reason in reasons { Self.hash(reason, into: &hasher) }
    }

    private static func hash(_ reason: Reason, into hasher: inout Hasher) {
        guard let template = reason.template else {
            hash(reason.chinese, into: &hasher)
            hash(reason.english, into: &hasher)
            return
        }
        hasher.combine(ObjectIdentifier(template))
        for argument in reason.arguments { hash(argument, into: &hasher) }
    }

    private static func hash(_ argument: ReasonArgument, into hasher: inout Hasher) {
        switch argument {
        case .date(let date): hasher.combine(date.dayNumber)
        case .halfYear(let half): hasher.combine(half.year * 2 + (half.isSecondHalf ? 1 : 0))
        case .count(let count): hasher.combine(count)
        case .amount(let amount): hasher.combine(amount.scaled)
        case .member(let text), .place(let text), .text(let text): hash(text, into: &hasher)
        case .term(let text):
            hash(text.chinese, into: &hasher)
            hash(text.english, into: &hasher)
        case .phrase(let reason): hash(reason, into: &hasher)
        case .phrases(let reasons, let separator):
            hasher.combine(reasons.count)
            for reason in reasons { hash(reason, into: &hasher) }
            hash(separator.chinese, into: &hasher)
            hash(separator.english, into: &hasher)
        }
    }

    private static func hash(_ text: String, into hasher: inout Hasher) { ByteText.hash(text, into: &hasher) }
}

/// A list of rules as a key of the interner's table: ids compared and hashed by their bytes, as
/// `decisions.jsonl` writes them, with their points.
struct RuleList: Hashable {
    let rules: [Rule]

    init(_ rules: [Rule]) { self.rules = rules }

    static func == (lhs: RuleList, rhs: RuleList) -> Bool {
        lhs.rules.count == rhs.rules.count
            && zip(lhs.rules, rhs.rules).allSatisfy { $0.point == $1.point && ByteText.same($0.id, $1.id) }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(rules.count)
        for rule in rules {
            ByteText.hash(rule.id, into: &hasher)
            hasher.combine(rule.point)
        }
    }
}

/// Text as the bytes it is written in: compared and hashed without the Unicode normalisation of
/// `String`'s own `==` and hash.
enum ByteText {
    /// The same bytes, not merely the same text to Unicode.
    static func same(_ lhs: String, _ rhs: String) -> Bool { lhs.utf8.elementsEqual(rhs.utf8) }

    /// Feeds the UTF-8 bytes of `text`, and an end that no UTF-8 byte is, to `hasher`.
    static func hash(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(0xFF as UInt8)
    }
}

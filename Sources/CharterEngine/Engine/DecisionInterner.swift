public import PolicyKit

/// Makes a worker's equal lists of rules and reasons one list in memory.
///
/// A module makes each decision's `rules` and `reasons` afresh, and a city's run keeps two
/// million of them: most are equal to one made before (`["manage.grid"]`; "2026H1 points: 60
/// (base 60); 60 or more: qualified."), yet each held its own arrays, about a kilobyte a member
/// in all. Kept decisions take the first equal list instead, and the module's copy is freed as
/// soon as the community is decided, so memory grows with the distinct lists, not the members.
///
/// Only storage is shared: a list is replaced by one that is equal (`==`: the same rule ids and
/// points; the same templates, wording and values), so every output is the same byte for byte.
/// Lists are kept apart by module, so that two modules' rules of the same id never meet. Where
/// a module's reasons rarely repeat (a reason naming each member, say), hashing them would cost
/// more than it saves, and its reasons are left as they are after the first few thousand.
///
/// One per worker, used by one thread at a time.
public final class DecisionInterner {
    struct Lists {
        var rules: Set<[Rule]> = []
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
            decisions[index].rules = rules.insert(decisions[index].rules).memberAfterInsert
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

/// A list of reasons as a key of the interner's table, hashed quickly.
///
/// `[Reason]`'s own hash goes through every string's Unicode normalisation and every template's
/// id; this one takes templates by identity (a module's templates are made once) and strings by
/// their bytes. Its equality is as strict: the same template objects and equal values, so equal
/// keys always hash alike; two lists that are equal only through distinct but identical template
/// objects are just not shared.
struct ReasonList: Hashable {
    let reasons: [Reason]

    init(_ reasons: [Reason]) { self.reasons = reasons }

    static func == (lhs: ReasonList, rhs: ReasonList) -> Bool {
        lhs.reasons.count == rhs.reasons.count && zip(lhs.reasons, rhs.reasons).allSatisfy(Self.same)
    }

    private static func same(_ lhs: Reason, _ rhs: Reason) -> Bool {
        switch (lhs.template, rhs.template) {
        case (let left?, let right?): left === right && lhs.arguments == rhs.arguments
        case (nil, nil): lhs.chinese == rhs.chinese && lhs.english == rhs.english
        default: false
        }
    }

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
            hash(separator.english, into: &hasher)
        }
    }

    /// A string's UTF-8 bytes, without the normalisation `String`'s own hash does.
    private static func hash(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(0xFF as UInt8)
    }
}

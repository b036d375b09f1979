/// A text in Simplified Chinese and in English, such as what a rule or a parameter means.
///
/// A module's metadata is written in both languages at once, so the district office reads it in
/// Chinese and a policy author or a tool reads it in English.
public struct Text: Hashable, Sendable {
    /// The text in Simplified Chinese.
    public var chinese: String
    /// The text in English.
    public var english: String

    /// Creates a text from its two languages.
    public init(zh chinese: String, en english: String) {
        self.chinese = chinese
        self.english = english
    }

    /// The text in the given language.
    public func text(in language: Language) -> String {
        language == .chinese ? chinese : english
    }
}

/// One plain-language explanation of a decision: a template of the module's catalog with the
/// values of its slots.
///
/// A module makes a reason by calling one of its declared templates with the slots' values:
///
/// ```swift
/// static let away = ReasonTemplate(
///     "manage.away", slots: [.date("since"), .count("months")],
///     zh: "自{since}外出，已满{months}个月，实行动态管理。",
///     en: "Away since {since}, {months} months or more: dynamic management.")
///
/// func awayReason(ofMemberAt index: Int, in context: CommunityContext) -> Reason? {
///     guard let since = context.members[index].awaySince, since.addingMonths(mobileAfterMonths) <= context.asOf
///     else { return nil }
///     return Self.away(.date(since), .count(mobileAfterMonths))
/// }
/// ```
///
/// The host writes the reason in the run's one language, straight into the output: a date reads
/// `2026年6月30日` in Chinese and `2026-06-30` in English, a half-year `2026年上半年` and `2026H1`.
public struct Reason: Hashable, Sendable {
    // Two words: the template (shared, never copied) and the slots' values. A reason of fixed
    // text has a template of its own, marked as outside any catalog.
    let base: ReasonTemplate
    let values: [ReasonArgument]

    /// A reason of fixed text, outside any module's catalog.
    ///
    /// This is what the host reads back from a `decisions.jsonl`. A module's reasons come from its
    /// ``ReasonTemplate``s instead, and the conformance kit fails a module whose decisions carry a
    /// reason like this.
    public init(zh chinese: String, en english: String) {
        base = ReasonTemplate(fixedChinese: chinese, english: english)
        values = []
    }

    /// A reason of fixed text, outside any module's catalog.
    public init(_ text: Text) {
        self.init(zh: text.chinese, en: text.english)
    }

    init(template: ReasonTemplate, arguments: [ReasonArgument]) {
        base = template
        values = arguments
    }

    /// The template the reason was made from, or `nil` for a reason of fixed text.
    public var template: ReasonTemplate? { base.isFixedText ? nil : base }

    /// The values of the template's slots, in the order the template declares them.
    public var arguments: [ReasonArgument] { values }

    /// The text in Simplified Chinese.
    public var chinese: String { text(in: .chinese) }

    /// The text in English.
    public var english: String { text(in: .english) }

    /// The text in the given language.
    public func text(in language: Language) -> String {
        if base.isFixedText { return language == .chinese ? base.chinese : base.english }
        var text = ""
        for segment in base.segments(in: language) {
            text += segment.literal
            if let slot = segment.slot, slot < values.count {
                text += values[slot].text(in: language)
            }
        }
        return text
    }
}

/// A reason's wording in both languages, with named slots for the values that differ from one
/// subject to the next: declared once in a module's metadata (its message catalog), called with
/// the slots' values to make a ``Reason``.
///
/// Slots are written `{name}` in both texts; each declared slot must appear in both, and no other
/// name may. ``problems`` says what is wrong with a template, and the conformance kit fails a
/// module with any.
public final class ReasonTemplate: Hashable, Sendable, CustomStringConvertible {
    /// The template's id, unique in its module, such as `manage.mobile.away`.
    public let id: String
    /// The slots, in the order a call gives their values.
    public let slots: [ReasonSlot]
    /// The wording in Simplified Chinese, with `{name}` for each slot.
    public let chinese: String
    /// The wording in English, with `{name}` for each slot.
    public let english: String
    private let chineseSegments: [ReasonSegment]
    private let englishSegments: [ReasonSegment]
    /// What is wrong with the template's wording, as sentences; empty when nothing is.
    public let problems: [String]
    /// Whether this is the one-off template of a reason of fixed text, outside any catalog.
    let isFixedText: Bool

    /// The template of a reason of fixed text: its texts as they are, without slots.
    init(fixedChinese chinese: String, english: String) {
        id = ""
        slots = []
        self.chinese = chinese
        self.english = english
        chineseSegments = [ReasonSegment(literal: chinese, slot: nil)]
        englishSegments = [ReasonSegment(literal: english, slot: nil)]
        problems = []
        isFixedText = true
    }

    /// Declares a template.
    public init(_ id: String, slots: [ReasonSlot] = [], zh chinese: String, en english: String) {
        self.id = id
        self.slots = slots
        self.chinese = chinese
        self.english = english
        var problems: [String] = []
        if chinese.isEmpty { problems.append("reason template '\(id)' has no Chinese text") }
        if english.isEmpty { problems.append("reason template '\(id)' has no English text") }
        let names = slots.map(\.name)
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            problems.append("reason template '\(id)' declares the slot '\(name)' twice")
        }
        func split(_ text: String, _ language: String) -> [ReasonSegment] {
            let (segments, used, unknown) = ReasonSegment.split(text, slots: names)
            for name in unknown {
                problems.append("reason template '\(id)': the \(language) text names '{\(name)}', which is not a slot")
            }
            for name in names where !used.contains(name) {
                problems.append("reason template '\(id)': the \(language) text does not use the slot '{\(name)}'")
            }
            return segments
        }
        chineseSegments = split(chinese, "Chinese")
        englishSegments = split(english, "English")
        self.problems = problems
        isFixedText = false
    }

    /// The wording in `language`, cut at each slot.
    public func segments(in language: Language) -> [ReasonSegment] {
        language == .chinese ? chineseSegments : englishSegments
    }

    /// The reason this template gives with the slots' values, in the order of ``slots``.
    public func callAsFunction(_ arguments: ReasonArgument...) -> Reason {
        Reason(template: self, arguments: arguments)
    }

    /// What is wrong with a reason made from this template with `arguments`: a slot left unfilled,
    /// a value of another kind than its slot, a value too many; empty when nothing is.
    public func problems(with arguments: [ReasonArgument]) -> [String] {
        var problems: [String] = []
        for (index, slot) in slots.enumerated() {
            guard index < arguments.count else {
                problems.append("reason '\(id)' leaves the slot '\(slot.name)' unfilled")
                continue
            }
            if arguments[index].kind != slot.kind {
                problems.append(
                    "reason '\(id)' fills the slot '\(slot.name)' (\(slot.kind.rawValue)) with a \(arguments[index].kind.rawValue)"
                )
            }
            problems += arguments[index].nestedProblems
        }
        if arguments.count > slots.count {
            problems.append("reason '\(id)' has \(arguments.count) values for \(slots.count) slots")
        }
        return problems
    }

    /// The template's id.
    public var description: String { id }

    /// Whether two templates have the same id and wording.
    public static func == (lhs: ReasonTemplate, rhs: ReasonTemplate) -> Bool {
        lhs === rhs || (lhs.id == rhs.id && lhs.chinese == rhs.chinese && lhs.english == rhs.english)
    }

    /// Hashes the template's id.
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A named place in a reason's wording for a value, and the kind of value it takes.
public struct ReasonSlot: Hashable, Sendable {
    /// The kinds of value a slot takes.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A date: `2026年6月30日` in Chinese, `2026-06-30` in English.
        case date
        /// A half-year: `2026年上半年` in Chinese, `2026H1` in English.
        case halfYear = "half-year"
        /// A whole number.
        case count
        /// An exact decimal number, such as points or hours.
        case amount
        /// A member's id.
        case member
        /// A place: a community, a grid cell, a village, a unit.
        case place
        /// Any other text that reads the same in both languages.
        case text
        /// A name with its own wording in each language, such as a stage's or a relation's.
        case term
        /// Another reason, in the same language.
        case phrase
        /// Other reasons one after another, with a separator between them.
        case phrases
    }

    /// The slot's name, written `{name}` in the texts.
    public var name: String
    /// The kind of value it takes.
    public var kind: Kind

    /// Creates a slot.
    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// A slot for a date.
    public static func date(_ name: String) -> ReasonSlot { ReasonSlot(name, .date) }
    /// A slot for a half-year.
    public static func halfYear(_ name: String) -> ReasonSlot { ReasonSlot(name, .halfYear) }
    /// A slot for a whole number.
    public static func count(_ name: String) -> ReasonSlot { ReasonSlot(name, .count) }
    /// A slot for an exact decimal number.
    public static func amount(_ name: String) -> ReasonSlot { ReasonSlot(name, .amount) }
    /// A slot for a member's id.
    public static func member(_ name: String) -> ReasonSlot { ReasonSlot(name, .member) }
    /// A slot for a place.
    public static func place(_ name: String) -> ReasonSlot { ReasonSlot(name, .place) }
    /// A slot for text that reads the same in both languages.
    public static func text(_ name: String) -> ReasonSlot { ReasonSlot(name, .text) }
    /// A slot for a name with its own wording in each language.
    public static func term(_ name: String) -> ReasonSlot { ReasonSlot(name, .term) }
    /// A slot for another reason.
    public static func phrase(_ name: String) -> ReasonSlot { ReasonSlot(name, .phrase) }
    /// A slot for a run of reasons.
    public static func phrases(_ name: String) -> ReasonSlot { ReasonSlot(name, .phrases) }
}

/// The value of one slot of a reason.
public enum ReasonArgument: Hashable, Sendable {
    /// A date.
    case date(CivilDate)
    /// A half-year.
    case halfYear(HalfYear)
    /// A whole number.
    case count(Int)
    /// An exact decimal number.
    case amount(Amount)
    /// A member's id.
    case member(String)
    /// A place.
    case place(String)
    /// Text that reads the same in both languages.
    case text(String)
    /// A name with its own wording in each language.
    indirect case term(Text)
    /// Another reason.
    case phrase(Reason)
    /// Reasons one after another, with `separator` between each two.
    indirect case phrases([Reason], separator: Text)

    /// The kind of slot the value fills.
    public var kind: ReasonSlot.Kind {
        switch self {
        case .date: .date
        case .halfYear: .halfYear
        case .count: .count
        case .amount: .amount
        case .member: .member
        case .place: .place
        case .text: .text
        case .term: .term
        case .phrase: .phrase
        case .phrases: .phrases
        }
    }

    /// The value as the reason's text in `language` writes it.
    public func text(in language: Language) -> String {
        switch self {
        case .date(let date): language == .chinese ? date.chineseText : date.description
        case .halfYear(let half): language == .chinese ? half.chineseText : half.description
        case .count(let number): String(number)
        case .amount(let amount): amount.description
        case .member(let text), .place(let text), .text(let text): text
        case .term(let term): term.text(in: language)
        case .phrase(let reason): reason.text(in: language)
        case .phrases(let reasons, let separator):
            reasons.map { $0.text(in: language) }.joined(separator: separator.text(in: language))
        }
    }

    /// The problems of the reasons this value holds.
    var nestedProblems: [String] {
        switch self {
        case .phrase(let reason): reason.problems
        case .phrases(let reasons, _): reasons.flatMap(\.problems)
        default: []
        }
    }
}

extension Reason {
    /// What is wrong with the reason as a module gave it; empty when nothing is.
    ///
    /// A reason made outside the module's catalog, or with its slots badly filled, is wrong.
    public var problems: [String] {
        base.isFixedText
            ? ["a reason of fixed text ('\(base.english)') instead of a declared template"]
            : base.problems(with: values)
    }

    /// The templates this reason and the reasons in its slots were made from.
    public var templates: [ReasonTemplate] {
        guard !base.isFixedText else { return [] }
        return [base]
            + values.flatMap { argument -> [ReasonTemplate] in
                switch argument {
                case .phrase(let reason): reason.templates
                case .phrases(let reasons, _): reasons.flatMap(\.templates)
                default: []
                }
            }
    }
}

/// A piece of a template's wording: literal text, then the slot that follows it, if any.
public struct ReasonSegment: Hashable, Sendable {
    /// The text before the slot.
    public var literal: String
    /// The index of the slot in the template's ``ReasonTemplate/slots``, or `nil` at the end.
    public var slot: Int?

    /// Cuts `text` at each `{name}` of `slots`; a brace that opens no known slot stays literal.
    static func split(_ text: String, slots: [String]) -> (
        segments: [ReasonSegment], used: Set<String>, unknown: [String]
    ) {
        var segments: [ReasonSegment] = []
        var used: Set<String> = []
        var unknown: [String] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else {
                literal += rest[open...]
                rest = rest[rest.endIndex...]
                break
            }
            let name = String(rest[afterOpen..<close])
            if let index = slots.firstIndex(of: name) {
                segments.append(ReasonSegment(literal: literal, slot: index))
                used.insert(name)
                literal = ""
            } else {
                unknown.append(name)
                literal += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty || segments.isEmpty { segments.append(ReasonSegment(literal: literal, slot: nil)) }
        return (segments, used, unknown)
    }
}

extension CivilDate {
    /// The date as Chinese prose writes it: `2026年6月30日`.
    public var chineseText: String { withChineseUTF8 { String(decoding: $0, as: UTF8.self) } }
}

extension HalfYear {
    /// The half-year as Chinese prose writes it: `2026年上半年`.
    public var chineseText: String { "\(year)年\(isSecondHalf ? "下" : "上")半年" }
}

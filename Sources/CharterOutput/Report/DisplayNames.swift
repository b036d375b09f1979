import CharterData
import CharterEngine
import CharterRecords
import PolicyKit

/// How the pages name things for a person, in the page's language.
///
/// Rules by their names, branches, members and places by what an office calls them. Codes stay
/// in `decisions.jsonl` and the CSV tables.
struct DisplayNames: Sendable {
    let decisions: RunDecisions
    let meanings: [String: Text]
    let language: Language
    let redact: Bool

    func text(_ english: String, _ chinese: String) -> String { language == .chinese ? chinese : english }

    /// A rule's meaning in the page's language, without the Markdown code marks modules write.
    func meaning(_ rule: String) -> String {
        (meanings[rule]?.text(in: language)).map(withoutCodeMarks) ?? ""
    }

    /// A rule's name: its meaning without the full stop (过渡期：原村党员未列入集体资产分配名单),
    /// cut to `limit` characters, or its id when the module gives no meaning.
    func ruleName(_ rule: String, limit: Int = 40) -> String {
        var text = meaning(rule)
        while let last = text.last, "。.".contains(last) { text.removeLast() }
        guard !text.isEmpty else { return rule }
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A member as the pages show them: name (masked with `--redact`) and id.
    func person(_ member: Member) -> String {
        let name = member.name.isEmpty ? member.id : (redact ? Redaction.name(member.name) : member.name)
        return language == .chinese ? "\(name)（\(member.id)）" : "\(name) (\(member.id))"
    }

    /// A member's name alone (masked with `--redact`), or the id when the name is empty.
    func name(_ member: Member) -> String {
        member.name.isEmpty ? member.id : (redact ? Redaction.name(member.name) : member.name)
    }

    /// A community's name, or its id when it has none.
    func community(_ row: Community) -> String { row.name.isEmpty ? row.id : row.name }

    /// A branch's name from its id (`c01/清溪安置点`, `c01/清溪安置点-2`, `c01/combined`,
    /// `c01/temporary`): 清河社区清溪安置点网格党支部 (二).
    func branch(_ id: String, in row: Community) -> String {
        let part = id.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? id
        let community = self.community(row)
        switch part {
        case "temporary": return text("\(community) temporary branch", "\(community)临时党支部")
        case "combined": return text("\(community) combined grid branch", "\(community)联合网格党支部")
        case "branch": return text("\(community) branch", "\(community)党支部")
        default:
            var place = part
            var number = ""
            if let dash = part.lastIndex(of: "-"), let count = Int(part[part.index(after: dash)...]) {
                place = String(part[..<dash])
                number = text(" \(count)", "第\(count)")
            }
            if place == "-" { place = text("no subdivision", "未分小区") }
            return text("\(community) \(place) grid branch\(number)", "\(community)\(place)\(number)网格党支部")
        }
    }

    /// A module's reason as a person reads it: rule ids replaced by the rules' names, and the ids
    /// of the community's members by their names.
    func reason(_ reason: Reason, community: Int) -> String {
        readable(reason.text(in: language), community: community)
    }

    /// `text` with rule ids and member ids replaced (see ``reason(_:community:)``).
    ///
    /// A member's id is replaced only where a reason names the member, before a colon
    /// (`m0044：已当选本社区其他职位`): a number elsewhere in the text (`5个月`) may equal an id.
    func readable(_ text: String, community: Int) -> String {
        var output = ""
        var token = ""
        func flush(before next: Character?) {
            guard !token.isEmpty else { return }
            if meanings[token] != nil {
                output += ruleName(token)
            } else if next == "：" || next == ":",
                let member = decisions.memberIndex(of: token, inCommunity: community)
            {
                output += person(decisions.index.dataset.members[member])
            } else {
                output += token
            }
            token = ""
        }
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character)) {
                token.append(character)
            } else {
                flush(before: character)
                output.append(character)
            }
        }
        flush(before: nil)
        return withoutCodeMarks(output)
    }

    /// Text without the backticks Markdown uses for code.
    func withoutCodeMarks(_ text: String) -> String {
        text.contains("`") ? String(text.filter { $0 != "`" }) : text
    }

    /// The organisation a letter goes to (`village:清河村`, `unit:某公司`, `elsewhere`), named.
    func addressee(_ code: String) -> String {
        if code.hasPrefix("village:") {
            let village = String(code.dropFirst(8))
            return village.isEmpty
                ? text("The party organisation of the member's original village", "党员原所在村党组织")
                : text("The party organisation of \(village)", "\(village)党组织")
        }
        if code.hasPrefix("unit:") {
            let unit = String(code.dropFirst(5))
            return unit.isEmpty
                ? text("The party organisation of the member's work unit", "党员所在工作单位党组织")
                : text("The party organisation of \(unit)", "\(unit)党组织")
        }
        return text("The party organisation that holds the member's relation", "党员组织关系所在党组织")
    }

    /// The community's party organisation as a letter's sender: 清河社区党总支.
    func partyOrganisation(of community: Int) -> String {
        let row = decisions.index.dataset.communities[community]
        let kind = decisions.results[community].branchSetup?.value.outcome.name(in: language)
        if language == .chinese { return self.community(row) + (kind ?? "党组织") }
        return "\(kind ?? "party organisation") of \(self.community(row))"
    }
}

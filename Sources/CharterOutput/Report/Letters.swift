import CharterData
import CharterEngine
import CharterRecords
import PolicyKit

/// The half-year letters (函告): each community's party organisation sends the points of the
/// members whose relation is held elsewhere to the organisation that holds it, with suggestions
/// for the democratic evaluation and the selection of outstanding members (每半年将积分情况函告党员
/// 所在党组织，提出民主评议、评先选优的意见建议).
///
/// One letter for each sending community and receiving organisation (each `letter_to` of the
/// members' `points` decisions): an original village's party organisation, a work unit's; a
/// member whose relation is held elsewhere gets a letter of their own, with the addressee left
/// for the office to fill in, since each such member's organisation is another and no
/// organisation may read of members not its own. Letters are numbered in community order, then
/// by addressee, so the same run gives the same numbers. Each community's letters are one file,
/// `letters/NNNN.html` (NNNN as its page under `communities/`), a printed page per letter, so that
/// a city's letters stay a file per community.
struct Letters: Sendable {
    let report: ReportWriter
    var names: DisplayNames { report.names }
    var decisions: RunDecisions { report.decisions }

    func text(_ english: String, _ chinese: String) -> String { report.text(english, chinese) }

    /// One letter: who sends it, to whom, about which members (dataset rows).
    struct Letter: Sendable {
        let number: Int
        let community: Int
        let addressee: String
        let members: [Int]
        let period: HalfYear
    }

    /// Every letter of the run, numbered from 1.
    var all: [Letter] {
        var letters: [Letter] = []
        for community in decisions.index.communityOrder {
            let result = decisions.results[community]
            guard let points = result.points?.value else { continue }
            var byAddressee: [String: [Int]] = [:]
            var period: HalfYear?
            for (position, decision) in points.enumerated() {
                guard let code = decision.details.letterTo else { continue }
                period = decision.details.period
                if code == "elsewhere" {
                    // A letter each: every such member's relation is held by another organisation.
                    let id = decisions.index.dataset.members[result.members[position]].id
                    byAddressee["elsewhere\u{0}" + id] = [result.members[position]]
                } else {
                    byAddressee[code, default: []].append(result.members[position])
                }
            }
            guard let period else { continue }
            for code in byAddressee.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                letters.append(
                    Letter(
                        number: letters.count + 1, community: community,
                        addressee: code.hasPrefix("elsewhere\u{0}") ? "elsewhere" : code,
                        members: byAddressee[code] ?? [], period: period))
            }
        }
        return letters
    }

    /// Where a letter is inside `letters/`: its community's file and its anchor there.
    func link(_ letter: Letter) -> String {
        report.communityFile(letter.community) + "#letter-" + String(letter.number)
    }

    /// The reference number: district, half-year, sequence (郫都区函〔2026〕上半年第3号).
    func reference(_ letter: Letter) -> String {
        let half = letter.period.isSecondHalf
        if report.language == .chinese {
            return "\(report.district)函〔\(letter.period.year)〕\(half ? "下" : "上")半年第\(letter.number)号"
        }
        let digits = String(letter.number)
        return "\(report.district)-\(letter.period)-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    func periodText(_ period: HalfYear) -> String {
        text(
            "\(period.isSecondHalf ? "the second" : "the first") half of \(period.year)",
            "\(period.year)年\(period.isSecondHalf ? "下" : "上")半年")
    }

    /// The two suggestions a grade gives.
    ///
    /// One for the democratic evaluation, one for the selection of outstanding members; the
    /// README lists them.
    func suggestions(_ grade: Grade) -> (evaluation: String, selection: String) {
        switch grade {
        case .excellent:
            return (
                text("Suggest rating as excellent.", "建议评为优秀。"),
                text("Recommend first as an outstanding member.", "建议作为评先选优人选优先推荐。")
            )
        case .qualified:
            return (
                text("Suggest rating as qualified.", "建议评为合格。"),
                text("May take part in the selection.", "可参加评先选优。")
            )
        case .attention:
            return (
                text(
                    "Suggest a talk and help before the evaluation; rate by how the member has done.",
                    "建议先行谈心谈话、帮助教育，再结合表现评议。"),
                text("Not recommended this half-year.", "本半年度暂不推荐。")
            )
        case .notGraded:
            return (
                text(
                    "A probationary member: the points are for the review of full membership.",
                    "预备党员，积分供转正考察参考。"),
                text("Not among the candidates.", "不列入评先选优。")
            )
        }
    }

    /// The body of one letter, a page of its own in print.
    ///
    /// `positions` gives each member's place among the community's members (by dataset row).
    func letterBody(_ letter: Letter, pageBreak: Bool, positions: [Int: Int]) -> HTML {
        let dataset = decisions.index.dataset
        let points = decisions.results[letter.community].points?.value ?? []
        let sender = names.partyOrganisation(of: letter.community)
        let addressee = names.addressee(letter.addressee)
        var html: HTML =
            "<article class=\"letter\(pageBreak ? " page-break" : "")\" id=\"letter-\(String(letter.number))\">"
        html += "<p class=\"reference\">\(reference(letter))</p>"
        html += "<h1>\(text("Letter on members' points", "关于党员积分情况的函"))</h1>"
        if letter.addressee == "elsewhere" {
            html += "<p class=\"to\">\(addressee)\(text(": ________________________", "：________________________"))</p>"
        } else {
            html += "<p class=\"to\">\(addressee)\(text(":", "："))</p>"
        }
        let count = letter.members.count
        html += "<p class=\"body\">"
        html += """
            \(text(
                "Under the points system of party members living in communities formed from villages, \(sender), \(report.district), sends you the points of \(count == 1 ? "a party member" : "\(count) party members") whose organisational relation you hold and who live in our community, for \(periodText(letter.period)), with our suggestions for the democratic evaluation and the selection of outstanding members. Please take them into account as you see fit.",
                "根据村转社区党员积分管理有关规定，现将组织关系在贵单位、居住在我社区的\(count)名党员\(periodText(letter.period))积分情况函告如下，并提出民主评议、评先选优的意见建议，请结合实际参考。"))
            """
        html += "</p>"
        html += "<table class=\"members\"><thead><tr>"
        for heading in [
            text("name", "姓名"), text("member id", "党员编号"), text("points", "本半年度积分"), text("grade", "评定等次"),
            text("democratic evaluation", "民主评议意见"), text("selection of outstanding members", "评先选优意见"),
        ] {
            html += "<th>\(heading)</th>"
        }
        html += "</tr></thead>"
        for member in letter.members {
            guard let position = positions[member], position < points.count else { continue }
            let decision = points[position]
            let (evaluation, selection) = suggestions(decision.outcome)
            html +=
                "<tr><td class=\"name\">\(names.name(dataset.members[member]))</td><td>\(dataset.members[member].id)</td>"
            html += "<td class=\"number\">\(decision.details.points.description)</td>"
            html +=
                "<td>\(decision.outcome.name(in: report.language))</td><td>\(evaluation)</td><td>\(selection)</td></tr>"
        }
        html += "</table>"
        html += "<p class=\"body\">\(text("With thanks for your support.", "特此函告。"))</p>"
        html += "<div class=\"signature\"><div class=\"seal\">\(text("Seal", "盖章处"))</div><div>"
        html += "<p>\(text("Sent by: ", "发函单位："))\(sender)</p>"
        html += "<p>\(report.district)</p>"
        html += "<p>\(text("Date: ", "日期："))\(report.dateText)</p></div></div>"
        html += "</article>\n"
        return html
    }

    static let letterStyle: HTML = """
        <style>
        article.letter{background:#fff;max-width:720px;margin:16px auto;padding:28px 36px;border:1px solid #d8dbe0}
        article.letter h1{text-align:center;font-size:22px;margin:8px 0 18px}
        .reference{text-align:right;color:#444;margin:0}
        .to{font-weight:bold;margin:12px 0 6px}
        .body{text-indent:2em;margin:6px 0}
        table.members{width:100%;margin:12px 0}
        table.members td:nth-child(-n+4){white-space:nowrap}
        .signature{display:flex;justify-content:flex-end;gap:28px;margin-top:28px;align-items:center}
        .signature p{margin:2px 0}
        .seal{width:110px;height:110px;border:1px dashed #a4161a;border-radius:50%;color:#a4161a;display:flex;align-items:center;justify-content:center}
        @media print{article.letter{border:none;margin:0;padding:0;max-width:none}}
        </style>
        """

    /// One community's letters, a printed page each.
    func page(community: Int, letters: [Letter]) -> HTML {
        var body: HTML = Self.letterStyle
        body += "<nav><a href=\"index.html\">\(text("All letters", "函告一览"))</a>"
        body += "<a href=\"../communities/\(report.communityFile(community))\">"
        body += "\(names.community(decisions.index.dataset.communities[community]))</a></nav>"
        let positions = Dictionary(
            uniqueKeysWithValues: decisions.results[community].members.enumerated().map { ($1, $0) })
        for (index, letter) in letters.enumerated() {
            body += letterBody(letter, pageBreak: index > 0, positions: positions)
        }
        return PageStyle.page(
            title: text("Letters", "函告") + " · " + names.partyOrganisation(of: community), footer: report.footer,
            language: report.language, pageNumbers: false, body: body)
    }

    var noLetters: String {
        text(
            "No letters this half-year: every member's relation is held by the community's own party organisation.",
            "本半年度无函告：所有党员的组织关系均在本社区党组织。")
    }

    /// The index: every letter with its sender, addressee and number of members.
    func indexPage(_ letters: [Letter]) -> HTML {
        var body: HTML = "<header><h1>\(report.district) · \(text("Letters on members' points", "党员积分函告"))</h1>"
        let period = letters.first.map { periodText($0.period) } ?? ""
        body += "<p>\(period)\(period.isEmpty ? "" : " · ")\(text("as of", "截至")) \(report.dateText)</p></header>"
        body += "<nav><a href=\"../report.html\">\(text("District report", "全区报告"))</a>"
        body += "</nav><main><section>"
        if letters.isEmpty {
            body += "<p>\(noLetters)</p>"
        } else {
            let members = letters.reduce(0) { $0 + $1.members.count }
            body +=
                "<p>\(text("\(letters.count) letters about \(members) members.", "共\(letters.count)封函告，涉及党员\(members)名。"))</p>"
            body += "<table><thead><tr><th>\(text("number", "文号"))</th><th>\(text("from", "发函单位"))</th>"
            body += "<th>\(text("to", "收函单位"))</th><th>\(text("members", "人数"))</th></tr></thead>"
            for letter in letters {
                body += "<tr><td><a href=\"\(link(letter))\">\(reference(letter))</a></td>"
                body += "<td>\(names.partyOrganisation(of: letter.community))</td>"
                body +=
                    "<td>\(names.addressee(letter.addressee))</td><td class=\"number\">\(letter.members.count)</td></tr>"
            }
            body += "</table>"
        }
        body += "</section></main>"
        return PageStyle.page(
            title: text("Letters", "函告") + " · " + report.district, footer: report.footer,
            language: report.language, body: body)
    }
}

import CharterData
import CharterEngine
import CharterRecords
import PolicyKit

/// One community's page (`communities/NNNN.html`).
///
/// What the office hands to that community, and what the district report links to. Stage, organisation and branches, members per management
/// class, alerts to follow up, the cadre slate, the points of the half-year, the governance
/// findings; names, not codes.
struct CommunityPage: Sendable {
    let report: ReportWriter
    var names: DisplayNames { report.names }
    var decisions: RunDecisions { report.decisions }

    func text(_ english: String, _ chinese: String) -> String { report.text(english, chinese) }

    /// The page of `community`.
    func page(_ community: Int) -> HTML {
        let row = decisions.index.dataset.communities[community]
        let title = "\(names.community(row)) · \(report.district)"
        var body: HTML = "<header><h1>\(names.community(row))</h1><p>"
        body +=
            "\(report.district)\(row.town.isEmpty ? "" : " · " + row.town) · \(text("as of", "截至")) \(report.dateText)"
        body += "</p></header>"
        body += "<nav><a href=\"../report.html\">\(text("District report", "全区报告"))</a>"
        body += "<a href=\"../letters/index.html\">\(text("Letters", "函告"))</a></nav><main>"
        body += section(community)
        body += "</main>"
        return PageStyle.page(title: title, footer: report.footer, language: report.language, body: body)
    }

    /// The community's whole section.
    func section(_ community: Int) -> HTML {
        let result = decisions.results[community]
        let row = decisions.index.dataset.communities[community]
        var html: HTML = "<section><p>"
        html += "<span class=\"tag\">\(text("Community", "社区编号")) \(row.id)</span>"
        if let stage = result.stage?.value {
            html += "<span class=\"tag\">\(text("Stage", "阶段")): \(stage.outcome.name(in: report.language))</span>"
        }
        if let governance = result.governance?.value {
            let css = governance.outcome == .complete ? "complete" : "gaps"
            html +=
                "<span class=\"tag \(css)\">\(text("Governance", "治理检查")): \(governance.outcome.name(in: report.language))</span>"
        }
        html += "<span class=\"tag\">\(text("Members", "党员")) \(result.members.count)</span></p>"
        html += organisation(result, row: row)
        html += management(result)
        html += slate(result, community: community)
        html += pointsChart(result)
        html += governance(result)
        return html + "</section>\n"
    }

    func reasonsList(_ reasons: [Reason], community: Int) -> HTML {
        guard !reasons.isEmpty else { return "" }
        return "<ul class=\"muted\">"
            + HTML.joined(reasons.map { "<li>\(names.reason($0, community: community))</li>" }) + "</ul>"
    }

    func memberList(_ members: [Int]) -> HTML {
        let dataset = decisions.index.dataset
        let limit = ReportWriter.listLimit
        var list = members.prefix(limit).map { names.person(dataset.members[$0]) }.joined(separator: "、")
        if members.count > limit {
            list += text(
                " and \(members.count - limit) more (see members.csv)", " 等，另有\(members.count - limit)名见 members.csv")
        }
        return "\(list)"
    }

    func organisation(_ result: CommunityResult, row: Community) -> HTML {
        guard let setup = result.branchSetup?.value else { return "" }
        let details = setup.details
        let language = report.language
        var html: HTML = "<div class=\"keep\"><h3>\(text("Party organisation", "党组织设置"))</h3>"
        html += "<ul class=\"tree\"><li><b>\(setup.outcome.name(in: language))</b> · "
        html += "\(text("full members", "正式党员")) \(details.fullMembers) · "
        html += "\(text("committee seats", "委员职数")) \(details.committeeSeats) · "
        html += "\(text("secretary", "书记")): \(details.secretarySource.name(in: language))"
        if !details.partTimeUnits.isEmpty {
            let units = decisions.index.unitsByCommunity[result.community].map { decisions.index.dataset.units[$0] }
            let unitNames = details.partTimeUnits.map { id in
                units.first { $0.id == id }.map { $0.name.isEmpty ? id : $0.name } ?? id
            }
            html += " · \(text("part-time members from", "兼职委员单位")): \(unitNames.joined(separator: "、"))"
        }
        if !details.branches.isEmpty {
            html += "<ul class=\"tree\">"
            for branch in details.branches {
                html += "<li>\(names.branch(branch.id, in: row)) · \(branch.members.count)\(text(" members", "名党员")) · "
                html +=
                    branch.committeeSeats == 0
                    ? "\(text("a secretary only", "只设书记"))"
                    : "\(text("committee of \(branch.committeeSeats)", "委员\(branch.committeeSeats)名"))"
                html += "</li>"
            }
            html += "</ul>"
        }
        html += "</li></ul></div>" + reasonsList(setup.reasons, community: result.community)
        return html
    }

    func management(_ result: CommunityResult) -> HTML {
        guard let decided = result.management?.value else { return "" }
        let language = report.language
        var byClass: [ManagementClass: Int] = [:]
        decided.countOutcomes(into: &byClass)
        var byAlert: [ManagementAlert: [Int]] = [:]
        for (position, decision) in decided.enumerated() {
            for alert in decision.details.alerts { byAlert[alert, default: []].append(result.members[position]) }
        }
        var html: HTML = "<div class=\"keep\"><h3>\(text("Member management", "党员分类管理"))</h3><table><thead><tr>"
        html += HTML.joined(ManagementClass.allCases.map { "<th>\($0.name(in: language))</th>" })
        html += "</tr></thead><tr>"
        html += HTML.joined(ManagementClass.allCases.map { "<td class=\"number\">\(byClass[$0] ?? 0)</td>" })
        html += "</tr></table></div>"
        if byAlert.isEmpty {
            html += "<p class=\"muted\">\(text("No alerts to follow up.", "无需跟进的提醒。"))</p>"
        } else {
            html += "<h3>\(text("Alerts to follow up", "需跟进的提醒"))</h3><table><thead><tr>"
            html += "<th>\(text("alert", "提醒"))</th><th>\(text("members", "人数"))</th><th>\(text("who", "名单"))</th>"
            html += "</tr></thead>"
            for alert in byAlert.keys.sorted() {
                let members = byAlert[alert] ?? []
                let name = language == .chinese ? alert.chineseName : alert.englishName
                html +=
                    "<tr><td>\(name)</td><td class=\"number\">\(members.count)</td><td>\(memberList(members))</td></tr>"
            }
            html += "</table>"
        }
        return html
    }

    func slate(_ result: CommunityResult, community: Int) -> HTML {
        guard let seats = result.seats?.value, !seats.isEmpty else { return "" }
        let dataset = decisions.index.dataset
        let language = report.language
        func member(_ id: String) -> String {
            decisions.memberIndex(of: id, inCommunity: community).map { names.person(dataset.members[$0]) } ?? id
        }
        var html: HTML = "<h3>\(text("Cadre slate", "干部人选"))</h3><table><thead><tr>"
        for heading in [
            text("body", "组织"), text("post", "职务"), text("seat", "席位"), text("outcome", "结果"), text("who", "人选"),
            text("score", "得分"), text("alternates", "候补"),
        ] {
            html += "<th>\(heading)</th>"
        }
        html += "</tr></thead>"
        decisions.forEachSeat(ofCommunity: community) { post, seat, decision in
            let who: String
            switch decision.outcome {
            case .selected:
                who = decision.details.member.map(member) ?? ""
            case .appointed:
                let appointee = decision.details.appointee ?? ""
                who =
                    text("appointed: ", "委派：")
                    + (appointee.isEmpty
                        ? text("(not named)", "（未明确）") : (report.redact ? Redaction.name(appointee) : appointee))
            case .vacant:
                who = decision.reasons.last.map { names.reason($0, community: community) } ?? ""
            }
            let alternates = decision.details.alternates.map(member).joined(separator: "、")
            html += "<tr><td>\(post.body.name(in: language))</td><td>\(post.title.name(in: language))</td>"
            html += "<td class=\"number\">\(seat)</td><td>\(decision.outcome.name(in: language))</td>"
            html += "<td>\(who)</td><td class=\"number\">\(decision.details.score?.description ?? "")</td>"
            html += "<td>\(alternates)</td></tr>"
        }
        return html + "</table>"
    }

    func pointsChart(_ result: CommunityResult) -> HTML {
        guard let points = result.points?.value, !points.isEmpty else { return "" }
        let language = report.language
        var byGrade: [Grade: Int] = [:]
        points.countOutcomes(into: &byGrade)
        var bands = Array(repeating: 0, count: 5)
        var letters = 0
        for decision in points {
            let value = decision.details.points
            let band =
                value < Amount(60) ? 0 : value < Amount(70) ? 1 : value < Amount(80) ? 2 : value < Amount(90) ? 3 : 4
            bands[band] += 1
            if decision.details.letterTo != nil { letters += 1 }
        }
        var html: HTML = "<div class=\"keep\"><h3>\(text("Points this half-year", "本半年度积分"))</h3>"
        html += HTML.barChart(
            [
                (text("below 60", "60分以下"), bands[0], "#c0392b"), ("60–69", bands[1], "#e67e22"),
                ("70–79", bands[2], "#f1c40f"), ("80–89", bands[3], "#27ae60"),
                (text("90 and over", "90分及以上"), bands[4], "#1e8449"),
            ].map { (label: $0.0, value: $0.1, color: $0.2) }, width: 480, title: text("Points distribution", "积分分布"))
        html += "<p>"
        html += HTML.joined(
            Grade.allCases.map { "<span class=\"tag\">\($0.name(in: language)) \(byGrade[$0] ?? 0)</span>" })
        html += "<span class=\"tag\">\(text("letters (函告)", "函告")) \(letters)</span></p></div>"
        return html
    }

    func governance(_ result: CommunityResult) -> HTML {
        guard let decision = result.governance?.value else { return "" }
        let language = report.language
        var html: HTML = "<h3>\(text("Governance checks", "五项引领、素质提升、制度保障、三个带头"))</h3>"
        guard decision.outcome == .gaps else {
            return html + "<p class=\"complete tag\">\(text("All checks passed.", "各项检查均达标。"))</p>"
        }
        html += "<table><thead><tr><th>\(text("finding", "缺项"))</th><th>\(text("concerned", "涉及"))</th></tr></thead>"
        for rule in decision.rules.map(\.id) {
            let concerned = decision.details.concerned[rule] ?? []
            let members = decisions.memberIndices(of: concerned, inCommunity: result.community).compactMap { $0 }
            let who: HTML
            if !concerned.isEmpty, members.count == concerned.count {
                who = "\(text("\(concerned.count) members: ", "\(concerned.count)名："))" + memberList(members)
            } else {
                who =
                    "\(concerned.map { GovernanceBodyKind(rawValue: $0)?.name(in: language) ?? $0 }.joined(separator: "、"))"
            }
            html += "<tr><td>\(names.ruleName(rule, limit: 80))</td><td>\(who)</td></tr>"
        }
        return html + "</table>" + reasonsList(decision.reasons, community: result.community)
    }
}

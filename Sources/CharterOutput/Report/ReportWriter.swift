import CharterData
public import CharterEngine
import CharterModules
public import PolicyKit

/// Writes `report.html`: one self-contained page (no scripts, no network) that a district office
/// reads: the district's totals, then per community its stage, organisation and branch tree,
/// members per management class, alerts to follow up, the cadre slate, the points distribution
/// and the governance findings.
///
/// The page summarises; it lists at most a few members per alert or finding and points to the CSV
/// tables for the rest, so that it stays small for a whole city.
public struct ReportWriter: Sendable {
    /// What the run decided.
    public let decisions: RunDecisions
    /// The district's name.
    public let district: String
    /// The run's as-of date.
    public let asOf: CivilDate
    /// The page's language.
    public let language: Language
    /// Whether to mask names and phones.
    public let redact: Bool
    /// The modules that decided, for rule meanings.
    public let plan: RunPlan

    /// How many members an alert or finding lists before pointing to the tables.
    static let listLimit = 12

    /// Creates a writer.
    public init(
        decisions: RunDecisions, district: String, asOf: CivilDate, language: Language, redact: Bool, plan: RunPlan
    ) {
        self.decisions = decisions
        self.district = district
        self.asOf = asOf
        self.language = language
        self.redact = redact
        self.plan = plan
        var meanings: [String: Reason] = [:]
        for module in plan.modules {
            for rule in module.metadata.rules where meanings[rule.id] == nil { meanings[rule.id] = rule.meaning }
        }
        self.ruleMeanings = meanings
    }

    func text(_ english: String, _ chinese: String) -> String { language == .chinese ? chinese : english }

    /// Writes the page to `path`.
    public func write(to path: String, jobs: Int = 1) throws(OutputError) {
        _ = try PiecedOutput.write([file(path)], jobs: jobs)
    }

    /// Communities per piece of the report.
    static let communityPiece = 32

    /// The report as pieces: the head, summary and index first, then the communities' sections a
    /// few at a time, then the end of the page.
    func file(_ path: String) -> PiecedFile {
        let order = decisions.index.communityOrder
        let sections = (order.count + Self.communityPiece - 1) / Self.communityPiece
        return PiecedFile(path: path, pieces: sections + 2) { piece, bytes in
            if piece == 0 {
                bytes += head().utf8
                bytes += districtSummary().utf8
                bytes += communityIndex().utf8
            } else if piece <= sections {
                let start = (piece - 1) * Self.communityPiece
                for community in order[start..<min(start + Self.communityPiece, order.count)] {
                    bytes += communitySection(community).utf8
                }
            } else {
                bytes += "</main></body></html>\n".utf8
            }
        }
    }

    public let ruleMeanings: [String: Reason]

    func head() -> String {
        let title = text("Party organisation report", "党组织建设决策报告")
        let date = language == .chinese ? asOf.chineseText : asOf.description
        var html = """
            <!DOCTYPE html>
            <html lang="\(language == .chinese ? "zh-CN" : "en")"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(district)) · \(title)</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f7f9;line-height:1.5}
            header{background:#a4161a;color:#fff;padding:18px 28px}header h1{margin:0;font-size:24px}header p{margin:4px 0 0}
            main{padding:12px 28px;max-width:1100px}
            section{background:#fff;border:1px solid #d8dbe0;border-radius:6px;padding:14px 20px;margin:16px 0}
            h2{font-size:20px;margin:0 0 8px}h3{font-size:16px;margin:14px 0 6px}
            table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #d8dbe0;padding:3px 8px;text-align:left;font-size:14px;vertical-align:top}
            th{background:#f0f2f5}.tag{display:inline-block;border-radius:4px;padding:0 6px;margin-right:6px;font-size:13px;background:#eef1f5}
            .gaps{background:#fde2e1;color:#8a1c1c}.complete{background:#dff3e4;color:#1a5e2a}
            ul.tree{margin:4px 0;padding-left:20px}.muted{color:#656d76;font-size:13px}
            svg.chart text{font-size:12px;fill:#1f2328;font-family:inherit}
            </style></head><body>
            <header><h1>\(HTML.escape(district)) · \(title)</h1>
            <p>\(text("As of", "截至")) \(date) · \(text("modules", "决策模块")): 
            """
        html += plan.decidedPoints.compactMap { point -> String? in
            guard let pointPlan = plan.points[point] else { return nil }
            var entry = "\(pointName(point)) \(pointPlan.base.label)"
            for stage in Stage.allCases {
                if let selection = pointPlan.byStage[stage] {
                    entry += "（\(stage.name(in: language))：\(selection.label)）"
                }
            }
            return HTML.escape(entry)
        }.joined(separator: " · ")
        html += "</p></header><main>\n"
        return html
    }

    func pointName(_ point: ExtensionPoint) -> String {
        language == .chinese ? point.chineseName : point.rawValue.replacingUnderscores()
    }

    func districtSummary() -> String {
        let counts = decisions.outcomeCounts
        var html = "<section><h2>\(text("District summary", "全区概况"))</h2>"
        let dataset = decisions.index.dataset
        html +=
            "<p>\(text("Communities", "社区")) <b>\(dataset.communities.count)</b> · \(text("members", "党员")) <b>\(dataset.members.count)</b>\(text("", "名")) · \(text("seats", "职位席位")) <b>\(dataset.posts.reduce(0) { $0 + $1.seats })</b></p>"
        for point in decisions.points {
            let outcomes = counts[point] ?? [:]
            html += "<h3>\(HTML.escape(pointName(point)))</h3><table><tr>"
            let codes = point.outcomeCodes.filter { outcomes[$0] != nil }
            html += codes.map { "<th>\(HTML.escape(point.outcomeName($0, in: language)))</th>" }.joined()
            html += "</tr><tr>" + codes.map { "<td>\(outcomes[$0] ?? 0)</td>" }.joined() + "</tr></table>"
        }
        if decisions.points.contains(.governance) {
            var failing: [String: Int] = [:]
            for result in decisions.results {
                for finding in result.governance?.value.details.findings ?? [] { failing[finding, default: 0] += 1 }
            }
            html += "<h3>\(text("Governance checks failing, by number of communities", "各项治理检查未达标的社区数"))</h3>"
            if failing.isEmpty {
                html += "<p>\(text("Every community passed every check.", "所有社区各项检查均达标。"))</p>"
            } else {
                let bars = failing.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { rule, count in
                    (label: rule, value: count, color: "#c0392b")
                }
                let labelled = bars.map { bar in
                    (label: shortName(bar.label, ruleMeanings[bar.label]), value: bar.value, color: bar.color)
                }
                html += HTML.barChart(labelled, width: 640, title: text("Failing checks", "未达标检查"))
                html +=
                    "<table><tr><th>\(text("check", "检查项"))</th><th>\(text("communities", "社区数"))</th><th>\(text("meaning", "含义"))</th></tr>"
                for bar in bars {
                    html +=
                        "<tr><td>\(HTML.escape(bar.label))</td><td>\(bar.value)</td><td>\(HTML.escape(ruleMeanings[bar.label]?.text(in: language) ?? ""))</td></tr>"
                }
                html += "</table>"
            }
        }
        return html + "</section>\n"
    }

    /// One row per community, linked to its section: what a reader scans first in a city.
    func communityIndex() -> String {
        let dataset = decisions.index.dataset
        var html = "<section><h2>\(text("Communities", "社区一览"))</h2><table><tr>"
        html += [
            text("community", "社区"), text("town", "镇（街道）"), text("stage", "阶段"), text("organisation", "党组织"),
            text("members", "党员"), text("governance", "治理检查"),
        ].map { "<th>\($0)</th>" }.joined()
        html += "</tr>"
        for community in decisions.index.communityOrder {
            let row = dataset.communities[community]
            let result = decisions.results[community]
            let name = row.name.isEmpty ? row.id : "\(row.name)（\(row.id)）"
            let governance = result.governance?.value
            let findings = governance.map { $0.details.findings.count } ?? 0
            html += "<tr><td><a href=\"#c-\(HTML.escape(row.id))\">\(HTML.escape(name))</a></td>"
            html += "<td>\(HTML.escape(row.town))</td>"
            html += "<td>\(HTML.escape(result.stage?.value.outcome.name(in: language) ?? ""))</td>"
            html += "<td>\(HTML.escape(result.branchSetup?.value.outcome.name(in: language) ?? ""))</td>"
            html += "<td>\(result.members.count)</td><td>"
            if let governance {
                html += HTML.escape(governance.outcome.name(in: language))
                if findings > 0 { html += text(" (\(findings))", "（\(findings)项）") }
            }
            html += "</td></tr>"
        }
        return html + "</table></section>\n"
    }

    /// A check's short name for a chart: the part of its meaning before the first colon, with its
    /// rule id (政治引领 · gov.policy-briefing), or the id alone.
    func shortName(_ rule: String, _ meaning: Reason?) -> String {
        guard let text = meaning?.text(in: language) else { return rule }
        let head = text.split(whereSeparator: { $0 == "：" || $0 == ":" }).first.map(String.init) ?? ""
        guard !head.isEmpty, head.count <= 16, head != text else { return rule }
        return "\(head) · \(rule)"
    }

    func personName(_ member: Member) -> String {
        let name = member.name.isEmpty ? member.id : (redact ? Redaction.name(member.name) : member.name)
        return "\(name)（\(member.id)）"
    }

    func memberList(_ ids: [Int]) -> String {
        let members = decisions.index.dataset.members
        var html = ids.prefix(ReportWriter.listLimit).map { HTML.escape(personName(members[$0])) }
            .joined(separator: "、")
        if ids.count > ReportWriter.listLimit {
            html += text(
                " and \(ids.count - ReportWriter.listLimit) more (see members.csv)",
                " 等，另有\(ids.count - ReportWriter.listLimit)名见 members.csv")
        }
        return html
    }

    func communitySection(_ community: Int) -> String {
        let dataset = decisions.index.dataset
        let result = decisions.results[community]
        let row = dataset.communities[community]
        var html = "<section id=\"c-\(HTML.escape(row.id))\"><h2>\(HTML.escape(row.name.isEmpty ? row.id : row.name)) "
        html +=
            "<span class=\"muted\">\(HTML.escape(row.id))\(row.town.isEmpty ? "" : " · " + HTML.escape(row.town))</span></h2><p>"
        if let stage = result.stage?.value {
            html +=
                "<span class=\"tag\">\(text("Stage", "阶段")): \(HTML.escape(stage.outcome.name(in: language)))</span>"
        }
        if let governance = result.governance?.value {
            let css = governance.outcome == .complete ? "complete" : "gaps"
            html +=
                "<span class=\"tag \(css)\">\(text("Governance", "治理检查")): \(HTML.escape(governance.outcome.name(in: language)))</span>"
        }
        html += "<span class=\"tag\">\(text("Members", "党员")) \(result.members.count)</span></p>"
        html += organisation(result)
        html += management(result)
        html += slate(result, community: community)
        html += pointsChart(result)
        html += governance(result)
        return html + "</section>\n"
    }

    func reasonsList(_ reasons: [Reason]) -> String {
        reasons.isEmpty
            ? ""
            : "<ul class=\"muted\">" + reasons.map { "<li>\(HTML.escape($0.text(in: language)))</li>" }.joined()
                + "</ul>"
    }

    func organisation(_ result: CommunityResult) -> String {
        guard let setup = result.branchSetup?.value else { return "" }
        let details = setup.details
        var html = "<h3>\(text("Party organisation", "党组织设置"))</h3>"
        html += "<ul class=\"tree\"><li><b>\(HTML.escape(setup.outcome.name(in: language)))</b> · "
        html += text("full members", "正式党员") + " \(details.fullMembers) · "
        html += text("committee seats", "委员职数") + " \(details.committeeSeats) · "
        html += text("secretary", "书记") + ": \(HTML.escape(details.secretarySource.name(in: language)))"
        if !details.partTimeUnits.isEmpty {
            let units = decisions.index.unitsByCommunity[result.community].map { decisions.index.dataset.units[$0] }
            let names = details.partTimeUnits.map { id in
                units.first { $0.id == id }.map { $0.name.isEmpty ? id : $0.name } ?? id
            }
            html += " · " + text("part-time members from", "兼职委员单位") + ": " + HTML.escape(names.joined(separator: "、"))
        }
        if !details.branches.isEmpty {
            html += "<ul class=\"tree\">"
            for branch in details.branches {
                html += "<li>\(HTML.escape(branch.id)) · \(branch.members.count)\(text(" members", "名党员")) · "
                html +=
                    branch.committeeSeats == 0
                    ? text("a secretary only", "只设书记")
                    : text("committee of \(branch.committeeSeats)", "委员\(branch.committeeSeats)名")
                html += "</li>"
            }
            html += "</ul>"
        }
        html += "</li></ul>" + reasonsList(setup.reasons)
        return html
    }

    func management(_ result: CommunityResult) -> String {
        guard let decided = result.management?.value else { return "" }
        var byClass: [ManagementClass: Int] = [:]
        decided.countOutcomes(into: &byClass)
        var byAlert: [ManagementAlert: [Int]] = [:]
        decided.withUnsafeBufferPointer { decided in
            for position in decided.indices where !decided[position].details.alerts.isEmpty {
                for alert in decided[position].details.alerts {
                    byAlert[alert, default: []].append(result.members[position])
                }
            }
        }
        var html = "<h3>\(text("Member management", "党员分类管理"))</h3><table><tr>"
        html += ManagementClass.allCases.map { "<th>\(HTML.escape($0.name(in: language)))</th>" }.joined()
        html += "</tr><tr>" + ManagementClass.allCases.map { "<td>\(byClass[$0] ?? 0)</td>" }.joined() + "</tr></table>"
        if byAlert.isEmpty {
            html += "<p class=\"muted\">\(text("No alerts to follow up.", "无需跟进的提醒。"))</p>"
        } else {
            html +=
                "<table><tr><th>\(text("alert to follow up", "需跟进的提醒"))</th><th>\(text("members", "人数"))</th><th>\(text("who", "名单"))</th></tr>"
            for alert in byAlert.keys.sorted() {
                let ids = byAlert[alert] ?? []
                html +=
                    "<tr><td>\(HTML.escape(language == .chinese ? alert.chineseName : alert.englishName))</td><td>\(ids.count)</td><td>\(memberList(ids))</td></tr>"
            }
            html += "</table>"
        }
        return html
    }

    func slate(_ result: CommunityResult, community: Int) -> String {
        guard let seats = result.seats?.value, !seats.isEmpty else { return "" }
        let dataset = decisions.index.dataset
        func member(_ id: String) -> Member? {
            decisions.memberIndex(of: id, inCommunity: community).map { dataset.members[$0] }
        }
        var html =
            "<h3>\(text("Cadre slate", "干部人选"))</h3><table><tr><th>\(text("body", "组织"))</th><th>\(text("post", "职务"))</th>"
        html +=
            "<th>\(text("seat", "席位"))</th><th>\(text("outcome", "结果"))</th><th>\(text("who", "人选"))</th><th>\(text("score", "得分"))</th><th>\(text("alternates", "候补"))</th></tr>"
        decisions.forEachSeat(ofCommunity: community) { post, seat, decision in
            let who: String
            switch decision.outcome {
            case .selected:
                who = decision.details.member.map { id in member(id).map(personName) ?? id } ?? ""
            case .appointed:
                let appointee = decision.details.appointee ?? ""
                who =
                    text("appointed: ", "委派：")
                    + (appointee.isEmpty
                        ? text("(not named)", "（未明确）") : (redact ? Redaction.name(appointee) : appointee))
            case .vacant:
                who = decision.reasons.last?.text(in: language) ?? ""
            }
            let alternates = decision.details.alternates.map { id in member(id).map(personName) ?? id }
            html +=
                "<tr><td>\(HTML.escape(post.body.name(in: language)))</td><td>\(HTML.escape(post.title.name(in: language)))</td>"
            html += "<td>\(seat)</td><td>\(HTML.escape(decision.outcome.name(in: language)))</td>"
            html += "<td>\(HTML.escape(who))</td><td>\(decision.details.score?.description ?? "")</td>"
            html += "<td>\(HTML.escape(alternates.joined(separator: "、")))</td></tr>"
        }
        return html + "</table>"
    }

    func pointsChart(_ result: CommunityResult) -> String {
        guard let points = result.points?.value, !points.isEmpty else { return "" }
        var byGrade: [Grade: Int] = [:]
        points.countOutcomes(into: &byGrade)
        var bands = Array(repeating: 0, count: 5)
        var letters = 0
        points.withUnsafeBufferPointer { points in
            for index in points.indices {
                let value = points[index].details.points
                let band =
                    value < Amount(60)
                    ? 0 : value < Amount(70) ? 1 : value < Amount(80) ? 2 : value < Amount(90) ? 3 : 4
                bands[band] += 1
                if points[index].details.letterTo != nil { letters += 1 }
            }
        }
        var html = "<h3>\(text("Points this half-year", "本半年度积分"))</h3>"
        html += HTML.barChart(
            [
                (text("below 60", "60分以下"), bands[0], "#c0392b"), ("60–69", bands[1], "#e67e22"),
                ("70–79", bands[2], "#f1c40f"), ("80–89", bands[3], "#27ae60"),
                (text("90 and over", "90分及以上"), bands[4], "#1e8449"),
            ].map { (label: $0.0, value: $0.1, color: $0.2) }, width: 480, title: text("Points distribution", "积分分布"))
        html +=
            "<p>"
            + Grade.allCases.map {
                "<span class=\"tag\">\(HTML.escape($0.name(in: language))) \(byGrade[$0] ?? 0)</span>"
            }.joined()
        html += "<span class=\"tag\">\(text("letters (函告)", "函告")) \(letters)</span></p>"
        return html
    }

    func governance(_ result: CommunityResult) -> String {
        guard let decision = result.governance?.value else { return "" }
        var html = "<h3>\(text("Governance checks", "五项引领、素质提升、制度保障、三个带头"))</h3>"
        guard decision.outcome == .gaps else {
            return html + "<p class=\"complete tag\">\(text("All checks passed.", "各项检查均达标。"))</p>"
        }
        html +=
            "<table><tr><th>\(text("finding", "缺项"))</th><th>\(text("what it means", "说明"))</th><th>\(text("concerned", "涉及"))</th></tr>"
        for rule in decision.rules {
            let concerned = decision.details.concerned[rule] ?? []
            let memberIDs = decisions.memberIndices(of: concerned, inCommunity: result.community).compactMap { $0 }
            let who: String
            if !concerned.isEmpty, memberIDs.count == concerned.count {
                who = text("\(concerned.count) members: ", "\(concerned.count)名：") + memberList(memberIDs)
            } else {
                who = HTML.escape(
                    concerned.map { GovernanceBodyKind(rawValue: $0)?.name(in: language) ?? $0 }.joined(separator: "、"))
            }
            html +=
                "<tr><td>\(HTML.escape(rule))</td><td>\(HTML.escape(ruleMeanings[rule]?.text(in: language) ?? ""))</td><td>\(who)</td></tr>"
        }
        return html + "</table>" + reasonsList(decision.reasons)
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}

import CharterData
public import CharterEngine
import CharterModules
import CharterRecords
import CharterSupport
public import PolicyKit

/// Writes the pages a district office reads and prints: `report.html`, the district's summary
/// and the index of its communities; `communities/NNNN.html`, a page per community, to hand to it;
/// and `letters/`, the half-year letters (函告) with their index.
///
/// The pages are self-contained (no scripts, no network), print on A4, and name rules, branches,
/// members and places as an office does; codes stay in `decisions.jsonl` and the CSV tables. The
/// report itself lists no member, so that it opens quickly for a whole city.
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
    /// Each declared rule's meaning, by rule id (the first module to declare it).
    public let ruleMeanings: [String: Text]

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
        var meanings: [String: Text] = [:]
        for module in plan.modules {
            for rule in module.metadata.rules where meanings[rule.id] == nil { meanings[rule.id] = rule.meaning }
        }
        self.ruleMeanings = meanings
        var places = [Int](repeating: 0, count: decisions.index.communityOrder.count)
        for (place, community) in decisions.index.communityOrder.enumerated() { places[community] = place }
        self.places = places
        names = DisplayNames(decisions: decisions, meanings: meanings, language: language, redact: redact)
    }

    /// Each community's place in the community order, by its row.
    let places: [Int]
    /// The documents the profile's values in force come from (依据), each with the values it set
    /// (`policies.POINT.params.NAME = VALUE`), in the order the profile names them.
    public var bases: [(basis: String, values: [(path: String, value: String)])] = []

    func text(_ english: String, _ chinese: String) -> String { language == .chinese ? chinese : english }

    /// How the pages name things (made once: the pages ask it for every member they name).
    let names: DisplayNames

    /// The as-of date as the pages write it (2026年6月30日).
    var dateText: String { language == .chinese ? asOf.chineseText : asOf.description }

    /// The footer of every printed page.
    ///
    /// The pages are a function of the dataset, the profile and
    /// the as-of date (byte for byte), so the date they print is the as-of date, not the clock's.
    var footer: String {
        text("\(district) · as of \(dateText) · written by Charter", "\(district) · 数据截至\(dateText) · Charter生成")
    }

    /// The file name of a community's page inside `communities/`: its place in the community
    /// order, so that any id makes a safe name.
    func communityFile(_ community: Int) -> String {
        let digits = String(places[community] + 1)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ".html"
    }

    /// Writes `report.html` alone to `path`.
    public func write(to path: String, jobs: Int = 1) throws(OutputError) {
        _ = try PiecedOutput.write([file(path)], jobs: jobs)
    }

    /// Communities per piece of the report's index.
    static let communityPiece = 256

    /// `report.html` as pieces: the head and summary, the index a few hundred communities at a
    /// time, then the end of the page.
    func file(_ path: String) -> PiecedFile {
        let order = decisions.index.communityOrder
        let sections = (order.count + Self.communityPiece - 1) / Self.communityPiece
        return PiecedFile(path: path, pieces: sections + 2) { piece, bytes in
            if piece == 0 {
                bytes += reportHead().markup.utf8
            } else if piece <= sections {
                let start = (piece - 1) * Self.communityPiece
                bytes += indexRows(order[start..<min(start + Self.communityPiece, order.count)]).markup.utf8
            } else {
                bytes += ("</tbody></table></section></main>" + PageStyle.end).markup.utf8
            }
        }
    }

    /// The report's other pages: one per community and the letters, each a whole file, as
    /// (path inside the output folder, bytes).
    func pages() -> [(path: String, bytes: @Sendable () -> [UInt8])] {
        var pages: [(path: String, bytes: @Sendable () -> [UInt8])] = []
        let community = CommunityPage(report: self)
        for index in decisions.index.communityOrder {
            pages.append(("communities/" + communityFile(index), { Array(community.page(index).markup.utf8) }))
        }
        let writer = Letters(report: self)
        let letters = writer.all
        pages.append(("letters/index.html", { Array(writer.indexPage(letters).markup.utf8) }))
        var byCommunity: [Int: [Letters.Letter]] = [:]
        for letter in letters { byCommunity[letter.community, default: []].append(letter) }
        for index in decisions.index.communityOrder {
            guard let mine = byCommunity[index] else { continue }
            pages.append(
                ("letters/" + communityFile(index), { Array(writer.page(community: index, letters: mine).markup.utf8) })
            )
        }
        return pages
    }

    /// The page's head, header, the district summary and the start of the communities' index.
    func reportHead() -> HTML {
        let title = text("Party organisation report", "党组织建设决策报告")
        var body: HTML = "<header><h1>\(district) · \(title)</h1>"
        body += "<p>\(text("As of", "截至")) \(dateText) · \(text("modules", "决策模块")): "
        body += "\(modulesInForce)</p></header>"
        body += "<nav><a href=\"#summary\">\(text("District summary", "全区概况"))</a>"
        body += "<a href=\"#communities\">\(text("Communities", "社区一览"))</a>"
        body += "<a href=\"letters/index.html\">\(text("Letters", "函告"))</a></nav><main>\n"
        body += districtSummary()
        body += basisSection()
        body += indexStart()
        // The page goes on with the index's rows; the last piece ends it.
        return PageStyle.start(title: "\(district) · \(title)", footer: footer, language: language) + body
    }

    /// Which module decides each point, with the stages that have their own.
    var modulesInForce: String {
        plan.decidedPoints.compactMap { point -> String? in
            guard let pointPlan = plan.points[point] else { return nil }
            var entry = "\(pointName(point)) \(pointPlan.base.label)"
            for stage in Stage.allCases {
                if let selection = pointPlan.byStage[stage] {
                    entry += "（\(stage.name(in: language))：\(selection.label)）"
                }
            }
            return entry
        }.joined(separator: " · ")
    }

    func pointName(_ point: ExtensionPoint) -> String {
        language == .chinese ? point.chineseName : point.rawValue.replacingUnderscores()
    }

    func districtSummary() -> HTML {
        let counts = decisions.outcomeCounts
        let dataset = decisions.index.dataset
        var html: HTML = "<section id=\"summary\"><h2>\(text("District summary", "全区概况"))</h2>"
        html += "<p>\(text("Communities", "社区")) <b>\(dataset.communities.count)</b> · "
        html += "\(text("members", "党员")) <b>\(dataset.members.count)</b>\(text("", "名")) · "
        html += "\(text("seats", "职位席位")) <b>\(dataset.posts.reduce(0) { $0 + $1.seats })</b></p>"
        for point in decisions.points {
            let outcomes = counts[point] ?? [:]
            let codes = point.outcomeCodes.filter { outcomes[$0] != nil }
            html += "<div class=\"keep\"><h3>\(pointName(point))</h3><table><thead><tr>"
            html += HTML.joined(codes.map { "<th>\(point.outcomeName($0, in: language))</th>" })
            html += "</tr></thead><tr>"
            html += HTML.joined(codes.map { "<td class=\"number\">\(outcomes[$0] ?? 0)</td>" }) + "</tr></table></div>"
        }
        if decisions.points.contains(.governance) {
            var failing: [String: Int] = [:]
            for result in decisions.results {
                for finding in result.governance?.value.details.findings ?? [] { failing[finding, default: 0] += 1 }
            }
            let heading = text("Governance checks failing, by number of communities", "各项治理检查未达标的社区数")
            if failing.isEmpty {
                html += "<h3>\(heading)</h3><p>\(text("Every community passed every check.", "所有社区各项检查均达标。"))</p>"
            } else {
                let names = self.names
                let bars = failing.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                html += "<div class=\"keep\"><h3>\(heading)</h3>"
                html += HTML.barChart(
                    bars.map { (label: names.ruleName($0.key, limit: 20), value: $0.value, color: "#c0392b") },
                    width: 640,
                    title: text("Failing checks", "未达标检查"))
                html += "</div><table><thead><tr><th>\(text("check", "检查项"))</th>"
                html += "<th>\(text("communities", "社区数"))</th></tr></thead>"
                for bar in bars {
                    html +=
                        "<tr><td>\(names.ruleName(bar.key, limit: 80))</td><td class=\"number\">\(bar.value)</td></tr>"
                }
                html += "</table>"
            }
        }
        return html + "</section>\n"
    }

    /// The documents in force and the values each set (依据).
    func basisSection() -> HTML {
        guard !bases.isEmpty else { return "" }
        var html: HTML = "<section id=\"basis\"><h2>\(text("Documents in force", "依据"))</h2>"
        let note = text(
            "The documents the profile's values in force on \(dateText) come from.", "截至\(dateText)有效的配置值所依据的文件。")
        html += "<p class=\"muted\">\(note)</p>"
        html += "<table><thead><tr><th>\(text("document", "文件"))</th><th>\(text("values it sets", "规定的配置值"))</th>"
        html += "</tr></thead>"
        for (basis, values) in bases {
            let list = values.map { "\(readablePath($0.path)) = \($0.value)" }.joined(separator: "；")
            html += "<tr><td>\(basis)</td><td>\(list)</td></tr>"
        }
        return html + "</table></section>\n"
    }

    /// A profile's JSON path as a person reads it: 党员分类管理 · mobileAfterMonths.
    func readablePath(_ path: String) -> String {
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count >= 2, parts[0] == "policies", let point = ExtensionPoint(rawValue: parts[1]) else {
            return path
        }
        var shown = pointName(point)
        if parts.count >= 4, parts[2] == "stages", let stage = Stage(rawValue: parts[3]) {
            shown += "（\(stage.name(in: language))）"
        }
        if let last = parts.last, last != "module" {
            shown += " · " + last
        } else {
            shown += text(" · module", " · 模块")
        }
        return shown
    }

    /// The start of the index: one row per community, linked to its page.
    func indexStart() -> HTML {
        var html: HTML = "<section id=\"communities\"><h2>\(text("Communities", "社区一览"))</h2><table><thead><tr>"
        for heading in [
            text("community", "社区"), text("town", "镇（街道）"), text("stage", "阶段"), text("organisation", "党组织"),
            text("members", "党员"), text("letters", "函告"), text("governance", "治理检查"),
        ] {
            html += "<th>\(heading)</th>"
        }
        return html + "</tr></thead><tbody>\n"
    }

    func indexRows(_ communities: ArraySlice<Int>) -> HTML {
        let dataset = decisions.index.dataset
        var html = HTML()
        for community in communities {
            let row = dataset.communities[community]
            let result = decisions.results[community]
            let governance = result.governance?.value
            let findings = governance.map { $0.details.findings.count } ?? 0
            let letters = result.points?.value.reduce(0) { $0 + ($1.details.letterTo == nil ? 0 : 1) } ?? 0
            html += "<tr><td><a href=\"communities/\(communityFile(community))\">\(names.community(row))</a></td>"
            html += "<td>\(row.town)</td><td>\(result.stage?.value.outcome.name(in: language) ?? "")</td>"
            html += "<td>\(result.branchSetup?.value.outcome.name(in: language) ?? "")</td>"
            html += "<td class=\"number\">\(result.members.count)</td><td class=\"number\">\(letters)</td><td>"
            if let governance {
                html += "\(governance.outcome.name(in: language))"
                if findings > 0 { html += "\(text(" (\(findings))", "（\(findings)项）"))" }
            }
            html += "</td></tr>\n"
        }
        return html
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}

import CharterData
public import CharterEngine
import CharterRecords
import CharterSupport
public import PolicyKit

/// Writes a policy diff: the printed summary, `diff.jsonl` and `diff.html`.
public struct DiffWriter {
    /// The diff.
    public let diff: PolicyDiff
    /// The base run (for community names).
    public let base: RunDecisions
    /// The profiles' names, for headings.
    public let baseName: String
    /// The candidate profile's name.
    public let candidateName: String
    /// The language of the summary and page.
    public let language: Language

    /// Creates a writer.
    public init(diff: PolicyDiff, base: RunDecisions, baseName: String, candidateName: String, language: Language) {
        self.diff = diff
        self.base = base
        self.baseName = baseName
        self.candidateName = candidateName
        self.language = language
    }

    func text(_ english: String, _ chinese: String) -> String { language == .chinese ? chinese : english }

    /// How many lines of detail the summary prints per section before saying how many more.
    static let summaryLimit = 20

    /// The summary a district office can act on.
    public func summary() -> String {
        var lines: [String] = []
        lines.append(text("Policy diff: \(baseName) → \(candidateName)", "政策对比：\(baseName) → \(candidateName)"))
        for point in diff.points {
            let changed = diff.changes(of: point).count
            lines.append(
                "  \(point.rawValue): "
                    + text(
                        "\(changed) of \(diff.compared[point] ?? 0) decisions changed",
                        "\(diff.compared[point] ?? 0)项决定中\(changed)项有变化"))
            for transition in diff.transitions(of: point).prefix(DiffWriter.summaryLimit) {
                lines.append("      \(transition.from) → \(transition.to): \(transition.count)")
            }
        }
        let communities = communityChanges()
        if !communities.isEmpty {
            lines.append(text("Communities that change:", "有变化的社区："))
            for (community, entries) in communities.prefix(DiffWriter.summaryLimit) {
                lines.append("  \(communityLabel(community)): " + entries.joined(separator: "; "))
            }
            if communities.count > DiffWriter.summaryLimit {
                lines.append(
                    text(
                        "  … and \(communities.count - DiffWriter.summaryLimit) more communities (see diff.jsonl)",
                        "  …… 另有\(communities.count - DiffWriter.summaryLimit)个社区（见 diff.jsonl）"))
            }
        }
        let movers = diff.seatMovers()
        if !movers.gained.isEmpty || !movers.lost.isEmpty {
            lines.append(
                text("Members who gain a seat: ", "新获席位的党员：") + list(movers.gained))
            lines.append(text("Members who lose a seat: ", "失去席位的党员：") + list(movers.lost))
        }
        let grades = diff.transitions(of: .points)
        if !grades.isEmpty {
            lines.append(
                text("Grade changes: ", "评定等次变化：")
                    + grades.map { "\($0.from) → \($0.to) \($0.count)" }.joined(separator: ", "))
        }
        if diff.changes.isEmpty { lines.append(text("No decision changes.", "没有任何决定发生变化。")) }
        return lines.joined(separator: "\n")
    }

    func list(_ ids: [String]) -> String {
        if ids.isEmpty { return text("none", "无") }
        var text = ids.prefix(DiffWriter.summaryLimit).joined(separator: ", ")
        if ids.count > DiffWriter.summaryLimit { text += " … (+\(ids.count - DiffWriter.summaryLimit))" }
        return text
    }

    func communityLabel(_ community: Int) -> String {
        let row = base.index.dataset.communities[community]
        return row.name.isEmpty ? row.id : "\(row.id) \(row.name)"
    }

    /// Per community (in id order), what changes: organisation, branches, slate, other counts.
    func communityChanges() -> [(Int, [String])] {
        var byCommunity: [Int: [String]] = [:]
        var memberCounts: [Int: [ExtensionPoint: Int]] = [:]
        for change in diff.changes {
            // By the point's subject, so that every point is shown; the organisation with its branches.
            switch change.point.subjectKind {
            case .community where change.point == .branchSetup:
                var entry = text("organisation ", "组织形式 ") + "\(change.baseOutcome) → \(change.candidateOutcome)"
                if change.baseOutcome == change.candidateOutcome {
                    let keys = change.changedDetailKeys
                    entry +=
                        keys.isEmpty
                        ? text(" (other rules)", "（依据的规则不同）")
                        : text(" (\(keys.joined(separator: ", ")) differ)", "（\(keys.joined(separator: "、"))不同）")
                }
                if change.changedDetailKeys.contains("branches") {
                    entry +=
                        text(", branches ", "，支部 ")
                        + "\(branchCount(change.base)) → \(branchCount(change.candidate))"
                }
                byCommunity[change.community, default: []].append(entry)
            case .community:
                byCommunity[change.community, default: []].append(
                    "\(change.point.rawValue) \(change.baseOutcome) → \(change.candidateOutcome)")
            case .seat:
                let before = seatHolder(change.base)
                let after = seatHolder(change.candidate)
                let seat = change.subject.split(separator: "/").dropFirst().joined(separator: "/")
                byCommunity[change.community, default: []].append(
                    text("seat ", "席位 ") + "\(seat) \(before) → \(after)")
            case .member:
                memberCounts[change.community, default: [:]][change.point, default: 0] += 1
            }
        }
        for (community, counts) in memberCounts {
            for point in ExtensionPoint.allCases where point.subjectKind == .member {
                if let count = counts[point] {
                    byCommunity[community, default: []].append(
                        text("\(count) members' \(point.rawValue) change", "\(count)名党员的\(point.chineseName)有变化"))
                }
            }
        }
        return base.index.communityOrder.compactMap { community in byCommunity[community].map { (community, $0) } }
    }

    func branchCount(_ record: DecisionRecord?) -> Int {
        guard case .array(let branches)? = record?.details["branches"] else { return 0 }
        return branches.count
    }

    func seatHolder(_ record: DecisionRecord?) -> String {
        guard let record else { return "-" }
        if case .string(let member)? = record.details["member"] { return member }
        if case .string(let appointee)? = record.details["appointee"] {
            return text("appointed", "委派") + (appointee.isEmpty ? "" : " \(appointee)")
        }
        return record.outcome
    }

    /// One JSON object per changed decision.
    public func writeJSONL(to path: String) throws(OutputError) {
        let file = try BufferedFile(path: path)
        for change in diff.changes {
            let value = JSONValue.object([
                ("point", .string(change.point.rawValue)),
                ("subject", .string(change.subject)),
                ("base_outcome", change.base.map { .string($0.outcome) } ?? .null),
                ("candidate_outcome", change.candidate.map { .string($0.outcome) } ?? .null),
                ("base_module", change.base.map { .string($0.module) } ?? .null),
                ("candidate_module", change.candidate.map { .string($0.module) } ?? .null),
                ("base_rules", .strings(change.base?.rules ?? [])),
                ("candidate_rules", .strings(change.candidate?.rules ?? [])),
                ("base_reasons", .strings(change.base?.reasons.map { $0.text(in: language) } ?? [])),
                ("candidate_reasons", .strings(change.candidate?.reasons.map { $0.text(in: language) } ?? [])),
                ("changed_details", .strings(change.changedDetailKeys)),
                ("base_details", change.base?.details ?? .null),
                ("candidate_details", change.candidate?.details ?? .null),
            ])
            try file.append { buffer in
                value.write(to: &buffer)
                buffer.append(0x0A)
            }
        }
        try file.finish()
    }

    /// How many changed decisions `diff.html` lists in full before pointing to `diff.jsonl`.
    static let pageLimit = 2000

    /// The same, as one readable self-contained page.
    public func writeHTML(to path: String) throws(OutputError) {
        let file = try BufferedFile(path: path)
        let title = text("Policy diff", "政策对比")
        var html: HTML = """
            <!DOCTYPE html>
            <html lang="\(language == .chinese ? "zh-CN" : "en")"><head><meta charset="utf-8"><title>\(title)</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Noto Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif;margin:24px;color:#1f2328}
            table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d8dbe0;padding:3px 8px;font-size:14px;vertical-align:top;text-align:left}
            th{background:#f0f2f5}.before{background:#fde2e1}.after{background:#dff3e4}pre{white-space:pre-wrap;margin:0}
            </style></head><body>
            <h1>\(title): \(baseName) → \(candidateName)</h1>
            <pre>\(summary())</pre>
            """
        try file.write(html.markup)
        html = HTML()
        for point in diff.points {
            let changes = diff.changes(of: point)
            guard !changes.isEmpty else { continue }
            // Counts as plain digits, as in the summary (an interpolated Int would be grouped).
            html += "<h2>\(point.rawValue) (\(String(changes.count)))</h2><table><tr><th>\(text("subject", "对象"))</th>"
            html +=
                "<th>\(text("base", "原方案"))</th><th>\(text("candidate", "新方案"))</th><th>\(text("changed details", "变化的细节"))</th></tr>"
            for change in changes.prefix(DiffWriter.pageLimit) {
                html += "<tr><td>\(change.subject)</td>"
                html +=
                    "<td class=\"before\">\(cell(change.base))</td><td class=\"after\">\(cell(change.candidate))</td>"
                html += "<td>\(change.changedDetailKeys.joined(separator: ", "))</td></tr>"
                if html.markup.utf8.count > 1 << 20 {
                    try file.write(html.markup)
                    html = HTML()
                }
            }
            html += "</table>"
            if changes.count > DiffWriter.pageLimit {
                let more = changes.count - DiffWriter.pageLimit
                html += "<p>\(text("… and \(more) more in diff.jsonl.", "…… 另有\(more)项见 diff.jsonl。"))</p>"
            }
        }
        html += "</body></html>\n"
        try file.write(html.markup)
        try file.finish()
    }

    /// One side of a changed decision: outcome, module, rules and reasons.
    func cell(_ record: DecisionRecord?) -> HTML {
        guard let record else { return "\(text("not decided", "不作决定"))" }
        var html: HTML = "<b>\(record.outcome)</b> <small>\(record.module)</small><br>"
        html += "\(record.rules.joined(separator: ", "))"
        html += "<ul>" + HTML.joined(record.reasons.map { "<li>\($0.text(in: language))</li>" }) + "</ul>"
        return html
    }
}

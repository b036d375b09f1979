import CharterData
import CharterEngine
import CharterRecords
import CharterSupport
public import PolicyKit

/// Writes the CSV tables a district office opens in a spreadsheet.
///
/// `communities.csv`, `members.csv`, `posts.csv` and `findings.csv` are UTF-8 with a BOM, so that
/// spreadsheet programs read the Chinese correctly; headers and outcome names are in the run's
/// language.
public struct TablesWriter: Sendable {
    /// What the run decided.
    public let decisions: RunDecisions
    /// The language of headers and outcome names.
    public let language: Language
    /// Whether to mask names.
    public let redact: Bool
    /// How many workers encode the large tables.
    public let jobs: Int
    /// What each rule means, for the findings.
    public let meanings: [String: Text]

    /// Creates a writer.
    public init(
        decisions: RunDecisions, language: Language, redact: Bool, jobs: Int = 1, meanings: [String: Text] = [:]
    ) {
        self.decisions = decisions
        self.language = language
        self.redact = redact
        self.jobs = jobs
        self.meanings = meanings
    }

    func text(_ english: String, _ chinese: String) -> String { language == .chinese ? chinese : english }

    func personName(_ name: String) -> String { redact ? Redaction.name(name) : name }

    /// Where a letter (函告) goes, as a reader of the table's language writes it: `village:红光村`
    /// is 原村党组织：红光村 in Chinese, "original village: 红光村" in English.
    func letterRecipient(_ code: String) -> String {
        if code == "elsewhere" { return text("the organisation elsewhere that keeps the relation", "组织关系所在地党组织") }
        if code.utf8.starts(with: "village:".utf8) {
            let name = String(Substring(code.utf8.dropFirst("village:".utf8.count)))
            return text("original village: ", "原村党组织：") + (name.isEmpty ? text("(not recorded)", "（未登记）") : name)
        }
        if code.utf8.starts(with: "unit:".utf8) {
            let name = String(Substring(code.utf8.dropFirst("unit:".utf8.count)))
            return text("work unit: ", "工作单位党组织：") + (name.isEmpty ? text("(not recorded)", "（未登记）") : name)
        }
        return code
    }

    /// A governance finding as the communities table names it: the check's own short name (政治引领)
    /// in Chinese, the rule id in English.
    func findingName(_ rule: String) -> String {
        guard language == .chinese, let meaning = meanings[rule]?.chinese,
            let head = meaning.split(whereSeparator: { $0 == "：" }).first, head.count <= 8, head != Substring(meaning)
        else { return rule }
        return "\(head)(\(rule))"
    }

    /// Writes the tables into `folder`: `findings.csv` only when the run checks governance.
    public func write(into folder: OutputFolder) throws(OutputError) {
        _ = try PiecedOutput.write(files(in: folder), jobs: jobs)
    }

    /// Communities per piece of the per-community tables.
    static let communityPiece = 128
    /// Members per piece of `members.csv`.
    static let memberPiece = 8192

    /// The tables as pieces: a header first, then rows a range at a time.
    func files(in folder: OutputFolder) -> [PiecedFile] {
        var files = [
            communityTable(folder.file("communities.csv"), header: communitiesHeader, row: communityRow),
            PiecedFile.items(
                path: folder.file("members.csv"), count: decisions.memberOrder.count, chunk: Self.memberPiece,
                header: header(membersHeader)
            ) { range, bytes in
                var csv = CSVText(byteOrderMark: false, capacity: range.count * 128)
                for (community, position) in decisions.memberOrder[range] { memberRow(community, position, into: &csv) }
                csv.move(appendingTo: &bytes)
            },
            communityTable(folder.file("posts.csv"), header: postsHeader, row: postRows),
        ]
        if decisions.points.contains(.governance) {
            files.append(communityTable(folder.file("findings.csv"), header: findingsHeader, row: findingRows))
        }
        return files
    }

    /// A byte order mark and a header row.
    func header(_ names: [String]) -> [UInt8] {
        var csv = CSVText()
        csv.row(names)
        var bytes: [UInt8] = []
        csv.move(appendingTo: &bytes)
        return bytes
    }

    /// A table with rows for each community, in community id order.
    func communityTable(
        _ path: String, header names: [String], row: @escaping @Sendable (Int, inout CSVText) -> Void
    ) -> PiecedFile {
        let order = decisions.index.communityOrder
        return PiecedFile.items(path: path, count: order.count, chunk: Self.communityPiece, header: header(names)) {
            range, bytes in
            var csv = CSVText(byteOrderMark: false, capacity: 1 << 16)
            for community in order[range] { row(community, &csv) }
            csv.move(appendingTo: &bytes)
        }
    }

    var findingsHeader: [String] {
        [
            text("community", "社区编号"), text("name", "社区名称"), text("stage", "发展阶段"), text("finding", "缺项"),
            text("what is wanting", "说明"), text("concerned", "涉及对象"), text("count", "涉及数量"),
        ]
    }

    /// The governance bodies by code: `GovernanceBodyKind(rawValue:)` matches a string against
    /// every case in turn, and findings list thousands of member ids.
    static let bodyKinds = Dictionary(uniqueKeysWithValues: GovernanceBodyKind.allCases.map { ($0.rawValue, $0) })

    func findingRows(_ community: Int, into csv: inout CSVText) {
        let dataset = decisions.index.dataset
        let result = decisions.results[community]
        guard let governance = result.governance?.value, governance.outcome == .gaps else { return }
        let row = dataset.communities[community]
        let stage = result.stage.map { $0.value.outcome.name(in: language) } ?? ""
        // A finding may concern thousands of members: their labels (`name(id)`, a body's name,
        // or the id) are written into one buffer, without a string per member.
        var labels: [UInt8] = []
        for rule in governance.rules.map(\.id) {
            let concerned = (governance.details.concerned[rule] ?? []).sortedByUTF8()
            let indices = decisions.memberIndices(of: concerned, inCommunity: community)
            labels.removeAll(keepingCapacity: true)
            for (position, id) in concerned.enumerated() {
                if position > 0 { labels.append(UInt8(ascii: " ")) }
                if let body = TablesWriter.bodyKinds[id] {
                    labels += body.name(in: language).utf8
                } else if let index = indices[position], !dataset.members[index].name.isEmpty {
                    labels += personName(dataset.members[index].name).utf8
                    labels.append(UInt8(ascii: "("))
                    labels += id.utf8
                    labels.append(UInt8(ascii: ")"))
                } else {
                    labels += id.utf8
                }
            }
            csv.field(row.id)
            csv.field(row.name)
            csv.field(stage)
            csv.field(rule)
            csv.field(meanings[rule]?.text(in: language) ?? "")
            csv.field(utf8: labels)
            if concerned.isEmpty { csv.emptyField() } else { csv.field(concerned.count) }
            csv.endRow()
        }
    }

    var communitiesHeader: [String] {
        [
            text("id", "社区编号"), text("name", "社区名称"), text("town", "镇（街道）"), text("stage", "发展阶段"),
            text("organisation", "党组织形式"), text("full members", "正式党员数"), text("branches", "党支部数"),
            text("committee seats", "委员职数"), text("secretary source", "书记来源"),
            text("part-time units", "兼职委员单位"), text("governance", "治理检查"), text("findings", "缺项"),
            text("module (organisation)", "决定组织形式的模块"),
        ]
    }

    func communityRow(_ community: Int, into csv: inout CSVText) {
        let result = decisions.results[community]
        let row = decisions.index.dataset.communities[community]
        let setup = result.branchSetup?.value
        let governance = result.governance?.value
        // Field by field, so that the counts are written as numbers and the text from the data as
        // text (a text field is guarded against formulas, see CSVText).
        csv.field(row.id)
        csv.field(row.name)
        csv.field(row.town)
        csv.field(result.stage.map { $0.value.outcome.name(in: language) } ?? "")
        if let setup {
            csv.field(setup.outcome.name(in: language))
            csv.field(setup.details.fullMembers)
            csv.field(setup.details.branches.count)
            csv.field(setup.details.committeeSeats)
            csv.field(setup.details.secretarySource.name(in: language))
            csv.field(setup.details.partTimeUnits.joined(separator: " "))
        } else {
            for _ in 0..<6 { csv.emptyField() }
        }
        csv.field(governance.map { $0.outcome.name(in: language) } ?? "")
        csv.field(governance.map { $0.details.findings.sortedByUTF8().map(findingName).joined(separator: " ") } ?? "")
        csv.field(result.branchSetup?.module ?? "")
        csv.endRow()
    }

    var membersHeader: [String] {
        [
            text("id", "党员编号"), text("name", "姓名"), text("community", "社区编号"),
            text("community name", "所在社区"), text("status", "党员类别"),
            text("management", "管理方式"), text("grid", "网格"), text("alerts", "提醒事项"), text("points", "积分"),
            text("grade", "评定等次"), text("letter to", "函告对象"),
        ]
    }

    func memberRow(_ community: Int, _ position: Int, into csv: inout CSVText) {
        // Read through buffer pointers: the community's result and the member are borrowed where
        // they lie rather than copied (a copy retains every array and string in them).
        decisions.results.withUnsafeBufferPointer { results in
            decisions.index.dataset.members.withUnsafeBufferPointer { members in
                let memberIndex = results[community].members[position]
                csv.field(members[memberIndex].id)
                if redact {
                    csv.field(personName(members[memberIndex].name))
                } else {
                    csv.field(members[memberIndex].name)
                }
                csv.field(members[memberIndex].communityID)
                csv.field(decisions.index.dataset.communities[community].name)
                csv.field(members[memberIndex].status.name(in: language))
                let managed: Void? = results[community].management?.value.withUnsafeBufferPointer { decisions in
                    csv.field(decisions[position].outcome.name(in: language))
                    csv.field(decisions[position].details.grid ?? "")
                    if decisions[position].details.alerts.isEmpty {
                        csv.emptyField()
                    } else {
                        csv.field(
                            decisions[position].details.alerts.sorted()
                                .map { language == .chinese ? $0.chineseName : $0.rawValue }
                                .joined(separator: " "))
                    }
                }
                if managed == nil {
                    csv.emptyField()
                    csv.emptyField()
                    csv.emptyField()
                }
                let graded: Void? = results[community].points?.value.withUnsafeBufferPointer { decisions in
                    csv.field(decisions[position].details.points)
                    csv.field(decisions[position].outcome.name(in: language))
                    if let letter = decisions[position].details.letterTo {
                        csv.field(letterRecipient(letter))
                    } else {
                        csv.emptyField()
                    }
                }
                if graded == nil {
                    csv.emptyField()
                    csv.emptyField()
                    csv.emptyField()
                }
                csv.endRow()
            }
        }
    }

    var postsHeader: [String] {
        [
            text("community", "社区编号"), text("body", "组织"), text("post", "职务"), text("seat", "席位"),
            text("outcome", "结果"), text("member", "人选编号"), text("name", "姓名"), text("score", "得分"),
            text("alternates", "候补人选"), text("appointee", "委派人选"),
        ]
    }

    func postRows(_ community: Int, into csv: inout CSVText) {
        let dataset = decisions.index.dataset
        decisions.forEachSeat(ofCommunity: community) { post, seat, decision in
            csv.field(post.communityID)
            csv.field(post.body.name(in: language))
            csv.field(post.title.name(in: language))
            csv.field(seat)
            csv.field(decision.outcome.name(in: language))
            csv.field(decision.details.member ?? "")
            csv.field(
                decision.details.member.flatMap { decisions.memberIndex(of: $0, inCommunity: community) }
                    .map { personName(dataset.members[$0].name) } ?? "")
            // A score is a number, and may be negative: written as one, not as text.
            if let score = decision.details.score { csv.field(score) } else { csv.emptyField() }
            csv.field(decision.details.alternates.joined(separator: " "))
            csv.field(decision.details.appointee.map(personName) ?? "")
            csv.endRow()
        }
    }
}

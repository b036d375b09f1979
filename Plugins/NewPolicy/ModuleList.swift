/// The `policyModules` list of the root `Package.swift`, read from and written back into its text.
///
/// The list is edited as text, not regenerated: a new entry is inserted on a line of its own, in
/// sorted position, and every other line of the manifest is kept as it is.
struct ModuleList {
    /// The text that opens the list.
    static let opening = "let policyModules: [String] = ["

    /// The manifest's text.
    let manifest: String
    /// The names listed, in manifest order.
    let names: [String]
    /// The text between `[` and `]`.
    private let body: Range<String.Index>

    init(manifest: String) throws {
        guard let start = manifest.range(of: ModuleList.opening),
            let end = manifest[start.upperBound...].firstIndex(of: "]")
        else {
            throw NewPolicyError(
                "Package.swift has no list '\(ModuleList.opening) … ]' to add the module to. "
                    + "Restore it (see the repository's Package.swift), then run new-policy again.")
        }
        self.manifest = manifest
        self.body = start.upperBound..<end
        names = ModuleList.quoted(in: manifest[body])
    }

    /// The strings quoted in `text`, in order.
    static func quoted(in text: Substring) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The manifest with `name` added to the list.
    func adding(_ name: String) -> String {
        let lines = manifest[body].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let entries = lines.indices.filter { index in lines[index].drop { $0 == " " }.hasPrefix("\"") }
        let oneEntryALine = entries.allSatisfy { ModuleList.quoted(in: Substring(lines[$0])).count == 1 }
        guard lines.count > 1, !entries.isEmpty, oneEntryALine else {
            // Written on one line, or otherwise unusual: write the list afresh, one name a line.
            let all = (names + [name]).sorted()
            let text = "\n" + all.map { "    \"\($0)\",\n" }.joined()
            return String(manifest[..<body.lowerBound]) + text + String(manifest[body.upperBound...])
        }
        var edited = lines
        let indent = String(lines[entries[0]].prefix { $0 == " " })
        let line = "\(indent)\"\(name)\","
        if let before = entries.first(where: { ModuleList.quoted(in: Substring(lines[$0])).first ?? "" > name }) {
            edited.insert(line, at: before)
        } else if let last = entries.last {
            if let quote = edited[last].lastIndex(of: "\""),
                !edited[last][edited[last].index(after: quote)...].contains(",")
            {
                edited[last].insert(",", at: edited[last].index(after: quote))
            }
            edited.insert(line, at: last + 1)
        }
        return String(manifest[..<body.lowerBound]) + edited.joined(separator: "\n")
            + String(manifest[body.upperBound...])
    }
}

// Lists every public symbol declared in PolicyKit's sources that has no doc comment, read from the
// symbol graphs that `swift-symbolgraph-extract` writes, as `FILE:LINE: 'Type/member' (kind)`.
// Symbols the compiler makes (synthesized conformances, raw-value initialisers, …) have no place
// in the sources and are not listed. Exits 1 when there is any.
//
// Usage: swift scripts/check-doc-comments.swift SYMBOL_GRAPH_DIR SOURCES_DIR
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let graphs = arguments.first, let sources = arguments.last else {
    FileHandle.standardError.write(Data("usage: check-doc-comments.swift SYMBOL_GRAPH_DIR SOURCES_DIR\n".utf8))
    exit(2)
}
let sourcesPath = URL(fileURLWithPath: sources).standardizedFileURL.path
let files = (try? FileManager.default.contentsOfDirectory(atPath: graphs)) ?? []
var missing: Set<String> = []
var checked = 0
for file in files.sorted() where file.hasSuffix(".symbols.json") {
    guard let data = FileManager.default.contents(atPath: graphs + "/" + file),
        let graph = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let symbols = graph["symbols"] as? [[String: Any]]
    else {
        FileHandle.standardError.write(Data("\(graphs)/\(file): not a symbol graph.\n".utf8))
        exit(2)
    }
    for symbol in symbols {
        guard symbol["accessLevel"] as? String == "public",
            let location = symbol["location"] as? [String: Any],
            let uri = location["uri"] as? String,
            let path = URL(string: uri)?.standardizedFileURL.path, path.hasPrefix(sourcesPath + "/")
        else { continue }
        checked += 1
        let lines = (symbol["docComment"] as? [String: Any])?["lines"] as? [[String: Any]] ?? []
        let text = lines.compactMap { $0["text"] as? String }.joined().trimmingCharacters(in: .whitespaces)
        guard text.isEmpty else { continue }
        let line = ((location["position"] as? [String: Any])?["line"] as? Int).map { $0 + 1 } ?? 0
        let name = (symbol["pathComponents"] as? [String])?.joined(separator: "/") ?? "?"
        let kind = (symbol["kind"] as? [String: Any])?["displayName"] as? String ?? "symbol"
        let relative = String(path.dropFirst(sourcesPath.count + 1))
        missing.insert("\(sources)/\(relative):\(line): '\(name)' (\(kind)) has no doc comment.")
    }
}
guard checked > 0 else {
    FileHandle.standardError.write(Data("No public symbol of \(sources) found in \(graphs).\n".utf8))
    exit(2)
}
for entry in missing.sorted() { print(entry) }
print("\(checked) public symbols declared in \(sources), \(missing.count) without a doc comment.")
exit(missing.isEmpty ? 0 : 1)

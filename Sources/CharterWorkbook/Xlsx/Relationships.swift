/// A part's relationships (`_rels/NAME.rels`): which other parts it refers to, by id and type.
struct Relationships {
    /// One relationship.
    struct Relationship {
        /// The id a part refers to it by (`rId1`).
        let id: String
        /// The relationship type, a URI whose last segment names it (`…/worksheet`).
        let type: String
        /// The target part's path in the archive, or `nil` for an external target.
        let target: String?

        /// Whether the type's last segment is `name` (transitional and strict types differ only
        /// before it).
        func isType(_ name: String) -> Bool { type.hasSuffix("/" + name) }
    }

    /// The relationships, in the part's order.
    var all: [Relationship] = []

    /// The relationship of id `id`.
    func relationship(id: String) -> Relationship? { all.first { $0.id == id } }

    /// The target of the first relationship of type `name`.
    func target(ofType name: String) -> String? { all.first { $0.isType(name) && $0.target != nil }?.target }

    /// The path of the relationships part of the part at `path`: `xl/_rels/workbook.xml.rels` for
    /// `xl/workbook.xml`, `_rels/.rels` for the package itself (`""`).
    static func path(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "_rels/\(path).rels" }
        return "\(path[..<slash])/_rels/\(path[path.index(after: slash)...]).rels"
    }

    /// The archive path of `target` seen from a part in `folder` (empty for the package root): an
    /// absolute target (`/xl/styles.xml`) from the root, a relative one from the folder, with `.`
    /// and `..` resolved.
    static func resolve(_ target: String, from folder: String) -> String {
        var segments: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// Reads a relationships part for a part in `folder`.
    final class Reader: XMLPartHandler {
        let folder: String
        var relationships = Relationships()

        init(folder: String) { self.folder = folder }

        func start(_ element: XMLPart.Element) throws(WorkbookError) {
            guard element.name == "Relationship" else { return }
            guard let id = element.attributes["Id"] else {
                throw WorkbookError(.missingAttribute(element: "Relationship", attribute: "Id"))
            }
            guard let type = element.attributes["Type"] else {
                throw WorkbookError(.missingAttribute(element: "Relationship", attribute: "Type"))
            }
            guard let target = element.attributes["Target"] else {
                throw WorkbookError(.missingAttribute(element: "Relationship", attribute: "Target"))
            }
            let external = element.attributes["TargetMode"] == "External"
            relationships.all.append(
                Relationship(id: id, type: type, target: external ? nil : Relationships.resolve(target, from: folder)))
        }

        func end(_ name: String) {}
        func characters(_ text: String) {}
    }
}

import Foundation

/// The folder of a package of its own (`--package DIR`): checked before anything is written, and
/// the path by which its manifest reaches Charter's clone.
enum PackageFolder {
    /// Throws unless `folder` is missing (it will be created) or an empty folder; `given` is the
    /// path as the user wrote it, for the message.
    static func checkNewOrEmpty(_ folder: URL, as given: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw NewPolicyError(
                "'\(given)' is a file, not a folder; --package writes a new package into a new or empty folder. "
                    + "Choose another path (nothing was written).")
        }
        let contents: [String]
        do {
            contents = try manager.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw NewPolicyError(
                "Could not read the folder '\(given)' (\(error.localizedDescription)); nothing was written.")
        }
        guard contents.isEmpty else {
            let shown = contents.sorted().prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            throw NewPolicyError(
                "'\(given)' already exists and is not empty (it holds \(shown)\(contents.count > 3 ? ", …" : "")); "
                    + "--package writes a new package only into a new or empty folder, so that nothing of yours "
                    + "is overwritten. Choose another folder, or empty this one (nothing was written).")
        }
    }

    /// The path of `target` as seen from `folder`.
    ///
    /// It is relative when the two share a folder below the root, such as `../charter`, else
    /// absolute. Symbolic links are resolved first, so that the `..` steps are those of the real
    /// folders.
    static func path(to target: URL, from folder: URL) -> String {
        let to = resolved(target)
        let from = resolved(folder).pathComponents
        let toParts = to.pathComponents
        var common = 0
        while common < min(toParts.count, from.count) && toParts[common] == from[common] { common += 1 }
        guard common > 1 else { return to.path }
        let parts = Array(repeating: "..", count: from.count - common) + toParts[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The URL with the symbolic links of its deepest existing folder resolved; the missing
    /// folders below it are kept as they are.
    static func resolved(_ url: URL) -> URL {
        var existing = url.standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path) && existing.pathComponents.count > 1 {
            missing.append(existing.lastPathComponent)
            existing = existing.deletingLastPathComponent()
        }
        var result = existing.resolvingSymlinksInPath()
        for component in missing.reversed() { result.appendPathComponent(component) }
        return result
    }
}

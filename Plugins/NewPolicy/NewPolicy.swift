import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-policy NAME [--points POINT,...] [--package DIR]`:
/// a new policy module that builds, loads and decides, with its tests, ready to edit.
///
/// In Charter's package it writes `Policies/NAME/` (the module, one file per point, a README),
/// `Tests/PolicyTests/NAMETests/` (the conformance kit and a test per rule),
/// `Tests/PolicyCases/NAME/basic.json` (a `charter test` case) and adds `"NAME"` to
/// `policyModules` in `Package.swift`. With `--package DIR` it writes the same module and tests as a
/// package of their own in the new or empty folder DIR, which depends on Charter's clone by path,
/// with a profile that selects the module. It checks everything before it writes anything, so a
/// refused request leaves every folder as it was.
@main
struct NewPolicy: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let request = try NewPolicyRequest(arguments: arguments)
        guard let name = request.name else {
            print(NewPolicyRequest.usage)
            return
        }
        let charter = context.package.directoryURL
        let manifest = try String(contentsOf: charter.appendingPathComponent("Package.swift"), encoding: .utf8)
        let list = try ModuleList(manifest: manifest)
        try PolicyName.check(name, listed: list.names, targets: context.package.targets.map(\.name))
        let scaffold = Scaffold(name: name, points: request.points)
        if let folder = request.packageFolder {
            try createPackage(scaffold, in: folder, charter: charter)
            return
        }

        try PolicyName.checkFolders(of: name) {
            FileManager.default.fileExists(atPath: charter.appendingPathComponent($0).path)
        }
        var files = scaffold.repositoryFiles()
        files.append((path: "Package.swift", text: list.adding(name)))
        try write(
            files, into: charter,
            hint: "Run the command with --allow-writing-to-package-directory, and check that the package folder "
                + "is writable.")
        print(scaffold.repositorySummary(written: files.map(\.path)))
    }

    /// Writes the module as a package of its own into `folder`, as the user named it (relative to
    /// the folder `swift package` was run in).
    func createPackage(_ scaffold: Scaffold, in folder: String, charter: URL) throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let destination = URL(fileURLWithPath: folder, isDirectory: true, relativeTo: here).standardizedFileURL
        try PackageFolder.checkNewOrEmpty(destination, as: folder)
        let root = PackageFolder.path(to: charter, from: destination)
        let formatting = try? String(contentsOf: charter.appendingPathComponent(".swift-format"), encoding: .utf8)
        let files = scaffold.packageFiles(charterRoot: root, formatting: formatting)
        let shown = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        try write(
            files, into: destination,
            shownAs: shown + "/",
            hint: "Check that the folder can be created and written. Where plugins run in a sandbox (macOS), "
                + "`swift package` lets one write outside Charter's folder only where it is told to: run "
                + "`swift package --allow-writing-to-package-directory --allow-writing-to-directory '\(folder)' "
                + "new-policy \(scaffold.name) --package '\(folder)'`.")
        print(
            scaffold.packageSummary(
                folder: folder, charterRoot: root, charter: charter.path, written: files.map { "\(shown)/\($0.path)" }))
    }

    /// Writes every file into `folder`, creating the folders it needs, or, when one cannot be
    /// written, removes what was written and says why, naming the file after `shownAs`, with
    /// `hint` on what to do.
    func write(_ files: [(path: String, text: String)], into folder: URL, shownAs: String = "", hint: String) throws {
        let manager = FileManager.default
        var created: [URL] = []
        var original: (url: URL, text: String)?
        var current = ""
        do {
            for file in files {
                current = file.path
                let url = folder.appendingPathComponent(file.path)
                if manager.fileExists(atPath: url.path) {
                    original = (url, try String(contentsOf: url, encoding: .utf8))
                } else {
                    var parent = url.deletingLastPathComponent()
                    var missing: [URL] = []
                    while !manager.fileExists(atPath: parent.path) {
                        missing.append(parent)
                        parent = parent.deletingLastPathComponent()
                    }
                    try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    created += missing.reversed()
                    created.append(url)
                }
                try file.text.write(to: url, atomically: true, encoding: .utf8)
            }
        } catch {
            for url in created.reversed() { try? manager.removeItem(at: url) }
            if let original { try? original.text.write(to: original.url, atomically: true, encoding: .utf8) }
            throw NewPolicyError(
                "Could not write '\(shownAs)\(current)' (\(error.localizedDescription)); nothing was kept. \(hint)")
        }
    }
}

/// What the command line asks for: the module's name and the points it provides.
struct NewPolicyRequest {
    /// The usage text, printed by `--help` and with every usage error.
    static let usage = """
        Usage: swift package --allow-writing-to-package-directory new-policy NAME [--points POINT,...]
               swift package --allow-writing-to-package-directory --allow-writing-to-directory DIR \\
                   new-policy NAME [--points POINT,...] --package DIR

        Creates a policy module NAME that builds, loads and decides, ready to edit. In Charter's
        package (the first form):
          Policies/NAME/NAME.swift              the module: metadata, parameters, entry point
          Policies/NAME/NAME+<Point>.swift      one file per extension point: its rules, reasons, decision
          Policies/NAME/README.md               the rules, for a district reader
          Tests/PolicyTests/NAMETests/          the conformance kit and one test per rule
          Tests/PolicyCases/NAME/basic.json     a policy test case for `charter test`
        and adds "NAME" to policyModules in Package.swift.

        With --package DIR (the second form), the same module and tests as a package of their own
        in DIR, a new or empty folder, usually outside this clone; the package depends on the clone
        by path (relative to DIR when they share a parent folder), and Charter's package is left as
        it is:
          DIR/Package.swift                     the module as the dynamic library libNAME.so
          DIR/Sources/NAME/                     the module, one file per extension point
          DIR/Tests/NAMETests/                  the conformance kit (PolicyTesting) and one test per rule
          DIR/PolicyCases/basic.json            a policy test case for `charter test`
          DIR/profile.json                      a profile that selects the module for its points
          DIR/README.md                         the rules, and how to build, test and run the package
          DIR/.swift-format, DIR/.gitignore     Charter's formatting; .build kept out of git
        Build and test it in DIR with `swift build && swift test`, then run it with
          charter run --profile profile.json --data DISTRICT --out OUT --module-path .build/debug

        NAME is a Swift identifier that starts with an uppercase letter (A-Z, then letters, digits
        or _), not reserved (PolicyKit, PolicyTesting, Charter…) and not taken by another module.
        Nothing is written when a name, a point or DIR is refused.

        Options:
          --points POINTS   The extension points the module provides, comma separated, or 'all':
                            \(Point.allCases.map(\.rawValue).joined(separator: ", ")).
                            Default: member_management.
          --package DIR     Write the module as a package of its own in DIR (relative to the
                            current folder). `swift package` still wants
                            --allow-writing-to-package-directory, the permission the plugin
                            declares; where plugins run in a sandbox (macOS), it also needs
                            --allow-writing-to-directory DIR to let the plugin write there.
        """

    /// The module's name, or `nil` when the user asked for help.
    var name: String?
    /// The points, in run order.
    var points: [Point] = [.memberManagement]
    /// The folder of a package of its own (`--package DIR`), or `nil` for a module in Charter's package.
    var packageFolder: String?

    init(arguments: [String]) throws {
        var operands: [String] = []
        var index = 0
        func value(of option: String, example: String) throws -> String {
            index += 1
            guard index < arguments.count else {
                throw NewPolicyError("Option '\(option)' needs a value, such as '\(option) \(example)'.")
            }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--help" || argument == "-h" {
                name = nil
                return
            } else if argument == "--points" {
                points = try Point.parseList(try value(of: argument, example: "stage,member_management"))
            } else if argument.hasPrefix("--points=") {
                points = try Point.parseList(String(argument.dropFirst("--points=".count)))
            } else if argument == "--package" {
                packageFolder = try value(of: argument, example: "../DistrictRules")
            } else if argument.hasPrefix("--package=") {
                packageFolder = String(argument.dropFirst("--package=".count))
            } else if argument.hasPrefix("-") {
                throw NewPolicyError(
                    "Unknown option '\(argument)'; the options are --points and --package.\n\n"
                        + NewPolicyRequest.usage)
            } else {
                operands.append(argument)
            }
            index += 1
        }
        guard operands.count == 1, let name = operands.first else {
            throw NewPolicyError(
                operands.isEmpty
                    ? "Name the new module, such as 'new-policy DistrictRules'.\n\n\(NewPolicyRequest.usage)"
                    : "Give one module name, not \(operands.count) ('\(operands.joined(separator: "', '"))').")
        }
        if let folder = packageFolder, folder.isEmpty {
            throw NewPolicyError("--package needs a folder, such as '--package ../\(name)'.")
        }
        self.name = name
    }
}

/// A request the command refuses, with what to do instead.
struct NewPolicyError: Error, CustomStringConvertible {
    /// Whole sentences a person can act on.
    let description: String

    init(_ description: String) { self.description = description }
}

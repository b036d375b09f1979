import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-policy NAME [--points POINT,...]`: a new
/// policy module that builds, loads and decides, with its tests, ready to edit.
///
/// It writes `Policies/NAME/` (the module, one file per point, a README), `Tests/PolicyTests/NAMETests/` (the
/// conformance kit and a test per rule), `Tests/PolicyCases/NAME/basic.json` (a `charter test`
/// case) and adds `"NAME"` to `policyModules` in `Package.swift`. It checks everything before it
/// writes anything, so a refused name leaves the package as it was.
@main
struct NewPolicy: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let request = try NewPolicyRequest(arguments: arguments)
        guard let name = request.name else {
            print(NewPolicyRequest.usage)
            return
        }
        let package = context.package.directoryURL
        let manifestURL = package.appendingPathComponent("Package.swift")
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        let list = try ModuleList(manifest: manifest)
        try PolicyName.check(
            name, listed: list.names, targets: context.package.targets.map(\.name),
            exists: { FileManager.default.fileExists(atPath: package.appendingPathComponent($0).path) })

        let scaffold = Scaffold(name: name, points: request.points)
        var files = scaffold.files()
        files.append((path: "Package.swift", text: list.adding(name)))
        try write(files, into: package)

        print(scaffold.summary(written: files.map(\.path)))
    }

    /// Writes every file, or, when one cannot be written, removes what was written and says why.
    func write(_ files: [(path: String, text: String)], into package: URL) throws {
        let manager = FileManager.default
        var created: [URL] = []
        var original: (url: URL, text: String)?
        do {
            for file in files {
                let url = package.appendingPathComponent(file.path)
                if manager.fileExists(atPath: url.path) {
                    original = (url, try String(contentsOf: url, encoding: .utf8))
                } else {
                    var folder = url.deletingLastPathComponent()
                    var missing: [URL] = []
                    while !manager.fileExists(atPath: folder.path) {
                        missing.append(folder)
                        folder = folder.deletingLastPathComponent()
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
                "Could not write the new module (\(error.localizedDescription)); nothing was kept. "
                    + "Run the command with --allow-writing-to-package-directory, and check that the package folder is writable."
            )
        }
    }
}

/// What the command line asks for: the module's name and the points it provides.
struct NewPolicyRequest {
    /// The usage text, printed by `--help` and with every usage error.
    static let usage = """
        Usage: swift package --allow-writing-to-package-directory new-policy NAME [--points POINT,...]

        Creates a policy module NAME that builds, loads and decides, ready to edit:
          Policies/NAME/NAME.swift              the module: metadata, parameters, entry point
          Policies/NAME/NAME+<Point>.swift      one file per extension point, with its rules
          Policies/NAME/README.md               the rules, for a district reader
          Tests/PolicyTests/NAMETests/          the conformance kit and one test per rule
          Tests/PolicyCases/NAME/basic.json     a policy test case for `charter test`
        and adds "NAME" to policyModules in Package.swift.

        NAME is a Swift identifier that starts with an uppercase letter (A-Z, then letters, digits
        or _), not reserved (PolicyKit, PolicyTesting, Charter…) and not taken by another module.

        Options:
          --points POINTS   The extension points the module provides, comma separated, or 'all':
                            \(Point.allCases.map(\.rawValue).joined(separator: ", ")).
                            Default: member_management.
        """

    /// The module's name, or `nil` when the user asked for help.
    var name: String?
    /// The points, in run order.
    var points: [Point] = [.memberManagement]

    init(arguments: [String]) throws {
        var operands: [String] = []
        var index = 0
        func value(of option: String) throws -> String {
            index += 1
            guard index < arguments.count else {
                throw NewPolicyError("Option '\(option)' needs a value, such as '--points stage,member_management'.")
            }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--help" || argument == "-h" {
                name = nil
                return
            } else if argument == "--points" {
                points = try Point.parseList(try value(of: argument))
            } else if argument.hasPrefix("--points=") {
                points = try Point.parseList(String(argument.dropFirst("--points=".count)))
            } else if argument.hasPrefix("-") {
                throw NewPolicyError(
                    "Unknown option '\(argument)'; the only one is --points.\n\n\(NewPolicyRequest.usage)")
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
        self.name = name
    }
}

/// A request the command refuses, with what to do instead.
struct NewPolicyError: Error, CustomStringConvertible {
    /// Whole sentences a person can act on.
    let description: String

    init(_ description: String) { self.description = description }
}

/// The files of a new policy module in a package of its own, outside Charter's `Policies/`
/// (`new-policy NAME --package DIR`): the same module and tests as in the repository, with a
/// manifest that depends on Charter's clone by path, a profile that selects the module, and a
/// README that says how to build, test and run it.
extension Scaffold {
    /// Every file of the package, as (path relative to the package's folder, text).
    ///
    /// - Parameters:
    ///   - charterRoot: Charter's clone as the package's manifest reaches it: relative to the
    ///     package's folder when they share a parent folder, else absolute.
    ///   - formatting: The text of Charter's `.swift-format`, copied so that the package is linted
    ///     as the repository is; `nil` when the clone has none.
    func packageFiles(charterRoot: String, formatting: String?) -> [(path: String, text: String)] {
        var files = [
            (path: "Package.swift", text: manifestSource(charterRoot: charterRoot)),
            (path: "Sources/\(name)/\(name).swift", text: moduleSource()),
        ]
        for point in points {
            files.append((path: "Sources/\(name)/\(name)+\(point.typeName).swift", text: source(of: point)))
        }
        files.append((path: "Tests/\(name)Tests/\(name)Tests.swift", text: testSource()))
        files.append((path: "PolicyCases/basic.json", text: caseSource()))
        files.append((path: "profile.json", text: profileSource()))
        files.append((path: "README.md", text: packageReadmeSource(charterRoot: charterRoot)))
        files.append((path: ".gitignore", text: ".build/\n.swiftpm/\n"))
        if let formatting { files.append((path: ".swift-format", text: formatting)) }
        return files
    }

    /// What was made and what to do next, with `folder` as the user named it; `charter` is the
    /// clone's folder in full.
    func packageSummary(folder: String, charterRoot: String, charter clone: String, written: [String]) -> String {
        let charter = "\(charterRoot)/.build/debug/charter"
        return """
            Created the policy module '\(name)' in a package of its own, '\(folder)' (points: \
            \(points.map(\.rawValue).joined(separator: ", "))):
            \(written.map { "  " + $0 }.joined(separator: "\n"))

            Next, in '\(folder)':
              swift build   # builds .build/debug/lib\(name).so (the first build also compiles Charter's libraries)
              swift test    # the conformance kit and a test per rule
              \(charter) modules --module-path .build/debug
              \(charter) run --profile profile.json --data DISTRICT --out OUT --module-path .build/debug
            (Build charter first, with `swift build` in \(clone).) README.md says more.
            """
    }

    // MARK: - The manifest

    /// `Package.swift`: the module as a dynamic library named after it, PolicyKit and Charter by path.
    func manifestSource(charterRoot: String) -> String {
        let policyKit = charterRoot == "/" ? "/Sources/PolicyKit" : "\(charterRoot)/Sources/PolicyKit"
        return #"""
            // swift-tools-version: 6.1
            // \#(name): a district's policy module in a package of its own, outside Charter's `Policies/`
            // (made by `swift package new-policy --package`).
            //
            // It builds the module as a dynamic library named after it, `lib\#(name).so`, which `charter`
            // loads with `--module-path .build/debug`. PolicyKit comes by path from Charter's clone and stays
            // a dynamic library, so that at run time the module uses the host's copy of it; the tests use
            // Charter's conformance kit, PolicyTesting. If the clone moves, change both paths.
            import PackageDescription

            let strictness: [SwiftSetting] = [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ]

            let package = Package(
                name: "\#(name)",
                products: [
                    .library(name: "\#(name)", type: .dynamic, targets: ["\#(name)"])
                ],
                dependencies: [
                    .package(path: "\#(policyKit)"),
                    // Named, so that the clone's folder may be called anything.
                    .package(name: "Charter", path: "\#(charterRoot)"),
                ],
                targets: [
                    .target(
                        name: "\#(name)", dependencies: [.product(name: "PolicyKit", package: "PolicyKit")],
                        swiftSettings: strictness),
                    .testTarget(
                        name: "\#(name)Tests",
                        dependencies: [
                            "\#(name)", .product(name: "PolicyKit", package: "PolicyKit"),
                            .product(name: "PolicyTesting", package: "Charter"),
                        ],
                        swiftSettings: strictness),
                ]
            )

            """#
    }

    // MARK: - The profile

    /// `profile.json`: the module selected for each of its points, with its parameters' defaults.
    func profileSource() -> String {
        let policies = points.map { point in
            let parameters = point == .memberManagement ? ", \"params\": { \"mobileAfterMonths\": 6 }" : ""
            return "    \"\(point.rawValue)\": { \"module\": \"\(name)\"\(parameters) }"
        }
        return #"""
            {
              "description": "\#(name), built in this package, decides \#(points.map(\.rawValue).joined(separator: ", ")) (made by `swift package new-policy --package`). Build it with `swift build`; module_paths is relative to this file's folder.",
              "as_of": "2026-06-30",
              "module_paths": [".build/debug"],
              "policies": {
            \#(policies.joined(separator: ",\n"))
              }
            }

            """#
    }

    // MARK: - The README

    /// `README.md`: the rules, and how to build, test and run the package.
    func packageReadmeSource(charterRoot: String) -> String {
        let charter = "\(charterRoot)/.build/debug/charter"
        let selection = points.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        let profileNote = Scaffold.fill(
            "`profile.json` selects \(name) for \(selection). It also lists `.build/debug` under `module_paths` "
                + "(relative to the profile's folder), so `--module-path` may be left out when the profile is used. "
                + "To use the module in another profile, select it there, as in "
                + "`\"\(points[0].rawValue)\":{\"module\":\"\(name)\"}`, and give `--module-path` this package's "
                + "`.build/debug`.")
        return """
            # \(name)

            Say here what the module decides for the district, and which documents its rules come from
            (made by `swift package new-policy --package`; edit this file with the rules).

            \(rulesTables())
            ## Build, test and run it

            The package depends by path on Charter's clone at `\(charterRoot)`: on PolicyKit, which the
            module builds against, and on the conformance kit PolicyTesting, which its tests use. Build
            `charter` there first (`swift build` in that folder); then, in this folder:

            ```sh
            swift build   # .build/debug/lib\(name).so; the first build also compiles Charter's libraries
            swift test    # the conformance kit and one test per rule
            \(charter) modules --module-path .build/debug
            \(charter) test PolicyCases --module-path .build/debug --coverage
            \(charter) generate --communities 5 --members 300 --seed 1 --out /tmp/district
            \(charter) run --profile profile.json --data /tmp/district --out /tmp/out \\
                --module-path .build/debug
            ```

            \(profileNote)

            The module must be built by the same Swift toolchain, against the same PolicyKit, as the
            `charter` that loads it: Swift has no stable ABI on Linux. `charter` checks both when it loads
            the module and, on a mismatch, says what to rebuild instead of crashing.

            """
    }
}

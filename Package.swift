// swift-tools-version: 6.1
import PackageDescription

/// The policy modules in `Policies/`, one folder each.
///
/// Each becomes its own target and its own
/// dynamic library, `lib<Name>.so`, which `charter` loads at run time and never links.
///
/// Keep this list explicit: SwiftPM caches the evaluated manifest by its text, so a folder found by
/// listing `Policies/` would go unseen until this file changed. `swift package new-policy NAME`
/// adds the folder and the entry here together, and a test fails when the two disagree.
let policyModules: [String] = [
    "CharterBaseline",
    "ChengduPilot",
]

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let policyKit: Target.Dependency = .product(name: "PolicyKit", package: "PolicyKit")

/// Clang's `-target-feature` for the SHA and SSE4.1 instructions, for the intrinsics that
/// `SHA256Instructions` imports.
#if arch(x86_64)
    let shaInstructionFlags: [SwiftSetting] = [
        .unsafeFlags(
            ["+sha", "+sse4.1"].flatMap { feature in
                ["-Xcc", "-Xclang", "-Xcc", "-target-feature", "-Xcc", "-Xclang", "-Xcc", feature]
            })
    ]
#else
    let shaInstructionFlags: [SwiftSetting] = []
#endif

let package = Package(
    name: "Charter",
    products: [
        .executable(name: "charter", targets: ["charter"]),
        .library(name: "PolicyTesting", targets: ["PolicyTesting"]),
    ] + policyModules.map { .library(name: $0, type: .dynamic, targets: [$0]) },
    dependencies: [
        .package(path: "Sources/PolicyKit")
    ],
    targets: [
        // SHA-256 on the processor's SHA instructions, for the digests in run.json. The one target
        // built with extra flags: they turn the instructions on for this module only (it holds the
        // compression function and nothing else). Only executables and tests depend on it: they
        // hand it to CharterSupport's SHA256 at start-up, which checks the processor first, so no
        // library product carries the flags. Elsewhere than x86-64 it is empty and gets no flags.
        .target(name: "SHA256Instructions", swiftSettings: strictness + shaInstructionFlags),
        // What every stage of the pipeline shares: files and the output folder, byte buffers, the
        // one JSON writer and escaper, the one CSV writer, "did you mean", terminal-safe text and
        // SHA-256 (in Swift; an executable installs the SHA instructions at start-up).
        .target(name: "CharterSupport", dependencies: [policyKit], swiftSettings: strictness),
        // Reading a district's dataset into PolicyKit's values, with every problem named.
        .target(name: "CharterData", dependencies: ["CharterSupport", policyKit], swiftSettings: strictness),
        // Reading Excel workbooks (.xlsx) for `charter import`, and writing small ones for `charter
        // template --xlsx`: inflate (RFC 1951), the zip container and the sheets' XML, no packages.
        .target(
            name: "CharterWorkbook", dependencies: ["CharterSupport", policyKit], swiftSettings: strictness),
        // Synthetic districts of any size, for `charter generate`, the benchmarks and the tests.
        .target(name: "CharterSynthesis", dependencies: ["CharterSupport", policyKit], swiftSettings: strictness),
        // `charter import`: an office's CSV files and workbooks turned into the data contract.
        .target(
            name: "CharterImport", dependencies: ["CharterSupport", "CharterWorkbook", policyKit],
            swiftSettings: strictness),
        // Finding and loading policy modules: the one place that touches dlopen.
        .target(name: "CharterModules", dependencies: ["CharterSupport", policyKit], swiftSettings: strictness),
        // What a run decided, per community, and each decision as its decisions.jsonl record.
        .target(
            name: "CharterRecords", dependencies: ["CharterSupport", "CharterData", policyKit],
            swiftSettings: strictness),
        // Profiles, the engine that runs the points, diffs and policy test cases.
        .target(
            name: "CharterEngine",
            dependencies: ["CharterSupport", "CharterData", "CharterRecords", "CharterModules", policyKit],
            swiftSettings: strictness),
        // Writing what a run decided: decisions.jsonl, CSV tables, report.html, run.json.
        .target(
            name: "CharterOutput",
            dependencies: [
                "CharterSupport", "CharterEngine", "CharterRecords", "CharterData", "CharterModules", "CharterWorkbook",
                policyKit,
            ],
            swiftSettings: strictness),
        // The conformance kit that policy authors' tests call with their module.
        .target(
            name: "PolicyTesting",
            dependencies: [
                "CharterSupport", "CharterData", "CharterSynthesis", "CharterRecords", "CharterEngine",
                "CharterModules", policyKit,
            ],
            swiftSettings: strictness),
        // The command-line tool.
        .executableTarget(
            name: "charter",
            dependencies: [
                "CharterSupport", "CharterData", "CharterSynthesis", "CharterImport", "CharterWorkbook",
                "CharterModules",
                "CharterRecords",
                "CharterEngine", "CharterOutput",
                "SHA256Instructions", policyKit,
            ],
            swiftSettings: strictness),
        // The dataset reader's benchmark (scripts/bench-dataset.sh).
        .executableTarget(
            name: "charter-bench", dependencies: ["CharterSupport", "CharterData", "SHA256Instructions", policyKit],
            swiftSettings: strictness),
        // `swift package --allow-writing-to-package-directory new-policy NAME`: a new policy module
        // with its tests, added to `policyModules`; with `--package DIR`, the same as a package of
        // its own in DIR (see Plugins/NewPolicy).
        .plugin(
            name: "NewPolicy",
            capability: .command(
                intent: .custom(
                    verb: "new-policy",
                    description:
                        "Create a policy module NAME in Policies/ with its tests and a policy test case, and list it in Package.swift; with --package DIR, as a package of its own in DIR."
                ),
                permissions: [
                    .writeToPackageDirectory(
                        reason:
                            "It writes Policies/NAME, Tests/PolicyTests/NAMETests and Tests/PolicyCases/NAME, and adds NAME to policyModules in Package.swift."
                    )
                ])),
        .testTarget(
            name: "CharterTests",
            dependencies: [
                "CharterSupport", "CharterData", "CharterSynthesis", "CharterImport", "CharterWorkbook",
                "CharterModules",
                "CharterRecords", "CharterEngine", "CharterOutput",
                "SHA256Instructions", policyKit,
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness),
    ]
        + policyModules.map {
            .target(
                name: $0, dependencies: [policyKit], path: "Policies/\($0)", exclude: ["README.md"],
                swiftSettings: strictness)
        }
        + policyModules.map {
            .testTarget(
                name: "\($0)Tests", dependencies: [.target(name: $0), "PolicyTesting", policyKit],
                path: "Tests/PolicyTests/\($0)Tests", swiftSettings: strictness)
        }
)

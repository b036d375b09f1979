// swift-tools-version: 6.1
import PackageDescription

/// The policy modules in `Policies/`, one folder each. Each becomes its own target and its own
/// dynamic library, `lib<Name>.so`, which `charter` loads at run time and never links.
///
/// Keep this list explicit: SwiftPM caches the evaluated manifest by its text, so a folder found by
/// listing `Policies/` would go unseen until this file changed. `swift package new-policy NAME`
/// adds the folder and the entry here together, and a test fails when the two disagree.
let policyModules: [String] = [
    "CharterBaseline",
]

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let policyKit: Target.Dependency = .product(name: "PolicyKit", package: "PolicyKit")

let package = Package(
    name: "Charter",
    products: [
        .executable(name: "charter", targets: ["charter"]),
        
    ] + policyModules.map { .library(name: $0, type: .dynamic, targets: [$0]) },
    dependencies: [
        .package(path: "Sources/PolicyKit")
    ],
    targets: [
        // Reading a district's dataset into PolicyKit's values, with every problem named.
        .target(name: "CharterData", dependencies: [policyKit], swiftSettings: strictness),
        // Finding and loading policy modules: the one place that touches dlopen.
        .target(name: "CharterModules", dependencies: [policyKit], swiftSettings: strictness),
        // The command-line tool.
        .executableTarget(
            name: "charter", dependencies: ["CharterData", "CharterModules", policyKit], swiftSettings: strictness),
        // The dataset reader's benchmark (scripts/bench-dataset.sh).
        .executableTarget(name: "charter-bench", dependencies: ["CharterData", policyKit], swiftSettings: strictness),
        .testTarget(
            name: "CharterTests",
            dependencies: ["CharterData", "CharterModules", policyKit],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness),
    ]
        + policyModules.map {
            .target(name: $0, dependencies: [policyKit], path: "Policies/\($0)", swiftSettings: strictness)
        }
        + policyModules.map {
            .testTarget(
                name: "\($0)Tests", dependencies: [.target(name: $0), policyKit],
                path: "Tests/PolicyTests/\($0)Tests", swiftSettings: strictness)
        }
)

// swift-tools-version: 6.1
// PolicyKit: the SDK that Charter's policy modules build against.
//
// It is its own package on purpose. Its product is a dynamic library, so the `charter` host and
// every policy module it loads share one copy of PolicyKit's types at run time; with a static copy
// in each, casts across the module boundary fail without a word (see the architecture note).
import PackageDescription

let package = Package(
    name: "PolicyKit",
    products: [
        .library(name: "PolicyKit", type: .dynamic, targets: ["PolicyKit"])
    ],
    targets: [
        .target(
            name: "PolicyKit",
            path: ".",
            exclude: ["Package.swift"],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ]
        )
    ]
)

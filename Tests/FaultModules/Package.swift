// swift-tools-version: 6.1
// A policy module that fails on purpose, for scripts/check-faults.sh: it traps, crashes, divides
// by zero, recurses without end or loops forever on one member, as its `fault` parameter says.
// It is built outside Charter's package so that `charter modules` never lists it.
import PackageDescription

let package = Package(
    name: "FaultModules",
    products: [
        .library(name: "Faulty", type: .dynamic, targets: ["Faulty"])
    ],
    dependencies: [
        .package(path: "../../Sources/PolicyKit")
    ],
    targets: [
        .target(
            name: "Faulty",
            dependencies: [.product(name: "PolicyKit", package: "PolicyKit")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")])
    ]
)

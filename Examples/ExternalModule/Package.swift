// swift-tools-version: 6.1
// A district's own policy module, in a package of its own, outside Charter's `Policies/`.
//
// It depends on PolicyKit by path (and, for its tests, on the Charter package's conformance kit) and builds the module as a dynamic library named after the
// module, `libDistrictVariant.so`, which `charter` loads with `--module-path .build/debug`. PolicyKit
// stays a dynamic library here too, so that at run time the module uses the host's copy of it.
import PackageDescription

let package = Package(
    name: "DistrictVariant",
    products: [
        .library(name: "DistrictVariant", type: .dynamic, targets: ["DistrictVariant"])
    ],
    dependencies: [
        .package(path: "../../Sources/PolicyKit"),
        // The conformance kit, a product of the Charter package, for the tests only. The explicit
        // name keeps it "Charter" whatever the clone's folder is called.
        .package(name: "Charter", path: "../.."),
    ],
    targets: [
        .target(
            name: "DistrictVariant",
            dependencies: [.product(name: "PolicyKit", package: "PolicyKit")],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ]),
        .testTarget(
            name: "DistrictVariantTests",
            dependencies: [
                "DistrictVariant", .product(name: "PolicyKit", package: "PolicyKit"),
                .product(name: "PolicyTesting", package: "Charter"),
            ]),
    ]
)

import CharterModules
import Foundation
@_spi(CharterHost) import PolicyKit
import Testing

/// The `charter` executable refuses a module built for another PolicyKit interface or compiler,
/// end to end: exit code 2, the file named, and what to rebuild.
///
/// The loader's own tests check the error; these run the built `charter` (beside the test bundle,
/// where `swift build` and `swift test` put it) as a policy author would.
@Suite struct VersionMismatchCommandTests {
    /// The `charter` executable of this build.
    static func charter() throws -> String {
        let directory = try #require(ModuleLoader.executableDirectory(), "cannot find the test bundle's directory")
        let path = directory + "/charter"
        try #require(
            FileManager.default.isExecutableFile(atPath: path), "no charter executable at \(path); run `swift build`")
        return path
    }

    /// A folder holding `libFuture.so`, which answers the handshake with `interface` and `compiler`.
    static func futureModule(interface: String, compiler: String) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        _ = try buildFakeModule(
            named: "libFuture.so", in: directory,
            defines: [
                "CHARTER_FAKE_ENTRY",
                "CHARTER_FAKE_SYMBOL=\(ModuleHandshake.entrySymbol(forModule: "Future", interface: PolicyKitInterface.version))",
                "CHARTER_FAKE_INTERFACE=\(interface)u", "CHARTER_FAKE_COMPILER=\"\(compiler)\"",
            ])
        return directory
    }

    @Test(arguments: [
        (
            "\(PolicyKitInterface.version + 1)", "\(PolicyKitInterface.compilerVersion)",
            "against PolicyKit interface \(PolicyKitInterface.version + 1)"
        ),
        ("\(PolicyKitInterface.version)", "5.9.0", "built by Swift 5.9.0"),
    ])
    func charterModulesExitsWithTwoAndSaysWhatToRebuild(interface: String, compiler: String, says: String) throws {
        let directory = try Self.futureModule(interface: interface, compiler: compiler)
        let result = try runProcess(try Self.charter(), ["modules", "--module-path", directory.path])
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains("\(directory.path)/libFuture.so"), "\(result.output)")
        #expect(result.output.contains(says), "\(result.output)")
        #expect(
            result.output.contains("Rebuild the module with this toolchain against this PolicyKit"), "\(result.output)")
        // The modules that do match are still listed.
        #expect(result.output.contains("CharterBaseline"), "\(result.output)")
    }

    @Test func aProfileThatSelectsTheModuleIsRefusedWithTheSameAdvice() throws {
        let directory = try Self.futureModule(
            interface: "\(PolicyKitInterface.version + 1)", compiler: "\(PolicyKitInterface.compilerVersion)")
        let profile = directory.url.appendingPathComponent("profile.json")
        try Data(#"{ "policies": { "member_management": { "module": "Future" } } }"#.utf8).write(to: profile)
        let result = try runProcess(
            try Self.charter(), ["profile", "check", profile.path, "--module-path", directory.path, "--lang", "en"])
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains("policies.member_management.module"), "\(result.output)")
        #expect(result.output.contains("Rebuild the module"), "\(result.output)")
    }

    /// A module built against interface 1 exports `charter_policy_module_v1_NAME`, which this
    /// charter never calls: it is named as such, with what to do, not called "not a module".
    @Test func aModuleBuiltAgainstInterfaceOneIsRefusedWithTheRebuildMessage() throws {
        let directory = try TemporaryDirectory()
        _ = try buildFakeModule(
            named: "libOld.so", in: directory,
            defines: [
                "CHARTER_FAKE_ENTRY",
                "CHARTER_FAKE_SYMBOL=\(ModuleHandshake.entrySymbol(forModule: "Old", interface: 1))",
                "CHARTER_FAKE_INTERFACE=1u", "CHARTER_FAKE_COMPILER=\"\(PolicyKitInterface.compilerVersion)\"",
            ])
        let result = try runProcess(try Self.charter(), ["modules", "--module-path", directory.path])
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains("\(directory.path)/libOld.so"), "\(result.output)")
        #expect(
            result.output.contains(
                "was built against PolicyKit interface 1, but this charter uses PolicyKit interface \(PolicyKitInterface.version)"
            ), "\(result.output)")
        #expect(result.output.contains("Rebuild the module against this PolicyKit"), "\(result.output)")
        #expect(!result.output.contains("is not a Charter policy module"), "\(result.output)")
    }

    /// A real module built against interface 1 needs PolicyKit symbols that interface 2 no longer
    /// has, so the dynamic loader refuses it before any entry point is looked up: that is named as
    /// a module of another PolicyKit, with what to do, not as a file that is no library.
    @Test func aModuleNeedingAPolicyKitSymbolThatIsGoneIsRefusedWithTheRebuildMessage() throws {
        let directory = try TemporaryDirectory()
        _ = try buildFakeModule(
            named: "libGone.so", in: directory,
            defines: ["CHARTER_FAKE_MISSING_POLICYKIT_SYMBOL=\"$s9PolicyKit8RuleInfoVMn\""])
        let result = try runProcess(try Self.charter(), ["modules", "--module-path", directory.path])
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains("\(directory.path)/libGone.so"), "\(result.output)")
        #expect(result.output.contains("Module 'Gone' was built against another PolicyKit"), "\(result.output)")
        #expect(result.output.contains("$s9PolicyKit8RuleInfoVMn"), "\(result.output)")
        #expect(result.output.contains("Rebuild the module against this PolicyKit"), "\(result.output)")
        #expect(!result.output.contains("is not a shared library"), "\(result.output)")
    }
}

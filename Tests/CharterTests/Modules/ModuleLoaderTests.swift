import CharterModules
import Foundation
@_spi(CharterHost) import PolicyKit
import Testing

@Suite struct ModuleLoaderTests {
    let loader = ModuleLoader(modulePaths: [])

    @Test func loadsEveryModuleOfPoliciesFromItsOwnLibrary() throws {
        let (modules, problems) = loader.discover()
        #expect(problems.isEmpty, "\(problems)")
        let names = Set(modules.map(\.name))
        for name in try PackageManifest.policyModules() {
            #expect(names.contains(name), "lib\(name).so was not loaded")
        }
        for module in modules {
            #expect(module.file.hasSuffix("/lib\(module.name).so"))
            #expect(module.interfaceVersion == PolicyKitInterface.version)
            #expect(module.compilerVersion == "\(PolicyKitInterface.compilerVersion)")
        }
    }

    @Test func castsTheModuleToItsPointProtocolAcrossTheLibraryBoundary() throws {
        let module = try loader.load(named: "CharterBaseline")
        #expect(module.points == [.branchSetup])
        let instance = try module.makeInstance(parameters: Parameters(defaultsOf: module.metadata))
        let policy = try #require(instance as? any BranchSetupPolicy)
        let community = Community(id: "C1")
        let member = Member(
            id: "M1", communityID: "C1", birthDate: CivilDate(year: 1980, month: 1, day: 1) ?? .earliest,
            joinDate: CivilDate(year: 2000, month: 1, day: 1) ?? .earliest, status: .full, relation: .community)
        let decision = policy.decideBranchSetup(
            in: CommunityContext(
                community: community, asOf: CivilDate(year: 2026, month: 6, day: 30) ?? .latest, members: [member]))
        #expect(decision.outcome == .jointBranch)
        #expect(decision.ruleIDs == ["baseline.joint"])
    }

    @Test func refusesAModuleThatIsNotThere() {
        #expect {
            try loader.load(named: "CharterBaselin")
        } throws: { error in
            guard let error = error as? ModuleLoadError else { return false }
            expectChinese(error)
            return error.code == .notFound && error.message.english.contains("Did you mean 'CharterBaseline'?")
                && error.message.english.contains("libCharterBaselin.so")
        }
    }

    @Test func refusesAFileThatIsNotASharedLibrary() throws {
        let directory = try TemporaryDirectory()
        try Data("not a library\n".utf8).write(to: directory.url.appendingPathComponent("libBogus.so"))
        let error = try #require(throws: ModuleLoadError.self) {
            try ModuleLoader(modulePaths: [directory.path]).load(named: "Bogus")
        }
        expectChinese(error)
        #expect(error.code == .notSharedLibrary)
        #expect(error.file?.hasSuffix("libBogus.so") == true)
    }

    @Test func refusesASharedLibraryWithoutAnEntryPoint() throws {
        let directory = try TemporaryDirectory()
        _ = try buildFakeModule(named: "libForeign.so", in: directory, defines: [])
        let error = try #require(throws: ModuleLoadError.self) {
            try ModuleLoader(modulePaths: [directory.path]).load(named: "Foreign")
        }
        expectChinese(error)
        #expect(error.code == .noEntryPoint)
        #expect(
            error.message.english.contains(
                ModuleHandshake.entrySymbol(forModule: "Foreign", interface: PolicyKitInterface.version)))
    }

    @Test(arguments: [
        ("999", "\(PolicyKitInterface.compilerVersion)", "PolicyKit interface 999"),
        ("\(PolicyKitInterface.version)", "5.9.0", "Swift 5.9.0"),
    ])
    func refusesAModuleBuiltForAnotherInterfaceOrCompiler(interface: String, compiler: String, says: String) throws {
        let directory = try TemporaryDirectory()
        _ = try buildFakeModule(
            named: "libFuture.so", in: directory,
            defines: [
                "CHARTER_FAKE_ENTRY",
                "CHARTER_FAKE_SYMBOL=\(ModuleHandshake.entrySymbol(forModule: "Future", interface: PolicyKitInterface.version))",
                "CHARTER_FAKE_INTERFACE=\(interface)u", "CHARTER_FAKE_COMPILER=\"\(compiler)\"",
            ])
        let error = try #require(throws: ModuleLoadError.self) {
            try ModuleLoader(modulePaths: [directory.path]).load(named: "Future")
        }
        expectChinese(error)
        #expect(error.code == .versionMismatch)
        #expect(error.message.english.contains(says))
        #expect(error.message.english.contains("Rebuild the module"))
    }

    @Test func refusesTwoModulesOfOneName() throws {
        let directory = try TemporaryDirectory()
        let original = try loader.load(named: "CharterBaseline").file
        try FileManager.default.copyItem(
            atPath: original, toPath: directory.url.appendingPathComponent("libCharterBaseline.so").path)
        let error = try #require(throws: ModuleLoadError.self) {
            try ModuleLoader(modulePaths: [directory.path]).load(named: "CharterBaseline")
        }
        expectChinese(error)
        #expect(error.code == .duplicateName)
        #expect(error.message.english.contains(original))
    }

    @Test func discoveryReportsEveryBadFileAndKeepsTheGoodModules() throws {
        let directory = try TemporaryDirectory()
        try Data().write(to: directory.url.appendingPathComponent("libEmpty.so"))
        _ = try buildFakeModule(named: "libForeign.so", in: directory, defines: [])
        let (modules, problems) = ModuleLoader(modulePaths: [directory.path]).discover()
        for problem in problems { expectChinese(problem) }
        #expect(modules.contains { $0.name == "CharterBaseline" })
        #expect(Set(problems.map(\.code)) == [.notSharedLibrary, .noEntryPoint])
    }
}

/// Reads the module list out of `Package.swift`.
enum PackageManifest {
    static func policyModules() throws -> [String] {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        guard let start = text.range(of: "let policyModules: [String] = ["),
            let end = text.range(of: "]", range: start.upperBound..<text.endIndex)
        else { return [] }
        return text[start.upperBound..<end.lowerBound]
            .split(whereSeparator: { $0 == "," || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            .filter { !$0.isEmpty }
    }
}

@Suite struct PackageLayoutTests {
    @Test func theModuleListMatchesThePoliciesFolders() throws {
        let listed = try PackageManifest.policyModules()
        let folders = try FileManager.default.contentsOfDirectory(
            atPath: Repository.root.appendingPathComponent("Policies").path
        ).filter { !$0.hasPrefix(".") }
        #expect(!listed.isEmpty)
        #expect(
            Set(listed) == Set(folders), "Package.swift lists \(listed.sorted()), Policies/ holds \(folders.sorted())")
        #expect(listed.count == Set(listed).count, "a module is listed twice")
    }
}

import CharterModules
import Foundation
@_spi(CharterHost) import PolicyKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Modules run only from where the user put them: a library, or a folder holding it, that other
/// users can write to is refused before it is opened.
///
/// The tests run as root, whom the rule trusts as an owner, so "another user" is uid 1234, made
/// with `chown`.
private let otherUser: uid_t = 1234

@Suite struct ModuleOwnershipTests {
    /// The built `libCharterBaseline.so` beside the test binary, as the loader finds it.
    static func builtModule() throws -> String {
        try ModuleLoader(modulePaths: []).load(named: "CharterBaseline").realPath
    }

    /// A copy of the built baseline module in a fresh folder: the folder, and the copy.
    func copiedModule() throws -> (folder: TemporaryDirectory, file: String) {
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent("libCharterBaseline.so").path
        try FileManager.default.copyItem(atPath: Self.builtModule(), toPath: file)
        #expect(chmod(file, 0o755) == 0)
        return (folder, file)
    }

    func set(_ path: String, mode: mode_t, owner: uid_t) {
        #expect(chown(path, owner, gid_t(owner)) == 0, "chown \(path): \(String(cString: strerror(errno)))")
        #expect(chmod(path, mode) == 0)
    }

    /// A world-writable folder is refused whoever owns it, and with the sticky bit too (`/tmp`).
    @Test(arguments: [(0o777, otherUser), (0o777, 0), (0o1777, 0), (0o775, otherUser)] as [(mode_t, uid_t)])
    func refusesAFolderThatOthersCanWriteTo(mode: mode_t, owner: uid_t) throws {
        guard geteuid() == 0 else { return }  // chown to another user needs root
        let (folder, file) = try copiedModule()
        set(folder.path, mode: mode, owner: owner)
        let error = try #require(throws: ModuleLoadError.self) {
            try ModuleLoader(modulePaths: [folder.path], includeExecutableDirectory: false).load(file: file)
        }
        expectChinese(error)
        let real = ModuleLoaderTestPaths.real(folder.path)
        let shown = String(mode, radix: 8)
        #expect(error.code == .writableByOthers)
        #expect(error.file == file)
        #expect(
            error.message.english.contains(
                "Refused: the folder '\(real)' can be written by \(mode & 0o002 != 0 ? "every user" : "other users of its group") "
                    + "(mode \(shown.count < 4 ? "0" + shown : shown), owner uid \(owner))"),
            "\(error.message)")
        #expect(error.message.english.contains("Move the module to a folder only you can write to"))
        #expect(error.message.english.contains("chmod go-w '\(real)'"))
        #expect(error.description.hasPrefix(file + ": Refused:"))
    }

    @Test(arguments: [(0o775, otherUser), (0o666, 0), (0o757, otherUser)] as [(mode_t, uid_t)])
    func refusesAFileThatOthersCanWriteTo(mode: mode_t, owner: uid_t) throws {
        guard geteuid() == 0 else { return }
        let (folder, file) = try copiedModule()
        set(file, mode: mode, owner: owner)
        let error = try #require(throws: ModuleLoadError.self) {
            try ModuleLoader(modulePaths: [folder.path], includeExecutableDirectory: false).load(
                named: "CharterBaseline")
        }
        expectChinese(error)
        #expect(error.code == .writableByOthers)
        #expect(
            error.message.english.contains("Refused: the file '\(ModuleLoaderTestPaths.real(file))' can be written"))
        #expect(error.message.english.contains("owner uid \(owner)"))
        #expect(
            error.message.english.contains(
                owner == geteuid() ? "or run `chmod go-w" : "or have its owner run `chmod go-w"))
    }

    /// Discovery refuses the file too, and reports it among the problems instead of loading it.
    @Test func discoveryReportsAModuleInAFolderOthersCanWriteTo() throws {
        let (folder, file) = try copiedModule()
        #expect(chmod(folder.path, 0o777) == 0)
        let (modules, problems) = ModuleLoader(modulePaths: [folder.path], includeExecutableDirectory: false)
            .discover()
        for problem in problems { expectChinese(problem) }
        #expect(modules.isEmpty)
        #expect(problems.map(\.code) == [.writableByOthers])
        #expect(problems.first?.file == file)
    }

    /// What only its owner (or root) can write is accepted: a 0755 folder and file of root's, a
    /// group-writable one of the user's own, and another user's file nobody else can write.
    @Test func acceptsAModuleOnlyItsOwnerCanWrite() throws {
        let (folder, file) = try copiedModule()
        #expect(chmod(folder.path, 0o755) == 0)
        let module = try ModuleLoader(modulePaths: [folder.path], includeExecutableDirectory: false)
            .load(named: "CharterBaseline")
        #expect(module.name == "CharterBaseline")
        #expect(module.file == file)
        #expect(module.realPath == ModuleLoaderTestPaths.real(file))
    }

    @Test(arguments: [(0o775, 0o664, 0), (0o755, 0o755, otherUser)] as [(mode_t, mode_t, uid_t)])
    func acceptsWhatNoOtherUserCanWrite(folderMode: mode_t, fileMode: mode_t, fileOwner: uid_t) throws {
        guard geteuid() == 0 else { return }
        let folder = try TemporaryDirectory()
        // A library that passes the check and is then refused for its interface, so that the test
        // does not load a second copy of a Swift module into the process.
        let file = try buildFakeModule(
            named: "libFuture.so", in: folder,
            defines: [
                "CHARTER_FAKE_ENTRY",
                "CHARTER_FAKE_SYMBOL=\(ModuleHandshake.entrySymbol(forModule: "Future", interface: PolicyKitInterface.version))",
                "CHARTER_FAKE_INTERFACE=999u", "CHARTER_FAKE_COMPILER=\"\(PolicyKitInterface.compilerVersion)\"",
            ])
        #expect(chmod(folder.path, folderMode) == 0)
        set(file, mode: fileMode, owner: fileOwner)
        let error = try #require(throws: ModuleLoadError.self) {
            try ModuleLoader(modulePaths: [folder.path], includeExecutableDirectory: false).load(named: "Future")
        }
        expectChinese(error)
        #expect(error.code == .versionMismatch, "\(error)")
    }

    /// A link is followed to the library it names: that file and its folder are what is checked,
    /// opened and recorded, while `file` stays the link the user put on the path.
    @Test func aLinkToAModuleResolvesToItsRealPath() throws {
        let folder = try TemporaryDirectory()
        let link = folder.url.appendingPathComponent("libCharterBaseline.so").path
        let original = try Self.builtModule()
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: original)
        let module = try ModuleLoader(modulePaths: [folder.path], includeExecutableDirectory: false)
            .load(named: "CharterBaseline")
        #expect(module.file == link)
        #expect(module.realPath == original)
        #expect(module.realPath == ModuleLoaderTestPaths.real(link))
    }

    /// A link found in a folder others can write to is refused, though it leads somewhere safe:
    /// anyone could have put it there, leading to a library of their own.
    @Test func aLinkInAFolderOthersCanWriteToIsRefused() throws {
        let folder = try TemporaryDirectory()
        let link = folder.url.appendingPathComponent("libCharterBaseline.so").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Self.builtModule())
        #expect(chmod(folder.path, 0o777) == 0)
        let error = try #require(throws: ModuleLoadError.self) {
            try ModuleLoader(modulePaths: [folder.path], includeExecutableDirectory: false).load(file: link)
        }
        expectChinese(error)
        #expect(error.code == .writableByOthers)
        #expect(error.message.english.contains("the folder '\(ModuleLoaderTestPaths.real(folder.path))'"))
    }

    /// `charter run` records, for every module, the real path of the library beside the path it
    /// was found at; here the module folder is a link to the build's.
    @Test func runRecordsTheRealPathOfEveryModule() throws {
        let work = try TemporaryDirectory()
        let builtFolder = try (Self.builtModule() as NSString).deletingLastPathComponent
        try FileManager.default.createSymbolicLink(atPath: work.path + "/modules", withDestinationPath: builtFolder)
        let profile = work.path + "/profile.json"
        try Data(
            """
            {"district": "test", "module_paths": ["modules"], "policies": {"branch_setup": {"module": "CharterBaseline"}}}
            """.utf8
        ).write(to: URL(fileURLWithPath: profile))
        let result = try Charter.run([
            "run", "--profile", profile, "--data", RunFixture.data, "--out", work.path + "/o",
        ])
        #expect(result.status == 0, "\(result.error)")
        let manifest =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: work.path + "/o/run.json"))) as? [String: Any]
        let recorded = try #require(manifest?["modules"] as? [[String: Any]])
        let baseline = try #require(recorded.first { $0["name"] as? String == "CharterBaseline" })
        #expect(baseline["file"] as? String == work.path + "/modules/libCharterBaseline.so")
        #expect(baseline["real_path"] as? String == builtFolder + "/libCharterBaseline.so")
    }

    /// `charter run` refuses a module that others can write to, with exit code 2 and the message.
    @Test func runRefusesAModuleOthersCanWriteToWithCodeTwo() throws {
        let work = try TemporaryDirectory()
        let unsafe = try TemporaryDirectory()
        _ = try buildFakeModule(named: "libFuture.so", in: unsafe, defines: [])
        #expect(chmod(unsafe.path, 0o777) == 0)
        let profile = work.path + "/profile.json"
        try Data(
            """
            {"district": "test", "module_paths": ["\(unsafe.path)"], "policies": {"branch_setup": {"module": "Future"}}}
            """.utf8
        ).write(to: URL(fileURLWithPath: profile))
        let result = try Charter.run([
            "run", "--profile", profile, "--data", RunFixture.data, "--out", work.path + "/o",
        ])
        #expect(result.status == 2)
        #expect(result.error.contains("libFuture.so: Refused: the folder"), "\(result.error)")
        #expect(result.error.contains("can be written by every user (mode 0777"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: work.path + "/o"))
    }
}

/// Real paths as the loader resolves them (the temporary folder may itself lie behind a link).
enum ModuleLoaderTestPaths {
    static func real(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

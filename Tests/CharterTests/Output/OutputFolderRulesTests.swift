import CharterData
import CharterSupport
import Foundation
import PolicyKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What an output folder may replace, and what it leaves behind: issue "nothing lost".
@Suite struct OutputFolderRulesTests {
    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func refusal(
        _ destination: String, force: Bool = true, protected: [ProtectedPath] = []
    ) -> String? {
        do {
            let folder = try OutputFolder(destination: destination, command: "run", force: force, protected: protected)
            folder.discard()
            return nil
        } catch {
            expectChinese(error)
            return error.message.english
        }
    }

    @Test func refusesTheDatasetItsParentsAndWhatLiesInsideIt() throws {
        let work = try TemporaryDirectory()
        let data = work.path + "/district/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let protected = [ProtectedPath(path: data, role: .dataset)]
        #expect(refusal(data, protected: protected)?.contains("it is the dataset folder") == true)
        #expect(refusal(work.path + "/district", protected: protected)?.contains("it holds the dataset folder") == true)
        #expect(refusal(data + "/out", protected: protected)?.contains("it lies inside the dataset folder") == true)
        // The same folder named another way (a trailing slash, `..`, a link) is the same folder.
        #expect(refusal(data + "/", protected: protected) != nil)
        #expect(refusal(data + "/../data", protected: protected) != nil)
        try FileManager.default.createSymbolicLink(atPath: work.path + "/link", withDestinationPath: data)
        #expect(refusal(work.path + "/link", protected: protected)?.contains("it is the dataset folder") == true)
        // `..` after a link is the parent of where the link points, as the system sees it.
        let elsewhere = work.path + "/elsewhere/deep"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work.path + "/district/jump", withDestinationPath: data)
        #expect(
            refusal(work.path + "/district/jump/../data", protected: protected)?.contains("the dataset folder") == true)
        // A sibling is fine.
        #expect(refusal(work.path + "/district/out", protected: protected) == nil)
    }

    @Test func refusesAFolderHoldingTheProfileOrAModulePathButNotOneInsideTheProfilesFolder() throws {
        let work = try TemporaryDirectory()
        let profiles = work.path + "/office/profiles"
        let modules = work.path + "/office/modules"
        for folder in [profiles, modules] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let protected = [
            ProtectedPath(path: profiles, role: .profile), ProtectedPath(path: modules, role: .modulePath),
        ]
        #expect(refusal(profiles, protected: protected)?.contains("the profile's folder") == true)
        #expect(refusal(work.path + "/office", protected: protected) != nil)
        #expect(refusal(modules + "/out", protected: protected)?.contains("lies inside a module path") == true)
        #expect(refusal(profiles + "/out", protected: protected) == nil)
    }

    @Test func refusesTheCurrentFolderTheHomeFolderAndTheRoot() throws {
        #expect(refusal(FileSystem.currentDirectory)?.contains("the current folder") == true)
        #expect(refusal(".")?.contains("does not name a folder by its own name") == true)
        #expect(refusal("..")?.contains("does not name a folder by its own name") == true)
        #expect(refusal("/")?.contains("the root folder") == true)
        if let home = ProcessInfo.processInfo.environment["HOME"], home != "/" {
            #expect(refusal(home)?.contains("the home folder") == true)
        }
    }

    @Test func forceReplacesOnlyAFolderWhoseMarkerListsEverythingInIt() throws {
        let work = try TemporaryDirectory()
        let out = work.path + "/out"
        let folder = try OutputFolder(destination: out, command: "run", force: false)
        try write("one", to: folder.file("decisions.jsonl"))
        try folder.commit()
        let marker = try String(contentsOfFile: out + "/" + OutputFolder.markerName, encoding: .utf8)
        #expect(marker == "charter-output/1\ncommand run\ndecisions.jsonl\n")
        // Without --force an existing folder is refused, with it the earlier output is replaced.
        #expect(refusal(out, force: false)?.contains("--force") == true)
        #expect(refusal(out) == nil)
        try write("keep", to: out + "/notes.txt")
        #expect(refusal(out)?.contains("holds 'notes.txt', which Charter did not write") == true)
        try FileManager.default.removeItem(atPath: out + "/notes.txt")
        try FileManager.default.removeItem(atPath: out + "/" + OutputFolder.markerName)
        #expect(refusal(out)?.contains("not a folder Charter wrote") == true)
        // An empty folder and a file.
        let empty = work.path + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        #expect(refusal(empty, force: false) == nil)
        try write("x", to: work.path + "/file")
        #expect(refusal(work.path + "/file")?.contains("is not a folder") == true)
    }

    @Test func aRunOutputFromBeforeTheMarkerIsReplacedWhenItHoldsOnlyARunsFiles() throws {
        let work = try TemporaryDirectory()
        let out = work.path + "/old"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        try write("{\n  \"charter_version\": \"0.1.0\",\n  \"counts\": {}\n}\n", to: out + "/run.json")
        try write("", to: out + "/decisions.jsonl")
        // A dataset with a copied run.json is not a run's output: a run writes its report.
        #expect(refusal(out)?.contains("not a folder Charter wrote") == true)
        try write("", to: out + "/report.html")
        #expect(refusal(out) == nil)
        try write("", to: out + "/mine.csv")
        #expect(refusal(out)?.contains("'mine.csv'") == true)
    }

    @Test func theStagingFolderIsPrivateAndTheOutputGetsTheUsersPermissions() throws {
        let work = try TemporaryDirectory()
        let folder = try OutputFolder(destination: work.path + "/out", command: "run", force: false)
        var info = stat()
        #expect(stat(folder.staging, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o700)
        let name = (folder.staging as NSString).lastPathComponent
        #expect(name.hasPrefix(".out.charter-partial-\(getpid())-"))
        try write("x", to: folder.file("run.json"))
        try folder.commit()
        #expect(stat(work.path + "/out", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o755 & ~FileSystem.umask)
        #expect(stat(work.path + "/out/run.json", &info) == 0)
        #expect(info.st_mode & 0o077 & ~0o044 == 0, "an output file is never more open than 0644")
    }

    @Test func aStagingFolderWhoseProcessIsGoneIsRemovedByTheNextRunOfTheSameFolder() throws {
        let work = try TemporaryDirectory()
        let gone = work.path + "/.out.charter-partial-999999999-1"
        let other = work.path + "/.other.charter-partial-999999999-1"
        let mine = work.path + "/.out.charter-partial-\(getpid())-\(selfStart())"
        let legacy = work.path + "/.out.partial-999999999"
        let legacyForeign = work.path + "/.out.partial-999999998"
        let backup = work.path + "/.district.partial-2024"
        for folder in [gone, other, mine, legacy, legacyForeign, backup] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        }
        try write("a name", to: gone + "/members.csv")
        try write("{}", to: legacy + "/run.json")
        try write("my own notes", to: legacyForeign + "/notes.txt")
        // A link with a staging name is not followed: what it points to stays whole.
        let victim = work.path + "/victim"
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: false)
        try write("keep", to: victim + "/keep.txt")
        try FileManager.default.createSymbolicLink(
            atPath: work.path + "/.out.charter-partial-999999997-1", withDestinationPath: victim)
        let folder = try OutputFolder(destination: work.path + "/out", command: "run", force: false)
        defer { folder.discard() }
        #expect(folder.leftoversCleared.sorted() == [gone, legacy].sorted())
        for path in [gone, legacy] { #expect(!FileManager.default.fileExists(atPath: path)) }
        // Another destination's, a live process's, a folder holding what Charter does not write,
        // a user's own hidden folder and a link's target all stay.
        for path in [other, mine, legacyForeign + "/notes.txt", backup, victim + "/keep.txt"] {
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
        }
    }

    @Test func anEarlierOutputMovedAsideByAnInterruptedReplacementIsPutBack() throws {
        let work = try TemporaryDirectory()
        let aside = work.path + "/.out.charter-partial-999999999-1.old"
        try FileManager.default.createDirectory(atPath: aside, withIntermediateDirectories: false)
        try write("earlier", to: aside + "/run.json")
        let folder = try OutputFolder(destination: work.path + "/out", command: "run", force: true)
        defer { folder.discard() }
        #expect(folder.restoredEarlier == work.path + "/out")
        #expect(try String(contentsOfFile: work.path + "/out/run.json", encoding: .utf8) == "earlier")
    }

    @Test func aRunDoesNotReplaceAGeneratedDatasetNorGenerateARunsOutput() throws {
        let work = try TemporaryDirectory()
        let data = work.path + "/data"
        let generated = try OutputFolder(destination: data, command: "generate", force: false)
        try write("id\n", to: generated.file("members.csv"))
        try generated.commit()
        do {
            _ = try OutputFolder(destination: data, command: "run", force: true)
            Issue.record("a run replaced a dataset")
        } catch {
            #expect(error.message.english.contains("holds a dataset that charter generate wrote"))
        }
        let again = try OutputFolder(destination: data, command: "generate", force: true)
        again.discard()
    }

    @Test func whatAppearsAtTheDestinationWhileTheRunWritesIsNotReplaced() throws {
        let work = try TemporaryDirectory()
        let out = work.path + "/out"
        let folder = try OutputFolder(destination: out, command: "run", force: false)
        try write("x", to: folder.file("run.json"))
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        try write("notes", to: out + "/notes.txt")
        #expect(throws: OutputError.self) { try folder.commit() }
        #expect(try String(contentsOfFile: out + "/notes.txt", encoding: .utf8) == "notes")
        folder.discard()
    }

    @Test func aDiscardedFolderLeavesNothing() throws {
        let work = try TemporaryDirectory()
        let folder = try OutputFolder(destination: work.path + "/out", command: "diff", force: false)
        try write("x", to: folder.file("diff.jsonl"))
        folder.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
    }

    private func selfStart() -> String {
        let stat = (try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8)) ?? ""
        let fields = stat[(stat.lastIndex(of: ")") ?? stat.startIndex)...].split(separator: " ")
        return fields.count > 20 ? String(fields[20]) : "0"
    }
}

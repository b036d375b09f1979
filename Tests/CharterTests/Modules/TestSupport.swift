import Foundation

/// Paths of the repository and of the build, for tests that work on real files.
enum Repository {
    /// The repository's root folder.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A fixture under `Tests/CharterTests/Fixtures`.
    static func fixture(_ path: String) -> URL {
        root.appendingPathComponent("Tests/CharterTests/Fixtures").appendingPathComponent(path)
    }
}

/// A fresh temporary directory, removed when the test ends.
final class TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("charter-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs a program and returns its exit status and combined output.
@discardableResult
func runProcess(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Compiles the C fixture into a shared library with the given preprocessor definitions.
func buildFakeModule(named fileName: String, in directory: TemporaryDirectory, defines: [String]) throws -> String {
    let output = directory.url.appendingPathComponent(fileName).path
    let source = Repository.fixture("modules/foreign_module.c").path
    let compiler = FileManager.default.isExecutableFile(atPath: "/usr/bin/cc") ? "cc" : "clang"
    let result = try runProcess(compiler, ["-shared", "-fPIC", "-o", output, source] + defines.map { "-D" + $0 })
    guard result.status == 0 else { throw FakeModuleError(output: result.output) }
    return output
}

struct FakeModuleError: Error {
    let output: String
}

/// A dataset of a few rows written for one test: `files` maps a file name (`members.csv`) to
/// its text; returns the folder.
func writeDataset(in work: TemporaryDirectory, _ files: [String: String]) throws -> String {
    let data = work.path + "/data"
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    for (name, text) in files {
        try Data(text.utf8).write(to: URL(fileURLWithPath: data + "/" + name))
    }
    return data
}

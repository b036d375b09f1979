import CharterModules
import Foundation

/// The `charter` executable built beside the test bundle, run as a user would run it.
enum Charter {
    static var path: String {
        (ModuleLoader.executableDirectory() ?? ".build/debug") + "/charter"
    }

    /// Runs `charter` with `arguments` (in `directory`, if given); returns the exit status,
    /// standard output and standard error.
    ///
    /// It runs in English whatever the tests' own locale (`LANG=C.UTF-8`, no `LC_ALL`), unless
    /// `environment` says otherwise: each variable given is set, or removed when its value is
    /// `nil`.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String?] = [:], directory: String? = nil) throws
        -> (status: Int32, output: String, error: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }
}

import CharterData
import CharterSupport
import Foundation
import PolicyKit
import Testing

@Suite struct OutputFolderTests {
    @Test func aFileThatFailsIsNamedWhereItWasGoingNotInTheHiddenFolder() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("folder-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let folder = try OutputFolder(destination: parent + "/out", command: "run", force: false)
        let failure = OutputError(
            path: folder.file("decisions.jsonl"),
            message: Text(zh: "未能写入（No space left on device）。", en: "could not be written (No space left on device)."))
        #expect(
            folder.describe(failure) == "\(parent)/out/decisions.jsonl: could not be written (No space left on device)."
        )
        #expect(
            folder.describe(failure, in: .chinese) == "\(parent)/out/decisions.jsonl: 未能写入（No space left on device）。")
        let elsewhere = OutputError(path: "/etc/profile.json", message: Text(zh: "无法读取。", en: "cannot be read."))
        #expect(folder.describe(elsewhere) == "/etc/profile.json: cannot be read.")
    }
}

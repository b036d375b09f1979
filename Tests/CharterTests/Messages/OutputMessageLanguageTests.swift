import CharterSupport
import Glibc
import PolicyKit
import Testing

/// What the output folder and the file system say of a file they cannot write or read has its
/// Chinese.
@Suite struct OutputMessageLanguageTests {
    @Test(arguments: [ENOSPC, EDQUOT, EFBIG, EROFS, EACCES, EPERM, ENOENT, EIO, EINVAL], [true, false])
    func aFileThatCannotBeWrittenHasItsChinese(code: Int32, creating: Bool) {
        errno = code
        let error = OutputError.lastFailure(path: "out/decisions.jsonl", creating: creating)
        expectChinese(error)
        #expect(error.message(in: .chinese).hasPrefix("out/decisions.jsonl: "))
        #expect(
            error.description.hasPrefix(
                "out/decisions.jsonl: " + (creating ? "cannot be created (" : "could not be written (")))
    }

    @Test func aFileThatCannotBeReadHasItsChinese() throws {
        let error = try #require(throws: FileSystemError.self) {
            try FileSystem.readBytes("/nonexistent/charter/profile.json")
        }
        expectChinese(error)
        #expect(error.description == "/nonexistent/charter/profile.json: \(error.reason)")
    }
}

import CharterSupport
import Glibc
import PolicyKit
import Testing

@testable import CharterEngine

/// What the engine says of a module that crashed, trapped or ran too long has its Chinese.
@Suite struct EngineMessageLanguageTests {
    static let subject = Text(zh: "member:M7（社区 C1）", en: "member:M7 (community C1)")

    @Test(arguments: [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT], [nil, "Fatal error: Index out of range"])
    func aFaultHasItsChinese(signal: Int32, trap: String?) {
        let text = ModuleFaults.faultText(signal: signal, trap: trap)
        expectChinese(text)
        let failure = ModuleFailure(module: "Crasher@1.0.0", point: .points, subject: Self.subject, message: text)
        expectChinese(failure)
        #expect(failure.message(in: .chinese).contains("Crasher@1.0.0"))
        #expect(failure.message(in: .chinese).contains("member:M7"))
        #expect(
            failure.description.hasPrefix("Policy module Crasher@1.0.0 failed on points for member:M7 (community C1): ")
        )
    }

    @Test func aTimeoutHasItsChinese() {
        expectChinese(ModuleFaults.timeoutText(seconds: 30))
        #expect(ModuleFaults.timeoutText(seconds: 0.5).chinese.contains("--decision-timeout 0.5"))
    }

    @Test func theFixedMessageOfAReporterThatCannotRunHasItsChinese() {
        let chinese = ModuleFaults.chineseFallbackMessage.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        let english = ModuleFaults.fallbackMessage.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        #expect(Text.hasChinese(chinese, english: english))
        #expect(chinese.contains("--jobs 1 --debug"))
    }
}

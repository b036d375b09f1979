import CharterModules
import CharterSupport
@_spi(CharterHost) import PolicyKit
import Testing

@testable import CharterEngine

/// A module that reads `months` as a whole number without declaring it.
private struct UndeclaredReader: StagePolicy {
    static let metadata = ModuleMetadata(
        name: "UndeclaredReader", version: SemanticVersion(0, 1, 0), summary: Text(zh: "测试用", en: "for tests"),
        rules: [Rule("stage.any", point: .stage, meaning: Text(zh: "测试用", en: "for tests"))], reasons: [])
    static let months = Parameter<Int>(
        "months", in: 1...60, default: 6, points: [.stage], meaning: Text(zh: "月数", en: "months"))

    init(parameters: Parameters) throws { _ = try parameters.value(of: Self.months) }

    func decideStage(in context: CommunityContext) -> StageDecision {
        StageDecision(outcome: .transition, rules: [], reasons: [], details: StageDetails(declared: false))
    }
}

/// PolicyKit's `ParameterError`, a module reading a parameter its metadata does not declare, says
/// so in Chinese as well as in English, wherever it reaches the user.
@Suite struct ParameterMessageLanguageTests {
    @Test(arguments: [("integer", "整数"), ("boolean", "布尔值"), ("string", "字符串"), ("decimal", "decimal")])
    func everyTypeOfParameterHasItsChinese(expected: String, chinese: String) {
        let error = ParameterError(name: "mobileAfterMonths", expected: expected)
        expectChinese(error)
        expectChinese(error.message)
        #expect(error.message(in: .chinese).contains("以\(chinese)类型读取参数 'mobileAfterMonths'"))
        // The English is what it was, and stays the description.
        #expect(
            error.description
                == "The module reads parameter 'mobileAfterMonths' as \(expected), but its metadata lists no such \(expected) parameter; add the declaration to the module's metadata."
        )
        #expect(error.message(in: .english) == error.description)
    }

    /// Thrown by the module's start, through the engine's selection, it keeps its Chinese.
    @Test func aModuleThatReadsAnUndeclaredParameterIsSaidInChinese() throws {
        let module = LoadedModule(
            entry: ModuleEntry(UndeclaredReader.self), file: "linked", compilerVersion: "-",
            interfaceVersion: PolicyKitInterface.version)
        let error = try #require(throws: ParameterError.self) {
            try PolicySelection(module: module, parameters: Parameters(defaultsOf: UndeclaredReader.metadata))
        }
        let localized = try #require(error as (any Error) as? any LocalizedMessage)
        #expect(localized.message(in: .chinese).hasPrefix("模块以整数类型读取参数 'months'"))
    }

    /// The profile's problem quotes it as one sentence in each language.
    @Test func theProfileSaysTheModuleRefusedItsParametersInChinese() {
        let refusal = ProfileResolver.refusal(
            of: "UndeclaredReader", ParameterError(name: "months", expected: "integer"))
        expectChinese(refusal)
        #expect(refusal.chinese.hasPrefix("模块 'UndeclaredReader' 不接受这些参数：模块以整数类型读取参数 'months'"))
        #expect(refusal.chinese.hasSuffix("补上这项声明。") && !refusal.chinese.hasSuffix("。。"))
        #expect(refusal.english.hasPrefix("Module 'UndeclaredReader' refused its parameters: The module reads"))
        #expect(refusal.english.hasSuffix("metadata.") && !refusal.english.hasSuffix(".."))
        struct Other: Error {}
        #expect(ProfileResolver.refusal(of: "M", Other()).english.hasSuffix("Other()."))
    }
}

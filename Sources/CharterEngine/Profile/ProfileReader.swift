import CharterSupport
import PolicyKit

/// Reads a profile's JSON into a ``Profile``, naming the JSON path of every problem.
public enum ProfileReader {
    static let topLevelKeys = ["district", "as_of", "module_paths", "policies", "description", "extends"]
    static let choiceKeys = ["module", "params", "version", "sha256", "stages"]

    /// Parses the text of a profile that extends no other; `file` names it in errors.
    ///
    /// Dated values are taken as in force on `asOf`, else on the profile's own `as_of`.
    public static func parse(_ text: String, file: String, asOf: CivilDate? = nil) throws(ProfileError) -> Profile {
        let document = try ProfileDocument.single(text, file: file)
        guard let date = asOf ?? document.asOf else {
            return try read(document.json, file: file)
        }
        return try document.resolved(at: date).profile
    }

    /// Reads a profile's JSON, its dated values already resolved; `file` names it in errors.
    public static func read(_ json: JSONValue, file: String) throws(ProfileError) -> Profile {
        var problems: [ProfileProblem] = []
        guard case .object(let members) = json else {
            throw ProfileError(file: file, path: "", message: notAnObject(json))
        }
        var profile = Profile(district: "")
        for (key, value) in members {
            switch key {
            case "district":
                if case .string(let name) = value {
                    profile.district = name
                } else {
                    problems.append(
                        ProfileProblem(
                            path: key,
                            message: Text(
                                zh: "应为字符串，而不是\(value.kindText.chinese)。",
                                en: "must be a string, not \(value.kindName).")))
                }
            case "description":
                break
            case "as_of":
                if case .string(let text) = value, let date = CivilDate(text) {
                    profile.asOf = date
                } else {
                    problems.append(
                        ProfileProblem(
                            path: key,
                            message: Text(
                                zh: "应为 YYYY-MM-DD 格式的日期，例如 \"2026-06-30\"。",
                                en: "must be a date written YYYY-MM-DD, such as \"2026-06-30\".")))
                }
            case "module_paths":
                if case .array(let values) = value {
                    for (index, entry) in values.enumerated() {
                        if case .string(let path) = entry {
                            profile.modulePaths.append(path)
                        } else {
                            problems.append(
                                ProfileProblem(
                                    path: "\(key)[\(index)]",
                                    message: Text(zh: "应为表示目录路径的字符串。", en: "must be a directory path string.")))
                        }
                    }
                } else {
                    problems.append(
                        ProfileProblem(
                            path: key, message: Text(zh: "应为由目录路径组成的数组。", en: "must be an array of directory paths.")))
                }
            case "policies":
                guard case .object(let points) = value else {
                    problems.append(
                        ProfileProblem(
                            path: key,
                            message: Text(
                                zh: "应为从扩展点到所选模块的对象。", en: "must be an object from extension point to module choice.")))
                    continue
                }
                for (pointName, choiceValue) in points {
                    let path = "policies.\(pointName)"
                    guard let point = ExtensionPoint(rawValue: pointName) else {
                        problems.append(
                            unknown(
                                path, Text(zh: "扩展点", en: "extension point"), pointName,
                                ExtensionPoint.allCases.map(\.rawValue)))
                        continue
                    }
                    if let choice = readChoice(choiceValue, path: path, inStage: false, problems: &problems) {
                        if point == .stage, !choice.stages.isEmpty {
                            problems.append(
                                ProfileProblem(
                                    path: "\(path).stages",
                                    message: Text(
                                        zh: "stage 扩展点决定的就是阶段本身，不能按阶段改变；请删去这里的 'stages'。",
                                        en:
                                            "The stage point decides the stage itself, so it cannot vary by stage; remove 'stages' here."
                                    )))
                        }
                        profile.policies[point] = choice
                    }
                }
            default:
                problems.append(unknown(key, Text(zh: "键", en: "key"), key, topLevelKeys))
            }
        }
        if !members.contains(where: { $0.0 == "policies" }) {
            problems.append(
                ProfileProblem(
                    path: "policies",
                    message: Text(
                        zh: "缺少这一项：请为要作决定的每个扩展点指定模块，例如 {\"stage\": {\"module\": \"ChengduPilot\"}}。",
                        en:
                            "is missing: name the module for each extension point to decide, such as {\"stage\": {\"module\": \"ChengduPilot\"}}."
                    )))
        }
        guard problems.isEmpty else { throw ProfileError(file: file, problems: problems) }
        return profile
    }

    static func readChoice(
        _ value: JSONValue, path: String, inStage: Bool, problems: inout [ProfileProblem]
    ) -> PolicyChoice? {
        guard case .object(let members) = value else {
            problems.append(
                ProfileProblem(
                    path: path,
                    message: Text(
                        zh: "应为形如 {\"module\": \"ChengduPilot\"} 的对象，而不是\(value.kindText.chinese)。",
                        en: "must be an object such as {\"module\": \"ChengduPilot\"}, not \(value.kindName).")))
            return nil
        }
        var choice = PolicyChoice(module: nil)
        for (key, entry) in members {
            let entryPath = "\(path).\(key)"
            switch key {
            case "module":
                guard case .string(let name) = entry, !name.isEmpty else {
                    problems.append(
                        ProfileProblem(
                            path: entryPath, message: Text(zh: "应为表示模块名称的字符串。", en: "must be a module name string.")))
                    continue
                }
                choice.module = name
            case "params":
                guard case .object(let params) = entry else {
                    problems.append(
                        ProfileProblem(
                            path: entryPath,
                            message: Text(zh: "应为从参数名到参数值的对象。", en: "must be an object from parameter name to value.")))
                    continue
                }
                choice.params = params.map { (name: $0.0, value: $0.1) }
            case "version":
                guard case .string(let text) = entry, SemanticVersion(text) != nil else {
                    problems.append(
                        ProfileProblem(
                            path: entryPath,
                            message: Text(
                                zh: "应为 MAJOR.MINOR.PATCH 格式的版本号，例如 \"1.0.0\"。",
                                en: "must be a version written MAJOR.MINOR.PATCH, such as \"1.0.0\".")))
                    continue
                }
                choice.version = text
            case "sha256":
                guard case .string(let text) = entry, text.utf8.count == 64,
                    text.utf8.allSatisfy({
                        (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0)
                    })
                else {
                    problems.append(
                        ProfileProblem(
                            path: entryPath,
                            message: Text(
                                zh: "应为 64 位十六进制数字（模块 .so 文件的 SHA-256）。",
                                en: "must be 64 hexadecimal digits (the SHA-256 of the module's .so file).")))
                    continue
                }
                choice.sha256 = text.lowercased()
            case "stages" where !inStage:
                guard case .object(let stages) = entry else {
                    problems.append(
                        ProfileProblem(
                            path: entryPath,
                            message: Text(zh: "应为从阶段到所选模块的对象。", en: "must be an object from stage to module choice.")))
                    continue
                }
                for (stageName, stageValue) in stages {
                    let stagePath = "\(entryPath).\(stageName)"
                    guard let stage = Stage(rawValue: stageName) else {
                        problems.append(
                            unknown(stagePath, Text(zh: "阶段", en: "stage"), stageName, Stage.allCases.map(\.rawValue)))
                        continue
                    }
                    if let override = readChoice(stageValue, path: stagePath, inStage: true, problems: &problems) {
                        choice.stages[stage] = override
                    }
                }
            default:
                problems.append(
                    unknown(
                        entryPath, Text(zh: "键", en: "key"), key,
                        inStage ? choiceKeys.filter { $0 != "stages" } : choiceKeys))
            }
        }
        if !inStage, choice.module == nil, !members.contains(where: { $0.0 == "module" }) {
            problems.append(
                ProfileProblem(
                    path: "\(path).module",
                    message: Text(
                        zh: "缺少这一项：请指定决定这个扩展点的模块。", en: "is missing: name the module that decides this point.")))
        }
        return choice
    }

    static func unknown(_ path: String, _ what: Text, _ word: String, _ known: [String]) -> ProfileProblem {
        var message = Text(zh: "不是已知的\(what.chinese)。", en: "is not a known \(what.english).")
        if let suggestion = Text.didYouMean(word, among: known) { message += suggestion }
        let list = known.joined(separator: ", ")
        message += Text(zh: "已知的有：\(list)。", en: " Known: \(list).")
        return ProfileProblem(path: path, message: message)
    }

    /// The problem of a profile whose JSON is not an object.
    static func notAnObject(_ json: JSONValue) -> Text {
        Text(
            zh: "配置文件应是一个 JSON 对象；这个文件里是\(json.kindText.chinese)。",
            en: "A profile is a JSON object; this file holds \(json.kindName).")
    }
}

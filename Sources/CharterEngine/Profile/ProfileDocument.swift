import CharterData
import CharterSupport
public import PolicyKit

/// A profile as a city and its districts write it: a file that may extend another (`"extends"`),
/// with values that may change on dated documents, before an as-of date picks the values in
/// force.
///
/// - **Overlays.** `"extends": "PATH"` (relative to the file) names the profile it builds on;
///   chains are allowed and a cycle is refused. What the overlay names replaces the base's: a
///   top-level key, a point's module, version or pin, a parameter, a stage's override (merged the
///   same way). A point whose module the overlay changes is replaced whole, since the base's
///   parameters belong to the other module.
/// - **Dated values.** A parameter's value, or a point's (or stage's) module, may be
///   `{"values": [{"from": "2025-01-01", "value": 6, "basis": "成组通〔2024〕31号"}, …]}`: the
///   value in force on the as-of date is the last whose `from` is on or before it; `basis` names
///   the document that set it.
///
/// Every value keeps where it came from (file and JSON path), for `profile check`, `run.json`
/// and errors.
public struct ProfileDocument: Sendable {
    /// The profile file named on the command line.
    public let file: String
    /// The files of the chain, from `file` down to the base it finally extends.
    public let chain: [String]
    /// The merged profile, dated values still as lists.
    public let json: JSONValue
    /// Which file set each part of `json`, by the JSON path of the part (longest prefix wins).
    let sources: [String: String]

    /// The default as-of date the profile gives (`"as_of"`), if any.
    public var asOf: CivilDate? {
        guard case .string(let text)? = json["as_of"] else { return nil }
        return CivilDate(text)
    }

    /// The file that set the value at `path` (a JSON path such as
    /// `policies.points.params.excellentShare`).
    public func source(of path: String) -> String {
        var best = ""
        for key in sources.keys
        where (key.isEmpty || path == key || path.hasPrefix(key + ".") || path.hasPrefix(key + "["))
            && key.count >= best.count
        {
            best = key
        }
        return sources[best] ?? file
    }

    // MARK: - Loading

    /// Reads the profile at `path` and every profile it extends.
    ///
    /// - Parameter read: reads a file's text, or throws a message saying why it cannot.
    public static func load(
        _ path: String, read: (String) throws(ProfileError) -> String
    ) throws(ProfileError) -> ProfileDocument {
        try load(path, read: read, seen: [])
    }

    /// A document of one text that extends nothing (for policy test cases and fuzzing).
    public static func single(_ text: String, file: String) throws(ProfileError) -> ProfileDocument {
        let json = try parseJSON(text, file: file)
        if json["extends"] != nil {
            throw ProfileError(
                file: file, path: "extends",
                message: Text(zh: "这里不允许使用：请给出完整的配置文件。", en: "is not allowed here: give the whole profile."))
        }
        return ProfileDocument(file: file, chain: [file], json: json, sources: ["": file])
    }

    private static func load(
        _ path: String, read: (String) throws(ProfileError) -> String, seen: [String]
    ) throws(ProfileError) -> ProfileDocument {
        let real = FileSystem.realPath(path) ?? path
        if let first = seen.firstIndex(of: real) {
            let cycle = (seen[first...] + [real]).joined(separator: " → ")
            throw ProfileError(
                file: path, path: "extends",
                message: Text(
                    zh: "这些配置文件互相扩展，形成了循环（\(cycle)）；其中一个必须是不扩展任何文件的基础配置。",
                    en:
                        "The profiles extend each other in a cycle (\(cycle)); one of them must be the base, extending nothing."
                ))
        }
        let json = try parseJSON(try read(path), file: path)
        guard case .object = json else {
            throw ProfileError(file: path, path: "", message: ProfileReader.notAnObject(json))
        }
        var own = json.removingKey("extends")
        own = own.resolvingModulePaths(relativeTo: FileSystem.folder(of: path))
        guard let extends = json["extends"] else {
            return ProfileDocument(file: path, chain: [path], json: own, sources: ["": path])
        }
        guard case .string(let relative) = extends, !relative.isEmpty else {
            throw ProfileError(
                file: path, path: "extends",
                message: Text(
                    zh: "应为本配置文件所基于的配置文件的路径。", en: "must be the path of the profile this one builds on."))
        }
        let basePath = relative.hasPrefix("/") ? relative : FileSystem.folder(of: path) + "/" + relative
        guard FileSystem.exists(basePath) else {
            throw ProfileError(
                file: path, path: "extends",
                message: Text(
                    zh: "指向的 \(basePath) 不存在。请给出本配置文件所基于的配置文件的路径（相对于本文件）。",
                    en:
                        "names \(basePath), which does not exist. Give the path of the profile this one builds on, relative to this file."
                ))
        }
        let base = try load(basePath, read: read, seen: seen + [real])
        var sources = base.sources
        let merged = merge(base.json, own, path: "", file: path, sources: &sources)
        return ProfileDocument(file: path, chain: [path] + base.chain, json: merged, sources: sources)
    }

    static func parseJSON(_ text: String, file: String) throws(ProfileError) -> JSONValue {
        do {
            return try JSONValue.parse(text)
        } catch {
            throw ProfileError(
                file: file, path: "",
                message: Text(
                    zh: "这不是有效的 JSON（\(error.message(in: .chinese))）。", en: "This is not valid JSON (\(error))."))
        }
    }

    /// `overlay` over `base` at `path`, noting in `sources` what `file` set.
    static func merge(
        _ base: JSONValue, _ overlay: JSONValue, path: String, file: String, sources: inout [String: String]
    ) -> JSONValue {
        guard case .object(var members) = base, case .object(let over) = overlay else {
            replace(path, file: file, sources: &sources)
            return overlay
        }
        for (key, value) in over {
            let childPath = path.isEmpty ? key : path + "." + key
            let existing = members.firstIndex { $0.0 == key }
            let merged: JSONValue
            if let existing, mergesByKey(path: path, key: key) {
                let baseModule = members[existing].1["module"]
                if isChoice(path: path, key: key), let overModule = value["module"],
                    moduleNames(baseModule).isDisjoint(with: moduleNames(overModule))
                {
                    // Another module for the point: its parameters and stages start afresh.
                    replace(childPath, file: file, sources: &sources)
                    merged = value
                } else {
                    merged = merge(members[existing].1, value, path: childPath, file: file, sources: &sources)
                }
            } else {
                replace(childPath, file: file, sources: &sources)
                merged = value
            }
            if let existing { members[existing].1 = merged } else { members.append((key, merged)) }
        }
        return .object(members)
    }

    /// The module names a module choice gives: one, or those of its dated values.
    static func moduleNames(_ value: JSONValue?) -> Set<String> {
        switch value {
        case .string(let name)?: return [name]
        case .object?:
            guard case .array(let entries)? = value?["values"] else { return [] }
            return Set(entries.compactMap { if case .string(let name)? = $0["value"] { name } else { nil } })
        default: return []
        }
    }

    /// Whether the object at `path.key` merges key by key (else the overlay's value replaces it).
    static func mergesByKey(path: String, key: String) -> Bool {
        let full = path.isEmpty ? key : path + "." + key
        let parts = full.split(separator: ".").map(String.init)
        // policies; policies.POINT; policies.POINT.params; policies.POINT.stages;
        // policies.POINT.stages.STAGE; policies.POINT.stages.STAGE.params.
        guard parts.first == "policies" else { return false }
        switch parts.count {
        case 1, 2: return true
        case 3: return parts[2] == "params" || parts[2] == "stages"
        case 4: return parts[2] == "stages"
        case 5: return parts[2] == "stages" && parts[4] == "params"
        default: return false
        }
    }

    /// Whether `path.key` is a module choice (a point's, or a stage's).
    static func isChoice(path: String, key: String) -> Bool {
        let parts = (path.isEmpty ? key : path + "." + key).split(separator: ".")
        return parts.first == "policies" && (parts.count == 2 || (parts.count == 4 && parts[2] == "stages"))
    }

    private static func replace(_ path: String, file: String, sources: inout [String: String]) {
        for key in sources.keys where key.hasPrefix(path + ".") || key.hasPrefix(path + "[") {
            sources.removeValue(forKey: key)
        }
        sources[path] = file
    }

    // MARK: - The values in force

    /// The profile in force on `asOf`: every dated value replaced by the one in force then.
    public func resolved(at asOf: CivilDate) throws(ProfileError) -> ResolvedProfile {
        var values: [ResolvedValue] = []
        var problems: [ProfileProblem] = []
        let flat = flatten(json, path: "", asOf: asOf, values: &values, problems: &problems)
        guard problems.isEmpty else { throw error(problems) }
        let profile: Profile
        do {
            profile = try ProfileReader.read(flat, file: file)
        } catch {
            throw self.error(error.problems)
        }
        return ResolvedProfile(document: self, asOf: asOf, profile: profile, json: flat, values: values)
    }

    /// The error of `problems`, each naming the file that set its path.
    public func error(_ problems: [ProfileProblem]) -> ProfileError {
        ProfileError(
            file: file,
            problems: problems.map { problem in
                var named = problem
                if named.file == nil { named.file = source(of: problem.path) }
                return named
            })
    }

    private func flatten(
        _ value: JSONValue, path: String, asOf: CivilDate, values: inout [ResolvedValue],
        problems: inout [ProfileProblem]
    ) -> JSONValue {
        let parts = path.split(separator: ".")
        let isParameter =
            parts.first == "policies"
            && ((parts.count == 4 && parts[2] == "params") || (parts.count == 6 && parts[4] == "params"))
        let isModule =
            parts.first == "policies" && parts.last == "module" && (parts.count == 3 || parts.count == 5)
        if isParameter || isModule, case .object(let members) = value, members.count == 1, members[0].0 == "values" {
            return dated(members[0].1, path: path, asOf: asOf, values: &values, problems: &problems)
        }
        if isParameter || isModule {
            values.append(ResolvedValue(path: path, value: value, file: source(of: path), basis: nil, from: nil))
            return value
        }
        switch value {
        case .object(let members):
            return .object(
                members.map { key, child in
                    (
                        key,
                        flatten(
                            child, path: path.isEmpty ? key : path + "." + key, asOf: asOf, values: &values,
                            problems: &problems)
                    )
                })
        default:
            return value
        }
    }

    private func dated(
        _ list: JSONValue, path: String, asOf: CivilDate, values: inout [ResolvedValue],
        problems: inout [ProfileProblem]
    ) -> JSONValue {
        let listPath = path + ".values"
        guard case .array(let entries) = list, !entries.isEmpty else {
            problems.append(
                ProfileProblem(
                    path: listPath,
                    message: Text(
                        zh: "应为一组带日期的值，例如 [{\"from\": \"2025-01-01\", \"value\": 6, \"basis\": \"成组通〔2024〕31号\"}]。",
                        en:
                            "must be a list of dated values, such as [{\"from\": \"2025-01-01\", \"value\": 6, \"basis\": \"成组通〔2024〕31号\"}]."
                    )))
            return .null
        }
        var inForce: (value: JSONValue, from: CivilDate, basis: String?)?
        var previous: CivilDate?
        var first: CivilDate?
        for (index, entry) in entries.enumerated() {
            let entryPath = "\(listPath)[\(index)]"
            guard case .object(let members) = entry else {
                problems.append(
                    ProfileProblem(
                        path: entryPath,
                        message: Text(
                            zh: "应为含有 \"from\" 和 \"value\" 的对象。", en: "must be an object with \"from\" and \"value\"."))
                )
                continue
            }
            for (key, _) in members where !["from", "value", "basis"].contains(key) {
                problems.append(
                    ProfileReader.unknown(
                        "\(entryPath).\(key)", Text(zh: "键", en: "key"), key, ["from", "value", "basis"]))
            }
            guard case .string(let text)? = entry["from"], let from = CivilDate(text) else {
                problems.append(
                    ProfileProblem(
                        path: "\(entryPath).from",
                        message: Text(
                            zh: "应为该值生效的日期，格式为 YYYY-MM-DD。",
                            en: "must be the date the value takes effect, YYYY-MM-DD.")))
                continue
            }
            guard let value = entry["value"] else {
                problems.append(
                    ProfileProblem(
                        path: "\(entryPath).value", message: Text(zh: "缺少值：请给出这个值。", en: "is missing: give the value."))
                )
                continue
            }
            var basis: String?
            if let given = entry["basis"] {
                guard case .string(let text) = given else {
                    problems.append(
                        ProfileProblem(
                            path: "\(entryPath).basis",
                            message: Text(
                                zh: "应为字符串，写明规定该值的文件（依据）。",
                                en: "must be a string naming the document that set it.")))
                    continue
                }
                basis = text
            }
            if let previous, from <= previous {
                problems.append(
                    ProfileProblem(
                        path: "\(entryPath).from",
                        message: Text(
                            zh: "\(from) 不晚于上一项的日期（\(previous)）：请按日期先后列出各个值，每个日期只出现一次。",
                            en:
                                "\(from) does not come after the date above it (\(previous)): list the values in date order, each date once."
                        )))
            }
            previous = from
            if first == nil { first = from }
            if from <= asOf { inForce = (value, from, basis) }
        }
        guard let inForce else {
            if let first {
                problems.append(
                    ProfileProblem(
                        path: path,
                        message: Text(
                            zh: "在 \(asOf) 没有生效的值：第一项从 \(first) 起才生效。请给出更早日期起生效的值，或用更晚的 --as-of 运行。",
                            en:
                                "has no value in force on \(asOf): the first takes effect on \(first). Give a value from an earlier date, or run with a later --as-of."
                        )))
            }
            return .null
        }
        let index = entries.firstIndex { $0["from"] == .string(inForce.from.description) } ?? 0
        values.append(
            ResolvedValue(
                path: path, value: inForce.value, file: source(of: "\(listPath)[\(index)]"), basis: inForce.basis,
                from: inForce.from))
        return inForce.value
    }
}

/// A profile with the values in force on one as-of date.
public struct ResolvedProfile: Sendable {
    /// The document it was resolved from.
    public let document: ProfileDocument
    /// The date the values are in force on.
    public let asOf: CivilDate
    /// The profile, ready for the resolver.
    public let profile: Profile
    /// The whole profile as one JSON object (no `extends`, no dated lists): what `run.json`
    /// records and `charter replay` runs again.
    public let json: JSONValue
    /// Every parameter and module choice in force, with where it came from.
    public let values: [ResolvedValue]

    /// The documents in force (their `basis`), each with the values it set, in the order first met.
    public var bases: [(basis: String, values: [ResolvedValue])] {
        var order: [String] = []
        var byBasis: [String: [ResolvedValue]] = [:]
        for value in values {
            guard let basis = value.basis else { continue }
            if byBasis[basis] == nil { order.append(basis) }
            byBasis[basis, default: []].append(value)
        }
        return order.map { ($0, byBasis[$0] ?? []) }
    }
}

/// One value in force: a parameter or a module choice.
public struct ResolvedValue: Sendable {
    /// Its JSON path, such as `policies.member_management.params.mobileAfterMonths`.
    public let path: String
    /// The value.
    public let value: JSONValue
    /// The profile file that set it.
    public let file: String
    /// The document it comes from, when the profile names one.
    public let basis: String?
    /// The date it took effect, for a dated value.
    public let from: CivilDate?
}

extension JSONValue {
    /// The object without `key`.
    func removingKey(_ key: String) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.0 != key })
    }

    /// The object with its `module_paths` made relative to the current folder rather than to the
    /// profile's own folder, so that a base profile in another folder keeps its own.
    func resolvingModulePaths(relativeTo folder: String) -> JSONValue {
        guard case .object(var members) = self,
            let index = members.firstIndex(where: { $0.0 == "module_paths" }),
            case .array(let paths) = members[index].1
        else { return self }
        members[index].1 = .array(
            paths.map { path in
                guard case .string(let text) = path, !text.hasPrefix("/") else { return path }
                // Absolute, so that the flattened profile and run.json mean the same from anywhere.
                let base = FileSystem.realPath(folder) ?? folder
                return .string(base + "/" + text)
            })
        return .object(members)
    }
}

import CharterSupport
@_spi(CharterHost) import PolicyKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds policy modules by name on a search path and loads them through their entry symbol.
///
/// A module named `Name` is the file `lib<Name>.so`. The search path is the `--module-path`
/// directories, in the order given, then the directory that holds the running executable (where
/// `swift build` puts the modules of `Policies/`).
public struct ModuleLoader: Sendable {
    /// The directories searched, in order, each once.
    public let directories: [String]

    /// Creates a loader over `modulePaths` and then the executable's own directory.
    public init(modulePaths: [String], includeExecutableDirectory: Bool = true) {
        var seen: Set<String> = []
        var directories: [String] = []
        let executable = includeExecutableDirectory ? ModuleLoader.executableDirectory() : nil
        for directory in modulePaths + [executable].compactMap({ $0 }) {
            let key = ModuleLoader.canonicalPath(directory)
            if seen.insert(key).inserted { directories.append(directory) }
        }
        self.directories = directories
    }

    /// The directory holding the running executable, read from `/proc/self/exe`.
    public static func executableDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// Libraries that sit beside modules without being modules: PolicyKit itself and the runtime.
    static func isRuntimeLibrary(_ fileName: String) -> Bool {
        let prefixes = [
            "libPolicyKit.", "libswift", "libFoundation", "libdispatch", "libBlocksRuntime", "libXCTest",
            "lib_Testing", "libTesting", "libPolicyTesting",
        ]
        return prefixes.contains { fileName.hasPrefix($0) }
    }

    /// Every candidate file `lib*.so` in the search directories, in search order then name order.
    public func candidateFiles() -> [String] {
        directories.flatMap { directory in
            (FileSystem.entries(of: directory) ?? [])
                .filter { $0.hasPrefix("lib") && $0.hasSuffix(".so") && !ModuleLoader.isRuntimeLibrary($0) }
                .sorted()
                .map { directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0 }
        }
    }

    /// Loads every module on the search path, collecting the files that could not be loaded.
    public func discover() -> (modules: [LoadedModule], problems: [ModuleLoadError]) {
        var modules: [LoadedModule] = []
        var problems: [ModuleLoadError] = []
        var byName: [String: String] = [:]
        for file in candidateFiles() {
            do {
                let module = try load(file: file)
                if let other = byName[module.name] {
                    problems.append(ModuleLoadError.duplicate(module.name, files: [other, file]))
                    continue
                }
                byName[module.name] = file
                modules.append(module)
            } catch {
                problems.append(error)
            }
        }
        return (modules, problems)
    }

    /// Loads the module `name` from the first and only `lib<name>.so` on the search path.
    public func load(named name: String) throws(ModuleLoadError) -> LoadedModule {
        let fileName = "lib\(name).so"
        let files = directories.map { $0.hasSuffix("/") ? $0 + fileName : $0 + "/" + fileName }
            .filter { access($0, F_OK) == 0 }
        guard let file = files.first else {
            let available = discover().modules.map(\.name).sorted()
            let searched = directories.map { "'\($0)'" }.joined(separator: ", ")
            var message = Text(
                zh: "找不到名为 '\(name)' 的政策模块：在"
                    + (directories.isEmpty ? "（没有任何目录）" : " \(searched) ") + "中查找了 \(fileName)。",
                en: "No policy module named '\(name)' was found: looked for \(fileName) in "
                    + (directories.isEmpty ? "no directory" : searched) + ". ")
            if let suggestion = closestMatch(to: name, among: available) {
                message += Text(zh: "是不是想写 '\(suggestion)'？", en: "Did you mean '\(suggestion)'? ")
            }
            let found = available.joined(separator: ", ")
            message +=
                available.isEmpty
                ? Text(
                    zh: "那里一个模块也没有；请用 `swift build` 构建模块，或用 --module-path 指明模块所在的目录。",
                    en:
                        "No modules were found there at all; build them with `swift build`, or name their directory with --module-path."
                )
                : Text(
                    zh: "找到的模块有：\(found)。请检查名称，或用 --module-path 加上存放 \(fileName) 的目录。",
                    en:
                        "Modules found: \(found). Check the name, or add the directory that holds \(fileName) with --module-path."
                )
            throw ModuleLoadError(.notFound, file: nil, message)
        }
        guard files.count == 1 else { throw ModuleLoadError.duplicate(name, files: files) }
        return try load(file: file)
    }

    /// Loads the module in `file`, checking where it lies, then its handshake and metadata.
    ///
    /// A file that other users could have written, or that lies in a folder they could write to,
    /// is refused before it is opened: opening a library runs its initializers.
    public func load(file: String) throws(ModuleLoadError) -> LoadedModule {
        let realPath = try ModuleLoader.trustedRealPath(of: file)
        let library: DynamicLibrary
        do {
            // The real path that was checked is the one opened, so a link swapped in between
            // cannot lead the loader elsewhere.
            library = try DynamicLibrary.open(realPath)
        } catch {
            // A module built against another PolicyKit usually fails here, before its entry point
            // can be asked anything: it needs a PolicyKit symbol (Swift's mangling, `$s9PolicyKit`)
            // that this PolicyKit does not have.
            let says = error.message
            if says.contains("undefined symbol: $s9PolicyKit") {
                let version = PolicyKitInterface.version
                throw ModuleLoadError(
                    .versionMismatch, file: file,
                    Text(
                        zh: "模块 '\(ModuleLoader.moduleName(ofFile: file))' 是基于另一版 PolicyKit 构建的：它需要一个 PolicyKit 符号，"
                            + "而本 charter 的 PolicyKit（接口 \(version)）没有这个符号（动态加载器的提示：\(says)）。"
                            + Self.rebuildAdviceChinese(version),
                        en:
                            "Module '\(ModuleLoader.moduleName(ofFile: file))' was built against another PolicyKit: it needs a PolicyKit symbol "
                            + "that this charter's PolicyKit (interface \(version)) does not have (the dynamic loader says: \(says)). "
                            + Self.rebuildAdviceEnglish(version)))
            }
            throw ModuleLoadError(
                .notSharedLibrary, file: file,
                Text(
                    zh: "这个文件不是可以加载的共享库（动态加载器的提示：\(says)）。"
                        + "请把它移出模块目录，或用 `swift build` 重新构建模块。",
                    en: "This file is not a shared library that can be loaded (the dynamic loader says: \(says)). "
                        + "Remove it from the module directory, or rebuild the module with `swift build`."))
        }
        let name = ModuleLoader.moduleName(ofFile: file)
        let symbolName = ModuleHandshake.entrySymbol(forModule: name, interface: PolicyKitInterface.version)
        guard let symbol = library.symbol(symbolName) else {
            // A module built against another interface exports its entry under that interface's
            // name: say which, and how to rebuild it, rather than that it is no module at all.
            let others = (1...PolicyKitInterface.version + 8).filter { $0 != PolicyKitInterface.version }
            if let other = others.first(where: {
                library.symbol(ModuleHandshake.entrySymbol(forModule: name, interface: $0)) != nil
            }) {
                let version = PolicyKitInterface.version
                throw ModuleLoadError(
                    .versionMismatch, file: file,
                    Text(
                        zh: "模块 '\(name)' 是基于 PolicyKit 接口 \(other) 构建的，而本 charter 使用 PolicyKit 接口 \(version)。"
                            + Self.rebuildAdviceChinese(version),
                        en: "Module '\(name)' was built against PolicyKit interface \(other), "
                            + "but this charter uses PolicyKit interface \(version). "
                            + Self.rebuildAdviceEnglish(version)))
            }
            throw ModuleLoadError(
                .noEntryPoint, file: file,
                Text(
                    zh: "这个共享库不是 Charter 政策模块：它没有入口符号 '\(symbolName)'。"
                        + "模块要用 `@_cdecl(\"\(symbolName)\")` 导出这个符号并在其中调用 \(name).export(_:)"
                        + "（文件名为 lib<Name>.so）；如果这个文件是别的东西，请把它移出模块目录。",
                    en: "This shared library is not a Charter policy module: it has no entry symbol '\(symbolName)'. "
                        + "A module exports one with `@_cdecl(\"\(symbolName)\")` calling \(name).export(_:) "
                        + "(and its file is named lib<Name>.so); if this file is something else, move it out of the module directory."
                ))
        }
        typealias Entry = @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer?
        let entry = unsafeBitCast(symbol, to: Entry.self)

        let hostCompiler = PolicyKitInterface.compilerVersion
        let handshake = UnsafeMutableRawPointer.allocate(byteCount: ModuleHandshake.size, alignment: 8)
        defer { handshake.deallocate() }
        handshake.initializeMemory(as: UInt8.self, repeating: 0, count: ModuleHandshake.size)
        handshake.storeBytes(of: ModuleHandshake.magic, toByteOffset: ModuleHandshake.Offset.magic, as: UInt32.self)
        handshake.storeBytes(
            of: PolicyKitInterface.version, toByteOffset: ModuleHandshake.Offset.hostInterface, as: UInt32.self)
        handshake.storeBytes(
            of: UnsafeRawPointer(hostCompiler.utf8Start), toByteOffset: ModuleHandshake.Offset.hostCompiler,
            as: UnsafeRawPointer.self)

        let result = entry(handshake)
        let moduleInterface = handshake.load(fromByteOffset: ModuleHandshake.Offset.moduleInterface, as: UInt32.self)
        let compilerPointer = handshake.load(
            fromByteOffset: ModuleHandshake.Offset.moduleCompiler, as: UnsafeRawPointer?.self)
        let moduleCompiler =
            compilerPointer.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? "unknown"
        let hostCompilerText = "\(hostCompiler)"

        guard let result, moduleInterface == PolicyKitInterface.version, moduleCompiler == hostCompilerText else {
            let version = PolicyKitInterface.version
            throw ModuleLoadError(
                .versionMismatch, file: file,
                Text(
                    zh: "模块 '\(name)' 是用 Swift \(moduleCompiler) 基于 PolicyKit 接口 \(moduleInterface) 构建的，"
                        + "而本 charter 是用 Swift \(hostCompilerText) 基于 PolicyKit 接口 \(version) 构建的。"
                        + "请用这套工具链、基于这个 PolicyKit 重新构建模块（在模块的包中运行 `swift build`），"
                        + "或者用构建它时所对应的 charter 来运行它。",
                    en:
                        "Module '\(name)' was built by Swift \(moduleCompiler) against PolicyKit interface \(moduleInterface), "
                        + "but this charter was built by Swift \(hostCompilerText) against PolicyKit interface \(version). "
                        + "Rebuild the module with this toolchain against this PolicyKit (run `swift build` in the module's package), "
                        + "or run it with the charter it was built for."))
        }
        let moduleEntry = Unmanaged<ModuleEntry>.fromOpaque(result).takeRetainedValue()
        let module = LoadedModule(
            entry: moduleEntry, file: file, realPath: realPath, compilerVersion: moduleCompiler,
            interfaceVersion: moduleInterface)
        let problems = ModuleLoader.metadataProblemTexts(of: module)
        guard problems.isEmpty else {
            let listed = problems.joined(zh: "；", en: "; ")
            throw ModuleLoadError(
                .invalidMetadata, file: file,
                Text(
                    zh: "模块的元数据不一致：\(listed.chinese)。请修正模块后重新构建。",
                    en: "The module's metadata is inconsistent: \(listed.english). Fix the module and rebuild it."))
        }
        return module
    }

    /// How to rebuild a module for this charter, in English.
    private static func rebuildAdviceEnglish(_ version: UInt32) -> String {
        "Rebuild the module against this PolicyKit (update its code to the interface \(version) SDK, "
            + "see the \"Writing a policy module\" article, and run `swift build` in the module's package), "
            + "or run it with the charter it was built for."
    }

    /// How to rebuild a module for this charter, in Chinese.
    private static func rebuildAdviceChinese(_ version: UInt32) -> String {
        "请基于这个 PolicyKit 重新构建模块（把代码更新到接口 \(version) 的 SDK，参见《Writing a policy module》一文，"
            + "并在模块的包中运行 `swift build`），或者用构建它时所对应的 charter 来运行它。"
    }

    /// What is inconsistent in a module's metadata, one phrase per problem, in English (for the
    /// conformance kit's policy authors).
    public static func metadataProblems(of module: LoadedModule) -> [String] {
        metadataProblemTexts(of: module).map(\.english)
    }

    /// What is inconsistent in a module's metadata, one phrase per problem, in both languages.
    ///
    /// A reason template's own problems (PolicyKit's, written for the module's author) are in
    /// English in both.
    public static func metadataProblemTexts(of module: LoadedModule) -> [Text] {
        var problems: [Text] = []
        let metadata = module.metadata
        let expected = moduleName(ofFile: module.file)
        if module.file.hasSuffix(".so"), metadata.name != expected {
            problems.append(
                Text(
                    zh: "它自称 '\(metadata.name)'，但文件名是 lib\(expected).so（请改其中一个，使两者一致）",
                    en: "it calls itself '\(metadata.name)' but its file is lib\(expected).so (rename one to match)"))
        }
        if module.points.isEmpty {
            problems.append(Text(zh: "它不提供任何扩展点", en: "it provides no extension point"))
        }
        var ruleIDs: Set<String> = []
        for rule in metadata.rules {
            if !ruleIDs.insert(rule.id).inserted {
                problems.append(Text(zh: "规则 '\(rule.id)' 声明了两次", en: "rule '\(rule.id)' is declared twice"))
            }
            if !module.points.contains(rule.point) {
                problems.append(
                    Text(
                        zh: "规则 '\(rule.id)' 属于扩展点 '\(rule.point.rawValue)'，而模块并不提供这个扩展点",
                        en:
                            "rule '\(rule.id)' belongs to point '\(rule.point.rawValue)', which the module does not provide"
                    ))
            }
        }
        var templateIDs: Set<String> = []
        for template in metadata.reasons {
            if !templateIDs.insert(template.id).inserted {
                problems.append(
                    Text(
                        zh: "理由模板 '\(template.id)' 声明了两次", en: "reason template '\(template.id)' is declared twice"))
            }
            problems += template.problems.map { Text(verbatim: $0) }
        }
        var names: Set<String> = []
        for parameter in metadata.parameters {
            if !names.insert(parameter.name).inserted {
                problems.append(
                    Text(zh: "参数 '\(parameter.name)' 声明了两次", en: "parameter '\(parameter.name)' is declared twice"))
            }
            if !parameter.kind.allows(parameter.defaultValue) {
                problems.append(
                    Text(
                        zh:
                            "参数 '\(parameter.name)' 的默认值 \(parameter.defaultValue) 不在允许的取值 \(parameter.kind.allowedText) 之内",
                        en:
                            "parameter '\(parameter.name)' defaults to \(parameter.defaultValue), outside its allowed values \(parameter.kind.allowedText)"
                    ))
            }
        }
        return problems
    }

    /// `Name` for a file `…/libName.so`.
    static func moduleName(ofFile file: String) -> String {
        var name = file.split(separator: "/").last.map(String.init) ?? file
        if name.hasPrefix("lib") { name.removeFirst(3) }
        if name.hasSuffix(".so") { name.removeLast(3) }
        return name
    }

    static func canonicalPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension ModuleLoadError {
    static func duplicate(_ name: String, files: [String]) -> ModuleLoadError {
        let listed = files.map { "'\($0)'" }
        return ModuleLoadError(
            .duplicateName, file: nil,
            Text(
                zh: "有两个文件都提供政策模块 '\(name)'：\(listed.joined(separator: " 和 "))。"
                    + "请删去其中一个，或把它所在的目录移出模块路径，让配置文件的选择没有歧义。",
                en: "Two files provide the policy module '\(name)': \(listed.joined(separator: " and ")). "
                    + "Remove one, or take its directory off the module path, so that the profile's choice is unambiguous."
            ))
    }
}

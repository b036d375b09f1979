/// The rules a new module's name must keep: it becomes a Swift type, a SwiftPM target, a library
/// `lib<Name>.so` and part of the C entry symbol `charter_policy_module_v2_<Name>`.
enum PolicyName {
    /// Names that SwiftPM, the toolchain or the host already use for something else.
    static let reserved: Set<String> = [
        "PolicyKit", "PolicyTesting", "Policies", "Policy", "Swift", "Foundation", "FoundationEssentials",
        "Testing", "XCTest", "Dispatch", "Glibc", "Musl", "Darwin", "Android", "PackageDescription",
        "PackagePlugin", "Any", "Self", "Type", "Protocol", "NewPolicy",
    ]

    /// Throws, with what to do, when `name` cannot be a new module: not an identifier, reserved, or
    /// taken by a module or target of Charter's package (in a package of its own too, a module of
    /// the same name would clash with Charter's when both are built or loaded).
    ///
    /// - Parameters:
    ///   - listed: The names in `policyModules`.
    ///   - targets: The package's target names.
    static func check(_ name: String, listed: [String], targets: [String]) throws {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) else {
            throw NewPolicyError(
                "'\(name)' cannot name a policy module: a module's name is a Swift identifier that starts with an "
                    + "uppercase letter A-Z, such as 'DistrictRules'\(suggestion(for: name)).")
        }
        let allowed = name.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
        guard allowed else {
            throw NewPolicyError(
                "'\(name)' cannot name a policy module: after its first letter a name holds only ASCII letters, "
                    + "digits and '_' (it becomes a Swift type, lib\(name).so and a C symbol)\(suggestion(for: name)).")
        }
        guard name.count <= 64 else {
            throw NewPolicyError("'\(name)' is \(name.count) characters long; keep a module's name to 64.")
        }
        if reserved.contains(name) || name.hasPrefix("Charter") {
            throw NewPolicyError(
                "'\(name)' is reserved: PolicyKit, PolicyTesting, the toolchain's modules and every name starting "
                    + "with 'Charter' belong to the host. Choose a name of your own, such as your district's: 'PiduRules'."
            )
        }
        if name.hasSuffix("Tests") {
            throw NewPolicyError(
                "'\(name)' ends in 'Tests', which SwiftPM reserves for test targets (the module's tests become "
                    + "'\(name)Tests'). Choose a name without it.")
        }
        if let same = listed.first(where: { $0.lowercased() == name.lowercased() }) {
            throw NewPolicyError(
                "The name '\(name)' is taken: Package.swift already lists the policy module '\(same)'. "
                    + "Choose another name, or edit Policies/\(same)/ instead.")
        }
        if let same = targets.first(where: { $0.lowercased() == name.lowercased() }) {
            throw NewPolicyError(
                "The name '\(name)' is taken: the package already has a target '\(same)'. Choose another name.")
        }
    }

    /// Throws when a folder the module would have in Charter's package already exists.
    ///
    /// - Parameter exists: Whether a path relative to the package's folder exists.
    static func checkFolders(of name: String, exists: (String) -> Bool) throws {
        for path in ["Policies/\(name)", "Tests/PolicyTests/\(name)Tests", "Tests/PolicyCases/\(name)"]
        where exists(path) {
            throw NewPolicyError(
                "The name '\(name)' is taken: '\(path)' already exists. Choose another name, or remove that folder "
                    + "first if it is a leftover (nothing was written).")
        }
    }

    /// ` (did you mean 'Xyz'?)` when capitalising and dropping other characters gives a valid name.
    static func suggestion(for name: String) -> String {
        var scalars = name.unicodeScalars.filter {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
        while let first = scalars.first, !(("A"..."Z").contains(first) || ("a"..."z").contains(first)) {
            scalars.removeFirst()
        }
        guard !scalars.isEmpty else { return "" }
        let text = String(String.UnicodeScalarView(scalars))
        let candidate = text.prefix(1).uppercased() + text.dropFirst()
        return candidate == name ? "" : " (did you mean '\(candidate)'?)"
    }

    /// The prefix of the module's rule ids: the name in lowercase words joined by '-'
    /// (`DistrictVariant` → `district-variant`).
    static func rulePrefix(of name: String) -> String {
        let characters = Array(name)
        var words: [String] = []
        var word = ""
        for (index, character) in characters.enumerated() {
            if character == "_" {
                if !word.isEmpty { words.append(word) }
                word = ""
                continue
            }
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let startsWord =
                character.isUppercase && !word.isEmpty
                && (previous.map { $0.isLowercase || $0.isNumber } == true
                    || (previous?.isUppercase == true && next?.isLowercase == true))
            if startsWord {
                words.append(word)
                word = ""
            }
            word.append(character)
        }
        if !word.isEmpty { words.append(word) }
        return words.map { $0.lowercased() }.joined(separator: "-")
    }
}

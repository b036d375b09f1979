// The libFuzzer target `profile` (scripts/fuzz.sh profile): the profile reader and the JSON parser
// under it. Built with the sources of CharterEngine (so it sees their internal API), never by
// SwiftPM.
import CharterSupport
import PolicyKit

#if canImport(Glibc)
    import Glibc
#endif

/// Parses fuzzed bytes as a profile, and checks what parses.
///
/// The bytes are the profile's text (invalid UTF-8 replaced, as a file read as text would not be;
/// the parser sees valid text either way). Parsing twice must give the same outcome. JSON that
/// parses must parse again, to the same value, from both its compact and its indented writing. A
/// profile that parses must read the same from the resolved JSON that `run.json` records and
/// `charter replay` reads, and, written back as JSON (its parameters as dated values when it has
/// an as-of date), must parse to the same profile.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfileReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let json = try? JSONValue.parse(text) {
        let compact = json.serialized
        for written in [compact, json.prettyPrinted()] {
            guard let again = try? JSONValue.parse(written), again == json, again.serialized == compact else {
                fail("JSON written as\n\(written)\ndoes not parse back to the same value.")
            }
        }
    }
    let first = outcome(text)
    guard outcome(text) == first else { fail("Parsing the same profile twice gave different outcomes.") }
    guard let profile = try? ProfileReader.parse(text, file: "fuzz.json") else { return 0 }
    if let document = try? ProfileDocument.single(text, file: "fuzz.json"), let asOf = document.asOf {
        guard let resolved = try? document.resolved(at: asOf) else {
            fail("The profile parses, but its document does not resolve on its own as-of date.")
        }
        let recorded = resolved.json.serialized
        let replayed: String
        do {
            replayed = describe(try ProfileReader.read(try JSONValue.parse(recorded), file: "fuzz.json"))
        } catch {
            replayed = "error \(error)"
        }
        guard replayed == first else {
            fail("The resolved profile recorded as\n\(recorded)\nreads as\n\(replayed)\nnot\n\(first)")
        }
    }
    let written = profileJSON(profile, datedParameters: profile.asOf != nil).serialized
    let again = outcome(written)
    guard again == first else {
        fail("The profile written back as\n\(written)\nparses to\n\(again)\nnot\n\(first)")
    }
    return 0
}

/// Prints `message` and aborts, for libFuzzer to record the input.
func fail(_ message: String) -> Never {
    print(message)
    abort()
}

/// What parsing `text` gives, as text: the profile described, or the error.
func outcome(_ text: String) -> String {
    do {
        return describe(try ProfileReader.parse(text, file: "fuzz.json"))
    } catch {
        return "error \(error.description)"
    }
}

/// The profile as text, in a fixed order.
func describe(_ profile: Profile) -> String {
    "district \(profile.district)\nas_of \(profile.asOf.map { "\($0)" } ?? "-")\n"
        + "module_paths \(JSONValue.strings(profile.modulePaths).serialized)\n"
        + sortedPolicies(profile).map { "\($0.point.rawValue) \(choiceJSON($0.choice).serialized)" }
        .joined(separator: "\n")
}

/// The profile as the JSON that reads back to it; with `datedParameters`, each parameter the
/// reader takes a dated value for is written as one, in force from year 1.
func profileJSON(_ profile: Profile, datedParameters: Bool = false) -> JSONValue {
    var members: [(String, JSONValue)] = [("district", .string(profile.district))]
    if let asOf = profile.asOf { members.append(("as_of", .string(asOf.description))) }
    members.append(("module_paths", .strings(profile.modulePaths)))
    members.append(
        (
            "policies",
            .object(
                sortedPolicies(profile).map {
                    ($0.point.rawValue, choiceJSON($0.choice, datedParameters: datedParameters))
                })
        ))
    return .object(members)
}

/// The profile's choices in the order of the extension points.
func sortedPolicies(_ profile: Profile) -> [(point: ExtensionPoint, choice: PolicyChoice)] {
    profile.policies.sorted { $0.key < $1.key }.map { (point: $0.key, choice: $0.value) }
}

/// A module choice as JSON, its stages in the order of ``Stage``; see ``profileJSON(_:datedParameters:)``.
func choiceJSON(_ choice: PolicyChoice, datedParameters: Bool = false) -> JSONValue {
    var members: [(String, JSONValue)] = []
    if let module = choice.module { members.append(("module", .string(module))) }
    func parameter(_ name: String, _ value: JSONValue) -> JSONValue {
        // The reader resolves a dated value at `policies.POINT[.stages.STAGE].params.NAME`, the
        // path split at dots: only where the name is one part.
        guard datedParameters, name.split(separator: ".").count == 1 else { return value }
        return .object([("values", .array([.object([("from", .string("0001-01-01")), ("value", value)])]))])
    }
    if !choice.params.isEmpty {
        members.append(("params", .object(choice.params.map { ($0.name, parameter($0.name, $0.value)) })))
    }
    if let version = choice.version { members.append(("version", .string(version))) }
    if let sha256 = choice.sha256 { members.append(("sha256", .string(sha256))) }
    let stages = Stage.allCases.compactMap { stage in
        choice.stages[stage].map { (stage.rawValue, choiceJSON($0, datedParameters: datedParameters)) }
    }
    if !stages.isEmpty { members.append(("stages", .object(stages))) }
    return .object(members)
}

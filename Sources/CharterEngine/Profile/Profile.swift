public import CharterSupport
public import PolicyKit

/// A district's profile: which module decides each extension point, with which parameters, and
/// which other module or parameters apply in particular stages.
///
/// Written as JSON:
///
/// ```json
/// {
///   "district": "郫都区",
///   "as_of": "2026-06-30",
///   "module_paths": ["modules"],
///   "policies": {
///     "stage": { "module": "ChengduPilot" },
///     "branch_setup": {
///       "module": "ChengduPilot", "params": { "largeBranch": 30 },
///       "version": "1.0.0", "sha256": "…",
///       "stages": { "maturity": { "module": "CharterBaseline" } }
///     }
///   }
/// }
/// ```
///
/// A point the profile leaves out is not decided.
public struct Profile: Sendable {
    /// The district's name.
    public var district: String
    /// The default as-of date of a run, when the command line gives none.
    public var asOf: CivilDate?
    /// More directories to find modules in, relative to the profile's folder.
    public var modulePaths: [String]
    /// The module chosen for each point the profile decides.
    public var policies: [ExtensionPoint: PolicyChoice]

    /// Creates a profile.
    public init(
        district: String, asOf: CivilDate? = nil, modulePaths: [String] = [],
        policies: [ExtensionPoint: PolicyChoice] = [:]
    ) {
        self.district = district
        self.asOf = asOf
        self.modulePaths = modulePaths
        self.policies = policies
    }
}

/// The module a profile chooses for a point, or for a point in one stage.
public struct PolicyChoice: Sendable {
    /// The module's name, or `nil` in a stage override that keeps the point's module.
    public var module: String?
    /// Parameter values, by name.
    public var params: [(name: String, value: JSONValue)]
    /// A version the module must have, if pinned.
    public var version: String?
    /// The SHA-256 its library file must have, if pinned.
    public var sha256: String?
    /// Other choices for particular stages.
    public var stages: [Stage: PolicyChoice]

    /// Creates a choice.
    public init(
        module: String?, params: [(name: String, value: JSONValue)] = [], version: String? = nil, sha256: String? = nil,
        stages: [Stage: PolicyChoice] = [:]
    ) {
        self.module = module
        self.params = params
        self.version = version
        self.sha256 = sha256
        self.stages = stages
    }
}

/// One thing wrong with a profile (配置文件), at a JSON path.
public struct ProfileProblem: Hashable, Sendable, CustomStringConvertible, LocalizedMessage {
    /// The JSON path, such as `policies.member_management.params.mobileAfterMonths`; empty for the
    /// whole file.
    public var path: String
    /// What is wrong and what to do, in both languages; the path (when there is one) is its
    /// subject, as in `as_of: must be a date …`.
    public var message: Text
    /// The file that set the value at `path`, when a profile extends another (else the error's).
    public var file: String?

    /// Creates a problem.
    public init(path: String, message: Text, file: String? = nil) {
        self.path = path
        self.message = message
        self.file = file
    }

    /// `PATH: message`.
    public var description: String { message(in: .english) }

    /// `PATH: message` in `language`; the path is the same in both.
    public func message(in language: Language) -> String {
        path.isEmpty ? message.text(in: language) : "\(path): \(message.text(in: language))"
    }
}

/// A profile that cannot be used, with every problem found.
public struct ProfileError: Error, Sendable, CustomStringConvertible, LocalizedMessage {
    /// The profile file.
    public var file: String
    /// The problems.
    public var problems: [ProfileProblem]

    /// Creates the error.
    public init(file: String, problems: [ProfileProblem]) {
        self.file = file
        self.problems = problems
    }

    /// The error of one problem at `path` in `file`.
    public init(file: String, path: String, message: Text) {
        self.init(file: file, problems: [ProfileProblem(path: path, message: message)])
    }

    /// Each problem on its own line, prefixed by the file.
    public var description: String { message(in: .english) }

    /// Each problem on its own line in `language`, prefixed by the file.
    public func message(in language: Language) -> String {
        problems.map { "\($0.file ?? file): \($0.message(in: language))" }.joined(separator: "\n")
    }
}

import CharterData
public import CharterEngine
import CharterRecords
import CharterSupport
public import PolicyKit

/// `run.json`: what a run needs to be replayed exactly, and its counts.
public struct RunManifest {
    /// Charter's version.
    public var charterVersion: String
    /// The run's as-of date.
    public var asOf: CivilDate
    /// The language of the reasons and tables.
    public var language: Language
    /// The profile's path.
    public var profilePath: String
    /// The profile file's SHA-256.
    public var profileSHA256: String
    /// The district named by the profile.
    public var district: String
    /// Each module used: name, version, file as found on the search path, its real path (symbolic
    /// links resolved: the library that actually ran), SHA-256, compiler.
    public var modules:
        [(module: String, version: String, file: String, realPath: String, sha256: String, compiler: String)]
    /// Each selection: point, stage (or `*`), module label, parameters.
    public var selections: [(point: String, stage: String, module: String, parameters: [String: ParameterValue])]
    /// Start and end, as UTC timestamps.
    public var started: String
    /// When the run ended, as a UTC timestamp.
    public var ended: String
    /// The workers used.
    public var jobs: Int
    /// Each profile file of the chain (the one named, then those it extends) with its SHA-256.
    public var profileChain: [(path: String, sha256: String)] = []
    /// The profile in force, as one JSON object: what `charter replay` runs again.
    public var resolvedProfile: JSONValue = .object([])
    /// Every parameter and module choice in force, with the file that set it and its basis.
    public var values: [ResolvedValue] = []
    /// The SHA-256 of `decisions.jsonl`.
    public var decisionsSHA256 = ""
    /// The dataset folder's real path, for `charter replay` from another folder.
    public var datasetFolder = ""

    /// Creates a manifest.
    public init(
        charterVersion: String, asOf: CivilDate, language: Language, profilePath: String, profileSHA256: String,
        district: String,
        modules: [(module: String, version: String, file: String, realPath: String, sha256: String, compiler: String)],
        selections: [(point: String, stage: String, module: String, parameters: [String: ParameterValue])],
        started: String, ended: String, jobs: Int
    ) {
        self.charterVersion = charterVersion
        self.asOf = asOf
        self.language = language
        self.profilePath = profilePath
        self.profileSHA256 = profileSHA256
        self.district = district
        self.modules = modules
        self.selections = selections
        self.started = started
        self.ended = ended
        self.jobs = jobs
    }

    /// The manifest as pretty-printed JSON.
    public func json(decisions: RunDecisions) -> String {
        let counts = decisions.outcomeCounts
        let files: [JSONValue] = decisions.index.dataset.files.map { file in
            .object([
                ("name", .string(file.name)), ("path", .string(file.path)), ("rows", .integer(file.rows)),
                ("sha256", .string(file.sha256)),
            ])
        }
        let value = JSONValue.object([
            ("charter_version", .string(charterVersion)),
            ("as_of", .string(asOf.description)),
            ("language", .string(language.rawValue)),
            ("district", .string(district)),
            (
                "profile",
                .object([
                    ("path", .string(profilePath)), ("sha256", .string(profileSHA256)),
                    (
                        "chain",
                        .array(
                            profileChain.map { .object([("path", .string($0.path)), ("sha256", .string($0.sha256))]) })
                    ),
                    (
                        "values",
                        .array(
                            values.map { value in
                                var members: [(String, JSONValue)] = [
                                    ("path", .string(value.path)), ("value", value.value),
                                    ("file", .string(value.file)),
                                ]
                                if let from = value.from { members.append(("from", .string(from.description))) }
                                if let basis = value.basis { members.append(("basis", .string(basis))) }
                                return .object(members)
                            })
                    ),
                    ("resolved", resolvedProfile),
                ])
            ),
            ("decisions", .object([("file", .string("decisions.jsonl")), ("sha256", .string(decisionsSHA256))])),
            ("dataset_folder", .string(datasetFolder)),
            ("dataset", .array(files)),
            (
                "modules",
                .array(
                    modules.map {
                        .object([
                            ("name", .string($0.module)), ("version", .string($0.version)), ("file", .string($0.file)),
                            ("real_path", .string($0.realPath)), ("sha256", .string($0.sha256)),
                            ("swift", .string($0.compiler)),
                        ])
                    })
            ),
            (
                "selections",
                .array(
                    selections.map { selection in
                        .object([
                            ("point", .string(selection.point)), ("stage", .string(selection.stage)),
                            ("module", .string(selection.module)),
                            (
                                "params",
                                .object(
                                    selection.parameters.keys.sorted().compactMap { key in
                                        selection.parameters[key].map { (key, JSONValue($0)) }
                                    })
                            ),
                        ])
                    })
            ),
            ("started", .string(started)),
            ("ended", .string(ended)),
            ("jobs", .integer(jobs)),
            (
                "counts",
                .object(
                    decisions.points.map { point in
                        let outcomes = counts[point] ?? [:]
                        return (
                            point.rawValue, .object(outcomes.keys.sorted().map { ($0, .integer(outcomes[$0] ?? 0)) })
                        )
                    })
            ),
        ])
        return value.prettyPrinted() + "\n"
    }
}

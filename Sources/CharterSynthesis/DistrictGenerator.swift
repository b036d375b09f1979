public import CharterSupport
public import PolicyKit

/// Writes a synthetic district dataset (村转社区党建): all eight files of the data contract, made up
/// from a seed, the same bytes for the same arguments on every machine.
///
/// Generated districts follow ``DistrictGenerator/Options``; the curated example district of
/// `Examples/data` is ``DistrictGenerator/example(asOf:)``. Files are streamed to disk through
/// large buffers, so a district of millions of members never sits in memory, and they are written
/// to a staging folder moved into place only when every file is whole.
public struct DistrictGenerator: Sendable {
    /// What to generate.
    public struct Options: Sendable, Hashable {
        /// The number of communities, at least 1.
        public var communities: Int
        /// The number of members across all communities.
        public var members: Int
        /// The seed every random choice follows from.
        public var seed: UInt64
        /// The date the district is placed around (events fall in the year before it).
        public var asOf: CivilDate
        /// Ledger entries per member on average.
        public var eventsPerMember: Double
        /// The order rows are written in (the same rows either way).
        public var order: RowOrder

        /// The as-of date used when none is given: 2026-06-30.
        public static let defaultAsOf = CivilDate(year: 2026, month: 6, day: 30) ?? .earliest

        /// Creates options; the as-of date defaults to 2026-06-30 and events to 5 per member.
        public init(
            communities: Int, members: Int, seed: UInt64, asOf: CivilDate = Options.defaultAsOf,
            eventsPerMember: Double = 5, order: RowOrder = .sorted
        ) {
            self.communities = communities
            self.members = members
            self.seed = seed
            self.asOf = asOf
            self.eventsPerMember = eventsPerMember
            self.order = order
        }
    }

    /// The as-of date the district is placed around.
    public let asOf: CivilDate
    private let plans: @Sendable () -> [CommunityPlan]
    private let seed: UInt64
    private let memberIDWidth: Int
    private let eventsPerMember: Double
    private let order: RowOrder

    /// Creates a generator of a random district.
    public init(_ options: Options) throws(SynthesisError) {
        guard options.communities >= 1 else {
            throw SynthesisError(
                code: .badSize,
                message: Text(
                    zh: "一个区至少要有一个社区：请把社区数设为 1 或以上。",
                    en: "A district needs at least one community: ask for 1 or more."))
        }
        guard options.members >= 0 else {
            throw SynthesisError(
                code: .badSize,
                message: Text(
                    zh: "党员人数不能为负数：请设为 0 或以上。", en: "The number of members cannot be negative: ask for 0 or more."))
        }
        guard options.eventsPerMember >= 0, options.eventsPerMember <= 1000 else {
            throw SynthesisError(
                code: .badSize,
                message: Text(
                    zh: "平均每名党员的积分台账条目数应在 0 到 1000 之间：请在这个范围内取值。",
                    en: "Events per member must be between 0 and 1000: ask for a number in that range."))
        }
        let planner = DistrictPlanner(
            communities: options.communities, members: options.members, seed: options.seed, asOf: options.asOf)
        asOf = options.asOf
        plans = { planner.plans() }
        seed = options.seed
        memberIDWidth = max(6, String(options.members).count)
        eventsPerMember = options.eventsPerMember
        order = options.order
    }

    private init(asOf: CivilDate, seed: UInt64, memberIDWidth: Int, plans: @escaping @Sendable () -> [CommunityPlan]) {
        self.asOf = asOf
        self.plans = plans
        self.seed = seed
        self.memberIDWidth = memberIDWidth
        self.eventsPerMember = 5
        self.order = .sorted
    }

    /// The curated example district (`Examples/data`): eight communities of 郫都区 chosen so that
    /// every kind of decision of the reference module `ChengduPilot` appears.
    public static func example(asOf: CivilDate = Options.defaultAsOf) -> DistrictGenerator {
        DistrictGenerator(asOf: asOf, seed: ExampleDistrict.seed, memberIDWidth: 4) {
            ExampleDistrict(asOf: asOf).plans()
        }
    }

    /// Writes the dataset into the folder `directory`.
    ///
    /// The folder must not exist or be empty; with `force`, it may be one that `charter generate`
    /// (or another Charter command) wrote and that holds nothing else, and it is replaced whole
    /// once the new dataset is complete. Folders in `protected` are never written over (see
    /// ``OutputFolder``). Nothing is left behind when writing fails.
    @discardableResult
    public func write(
        to directory: String, force: Bool = false, protected: [ProtectedPath] = []
    ) throws(SynthesisError) -> GenerationSummary {
        let folder: OutputFolder
        do {
            folder = try OutputFolder(destination: directory, command: "generate", force: force, protected: protected)
        } catch {
            throw SynthesisError(code: error.refused ? .outputExists : .cannotWrite, error)
        }
        var summary: GenerationSummary
        do {
            summary = try writeFiles(in: folder)
        } catch {
            folder.discard()
            // Name the file where it was going, not in the hidden folder it was written in.
            throw error.replacing(folder.staging, with: folder.destination)
        }
        do {
            try folder.commit()
        } catch {
            folder.discard()
            throw SynthesisError(code: .cannotWrite, folder.placed(error))
        }
        summary.leftoversCleared = folder.leftoversCleared
        summary.restoredEarlier = folder.restoredEarlier
        return summary
    }

    // MARK: - Writing

    private func writeFiles(in folder: OutputFolder) throws(SynthesisError) -> GenerationSummary {
        let files = try DatasetWriters(in: folder)
        let plans = plans()
        let totalWeight = plans.reduce(0.0) { $0 + Double($1.memberCount) * $1.activity.weight }
        let totalMembers = plans.reduce(0) { $0 + $1.memberCount }
        // Votes and dual reports come on top of the ordinary mix; leave room for them.
        let ordinaryShare = max(0, eventsPerMember * 0.72)
        let baseEvents = totalWeight > 0 ? ordinaryShare * Double(totalMembers) / totalWeight : 0
        let synthesizer = MemberSynthesizer(asOf: asOf, baseEvents: eventsPerMember > 0 ? baseEvents : 0)
        var community = CommunityWriter(
            synthesizer: synthesizer, files: files, memberIDWidth: memberIDWidth, seed: seed)
        for (index, plan) in plans.enumerated() {
            try community.write(plan, index: index)
        }
        let rows = try community.finish()
        if order == .shuffled {
            let shuffler = RowShuffler(seed: seed, members: totalMembers)
            for file in DatasetFile.allCases { try shuffler.shuffle(file, at: folder.file(file.fileName)) }
        }
        return GenerationSummary(rows: rows)
    }
}

/// What a generator wrote: the number of rows of each file.
public struct GenerationSummary: Sendable {
    /// Data rows (not counting headers) per file, in the contract's order.
    public var rows: [(file: DatasetFile, rows: Int)]
    /// Staging folders of interrupted runs that were found beside the output and removed.
    public var leftoversCleared: [String] = []
    /// An earlier output that an interrupted replacement had moved aside, and that was put back
    /// before this one replaced it.
    public var restoredEarlier: String?

    /// The number of rows written to `file`.
    public func rows(of file: DatasetFile) -> Int {
        rows.first { $0.file == file }?.rows ?? 0
    }
}

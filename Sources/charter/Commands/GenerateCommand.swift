import CharterData
import CharterSupport
import CharterSynthesis
import PolicyKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// `charter generate`: writes a synthetic district dataset, deterministic from its arguments.
enum GenerateCommand: CharterCommand {
    static let name = "generate"
    static let summary: HelpText = "Write a synthetic district dataset (any size, deterministic from a seed)."

    static let communities = Option<Int>(
        required: "communities", "N", .wholeNumber(1...100_000_000), help: "Number of communities (at least 1).")
    static let members = Option<Int>(
        required: "members", "M", .wholeNumber(0...100_000_000),
        help: "Number of party members across the district (0 or more).")
    static let seed = Option<UInt64>(
        required: "seed", "S", .wholeNumber(0...UInt64.max),
        help: "Seed of every random choice (a whole number, 0 to 2^64-1).")
    static let out = Option<String>(
        required: "out", "DIR", .folderName, help: "Folder to write. It must not exist or be empty, unless --force.")
    static let asOf = Option<CivilDate>(
        "as-of", "DATE", .date(fromYear: 1900, showingExample: false),
        default: { DistrictGenerator.Options.defaultAsOf },
        help: "Date the district is placed around, YYYY-MM-DD (default 2026-06-30).")
    static let eventsPerMember = Option<Double>(
        "events-per-member", "K",
        OptionValue(takes: "a number from 0 to 1000 such as 5 or 2.5") { text in
            guard let amount = Amount(text), amount.scaled >= 0, amount <= Amount(1000), !text.hasPrefix("-") else {
                return nil
            }
            return Double(amount.scaled) / Double(Amount.scale)
        }, default: { 5 },
        help: "Ledger entries per member on average (default 5; 0 for none).")
    static let force = Flag(
        "force",
        help:
            "Replace a folder that Charter wrote earlier (one holding only what Charter wrote, with its .charter-output marker), once the new dataset is complete. Any other folder is refused."
    )
    static let example = Flag("example", help: "Write the curated example district (no size options).")
    static let options: [any CommandOption] = [communities, members, seed, out, asOf, eventsPerMember, force, example]

    static let help = CommandHelp(
        usage: [
            .form([communities, members, seed, out, asOf, eventsPerMember, force]),
            .form(selectedBy: example, [out, force]),
        ],
        about: """
            Writes a made-up district of 郫都区 (村转社区 party organisation-building) as the eight CSV
            files of the data contract: communities, members, units, posts, events, bodies, meetings
            and distributions. The same arguments give byte-identical files on every machine.

            Communities are spread over the four stages (some declared, most to be derived from their
            households, residents' committee and units), vary in size from fewer than three full
            members to several hundred, and pass or fail the governance checks. Members are synthetic
            (no real person's data): names from common surnames and given-name characters, masked
            phone numbers. Dates are placed relative to the as-of date: the ledger covers the year
            before it, election votes the last five years.

            With --example, writes the curated example district of Examples/data instead: eight
            communities, about 500 members, showing every kind of decision of ChengduPilot (see
            Examples/README.md).
            """,
        after: """
            The files are written to a hidden folder beside DIR and moved into place when whole, so a
            failure leaves nothing half-written.

            Exit codes: 0 done; 2 bad usage, or the folder could not be written.
            """)

    static func run(_ arguments: Arguments) throws -> Int32 {
        guard arguments.operands.isEmpty else {
            throw UsageError(message: "unexpected operand '\(arguments.operands[0])'; every input is an option.")
        }
        let out = try arguments[Self.out]
        let asOf = try arguments[Self.asOf]
        let generator: DistrictGenerator
        if arguments[Self.example] {
            let sizeOptions: [any CommandOption] = [Self.communities, Self.members, Self.seed, Self.eventsPerMember]
            if let given = sizeOptions.first(where: { arguments.contains($0) }) {
                throw UsageError(message: "option '--\(given.name)' cannot be combined with '--example'.")
            }
            generator = DistrictGenerator.example(asOf: asOf)
        } else {
            let options = DistrictGenerator.Options(
                communities: try arguments[Self.communities],
                members: try arguments[Self.members],
                seed: try arguments[Self.seed],
                asOf: asOf,
                eventsPerMember: try arguments[Self.eventsPerMember])
            do {
                generator = try DistrictGenerator(options)
            } catch {
                throw UsageError(message: error.message)
            }
        }
        let started = monotonicSeconds()
        let summary: GenerationSummary
        do {
            summary = try generator.write(
                to: out, force: arguments[Self.force], protected: protectedPaths(data: nil, profiles: []))
        } catch {
            throw CommandFailure(code: 2, message: "charter generate: \(error.message)")
        }
        for path in summary.leftoversCleared {
            Console.error("charter generate: removed \(path), left by an interrupted run.")
        }
        let elapsed = monotonicSeconds() - started
        let counts = summary.rows.map { "\($0.file.rawValue) \($0.rows)" }.joined(separator: ", ")
        let seconds = String(Double(Int(elapsed * 100)) / 100)
        Console.out("Wrote \(out) in \(seconds) s: \(counts).")
        return 0
    }
}

import CharterData
import PolicyKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// `charter generate`: writes a synthetic district dataset, deterministic from its arguments.
enum GenerateCommand: CharterCommand {
    static let name = "generate"
    static let summary = "Write a synthetic district dataset (any size, deterministic from a seed)."
    static let usage = """
        Usage: charter generate --communities N --members M --seed S --out DIR
                                [--as-of DATE] [--events-per-member K] [--force]
               charter generate --example --out DIR [--force]

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

        Options:
          --communities N         Number of communities (at least 1).
          --members M             Number of party members across the district (0 or more).
          --seed S                Seed of every random choice (a whole number, 0 to 2^64-1).
          --out DIR               Folder to write. It must not exist or be empty, unless --force.
          --as-of DATE            Date the district is placed around, YYYY-MM-DD (default 2026-06-30).
          --events-per-member K   Ledger entries per member on average (default 5; 0 for none).
          --force                 Replace a folder that Charter wrote earlier (one holding only
                                  what Charter wrote, with its .charter-output marker), once the
                                  new dataset is complete. Any other folder is refused.
          --example               Write the curated example district (no size options).

        The files are written to a hidden folder beside DIR and moved into place when whole, so a
        failure leaves nothing half-written.

        Exit codes: 0 done; 2 bad usage, or the folder could not be written.
        """
    static let valuedOptions: Set<String> = ["communities", "members", "seed", "out", "as-of", "events-per-member"]
    static let flagOptions: Set<String> = ["force", "example"]

    static func run(_ arguments: Arguments) throws -> Int32 {
        guard arguments.operands.isEmpty else {
            throw UsageError(message: "unexpected operand '\(arguments.operands[0])'; every input is an option.")
        }
        let out = try arguments.required("out")
        guard !out.isEmpty else { throw UsageError(message: "option '--out' needs a folder name.") }
        let asOf = try date(arguments.value("as-of"))
        let generator: DistrictGenerator
        if arguments.flag("example") {
            for option in ["communities", "members", "seed", "events-per-member"] where arguments.value(option) != nil {
                throw UsageError(message: "option '--\(option)' cannot be combined with '--example'.")
            }
            generator = DistrictGenerator.example(asOf: asOf)
        } else {
            let options = DistrictGenerator.Options(
                communities: try count("communities", arguments, minimum: 1),
                members: try count("members", arguments, minimum: 0),
                seed: try seed(arguments),
                asOf: asOf,
                eventsPerMember: try eventsPerMember(arguments))
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
                to: out, force: arguments.flag("force"), protected: protectedPaths(data: nil, profiles: []))
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

    private static func count(_ name: String, _ arguments: Arguments, minimum: Int) throws(UsageError) -> Int {
        let text = try arguments.required(name)
        guard let value = Int(text), value >= minimum, value <= 100_000_000 else {
            throw UsageError(
                message: "option '--\(name)' takes a whole number from \(minimum) to 100000000, not '\(text)'.")
        }
        return value
    }

    private static func seed(_ arguments: Arguments) throws(UsageError) -> UInt64 {
        let text = try arguments.required("seed")
        guard let value = UInt64(text) else {
            throw UsageError(
                message: "option '--seed' takes a whole number from 0 to 18446744073709551615, not '\(text)'.")
        }
        return value
    }

    private static func eventsPerMember(_ arguments: Arguments) throws(UsageError) -> Double {
        guard let text = arguments.value("events-per-member") else { return 5 }
        guard let amount = Amount(text), amount.scaled >= 0, amount <= Amount(1000), !text.hasPrefix("-") else {
            throw UsageError(
                message: "option '--events-per-member' takes a number from 0 to 1000 such as 5 or 2.5, not '\(text)'.")
        }
        return Double(amount.scaled) / Double(Amount.scale)
    }

    private static func date(_ text: String?) throws(UsageError) -> CivilDate {
        guard let text else { return DistrictGenerator.Options.defaultAsOf }
        guard let date = CivilDate(text), date.year >= 1900 else {
            throw UsageError(message: "option '--as-of' takes a date written YYYY-MM-DD from 1900 on, not '\(text)'.")
        }
        return date
    }
}

import CharterSupport
import PolicyKit

/// The order `charter generate` writes rows in.
///
/// `sorted` is the generator's own order: community by community, each member's ledger beside
/// the member, ids rising. `shuffled` is the order of a district's export: member rows in random
/// order across the district (so ids come in no order and communities are interleaved), the
/// ledger in date order across the whole district, and every other file's rows in random order,
/// except that `posts.csv` keeps each community's rows in their order, which is their priority.
/// Member ids are dealt out afresh, so that id order is not community order. The same seed gives
/// the same people, with the same communities, attributes and ledgers, either way; only who has
/// which id changes.
public enum RowOrder: String, Sendable, Hashable, CaseIterable {
    /// Community by community, in id order.
    case sorted
    /// As a district's export comes: rows in random order, the ledger by date.
    case shuffled
}

/// Puts the rows of one written dataset file into the ``RowOrder/shuffled`` order, in place.
struct RowShuffler {
    let seed: UInt64
    /// For each member number (`m000123` is 123), the number it gets; index 0 is unused.
    private let renumbered: [Int32]

    /// A shuffler for a district of `members` members, numbered from 1.
    init(seed: UInt64, members: Int) {
        self.seed = seed
        var numbers = [Int32](0...Int32(clamping: members))
        var rng = SeededGenerator(seed: seed ^ 0x1D5_0F_FA11, stream: 99)
        for index in stride(from: numbers.count - 1, to: 1, by: -1) {
            numbers.swapAt(index, 1 + rng.below(index))
        }
        renumbered = numbers
    }

    /// Rewrites `path`, a file of the contract written by the generator, in shuffled order.
    func shuffle(_ file: DatasetFile, at path: String) throws(SynthesisError) {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path)
        } catch {
            throw SynthesisError(code: .cannotWrite, error)
        }
        let rows = CSVRows(bytes)
        guard rows.count > 1 else { return }
        var rng = SeededGenerator(
            seed: seed ^ 0x0DDE_5A11_0C0D_E5ED, stream: UInt64(DatasetFile.allCases.firstIndex(of: file) ?? 0))
        let order: [Int]
        switch file {
        case .events:
            order = dateOrder(rows, dateColumn: file.columns.firstIndex(of: "date") ?? 1, &rng)
        case .posts:
            order = interleaving(rows, groupColumn: file.columns.firstIndex(of: "community_id") ?? 0, &rng)
        default:
            var permutation = Array(0..<rows.count)
            for index in stride(from: permutation.count - 1, to: 0, by: -1) {
                permutation.swapAt(index, rng.below(index + 1))
            }
            order = permutation
        }
        let memberColumn: String? =
            switch file {
            case .members: "id"
            case .events, .distributions: "member_id"
            default: nil
            }
        let idColumn = memberColumn.flatMap { file.columns.firstIndex(of: $0) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 1)
        output += bytes[0..<rows.headerEnd]
        for row in order {
            let start = output.count
            rows.append(row, to: &output)
            if let idColumn {
                let field = rows.fieldRange(idColumn, row: row)
                let shift = start - rows.start(of: row)
                renumber(&output, field: (field.lowerBound + shift)..<(field.upperBound + shift))
            }
        }
        do {
            try FileSystem.writeFile(path, output)
        } catch {
            throw SynthesisError(code: .cannotWrite, error)
        }
    }

    /// Gives the member id at `field` (`m` and a zero-padded number) its new number, padded to
    /// the same width, in place; leaves any other text as it is.
    private func renumber(_ bytes: inout [UInt8], field: Range<Int>) {
        guard field.count > 1, bytes[field.lowerBound] == UInt8(ascii: "m") else { return }
        let digits = (field.lowerBound + 1)..<field.upperBound
        var number = 0
        for index in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return }
            number = number * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        }
        guard number > 0, number < renumbered.count else { return }
        var value = Int(renumbered[number])
        for index in digits.reversed() {
            bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
    }

    /// Rows by date, the rows of one day in random order.
    private func dateOrder(_ rows: CSVRows, dateColumn: Int, _ rng: inout SeededGenerator) -> [Int] {
        var keys: [(key: UInt64, row: Int)] = []
        keys.reserveCapacity(rows.count)
        for row in 0..<rows.count {
            let day = UInt64(rows.digits(ofField: dateColumn, row: row))
            keys.append(((day << 32) | (rng.next() >> 32), row))
        }
        keys.sort { ($0.key, $0.row) < ($1.key, $1.row) }
        return keys.map(\.row)
    }

    /// A random interleaving of the groups of rows sharing a value of `groupColumn`, each group's
    /// rows keeping their order: every row draws a random key, a group's keys are dealt to its rows
    /// in rising order, and the rows are then sorted by key.
    private func interleaving(_ rows: CSVRows, groupColumn: Int, _ rng: inout SeededGenerator) -> [Int] {
        var groups: [[UInt8]: [Int]] = [:]
        var firstSeen: [[UInt8]] = []
        for row in 0..<rows.count {
            let group = rows.field(groupColumn, row: row)
            if groups[group] == nil { firstSeen.append(group) }
            groups[group, default: []].append(row)
        }
        var keys: [(key: UInt64, row: Int)] = []
        keys.reserveCapacity(rows.count)
        for group in firstSeen {
            let members = groups[group] ?? []
            let drawn = members.map { _ in rng.next() }.sorted()
            for (row, key) in zip(members, drawn) { keys.append((key, row)) }
        }
        keys.sort { ($0.key, $0.row) < ($1.key, $1.row) }
        return keys.map(\.row)
    }
}

/// The rows of a CSV file's bytes after its header: each row's start, its end after the line end.
private struct CSVRows {
    let headerEnd: Int
    private var starts: [Int] = []
    private var ends: [Int] = []
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var quoted = false
        var start = 0
        var header: Int?
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == UInt8(ascii: "\n") && !quoted {
                if header == nil {
                    header = offset + 1
                } else {
                    starts.append(start)
                    ends.append(offset + 1)
                }
                start = offset + 1
            }
        }
        if start < bytes.count && header != nil {
            // A last row without its line end gets one, so rows can be put in any place.
            starts.append(start)
            ends.append(bytes.count)
        }
        headerEnd = header ?? bytes.count
    }

    var count: Int { starts.count }

    /// Where `row` starts in the bytes.
    func start(of row: Int) -> Int { starts[row] }

    /// Appends `row` to `output`, with a line end when the file's last row had none.
    func append(_ row: Int, to output: inout [UInt8]) {
        let slice = bytes[starts[row]..<ends[row]]
        output += slice
        if slice.last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
    }

    /// The raw bytes of field `column` of `row` (quotes kept; the generator quotes no id or date).
    func field(_ column: Int, row: Int) -> [UInt8] { Array(bytes[fieldRange(column, row: row)]) }

    /// Where field `column` of `row` lies in the bytes (empty when the row has no such field).
    func fieldRange(_ column: Int, row: Int) -> Range<Int> {
        var index = starts[row]
        let end = ends[row]
        var current = 0
        var fieldStart = index
        var quoted = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted
                && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r"))
            {
                if current == column { return fieldStart..<index }
                current += 1
                fieldStart = index + 1
            }
            index += 1
        }
        return current == column ? fieldStart..<end : end..<end
    }

    /// The decimal digits of field `column` of `row` read as one number: 20260630 for 2026-06-30.
    func digits(ofField column: Int, row: Int) -> Int {
        field(column, row: row).reduce(0) { value, byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? value * 10 + Int(byte - UInt8(ascii: "0")) : value
        }
    }
}

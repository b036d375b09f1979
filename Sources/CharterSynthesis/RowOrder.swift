import CharterSupport
import PolicyKit

/// The order `charter generate` writes rows in.
///
/// `sorted` is the generator's own order: community by community, each member's ledger beside
/// the member, ids rising. `shuffled` is the order of a district's export: member rows in random
/// order across the district (so ids come in no order and communities are interleaved), the
/// ledger in date order across the whole district, and every other file's rows in random order,
/// except that `posts.csv` keeps each community's rows in their order, which is their priority.
/// Both orders hold the same rows, so the same seed gives the same people either way, and every
/// decision is the same.
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
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        output += bytes[0..<rows.headerEnd]
        for row in order { output += rows.bytes(of: row, in: bytes) }
        let memberColumn: String? =
            switch file {
            case .members: "id"
            case .events, .distributions: "member_id"
            default: nil
            }
        if let memberColumn, let column = file.columns.firstIndex(of: memberColumn) {
            renumber(&output, column: column)
        }
        do {
            try FileSystem.writeFile(path, output)
        } catch {
            throw SynthesisError(code: .cannotWrite, error)
        }
    }

    /// Gives each member id of `column` (`m` and a zero-padded number) its new number, padded to
    /// the same width, in place.
    private func renumber(_ bytes: inout [UInt8], column: Int) {
        let rows = CSVRows(bytes)
        rows: for row in 0..<rows.count {
            let range = rows.fieldRange(column, row: row)
            guard range.count > 1, bytes[range.lowerBound] == UInt8(ascii: "m") else { continue }
            let digits = (range.lowerBound + 1)..<range.upperBound
            var number = 0
            for index in digits {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { continue rows }
                number = number * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            guard number > 0, number < renumbered.count else { continue }
            var value = Int(renumbered[number])
            for index in digits.reversed() {
                bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
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

    func bytes(of row: Int, in bytes: [UInt8]) -> [UInt8] {
        let slice = bytes[starts[row]..<ends[row]]
        return slice.last == UInt8(ascii: "\n") ? Array(slice) : Array(slice) + [UInt8(ascii: "\n")]
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

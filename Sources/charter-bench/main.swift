// charter-bench: measures the dataset reader on a large generated dataset.
//
//   charter-bench generate DIR [ROWS]   writes communities.csv and a members.csv of ROWS rows
//   charter-bench read DIR [JOBS]       reads and checks DIR with JOBS threads (default 1), printing
//                                       MB/s and peak memory
//   charter-bench check DIR             only the first of those reads (one core, no digests), to
//                                       profile it (e.g. under valgrind --tool=callgrind)
//
// Generating and reading are separate runs so the peak memory measured is the reader's alone.
import CharterData
import CharterSupport
import PolicyKit
import SHA256Instructions

#if canImport(Glibc)
    import Glibc
#endif

/// Writes bytes to a file through a large buffer.
struct BufferedFile {
    let file: UnsafeMutablePointer<FILE>
    var buffer: [UInt8] = []

    init?(path: String) {
        guard let file = fopen(path, "w") else { return nil }
        self.file = file
        buffer.reserveCapacity(1 << 20)
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
        _ = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() {
        flush()
        fclose(file)
    }
}

/// A small deterministic generator (SplitMix64), so every run writes the same files.
struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

func generate(folder: String, rows: Int) -> Int32 {
    mkdir(folder, 0o755)
    let communityCount = 500
    guard var communities = BufferedFile(path: folder + "/communities.csv"),
        var members = BufferedFile(path: folder + "/members.csv")
    else {
        print("charter-bench: cannot write in '\(folder)'.")
        return 2
    }
    communities.write("id,name,district,town,stage,households_planned,households_moved_in,residents_committee\n")
    let stages = ["preparation", "transition", "integration", "maturity"]
    for index in 0..<communityCount {
        communities.write(
            "C\(pad(index, 4)),红光社区\(index),郫都区,犀浦街道,\(stages[index % 4]),\(800 + index),\(index),\(index % 2 == 0)\n")
    }
    communities.close()
    members.write(
        "id,name,community_id,subdivision,building,birth_date,join_date,status,relation,origin_village,employment,employer,away_since,away_place,phone,occupation,letter_issued,last_org_life,education,cadre_years,willing_to_serve,sanction_until,unqualified_year,criminal_record,dishonest_debtor\n"
    )
    let surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄"]
    let given = ["伟", "芳", "秀英", "强", "敏", "静", "建国", "丽"]
    let relations = ["community", "origin_village", "work_unit", "elsewhere"]
    let employments = ["in_service", "retired", "flexible", "student", "none"]
    let educations = ["none", "primary", "junior", "senior", "vocational", "college", "bachelor", "master"]
    var random = Random(state: 42)
    for index in 0..<rows {
        let community = random.next(communityCount)
        let birthYear = 1940 + random.next(60)
        let joinYear = min(birthYear + 18 + random.next(20), 2025)
        let employment = employments[random.next(employments.count)]
        let away = random.next(10) == 0
        let name = surnames[random.next(8)] + given[random.next(8)]
        var line = "M\(pad(index, 7)),\(name),C\(pad(community, 4)),锦绣花园\(random.next(9) + 1)期,\(random.next(30) + 1)栋,"
        line += "\(birthYear)-\(pad(random.next(12) + 1, 2))-\(pad(random.next(28) + 1, 2)),"
        line += "\(joinYear)-\(pad(random.next(12) + 1, 2))-\(pad(random.next(28) + 1, 2)),"
        line += random.next(10) == 0 ? "probationary," : "full,"
        line += relations[random.next(4)] + ",红光村,"
        line += employment + "," + (employment == "in_service" ? "\"成都某某科技有限公司, 研发部\"," : ",")
        line += away ? "2024-0\(random.next(9) + 1)-15,深圳," : ",,"
        line += "138\(pad(random.next(100_000_000), 8)),工程师,,"
        line += "2025-\(pad(random.next(12) + 1, 2))-10,"
        line += educations[random.next(educations.count)] + ",\(random.next(4)),"
        line += random.next(3) == 0 ? "TRUE," : "false,"
        line += random.next(50) == 0 ? "2026-12-31," : ","
        line += random.next(50) == 0 ? "2023," : ","
        line += "false,0\n"
        members.write(line)
    }
    members.close()
    print("charter-bench: wrote \(rows) members and \(communityCount) communities in '\(folder)'.")
    return 0
}

func peakMemoryKB() -> Int {
    guard let file = fopen("/proc/self/status", "r") else { return -1 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
        let text = String(decoding: line.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix("VmHWM:") {
            return Int(text.dropFirst(6).filter { $0.isNumber }) ?? -1
        }
    }
    return -1
}

func seconds(_ clock: clockid_t = CLOCK_MONOTONIC) -> Double {
    var now = timespec()
    clock_gettime(clock, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Reads and checks the folder once; returns the dataset's bytes and the wall, thread and process
/// CPU seconds it took, or nil (having printed why) when the dataset is refused.
func timedRead(folder: String, reader: DatasetReader) -> (bytes: Int, wall: Double, thread: Double, process: Double)? {
    guard let asOf = CivilDate(year: 2026, month: 6, day: 30) else { return nil }
    let start = seconds()
    let threadStart = seconds(CLOCK_THREAD_CPUTIME_ID)
    let processStart = seconds(CLOCK_PROCESS_CPUTIME_ID)
    let result: DatasetReadResult
    do {
        result = try reader.read(directory: folder, asOf: asOf)
    } catch {
        print(error.description)
        return nil
    }
    let wall = seconds() - start
    let thread = seconds(CLOCK_THREAD_CPUTIME_ID) - threadStart
    let process = seconds(CLOCK_PROCESS_CPUTIME_ID) - processStart
    var bytes = 0
    for file in result.dataset.files {
        var status = stat()
        if stat(file.path, &status) == 0 { bytes += Int(status.st_size) }
    }
    return (bytes, wall, thread, process)
}

/// Reads and checks the folder the ways `charter` does, printing MB/s and peak memory.
///
/// It reads:
/// - on one core, reading and checking only (as `charter check` does: no digests);
/// - on one core, hashing every file too (as `charter run --jobs 1` does);
/// - on `jobs` threads, with the digests (as `charter run` does by default).
///
/// With `checkOnly`, it stops after the first.
func readDataset(folder: String, jobs: Int, checkOnly: Bool = false) -> Int32 {
    guard let check = timedRead(folder: folder, reader: DatasetReader(jobs: 1, hashing: false)) else { return 2 }
    let megabytes = Double(check.bytes) / 1_000_000
    let peak = peakMemoryKB()
    print(
        "charter-bench: read and check on one core: \(String(format1: megabytes)) MB in \(String(format1: check.wall)) s = \(String(format1: megabytes / check.wall)) MB/s (CPU \(String(format1: check.process)) s); peak memory (VmHWM) \(String(format1: Double(peak) / 1000)) MB = \(String(format1: Double(peak) * 1000 / Double(max(check.bytes, 1)))) × the files' size."
    )
    if checkOnly { return 0 }
    guard let hashed = timedRead(folder: folder, reader: DatasetReader(jobs: 1)) else { return 2 }
    print(
        "charter-bench: read, check and hash (SHA-256) on one core: \(String(format1: megabytes / hashed.wall)) MB/s."
    )
    if jobs > 1 {
        guard let parallel = timedRead(folder: folder, reader: DatasetReader(jobs: jobs)) else { return 2 }
        print(
            "charter-bench: read, check and hash with \(jobs) jobs: \(String(format1: megabytes / parallel.wall)) MB/s (CPU \(String(format1: parallel.process)) s over \(String(format1: parallel.wall)) s)."
        )
    }
    return 0
}

extension String {
    init(format1 value: Double) {
        let scaled = Int((value * 10).rounded())
        self = "\(scaled / 10).\(abs(scaled % 10))"
    }
}

#if arch(x86_64)
    SHA256.useInstructions { SHA256Instructions.compress(state: $0, blocks: $1, count: $2) }
#endif
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "generate" where arguments.count >= 2:
    exit(generate(folder: arguments[1], rows: arguments.count > 2 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000))
case "read" where arguments.count == 2 || arguments.count == 3:
    exit(readDataset(folder: arguments[1], jobs: arguments.count == 3 ? max(1, Int(arguments[2]) ?? 1) : 1))
case "check" where arguments.count == 2:
    exit(readDataset(folder: arguments[1], jobs: 1, checkOnly: true))
default:
    print("Usage: charter-bench generate DIR [ROWS] | charter-bench read DIR [JOBS] | charter-bench check DIR")
    exit(2)
}

// What the two dataset targets (dataset-csv, dataset-json) share: built by scripts/fuzz.sh with
// the sources of CharterData (so it sees their internal API), never by SwiftPM.
import CharterSupport
import PolicyKit

#if canImport(Glibc)
    import Glibc
#endif

/// Reads `bytes` as one file of a dataset, whole and in chunks of `chunk` bytes, and aborts
/// unless both give the same problems, warnings, rows and digest, and the digest is the bytes'
/// SHA-256.
func checkDatasetFile(_ kind: DatasetFileKind, form: String, chunk: Int, bytes: [UInt8]) {
    guard let asOf = CivilDate(year: 2026, month: 6, day: 30) else { return }
    let whole = DatasetReader.readFile(kind, form: form, bytes: bytes, asOf: asOf, problemLimit: 50)
    let chunked = DatasetReader.readFile(
        kind, form: form, bytes: bytes, chunkSize: chunk, asOf: asOf, problemLimit: 50)
    let wholeProblems = whole.error.map { $0.description } ?? ""
    let chunkedProblems = chunked.error.map { $0.description } ?? ""
    let a = whole.dataset
    let b = chunked.dataset
    if wholeProblems != chunkedProblems || whole.warnings != chunked.warnings || a.files != b.files
        || a.communities != b.communities || a.members != b.members || a.units != b.units || a.posts != b.posts
        || a.events != b.events || a.bodies != b.bodies || a.meetings != b.meetings
        || a.distributions != b.distributions
    {
        print(
            "\(kind.name)\(form) read whole and in chunks of \(chunk) differ:\n\(wholeProblems)\n---\n\(chunkedProblems)"
        )
        abort()
    }
    let expectedHash = SHA256.hexDigest(bytes)
    if a.files.first?.sha256 != expectedHash {
        print("The digest of \(kind.name)\(form) is \(a.files.first?.sha256 ?? "missing"), not \(expectedHash).")
        abort()
    }
}

// The libFuzzer target of the dataset reader: built by scripts/fuzz-csv.sh together with the
// sources of CharterData (so it sees their internal API), never by SwiftPM.
import PolicyKit

#if canImport(Glibc)
    import Glibc
#endif

/// Reads one file of a dataset from fuzzed bytes, whole and in small chunks.
///
/// The first byte picks the file kind and form; the rest is the file. The same bytes are read
/// whole and handed over in small chunks, and both must give the same problems and rows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatasetReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let kind = DatasetFileKind.allCases[selector % DatasetFileKind.allCases.count]
    let forms = [".csv", ".csv", ".json", ".jsonl"]
    let form = forms[(selector / 8) % forms.count]
    let chunk = 1 + (selector / 32) % 7
    guard let asOf = CivilDate(year: 2026, month: 6, day: 30) else { return 0 }
    let whole = DatasetReader.readFile(kind, form: form, bytes: bytes, asOf: asOf, problemLimit: 50)
    let chunked = DatasetReader.readFile(kind, form: form, bytes: bytes, chunkSize: chunk, asOf: asOf, problemLimit: 50)
    let wholeProblems = whole.error.map { $0.description } ?? ""
    let chunkedProblems = chunked.error.map { $0.description } ?? ""
    if wholeProblems != chunkedProblems || whole.warnings != chunked.warnings
        || whole.dataset.files.first?.rows != chunked.dataset.files.first?.rows
        || whole.dataset.files.first?.sha256 != chunked.dataset.files.first?.sha256
        || whole.dataset.members != chunked.dataset.members || whole.dataset.posts != chunked.dataset.posts
        || whole.dataset.communities != chunked.dataset.communities
    {
        print("Reading whole and in chunks of \(chunk) differ:\n\(wholeProblems)\n---\n\(chunkedProblems)")
        abort()
    }
    let expectedHash = SHA256.hexDigest(bytes)
    if whole.dataset.files.first?.sha256 != expectedHash {
        print("The file's hash is wrong.")
        abort()
    }
    return 0
}

// The libFuzzer target `dataset-json` (scripts/fuzz.sh dataset-json): the dataset reader on
// `.json` and `.jsonl` files. Built with the sources of CharterData and DatasetFuzzSupport.swift,
// never by SwiftPM.

/// Reads one JSON or JSON Lines file of a dataset from fuzzed bytes, whole and in small chunks.
///
/// The first byte picks the file kind (its value modulo 8, in the contract's order), the form
/// (`.json` or `.jsonl` by bit 3) and the chunk size (1 + its value / 16 modulo 7); the rest is
/// the file. Both readings must agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatasetJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let kind = DatasetFileKind.allCases[selector % DatasetFileKind.allCases.count]
    let form = (selector / 8) % 2 == 0 ? ".json" : ".jsonl"
    let chunk = 1 + (selector / 16) % 7
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    checkDatasetFile(kind, form: form, chunk: chunk, bytes: bytes)
    return 0
}

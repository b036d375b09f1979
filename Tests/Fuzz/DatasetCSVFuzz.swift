// The libFuzzer target `dataset-csv` (scripts/fuzz.sh dataset-csv): the dataset reader on CSV
// files. Built with the sources of CharterData and DatasetFuzzSupport.swift, never by SwiftPM.

/// Reads one CSV file of a dataset from fuzzed bytes, whole and in small chunks.
///
/// The first byte picks the file kind (its value modulo 8, in the contract's order) and the chunk
/// size (1 + its value / 8 modulo 7); the rest is the file. Both readings must agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatasetCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let kind = DatasetFileKind.allCases[selector % DatasetFileKind.allCases.count]
    let chunk = 1 + (selector / 8) % 7
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    checkDatasetFile(kind, form: ".csv", chunk: chunk, bytes: bytes)
    return 0
}

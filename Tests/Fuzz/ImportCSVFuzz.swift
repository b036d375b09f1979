// The libFuzzer target `import-csv` (scripts/fuzz.sh import-csv): charter import's CSV reader
// (UTF-8 or GB18030, RFC 4180) and its conversion of an office's values into the data contract's.
// Built with the sources of CharterImport (so it sees their internal API), never by SwiftPM.
import CharterSupport
import PolicyKit

#if canImport(Glibc)
    import Glibc
#endif

/// Reads fuzzed bytes as one CSV file of an office's folder and converts it.
///
/// The first byte picks the file (its value modulo 8, in the contract's order); the rest is the
/// file. Reading and converting must give a table or problems, never a trap. Every problem names
/// where it stands and says what is wrong in both languages. A file that converts without
/// problems is written as the contract's CSV; importing that again changes nothing and gives
/// the same bytes: an import never keeps changing what it already wrote.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let file = DatasetFile.allCases[Int(data[0]) % DatasetFile.allCases.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    guard let converted = convert(bytes, file) else { return 0 }
    let written = converted.csv()
    guard let again = convert(written, file, expectingNoChanges: true) else {
        fail("What the import wrote does not import again:\n\(String(decoding: written, as: UTF8.self))")
    }
    guard again.csv() == written else {
        fail(
            "Importing what the import wrote changes it:\n\(String(decoding: written, as: UTF8.self))\n→\n"
                + String(decoding: again.csv(), as: UTF8.self))
    }
    return 0
}

/// The file `bytes` convert into, or `nil` when they do not (every problem checked).
private func convert(_ bytes: [UInt8], _ file: DatasetFile, expectingNoChanges: Bool = false) -> ImportedFile? {
    let source = file.fileName
    let table: ImportTable
    switch ImportSources.readCSV(bytes, file: file, source: source) {
    case .success(let read): table = read
    case .failure(let problem):
        check(problem, source)
        return nil
    }
    let converted = Importer.convert(table)
    for problem in converted.problems { check(problem, source) }
    guard converted.problems.isEmpty else { return nil }
    if expectingNoChanges, let change = converted.changes.first {
        fail("Importing what the import wrote made a change: \(change)")
    }
    return converted.file
}

private func check(_ problem: ImportProblem, _ source: String) {
    let chinese = problem.message(in: .chinese)
    let english = problem.message(in: .english)
    guard chinese.hasPrefix(source), english.hasPrefix(source) else {
        fail("A problem does not name \(source): \(english)")
    }
    guard Text.hasChinese(chinese, english: english) else { fail("A problem has no Chinese: \(english)") }
}

func fail(_ message: String) -> Never {
    print(message)
    abort()
}

// The libFuzzer target `workbook` (scripts/fuzz.sh workbook): the xlsx reader, the zip reader and
// inflate under it, and the writer. Built with the sources of CharterWorkbook (so it sees their
// internal API), never by SwiftPM.
import PolicyKit

#if canImport(Glibc)
    import Glibc
#endif

/// The parts the second form of input fills, in its order.
let partPaths = [
    "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml",
    "xl/worksheets/sheet1.xml",
]

/// Reads fuzzed bytes as a workbook, and checks what reads.
///
/// The first byte picks the form: even, the rest is a whole `.xlsx` (its entries' CRC-32 not
/// checked, so that mutated deflated parts reach the XML); odd, the rest is the parts of
/// `partPaths` one after the other, each ended by a NUL byte, stored into a zip here (a part left
/// empty is left out). Any input must give a workbook or an error, never a trap, and the same one
/// twice. A workbook read must write back (when Excel would take its sheet names) to a workbook of
/// the same names and texts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let rest = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let bytes: [UInt8]
    if data[0] & 1 == 0 {
        bytes = rest
    } else {
        var writer = ZipWriter()
        for (path, part) in zip(partPaths, rest.split(separator: 0, omittingEmptySubsequences: false))
        where !part.isEmpty {
            try? writer.add(path, contents: Array(part))
        }
        bytes = writer.bytes
    }
    let limits = Workbook.Limits(
        inflate: Inflate.Limits(maxOutput: 1 << 22, maxRatio: 1100, ratioGrace: 1 << 16), maxTotalSize: 1 << 23,
        maxCells: 1 << 20)
    let first = outcome(bytes, limits: limits)
    guard outcome(bytes, limits: limits) == first else {
        fail("Reading the same workbook twice gave different outcomes.")
    }
    guard case .success(let workbook) = first else { return 0 }
    var writer = WorkbookWriter()
    for sheet in workbook.sheets {
        do {
            try writer.addSheet(sheet.name, rows: sheet.rows.map { $0.map(\.text) })
        } catch {
            return 0
        }
    }
    let written: [UInt8]
    let again: Workbook
    do {
        written = try writer.bytes()
        again = try Workbook(bytes: written, name: "written.xlsx", limits: limits)
    } catch {
        fail("A workbook read does not write and read back: \(error)")
    }
    guard again.sheets.map(\.name) == workbook.sheets.map(\.name) else { fail("Sheet names changed when written.") }
    for (sheet, back) in zip(workbook.sheets, again.sheets) {
        let texts = sheet.rows.map { $0.map { $0.isEmpty ? "" : $0.text } }
        let textsBack = back.rows.map { $0.map { $0.isEmpty ? "" : $0.text } }
        guard texts == textsBack else {
            fail("Sheet '\(sheet.name)' read back differently:\n\(texts.prefix(5))\n---\n\(textsBack.prefix(5))")
        }
    }
    return 0
}

/// What reading `bytes` gives.
func outcome(_ bytes: [UInt8], limits: Workbook.Limits) -> Result<Workbook, WorkbookError> {
    do {
        let workbook = try Workbook(bytes: bytes, name: "fuzz.xlsx", limits: limits, checksCRC: false)
        return .success(workbook)
    } catch {
        _ = error.message(in: .chinese)
        return .failure(error)
    }
}

func fail(_ message: String) -> Never {
    print(message)
    abort()
}

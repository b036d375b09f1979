import CharterData
import CharterSupport
import CharterSynthesis
import Foundation

/// A CSV file of a generated dataset, split by the test's own small RFC 4180 reader so the tests
/// do not depend on the host's dataset reader.
struct PlainCSV {
    /// The header row.
    var header: [String]
    /// The data rows, as fields.
    var rows: [[String]]

    /// Reads `path` (UTF-8, LF or CRLF line ends, `"` quoting).
    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(data: data, encoding: .utf8) else { throw TestFailure("'\(path)' is not UTF-8.") }
        var records = try PlainCSV.split(text)
        guard !records.isEmpty else { throw TestFailure("'\(path)' has no header.") }
        header = records.removeFirst()
        rows = records
    }

    /// The column named `name` of every row.
    func column(_ name: String) throws -> [String] {
        guard let index = header.firstIndex(of: name) else { throw TestFailure("No column '\(name)'.") }
        return rows.map { $0[index] }
    }

    /// Rows as dictionaries from column name to field.
    var records: [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    static func split(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return iterator.next()
        }
        var sawAny = false
        while let scalar = next() {
            sawAny = true
            if quoted {
                if scalar == "\"" {
                    let following = iterator.next()
                    if following == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        afterQuote = true
                        pending = following
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                record.append(field)
                field = ""
                afterQuote = false
            case "\r":
                continue
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                afterQuote = false
                sawAny = false
            case "\"":
                guard field.isEmpty, !afterQuote else { throw TestFailure("A stray quote in an unquoted field.") }
                quoted = true
            default:
                guard !afterQuote else { throw TestFailure("Text after a closing quote.") }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw TestFailure("An unterminated quote.") }
        if sawAny {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

/// A failed expectation in test support code.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh temporary folder path that does not exist yet.
func temporaryFolder(_ label: String) -> String {
    let base = FileManager.default.temporaryDirectory.path
    return base + "/charter-synthesis-\(label)-\(UUID().uuidString)"
}

/// The eight files of a dataset folder, read as tables, by file name without extension.
func readDataset(_ folder: String) throws -> [String: PlainCSV] {
    var tables: [String: PlainCSV] = [:]
    for file in DatasetFile.allCases {
        tables[file.rawValue] = try PlainCSV(path: folder + "/" + file.fileName)
    }
    return tables
}

/// A generated district, written once per test process and shared by the tests that only read it.
enum SharedDistrict {
    /// The options of the shared district: enough communities that every kind of community appears.
    static let options = DistrictGenerator.Options(communities: 80, members: 8000, seed: 20_260_630)

    /// The folder it was written to.
    static let folder: String = {
        let folder = temporaryFolder("shared")
        do {
            let generator = try DistrictGenerator(options)
            try generator.write(to: folder)
        } catch {
            fatalError("The shared district could not be generated: \(error)")
        }
        return folder
    }()

    /// Its tables.
    static let tables: [String: PlainCSV] = {
        do {
            return try readDataset(folder)
        } catch {
            fatalError("The shared district could not be read: \(error)")
        }
    }()
}

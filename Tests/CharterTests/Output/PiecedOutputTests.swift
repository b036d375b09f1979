import CharterData
import CharterSupport
import Foundation
import Testing

@testable import CharterOutput

/// Files written in pieces by several workers come out whole and in order, whatever the workers.
@Suite struct PiecedOutputTests {
    /// The bytes of piece `piece` of file `file`: its numbers, a size that varies with the piece.
    static func piece(_ file: Int, _ piece: Int) -> [UInt8] {
        Array("\(file):\(piece);".utf8)
            + Array(repeating: UInt8(ascii: "a") + UInt8(piece % 26), count: (piece * 37) % 500)
    }

    @Test(arguments: [1, 2, 3, 8])
    func everyFileHoldsItsPiecesInOrder(jobs: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pieced-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // More pieces than the workers may hold at once, so that they wait for the writes.
        let counts = [0, 1, 700, 53]
        let files = counts.enumerated().map { file, count in
            PiecedFile(path: "\(folder)/\(file).txt", pieces: count) { piece, bytes in
                bytes += Self.piece(file, piece)
            }
        }
        let times = try PiecedOutput.write(files, jobs: jobs)
        #expect(times.encodeSeconds.map(\.file) == ["0.txt", "1.txt", "2.txt", "3.txt"])
        for (file, count) in counts.enumerated() {
            let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(file).txt")))
            #expect(written == (0..<count).flatMap { Self.piece(file, $0) }, "file \(file), jobs \(jobs)")
        }
    }

    @Test func aFileThatCannotBeCreatedIsAnErrorNamingIt() {
        let files = [PiecedFile(path: "/nonexistent-folder/x.txt", pieces: 3) { _, bytes in bytes += [1] }]
        let error = #expect(throws: OutputError.self) { try PiecedOutput.write(files, jobs: 2) }
        #expect(error?.path == "/nonexistent-folder/x.txt")
    }
}

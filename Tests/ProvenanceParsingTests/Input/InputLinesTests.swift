import Foundation
import Testing
import ProvenanceParsing

/// Lines of a file read a chunk at a time: JSON Lines shards of any size, gzipped or not.
@Suite struct InputLinesTests {
    private func lines(of path: String, limit: Int = ExtractionOptions.defaultMaximumBytes) throws -> [String] {
        var reader = try InputLines(path: path, limit: limit)
        var lines: [String] = []
        while let line = try reader.nextLine() { lines.append(line) }
        return lines
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-lines-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func linesAcrossManyChunksComeOutWhole() throws {
        // Lines of every length up to well past a chunk, the last without a line break.
        var expected: [String] = []
        var bytes: [UInt8] = []
        for number in 0..<120 {
            let line = String(repeating: String(number % 10), count: number * 701)
            expected.append(line)
            bytes += Array(line.utf8) + (number == 119 ? [] : [0x0A])
        }
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try lines(of: path) == expected)
    }

    @Test func aGzippedFileReadsAsItsLines() throws {
        let expected = try String(contentsOfFile: TestSupport.example("meridian-news-agency-dispatch.txt").path, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(try lines(of: GzipTests.fixture("dispatch.txt.gz")) == expected.dropLast() + (expected.last == "" ? [] : [expected.last!]))
    }

    @Test func aLineLongerThanTheLimitIsAnErrorNamingTheFile() throws {
        let path = try temporaryFile(Array("short\n".utf8) + [UInt8](repeating: 0x61, count: 5000) + [0x0A])
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try InputLines(path: path, limit: 1000)
        #expect(try reader.nextLine() == "short")
        #expect(throws: ExtractionError.self) { try reader.nextLine() }
    }

    @Test func aDamagedGzipStreamIsAnErrorAfterTheLinesBeforeIt() throws {
        var reader = try InputLines(path: GzipTests.fixture("dispatch-cut-short.txt.gz"))
        var read = 0
        #expect(throws: ExtractionError(path: GzipTests.fixture("dispatch-cut-short.txt.gz"), reason: .damagedCompression("it ends too soon"))) {
            while try reader.nextLine() != nil { read += 1 }
        }
        #expect(read > 0)
    }

    @Test func aMissingFileIsRefusedAtOnce() {
        #expect(throws: ExtractionError.self) { try InputLines(path: "/no/such/shard.jsonl") }
    }
}

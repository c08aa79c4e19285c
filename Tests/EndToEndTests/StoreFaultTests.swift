import Foundation
import Testing

/// The store under faults: a writer killed mid-ingest, two writers at once,
/// files that are not ours.
@Suite struct StoreFaultTests {
    /// A folder of generated articles, each with its own quotes and speaker.
    static func articles(_ count: Int, in folder: URL) throws -> [String] {
        try (0..<count).map { number in
            let url = folder.appendingPathComponent(String(format: "story-%03d.txt", number))
            var text = "Harbour story number \(number)\n\n"
            for line in 0..<40 {
                text += "“Berth \(number)-\(line) will reopen after the inspection,” harbour master Ana Ruiz\(number) said on day \(line).\n\n"
                text += "The port authority said cargo at berth \(number)-\(line) rose by \(line * 3 + number) percent.\n\n"
            }
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }

    /// Runs SQL on the store with Python's sqlite3; the rows, one per line.
    static func query(_ sql: String, on store: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys
            connection = sqlite3.connect(sys.argv[1])
            for row in connection.execute(sys.argv[2]): print('|'.join(str(value) for value in row))
            """, store, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func killingTheWriterLosesNothingCommittedAndLeavesNoHalfDocument() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Enough documents that six kills, each a few documents (a window or
        // two of them) after the last, all land before the end.
        let total = 160
        let files = try Self.articles(total, in: folder)
        let store = folder.appendingPathComponent("corpus.sqlite").path
        var generator = SystemRandomNumberGenerator()
        var before = 0
        for round in 0..<6 {
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = ["ingest", "-q", "--store", store] + files
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Let it add a few more documents, then kill it without warning
            // (wherever it is in the next one).
            let target = before + Int.random(in: 1...6, using: &generator)
            while process.isRunning {
                usleep(UInt32.random(in: 1_000...20_000, using: &generator))
                let stored = Int((try? Self.query("SELECT COUNT(*) FROM documents", on: store))?.first ?? "") ?? 0
                if stored >= target { break }
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // The file is a sound database, every stored document is whole.
            #expect(try Self.query("PRAGMA integrity_check", on: store) == ["ok"], "round \(round)")
            let documents = Int(try Self.query("SELECT COUNT(*) FROM documents", on: store).first ?? "") ?? -1
            #expect(documents >= before, "round \(round): \(documents) documents after \(before)")
            before = documents
            let halfWritten = try Self.query("""
                SELECT d.id FROM documents d LEFT JOIN claims c ON c.document_id = d.id
                GROUP BY d.id HAVING COUNT(c.id) != MAX(d.claim_count)
                """, on: store)
            #expect(halfWritten.isEmpty, "round \(round): documents without all their claims: \(halfWritten)")
        }
        // The kills came mid-ingest: some documents were in, not all.
        #expect(before > 0 && before < total, "\(before) documents stored when the writer was killed")
        // Finishing the job adds exactly what was missing.
        let finish = try CommandRunner.run(["ingest", "--store", store] + files)
        #expect(finish.status == 0)
        #expect(finish.standardOutput.contains("\(total - before) added, \(before) already there, 0 failed; \(total) documents in the store"))
    }

    @Test func twoWritersAtOnceBothFinish() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.articles(40, in: folder)
        let store = folder.appendingPathComponent("corpus.sqlite").path
        // The store exists before the two start.
        #expect(try CommandRunner.run(["ingest", "--store", store, files[0]]).status == 0)
        let errors = (0..<2).map { folder.appendingPathComponent("errors-\($0).txt") }
        let writers = try zip([Array(files[1..<20]), Array(files[20...])], errors).map { part, errorFile -> Process in
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = ["ingest", "-q", "--store", store] + part
            process.standardOutput = FileHandle.nullDevice
            _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errorFile)
            return process
        }
        for writer in writers { try writer.run() }
        for writer in writers { writer.waitUntilExit() }
        let said = errors.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }
        #expect(writers.map(\.terminationStatus) == [0, 0], "\(said)")
        #expect(try Self.query("SELECT COUNT(*) FROM documents", on: store) == ["40"])
        #expect(try Self.query("PRAGMA integrity_check", on: store) == ["ok"])
    }

    @Test func aDamagedStoreIsRefusedUntouched() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // An SQLite header over garbage.
        let damaged = folder.appendingPathComponent("damaged.sqlite")
        var bytes = Array("SQLite format 3\u{0}".utf8)
        var generator = SystemRandomNumberGenerator()
        bytes += (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(bytes).write(to: damaged)
        for command in [["ingest", "--store", damaged.path, "Examples/content-farm-rewrite.txt"], ["report", "--store", damaged.path]] {
            let result = try CommandRunner.run(command)
            #expect(result.status == 1)
            #expect(result.standardError.contains(damaged.path))
            #expect(try Data(contentsOf: damaged) == Data(bytes))
        }
    }
}

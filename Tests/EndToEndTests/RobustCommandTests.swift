import Foundation
import Testing

/// Issue 20 at the command line: JSON Lines that are wrong, stores that are
/// damaged, read-only, missing or made by two processes at once, names that
/// try to inject, more jobs than cores, lists with odd lines.
@Suite struct RobustCommandTests {
    static let examples = ExtractCommandTests.examples

    static func sha256(_ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data.prefix(64)
    }

    /// The attributed lines of the examples, each a JSON object.
    static func attributedLines() throws -> [[String: Any]] {
        let result = try CommandRunner.run(["report", "--format", "jsonl"] + examples)
        return try result.standardOutput.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    static func line(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    /// Indices out of range, a wrong type, a cut line: one error line each,
    /// naming its number; the good lines are stored (the first crashed the
    /// whole batch with a trap).
    @Test func badJSONLinesAreOneErrorLineEachAndTheBatchGoesOn() throws {
        let folder = try StoreFaultTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var objects = try Self.attributedLines()
        #expect(objects.count == 3)
        func changed(_ index: Int, _ change: (inout [String: Any]) -> Void) -> [String: Any] {
            var document = objects[index]["document"] as! [String: Any]
            change(&document)
            var object = objects[index]
            object["document"] = document
            return object
        }
        func claimsChanged(_ change: @escaping (inout [String: Any]) -> Void) -> [String: Any] {
            changed(0) { document in
                var claims = document["claims"] as! [[String: Any]]
                change(&claims[0])
                document["claims"] = claims
            }
        }
        let bad: [String] = [
            try Self.line(changed(0) { $0["publisher"] = 999 }),
            try Self.line(claimsChanged { $0["via"] = [-1] }),
            try Self.line(claimsChanged { $0["about"] = [999] }),
            try Self.line(claimsChanged { $0["block"] = 100_000 }),
            try Self.line(claimsChanged { $0["content"] = ["start": 50, "end": 10] }),
            try Self.line(changed(0) { $0["claims"] = "not a list" }),
            String(try Self.line(objects[1]).prefix(200)),
        ]
        objects[1] = changed(1) { _ in }
        let lines = [try Self.line(objects[0])] + bad + [try Self.line(objects[2])]
        let file = folder.appendingPathComponent("lines.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("corpus.sqlite").path
        let result = try CommandRunner.run(["ingest", "--from-jsonl", file.path, "--store", store])
        #expect(result.status == 1)
        let errors = result.standardError.split(separator: "\n")
        #expect(errors.count == bad.count, "\(errors)")
        for (offset, error) in errors.enumerated() {
            #expect(error.hasPrefix("provenance: error: \(file.path): line \(offset + 2): "), "\(error)")
        }
        #expect(result.standardOutput.contains("2 added, 0 already there, \(bad.count) failed; 2 documents in the store"))
    }

    /// A store with 64 bytes overwritten every 4 KB is refused by every
    /// command, with one line, and left byte for byte as it was (ingest wrote
    /// to such stores, and even the report that refused one changed bytes).
    @Test func aDamagedStoreIsRefusedAndLeftAsItWas() throws {
        let folder = try StoreFaultTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("corpus.sqlite").path
        let files = try StoreFaultTests.articles(12, in: folder)
        #expect(try CommandRunner.run(["ingest", "-q", "--store", store] + files).status == 0)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: store)))
        #expect(bytes.count > 20_000)
        var generator = SystemRandomNumberGenerator()
        // The first 64 bytes of every page after the first: its header and
        // cell pointers, or an overflow page's link, which SQLite's checks
        // see (64 bytes inside a text's payload pass any check, as SQLite
        // keeps no checksums).
        for offset in stride(from: 4096, to: min(bytes.count, 100 * 1024) - 64, by: 4096) {
            for index in offset..<offset + 64 { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: store))
        let before = try Self.sha256(store)
        for arguments in [["ingest", "--store", store, "Examples/content-farm-rewrite.txt"], ["report", "--store", store],
                          ["check", "--store", store], ["sources", "--store", store]] {
            let result = try CommandRunner.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            let lines = result.standardError.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("provenance: error: \(store): "), "\(arguments): \(result.standardError)")
            #expect(try Self.sha256(store) == before, "\(arguments) changed the store")
        }
    }

    /// Reading a store writes nothing: a 0444 file works, and no byte changes
    /// (every report raised schema_version by two).
    @Test func readingAStoreChangesNoByte() throws {
        let folder = try StoreFaultTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("corpus.sqlite").path
        #expect(try CommandRunner.run(["ingest", "-q", "--store", store] + Self.examples).status == 0)
        let before = try Self.sha256(store)
        #expect(chmod(store, 0o444) == 0)
        for arguments in [["report", "--store", store], ["report", "--format", "json", "--store", store],
                          ["check", "--fail-on", "none", "--store", store], ["sources", "--store", store]] {
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            #expect(!result.standardOutput.isEmpty)
            #expect(try Self.sha256(store) == before, "\(arguments) changed the store")
        }
    }

    /// Two first ingests of one new store at once both succeed, one after
    /// the other (one failed with "table meta already exists"), with a
    /// reader started beside them.
    @Test func twoFirstIngestsBothSucceed() throws {
        let folder = try StoreFaultTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try StoreFaultTests.articles(8, in: folder)
        for round in 0..<3 {
            let store = folder.appendingPathComponent("new-\(round).sqlite").path
            let writers = [Array(files[..<4]), Array(files[4...])].map { part -> Process in
                let process = Process()
                process.executableURL = CommandRunner.binary
                process.arguments = ["ingest", "-q", "--store", store] + part
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                return process
            }
            for writer in writers { try writer.run() }
            _ = try CommandRunner.run(["sources", "--store", store])
            for writer in writers { writer.waitUntilExit() }
            #expect(writers.map(\.terminationStatus) == [0, 0], "round \(round)")
            #expect(try StoreFaultTests.query("SELECT COUNT(*) FROM documents", on: store) == ["8"], "round \(round)")
        }
    }

    @Test(arguments: [
        ("", 2, "provenance: error: '': no store named"),
        ("/dev/null", 1, "provenance: error: /dev/null: not a provenance store (refusing to touch it)"),
        ("/tmp", 2, "provenance: error: /tmp: a folder, not a store"),
        ("/no/such/folder/corpus.sqlite", 2, "provenance: error: /no/such/folder/corpus.sqlite: no such folder for a new store"),
    ] as [(String, Int32, String)])
    func aPathThatCannotBeAStoreIsRefused(_ store: String, _ status: Int32, _ message: String) throws {
        let result = try CommandRunner.run(["ingest", "--store", store, "Examples/content-farm-rewrite.txt"])
        #expect(result.status == status)
        #expect(result.standardError == message + "\n")
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal"))
    }

    /// A file name with a line break and escape sequences in it: check still
    /// writes one line per finding, and nothing reaches the terminal raw.
    @Test func aNameCannotForgeLinesOrDriveTheTerminal() throws {
        let folder = try StoreFaultTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = folder.appendingPathComponent("a\nb.txt:1:1: unattributed: FORGED\u{1B}]0;owned\u{07}\u{1B}[2J.txt").path
        try "The sky is blue and clear today.\n\nThe sea \u{1B}[31m is calm and cold tonight.\n".write(toFile: name, atomically: true, encoding: .utf8)
        let check = try CommandRunner.run(["check", name])
        let lines = check.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.allSatisfy { $0.contains("a\\nb.txt:1:1: unattributed: FORGED\\x1B]0;owned\\x07\\x1B[2J.txt:") })
        for arguments in [["check", name], ["report", name], ["report", "--format", "markdown", name], ["report", "--summary", "--format", "markdown", name],
                          ["extract", name], ["report", name + "-missing"]] {
            let result = try CommandRunner.run(arguments)
            #expect(!result.standardOutput.contains("\u{1B}") && !result.standardError.contains("\u{1B}"), "\(arguments)")
        }
        let missing = try CommandRunner.run(["report", name + "-missing"])
        #expect(missing.standardError.split(separator: "\n").count == 1)
    }

    @Test func moreJobsThanCoresAreCappedAndSaid() throws {
        let result = try CommandRunner.run(["report", "-j", "360"] + Self.examples)
        #expect(result.status == 0)
        #expect(result.standardError.hasPrefix("provenance: note: --jobs 360 is more than the "))
        #expect(result.standardOutput == (try CommandRunner.run(["report"] + Self.examples)).standardOutput)
    }

    /// A list names files with spaces at either end; a NUL byte in a line is
    /// an error for that line (it opened the part before it).
    @Test func aListOfFilesTakesEachLineAsWritten() throws {
        let folder = try StoreFaultTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spaced = folder.appendingPathComponent(" spaced name.txt ").path
        try "Jonas Holt said the tax would double.\n".write(toFile: spaced, atomically: true, encoding: .utf8)
        let plain = folder.appendingPathComponent("plain.txt").path
        try "Ana Ruiz said the port would open.\n".write(toFile: plain, atomically: true, encoding: .utf8)
        let list = Data((spaced + "\n" + plain + "\u{0}.txt\n").utf8)
        let result = try CommandRunner.run(["extract", "--files-from", "-"], input: list)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("== \(spaced) (text)"))
        #expect(result.standardError == "provenance: error: \(plain)\\x00.txt: cannot be read: a file name cannot hold a NUL byte\n")
    }

    /// A name that is not UTF-8, given on the command line (it could not be
    /// read at all: "No such file or directory").
    @Test func aNameThatIsNotUTF8CanBeNamed() throws {
        let folder = try StoreFaultTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", #"cd "$1" && printf 'Jonas Holt said the tax would double.\n' > "$(printf 'caf\351.txt')" && exec "$2" extract "$(printf 'caf\351.txt')""#,
                             "sh", folder.path, CommandRunner.binary.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.hasPrefix("== caf\\xE9.txt (text)"))
        #expect(output.contains("Jonas Holt said the tax would double."))
    }
}

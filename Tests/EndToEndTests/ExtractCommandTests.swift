import Foundation
import Testing

/// `provenance extract` on the bundled examples, run as a user would run it.
@Suite struct ExtractCommandTests {
    static let examples = [
        "Examples/meridian-news-agency-dispatch.txt",
        "Examples/harbor-ledger-castavia-port-talks.html",
        "Examples/content-farm-rewrite.txt",
    ]

    @Test func textReportMatchesTheSnapshot() throws {
        let result = try CommandRunner.run(["extract", "--verbose"] + Self.examples)
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput == (try Snapshot.expected("extract-examples.txt", actual: result.standardOutput)))
    }

    @Test func jsonLinesMatchTheSnapshot() throws {
        let result = try CommandRunner.run(["extract", "--format", "json"] + Self.examples)
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["text"] is String)
        }
        #expect(result.standardOutput == (try Snapshot.expected("extract-examples.jsonl", actual: result.standardOutput)))
    }

    @Test func aBadFileCostsOneLineAndTheBatchGoesOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = folder.appendingPathComponent("photo.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: png)
        let empty = folder.appendingPathComponent("empty.html")
        try Data().write(to: empty)

        let result = try CommandRunner.run(
            ["extract", "--format", "json", png.path, Self.examples[0], empty.path, folder.appendingPathComponent("missing.html").path, Self.examples[2]])
        #expect(result.status == 1)
        // Every input is a line, the failed ones as records of their error in their place.
        let lines = result.standardOutput.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.map { ($0["error"] as? [String: Any])?["kind"] as? String ?? "article" } == ["binary", "article", "empty", "unreadable", "article"])
        let errors = result.standardError.split(separator: "\n")
        #expect(errors == [
            "provenance: error: \(png.path): not a text or HTML file (it looks like a PNG image)",
            "provenance: error: \(empty.path): the file is empty",
            "provenance: error: \(folder.appendingPathComponent("missing.html").path): cannot be read: No such file or directory",
        ])
    }

    @Test func usageErrorsExitWithStatus2() throws {
        #expect(try CommandRunner.run(["extract"]).status == 2)
        #expect(try CommandRunner.run(["extract", "--format", "yaml", Self.examples[0]]).status == 2)
        #expect(try CommandRunner.run(["no-such-command"]).status == 2)
    }

    @Test func optionsStateWhatTheTextDoesNot() throws {
        let result = try CommandRunner.run([
            "extract", "--format", "json", "--publisher", "Coast Courier", "--url", "https://courier.example/x",
            "--published", "15 March 2024", Self.examples[2],
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["publisher"] as? String == "Coast Courier")
        #expect(object["url"] as? String == "https://courier.example/x")
        #expect(object["published"] as? String == "2024-03-15")
    }

    @Test func inputFormatOverridesSniffing() throws {
        let result = try CommandRunner.run(
            ["extract", "--format", "json", "--input-format", "text", "Examples/harbor-ledger-castavia-port-talks.html"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "text")
        #expect((object["text"] as? String)?.hasPrefix("<!DOCTYPE html>") == true)
    }
}

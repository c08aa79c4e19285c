import Foundation
import Testing

/// How the command line speaks: one voice for every error, a suggestion for a
/// mistyped command, the right words for a bad option value, help that says a
/// default once, filters that say when they match nothing, a folder walk that
/// says what it passed over.
@Suite struct CommandLineTests {
    static let examples = ExtractCommandTests.examples

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func everyErrorIsOneLineInOneVoice() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes.sqlite").path
        try "just notes\n".write(toFile: notes, atomically: true, encoding: .utf8)
        let missing = folder.appendingPathComponent("missing.sqlite").path
        let cases: [([String], Int32, String)] = [
            (["report", "--store", notes], 1, "provenance: error: \(notes): not a provenance store (refusing to touch it)"),
            (["sources", "--store", notes], 1, "provenance: error: \(notes): not a provenance store (refusing to touch it)"),
            (["check", "--store", missing], 2, "provenance: error: \(missing): no such store"),
            (["sources", "--store", missing], 2, "provenance: error: \(missing): no such store"),
            (["report", "Examples/no-such-file.txt"], 1, "provenance: error: Examples/no-such-file.txt: cannot be read"),
            (["report"], 2, "provenance: error: Give at least one file, or --store."),
            (["report", "--format", "xml", "Examples"], 2, "provenance: error: The value 'xml' is invalid for '--format <format>'"),
        ]
        for (arguments, status, start) in cases {
            let result = try CommandRunner.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.standardError)")
            #expect(result.standardError.hasPrefix(start), "\(arguments): \(result.standardError)")
            #expect(!result.standardError.contains("Error:"), "\(arguments): \(result.standardError)")
        }
        // Reading a store that is not there does not make one.
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func aMistypedCommandGetsASuggestion() throws {
        for (typed, meant) in [("reprot", "report"), ("chek", "check"), ("sorces", "sources"), ("extarct", "extract"), ("ingets", "ingest")] {
            let result = try CommandRunner.run([typed] + Self.examples)
            #expect(result.status == 2)
            #expect(result.standardError.hasPrefix("provenance: error: '\(typed)' is not a provenance command; did you mean '\(meant)'?\n"),
                    "\(result.standardError)")
        }
        let files = try CommandRunner.run(["Examples"])
        #expect(files.status == 2)
        #expect(files.standardError.hasPrefix(
            "provenance: error: 'Examples' is not a provenance command; the commands are extract, report, check, ingest, sources, serve.\n"))
        #expect(try CommandRunner.run(["--version"]).status == 0)
    }

    @Test func badOptionValuesAreNamedForWhatTheyAre() throws {
        let cases: [([String], String)] = [
            (["report", "--jobs", "-3"], "provenance: error: --jobs must be at least 1 (it was -3)."),
            (["extract", "-j", "0"], "provenance: error: --jobs must be at least 1 (it was 0)."),
            (["report", "--max-bytes", "-1"], "provenance: error: --max-bytes must be positive (it was -1)."),
            (["check", "--min-attributed", "-0.5"], "provenance: error: --min-attributed must be between 0 and 1 (it was -0.5)."),
            (["check", "--min-attributed", "80"], "provenance: error: --min-attributed must be between 0 and 1 (it was 80.0)."),
        ]
        for (arguments, first) in cases {
            let result = try CommandRunner.run(arguments + Self.examples)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError.split(separator: "\n").first.map(String.init) == first, "\(arguments): \(result.standardError)")
        }
    }

    @Test func helpStatesEachDefaultOnce() throws {
        for command in ["extract", "report", "check", "ingest", "sources"] {
            let help = try CommandRunner.run([command, "--help"], environment: ["COLUMNS": "400"]).standardOutput
            for line in help.split(separator: "\n") where line.hasPrefix("  -") {
                #expect(line.components(separatedBy: "default").count <= 2, "\(command): \(line)")
            }
            if command != "sources" {
                #expect(help.contains("(default: one per core)"), "\(command)")
            }
        }
    }

    @Test func filtersThatMatchNothingSaySoAndFailTheCheck() throws {
        for filter in [["--document", "nomatch"], ["--source", "Nobody"], ["--claim", "no such words anywhere"]] {
            let report = try CommandRunner.run(["report"] + filter + Self.examples)
            #expect(report.status == 0)
            #expect(report.standardOutput.isEmpty, "\(filter)")
            #expect(report.standardError == "provenance: note: no document or claim matches \(filter[0]) “\(filter[1])”\n")
            let check = try CommandRunner.run(["check"] + filter + Self.examples)
            #expect(check.status == 2, "\(filter): a typo must not pass a CI gate")
            #expect(check.standardError.contains("provenance: note: no document or claim matches"))
            let json = try CommandRunner.run(["report", "--format", "json"] + filter + Self.examples)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
            #expect((object["documents"] as? [Any])?.isEmpty == true)
        }
        // The streamed lines are not linked, so there is nothing to filter: a usage error, not a filter ignored.
        let streamed = try CommandRunner.run(["report", "--format", "jsonl", "--source", "Aurel Venn"] + Self.examples)
        #expect(streamed.status == 2 && streamed.standardOutput.isEmpty)
        // A filter that matches keeps check's own verdict.
        let matching = try CommandRunner.run(["check", "--fail-on", "none", "--source", "Aurel Venn"] + Self.examples)
        #expect(matching.status == 0 && matching.standardError.isEmpty)
    }

    @Test func aSourceFilterShowsTheAttributionsDroppedFromThatSource() throws {
        let whole = try CommandRunner.run(["report"] + Self.examples, environment: ["COLUMNS": "1000"]).standardOutput
        let council = try CommandRunner.run(["report", "--source", "National Maritime Council"] + Self.examples, environment: ["COLUMNS": "1000"])
            .standardOutput
        let dropped = whole.components(separatedBy: "✗ attribution dropped — the source document credits National Maritime Council").count - 1
        #expect(dropped > 0)
        #expect(council.components(separatedBy: "✗ attribution dropped — the source document credits National Maritime Council").count - 1 == dropped)
        #expect(council.contains("of the document’s 21 claims listed (--source “National Maritime Council”)"))
    }

    @Test func aFolderWalkPassesOverReadMeFilesAndSaysSo() throws {
        let result = try CommandRunner.run(["report", "Examples"])
        #expect(result.status == 0)
        #expect(result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("━━ ") }.count == 3)
        #expect(!result.standardOutput.contains("README"))
        #expect(result.standardError
            == "provenance: note: skipped Examples/README.md: read-me, licence and change-log files are not articles (name them to read them)\n")
        let quiet = try CommandRunner.run(["report", "-q", "Examples"])
        #expect(quiet.standardError.isEmpty)
    }

    @Test func theDispatchIsDatedFromItsDatelineAndCopyrightLine() throws {
        let result = try CommandRunner.run(["extract", "Examples/meridian-news-agency-dispatch.txt"])
        #expect(result.standardOutput.contains("\nPublished: 2024-03-14\n"))
    }

    @Test func sourcesHaveAHeaderAndCountEveryRole() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("corpus.sqlite").path
        let first = try CommandRunner.run(["ingest", "--store", store, Self.examples[0]])
        #expect(first.standardOutput.hasSuffix("; 1 document in the store\n"))
        _ = try CommandRunner.run(["ingest", "--store", store] + Self.examples)
        let text = try CommandRunner.run(["sources", "--store", store])
        #expect(text.status == 0)
        let lines = text.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "claims  attributed  carried  published  documents  source")
        func row(_ name: String) -> [Int]? {
            lines.first { $0.hasSuffix("  \(name)") || $0.contains("  \(name) (also") }?.split(separator: " ").prefix(5).compactMap { Int($0) }
        }
        // The outlet publishes every claim of its page.
        let ledger = try #require(row("The Harbor Ledger [outlet]"))
        #expect(ledger[0] > 0 && ledger[3] == ledger[0] && ledger[4] == 1, "\(ledger)")
        // The agency wrote the dispatch and is named in the outlet's claims.
        let agency = try #require(row("Meridian News Agency [agency]"))
        #expect(agency[3] > 0 && agency[4] == 2 && agency[0] >= agency[3], "\(agency)")
        let venn = try #require(row("Aurel Venn [person]"))
        #expect(venn[1] == venn[0] && venn[4] == 3, "\(venn)")
        // Every row counts: a claim in any role is counted once, so no role exceeds the whole.
        for line in lines.dropFirst().dropLast() {
            let counts = line.split(separator: " ").prefix(5).compactMap { Int($0) }
            #expect(counts.count == 5 && counts[1...3].allSatisfy { $0 <= counts[0] }, "\(line)")
        }
        #expect(lines.last == "\(lines.count - 2) sources")
        let json = try CommandRunner.run(["sources", "--store", store, "--format", "json"]).standardOutput
        #expect(json.hasSuffix("]\n"))
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.count == lines.count - 2)
        #expect(array.first { $0["name"] as? String == "The Harbor Ledger" }?["published"] as? Int == ledger[3])
    }
}

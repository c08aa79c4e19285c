import Foundation
import Testing

/// Every way inputs arrive: folders, standard input, lists of files, web
/// archives, MHTML, and JSON Lines made elsewhere and ingested later.
@Suite struct InputCommandTests {
    static let archives = "Tests/ProvenanceParsingTests/Fixtures/Archives"

    @Test func standardInputIsADocumentNamedDash() throws {
        let text = try Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Examples/content-farm-rewrite.txt"))
        let result = try CommandRunner.run(["extract", "--format", "json", "-"], input: text)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["path"] as? String == "-")
        #expect(object["text"] as? String == String(decoding: text, as: UTF8.self))
    }

    @Test func aGzippedArchiveOnStandardInputIsReadRecordByRecord() throws {
        let archive = try Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent(
            "Tests/ProvenanceParsingTests/Fixtures/Archives/crawl.warc.gz"))
        let result = try CommandRunner.run(["extract", "--format", "jsonl", "-"], input: archive)
        #expect(result.status == 0)
        let names = try result.standardOutput.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["path"] as? String
        }
        #expect(names == [
            "-#urn:uuid:00000000-0000-4000-8000-000000000002", "-#urn:uuid:00000000-0000-4000-8000-000000000005",
            "-#urn:uuid:00000000-0000-4000-8000-000000000007",
        ])
    }

    /// Documents are read on several threads; what comes out must not depend
    /// on how many, nor on which finished first.
    @Test(arguments: [["extract", "--format", "jsonl"], ["report", "--format", "json"], ["report", "--format", "jsonl"], ["check"]])
    func outputIsTheSameWhateverTheNumberOfJobs(command: [String]) throws {
        let inputs = [
            "Examples", "Tests/ProvenanceParsingTests/Fixtures/Archives/crawl.warc.gz",
            "Tests/ProvenanceParsingTests/Fixtures/Archives/page.mhtml", "Examples/meridian-news-agency-dispatch.txt",
        ]
        let one = try CommandRunner.run(command + ["-q", "-j", "1"] + inputs)
        #expect(!one.standardOutput.isEmpty)
        for jobs in ["2", "4", "7"] {
            let many = try CommandRunner.run(command + ["-q", "-j", jobs] + inputs)
            #expect(many.status == one.status)
            #expect(many.standardOutput == one.standardOutput, "-j \(jobs) differs from -j 1")
            #expect(many.standardError == one.standardError)
        }
    }

    @Test func aListOfFilesAddsToTheArguments() throws {
        let list = "Examples/meridian-news-agency-dispatch.txt\n\n  Examples/harbor-ledger-castavia-port-talks.html  \n"
        let result = try CommandRunner.run(["extract", "Examples/content-farm-rewrite.txt", "--files-from", "-"], input: Data(list.utf8))
        #expect(result.status == 0)
        let headers = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("== ") }
        #expect(headers == [
            "== Examples/content-farm-rewrite.txt (text)", "== Examples/meridian-news-agency-dispatch.txt (text)",
            "== Examples/harbor-ledger-castavia-port-talks.html (html)",
        ])
    }

    @Test func aFolderIsWalkedInPathOrder() throws {
        let result = try CommandRunner.run(["extract", "Examples"])
        #expect(result.status == 0)
        let headers = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("== ") }
        // The read-me and the screenshot are passed over.
        #expect(headers == [
            "== Examples/content-farm-rewrite.txt (text)",
            "== Examples/harbor-ledger-castavia-port-talks.html (html)", "== Examples/meridian-news-agency-dispatch.txt (text)",
        ])
    }

    @Test func archiveRecordsAreNamedByRecordAndCounted() throws {
        let result = try CommandRunner.run(["report", "--format", "json", "\(Self.archives)/crawl.warc.gz", "\(Self.archives)/page.mhtml"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let paths = (object["documents"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(paths == [
            "\(Self.archives)/crawl.warc.gz#urn:uuid:00000000-0000-4000-8000-000000000002",
            "\(Self.archives)/crawl.warc.gz#urn:uuid:00000000-0000-4000-8000-000000000005",
            "\(Self.archives)/crawl.warc.gz#urn:uuid:00000000-0000-4000-8000-000000000007",
            "\(Self.archives)/page.mhtml",
        ])
        #expect(result.standardError == "provenance: note: \(Self.archives)/crawl.warc.gz: 3 HTML responses read; skipped 1 metadata, 1 non-HTML response, 1 request, 1 revisit, 1 warcinfo\n")
        // The page saved twice, in the archive and as MHTML, is the same claims.
        let edges = object["edges"] as? [[String: Any]] ?? []
        #expect(edges.contains { $0["kind"] as? String == "same_claim" })
    }

    @Test func aTruncatedArchiveIsOneErrorAndTheRestGoesOn() throws {
        let result = try CommandRunner.run(["extract", "-q", "\(Self.archives)/truncated.warc", "Examples/content-farm-rewrite.txt"])
        #expect(result.status == 1)
        #expect(result.standardError == "provenance: error: \(Self.archives)/truncated.warc: cannot be read as an archive: record 6 is cut short; the document before it kept\n")
        #expect(result.standardOutput.contains("== \(Self.archives)/truncated.warc#urn:uuid:00000000-0000-4000-8000-000000000002 (html)"))
        #expect(result.standardOutput.contains("== Examples/content-farm-rewrite.txt (text)"))
    }

    @Test func jsonLinesMadeElsewhereIngestToTheSameStore() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two shards, attributed apart, as a cluster would.
        let first = try CommandRunner.run(["report", "--format", "jsonl", "Examples/meridian-news-agency-dispatch.txt"])
        let second = try CommandRunner.run(["report", "--format", "jsonl", "Examples/harbor-ledger-castavia-port-talks.html", "Examples/content-farm-rewrite.txt"])
        #expect(first.standardOutput.split(separator: "\n").count == 1)
        #expect(second.standardOutput.split(separator: "\n").count == 2)
        let shards = folder.appendingPathComponent("shards.jsonl")
        try (first.standardOutput + second.standardOutput).write(to: shards, atomically: true, encoding: .utf8)
        let fromLines = folder.appendingPathComponent("lines.sqlite").path
        let ingested = try CommandRunner.run(["ingest", "--store", fromLines, "--from-jsonl", shards.path])
        #expect(ingested.standardOutput.contains("3 added, 0 already there, 0 failed; 3 documents in the store"))
        let fromFiles = folder.appendingPathComponent("files.sqlite").path
        _ = try CommandRunner.run(["ingest", "--store", fromFiles] + ExtractCommandTests.examples)
        let a = try CommandRunner.run(["report", "--store", fromLines]).standardOutput
        let b = try CommandRunner.run(["report", "--store", fromFiles]).standardOutput
        #expect(!a.isEmpty)
        #expect(a == b)
        // Findings point at the page file's own lines, from memory and from either store.
        let direct = try CommandRunner.run(["check", "--fail-on", "none"] + ExtractCommandTests.examples).standardOutput
        #expect(direct.contains("harbor-ledger-castavia-port-talks.html:109:6: unattributed: The abbreviation “CFR”"))
        #expect(try CommandRunner.run(["check", "--fail-on", "none", "--store", fromLines]).standardOutput == direct)
        #expect(try CommandRunner.run(["check", "--fail-on", "none", "--store", fromFiles]).standardOutput == direct)
        // A damaged line is one error; the others still go in.
        let damaged = folder.appendingPathComponent("damaged.jsonl")
        try ("{\"format\":\"provenance-attributed\",\"version\":1}\n" + first.standardOutput).write(to: damaged, atomically: true, encoding: .utf8)
        let partial = try CommandRunner.run(["ingest", "--store", folder.appendingPathComponent("partial.sqlite").path, "--from-jsonl", damaged.path])
        #expect(partial.status == 1)
        #expect(partial.standardError.hasPrefix("provenance: error: \(damaged.path): line 1: "))
        #expect(partial.standardOutput.contains("1 added, 0 already there, 1 failed"))
    }

    /// In JSON Lines every input is a line: its result, or its error in its place, so a run
    /// split over many machines keeps its errors; the exit status is a single run's.
    @Test func everyInputIsALineOfTheStream() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let picture = folder.appendingPathComponent("map.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: picture)
        let missing = folder.appendingPathComponent("missing.txt").path
        let inputs = [ExtractCommandTests.examples[0], picture.path, missing, ExtractCommandTests.examples[2]]
        let report = try CommandRunner.run(["report", "--format", "jsonl"] + inputs)
        #expect(report.status == 1)
        #expect(report.standardError.components(separatedBy: "provenance: error: ").count == 3)
        let lines = report.standardOutput.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == 4)
        #expect(lines[0]["document"] != nil && lines[3]["document"] != nil)
        #expect(lines[1]["path"] as? String == picture.path)
        #expect((lines[1]["error"] as? [String: Any])?["kind"] as? String == "binary")
        #expect((lines[2]["error"] as? [String: Any])?["kind"] as? String == "unreadable")
        #expect(lines[2]["format"] as? String == "provenance-attributed")
        let extract = try CommandRunner.run(["extract", "--format", "jsonl"] + inputs)
        #expect(extract.status == 1)
        let articles = extract.standardOutput.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(articles.count == 4)
        #expect(articles[1].keys.sorted() == ["error", "path"])
        // The records load back: the documents go in, each recorded error is one error line naming its input.
        let shards = folder.appendingPathComponent("shards.jsonl")
        try report.standardOutput.write(to: shards, atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("corpus.sqlite").path
        let ingested = try CommandRunner.run(["ingest", "--store", store, "--from-jsonl", shards.path])
        #expect(ingested.status == 1)
        #expect(ingested.standardOutput.contains("2 added, 0 already there, 2 failed"))
        #expect(ingested.standardError.contains("provenance: error: \(picture.path): not a text or HTML file"))
        #expect(ingested.standardError.contains("provenance: error: \(missing): cannot be read"))
    }

    /// `--from-jsonl` takes files, gzipped or not, folders of them and standard input, and
    /// loading the same lines again adds nothing.
    @Test func shardsComeFromFilesFoldersAndStandardInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-shards-\(UUID().uuidString)")
        let shards = folder.appendingPathComponent("part")
        try FileManager.default.createDirectory(at: shards, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try CommandRunner.run(["report", "--format", "jsonl"] + ExtractCommandTests.examples).standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        // One shard gzipped in the folder, one plain in it, one on standard input.
        try (String(lines[0]) + "\n").write(to: shards.appendingPathComponent("part-00000.jsonl"), atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -c > '\(shards.appendingPathComponent("part-00001.jsonl.gz").path)'"]
        let pipe = Pipe()
        gzip.standardInput = pipe
        try gzip.run()
        pipe.fileHandleForWriting.write(Data((String(lines[1]) + "\n").utf8))
        try pipe.fileHandleForWriting.close()
        gzip.waitUntilExit()
        try "not a shard\n".write(to: shards.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("corpus.sqlite").path
        let arguments = ["ingest", "--store", store, "--from-jsonl", shards.path, "--from-jsonl", "-"]
        let first = try CommandRunner.run(arguments, input: Data((String(lines[2]) + "\n").utf8))
        #expect(first.status == 0)
        #expect(first.standardOutput.contains("3 added, 0 already there, 0 failed; 3 documents in the store"))
        let again = try CommandRunner.run(arguments, input: Data((String(lines[2]) + "\n").utf8))
        #expect(again.standardOutput.contains("0 added, 3 already there, 0 failed; 3 documents in the store"))
        let fromFiles = folder.appendingPathComponent("files.sqlite").path
        _ = try CommandRunner.run(["ingest", "--store", fromFiles] + ExtractCommandTests.examples)
        #expect(try CommandRunner.run(["report", "--store", store]).standardOutput == CommandRunner.run(["report", "--store", fromFiles]).standardOutput)
    }

    /// A binary copied alone to another machine (the model left behind) never stops: it says
    /// so once and attributes with the rules.
    @Test func aBinaryWithoutItsModelSaysSoAndUsesTheRules() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-lone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lone = folder.appendingPathComponent("provenance")
        try FileManager.default.copyItem(at: CommandRunner.binary, to: lone)
        let result = try CommandRunner.run(["report", "--summary", ExtractCommandTests.examples[0]], binary: lone)
        #expect(result.status == 0)
        #expect(result.standardError.contains("attribution.model is not beside the program"))
        #expect(result.standardError.contains("attributing with the rules alone"))
        #expect(result.standardOutput.contains("claims"))
        // So does the block model of web pages, once per run.
        let page = CommandRunner.packageRoot.appendingPathComponent("Examples/harbor-ledger-castavia-port-talks.html").path
        let extracted = try CommandRunner.run(["extract", page], binary: lone)
        #expect(extracted.status == 0)
        #expect(extracted.standardError.components(separatedBy: "blocks.model is not beside the program").count == 2, "\(extracted.standardError)")
        #expect(extracted.standardError.contains("judging web pages' blocks with the rules alone"))
        #expect(try CommandRunner.run(["extract", "--quiet", page], binary: lone).standardError.isEmpty)
    }
}

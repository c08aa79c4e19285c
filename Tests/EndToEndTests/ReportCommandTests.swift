import Foundation
import Testing

/// `provenance report` and `provenance check` on the bundled examples.
@Suite struct ReportCommandTests {
    static let examples = ExtractCommandTests.examples

    @Test func textReportMatchesTheSnapshot() throws {
        let result = try CommandRunner.run(["report"] + Self.examples)
        #expect(result.status == 0)
        #expect(result.standardOutput == (try Snapshot.expected("report-examples.txt", actual: result.standardOutput)))
    }

    @Test func jsonReportMatchesTheSnapshotAndHoldsTogether() throws {
        let result = try CommandRunner.run(["report", "--format", "json"] + Self.examples)
        #expect(result.status == 0)
        #expect(result.standardOutput == (try Snapshot.expected("report-examples.json", actual: result.standardOutput)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        let sources = try #require(object["sources"] as? [[String: Any]])
        let claims = try #require(object["claims"] as? [[String: Any]])
        #expect(documents.count == 3)
        let sourceIDs = Set(sources.compactMap { $0["id"] as? String })
        for claim in claims {
            for id in claim["chain"] as? [String] ?? [] { #expect(sourceIDs.contains(id)) }
        }
        // The agency quoted by the outlet is one source across the documents.
        #expect(sources.filter { $0["name"] as? String == "Meridian News Agency" }.count == 1)
    }

    @Test func checkListsUnattributedClaimsAndExitsWith1() throws {
        let result = try CommandRunner.run(["check", "Examples/content-farm-rewrite.txt"])
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("Examples/content-farm-rewrite.txt:") && $0.contains(": unattributed: ") })
        #expect(lines.contains { $0.contains("If the Blue Corridor succeeds, the republic could double") })
        #expect(!lines.contains { $0.contains("as an equal among equals") })
        #expect(result.standardOutput == (try Snapshot.expected("check-rewrite.txt", actual: result.standardOutput)))
    }

    /// What issue 19 found wrong in the examples' findings: claims the
    /// sources carry called new, an FAQ answer filed under a speaker, a
    /// summary accused of dropping an attribution through a faint likeness.
    @Test func theExamplesFindingsAreRight() throws {
        let result = try CommandRunner.run(["check"] + Self.examples)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        func findings(_ text: String) -> [String] { lines.filter { $0.contains(text) } }
        // Both sources carry these: not new claims.
        #expect(!findings("reported that 214 new vessels").contains { $0.contains(": new claim: ") })
        #expect(!findings("214 new vessels have joined").contains { $0.contains(": new claim: ") })
        #expect(!findings("Venn laid out tasks for the coast guard").contains { $0.contains(": new claim: ") })
        // An FAQ answer is nobody's dropped attribution: the rewrite adds it (the outlet's
        // sentence shares the council, the ports and the shipping, and says something else).
        #expect(!findings("is the body that sets").contains { $0.contains("attribution dropped") })
        #expect(findings("is the body that sets").contains { $0.contains(": new claim: ") })
        // A summary sharing a few words with a headline did not drop the headline's attribution.
        #expect(!findings("In summary, Castavia under Aurel Venn").contains { $0.contains("attribution dropped") })
        // "The council signed off …" credits the National Maritime Council the dispatch names.
        #expect(!findings("a string of marked shipping lanes").contains { $0.contains("attribution dropped") })
        // A claim only the rewrite makes is still new, and a dropped agency still found.
        #expect(findings("If the Blue Corridor succeeds").contains { $0.contains(": new claim: ") })
        #expect(lines.contains { $0.contains("attribution dropped (was: National Maritime Council)") })
    }

    /// The order the examples are given in changes neither the findings nor the links.
    @Test func theExamplesGiveTheSameFindingsInAnyOrder() throws {
        let forward = try CommandRunner.run(["check"] + Self.examples)
        let backward = try CommandRunner.run(["check"] + Self.examples.reversed())
        #expect(Set(forward.standardOutput.split(separator: "\n")) == Set(backward.standardOutput.split(separator: "\n")))
        #expect(!forward.standardOutput.isEmpty)
    }

    @Test func checkPassesADocumentWhoseClaimsAreAllAttributed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("clean.txt")
        try "Port update\n\n“The port will reopen on Monday,” Ana Ruiz said.\n\nThe harbour master added that ships would be inspected.\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", file.path])
        #expect(result.standardOutput.isEmpty)
        #expect(result.status == 0)
    }

    @Test func checkJSONNamesPathLineAndReason() throws {
        let result = try CommandRunner.run(["check", "--format", "json", "Examples/content-farm-rewrite.txt"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0["path"] as? String == "Examples/content-farm-rewrite.txt" && ($0["line"] as? Int ?? 0) > 0 })
    }
}

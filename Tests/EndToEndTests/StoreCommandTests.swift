import Foundation
import Testing

/// `ingest`, `sources`, and `report`/`check` on a store, run as a user would.
@Suite struct StoreCommandTests {
    private func withStore(_ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-e2e-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try body(path)
    }

    @Test func ingestTwiceThenReportFromTheStore() throws {
        try withStore { store in
            let first = try CommandRunner.run(["ingest", "--store", store] + ExtractCommandTests.examples)
            #expect(first.status == 0)
            #expect(first.standardOutput.contains("3 added, 0 already there, 0 failed; 3 documents in the store"))
            let again = try CommandRunner.run(["ingest", "--store", store] + ExtractCommandTests.examples)
            #expect(again.standardOutput.contains("0 added, 3 already there"))
            let stored = try CommandRunner.run(["report", "--store", store])
            let memory = try CommandRunner.run(["report"] + ExtractCommandTests.examples)
            #expect(stored.status == 0)
            #expect(stored.standardOutput == memory.standardOutput)
        }
    }

    @Test func filtersNarrowTheReport() throws {
        try withStore { store in
            _ = try CommandRunner.run(["ingest", "--store", store] + ExtractCommandTests.examples)
            let bySource = try CommandRunner.run(["report", "--store", store, "--source", "Ilse Maren"])
            #expect(bySource.standardOutput.contains("Ilse Maren · person"))
            #expect(!bySource.standardOutput.contains("Aurel Venn · person"))
            let byText = try CommandRunner.run(["report", "--store", store, "--claim", "Blue Corridor"])
            #expect(byText.standardOutput.split(separator: "\n").filter { $0.hasPrefix("━━ ") }.count == 3)
            let byDocument = try CommandRunner.run(["report", "--store", store, "--document", "content-farm"])
            #expect(byDocument.standardOutput.split(separator: "\n").filter { $0.hasPrefix("━━ ") } == ["━━ Examples/content-farm-rewrite.txt"])
        }
    }

    @Test func sourcesListsClaimCounts() throws {
        try withStore { store in
            _ = try CommandRunner.run(["ingest", "--store", store] + ExtractCommandTests.examples)
            let result = try CommandRunner.run(["sources", "--store", store])
            #expect(result.status == 0)
            #expect(result.standardOutput.split(separator: "\n").contains { $0.hasSuffix("  Aurel Venn [person] (also Venn)") })
        }
    }

    @Test func aForeignFileIsRefusedAsAStore() throws {
        try withStore { store in
            try "just notes\n".write(toFile: store, atomically: true, encoding: .utf8)
            let result = try CommandRunner.run(["ingest", "--store", store, ExtractCommandTests.examples[0]])
            #expect(result.status != 0)
            #expect(result.standardError.contains("not a provenance store"))
            #expect(try String(contentsOfFile: store, encoding: .utf8) == "just notes\n")
        }
    }

    @Test func filesAndStoreTogetherIsAUsageError() throws {
        #expect(try CommandRunner.run(["report", "--store", "x.sqlite", ExtractCommandTests.examples[0]]).status == 2)
    }

    @Test func provAndDotExports() throws {
        let prov = try CommandRunner.run(["report", "--format", "prov"] + ExtractCommandTests.examples)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(prov.standardOutput.utf8)) as? [String: Any])
        #expect(object["wasDerivedFrom"] != nil)
        #expect(object["wasAttributedTo"] != nil)
        #expect((object["prefix"] as? [String: String])?["prov"] == "http://www.w3.org/ns/prov#")
        let dot = try CommandRunner.run(["report", "--format", "dot"] + ExtractCommandTests.examples)
        #expect(dot.standardOutput.hasPrefix("digraph provenance {"))
        #expect(dot.standardOutput.contains("derived from"))
    }
}

import Foundation
import Testing

/// `provenance-train attribution` on a corpus written for the tests: the same data gives the
/// same model, byte for byte, and `provenance` reads with it.
@Suite struct TrainingTests {
    static let corpus = "Tests/EndToEndTests/Fixtures/TrainingCorpus"

    private func train(to output: URL) throws -> CommandRunner.Result {
        try CommandRunner.run(
            ["attribution", "--corpus", Self.corpus, "--wordnet", "none", "--epochs", "3", "--output", output.path],
            binary: CommandRunner.built("provenance-train"))
    }

    @Test func theSameDataGivesTheSameModel() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.model")
        let second = folder.appendingPathComponent("second.model")
        let run = try train(to: first)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try train(to: second).status == 0)
        let bytes = try Data(contentsOf: first)
        #expect(bytes.count > 1000)
        #expect(bytes == (try Data(contentsOf: second)))

        // The model reads an article it was not trained on.
        let report = try CommandRunner.run([
            "report", "--format", "json", "--attribution-model", first.path, Self.corpus + "/dev/text/library-hours.txt",
        ])
        #expect(report.status == 0, "\(report.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any])
        let claims = try #require(json["claims"] as? [[String: Any]])
        #expect(claims.contains { ($0["kind"] as? String) != "unattributed" })
    }

    /// `provenance-train similarity` on pairs and articles written for the tests: the
    /// same data gives the same model, byte for byte, and `provenance` links with it.
    @Test func theSameDataGivesTheSameSimilarity() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-similarity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func train(to output: URL) throws -> CommandRunner.Result {
            try CommandRunner.run(
                [
                    "similarity", "--msrp", "Tests/EndToEndTests/Fixtures/SimilarityPairs/msrp.tsv", "--pairs",
                    "Tests/GraphEvaluation/pairs.jsonl", "--polnear", Self.corpus, "--wordnet", "none", "--output", output.path,
                    "--quiet",
                ],
                binary: CommandRunner.built("provenance-train"))
        }
        let first = folder.appendingPathComponent("first.model")
        let second = folder.appendingPathComponent("second.model")
        let run = try train(to: first)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try train(to: second).status == 0)
        let bytes = try Data(contentsOf: first)
        #expect(bytes.count > 500)
        #expect(bytes == (try Data(contentsOf: second)))

        let report = try CommandRunner.run(["report", "--format", "json", "--linking-model", first.path] + ExtractCommandTests.examples)
        #expect(report.status == 0, "\(report.standardError)")
        #expect(report.standardOutput.contains("\"same_as\""))
        let refused = try CommandRunner.run(["report", "--linking-model", "Examples/content-farm-rewrite.txt", "Examples/content-farm-rewrite.txt"])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("not a linking model"))
    }

    @Test func aDamagedModelIsRefusedWithOneLine() throws {
        let result = try CommandRunner.run(["report", "--attribution-model", "Examples/content-farm-rewrite.txt", "Examples/content-farm-rewrite.txt"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("not an attribution model"))
    }

    static let extractionCorpus = "Tests/EndToEndTests/Fixtures/ExtractionCorpus"

    private func trainBlocks(to output: URL) throws -> CommandRunner.Result {
        try CommandRunner.run(
            [
                "extraction", "--benchmark", Self.extractionCorpus + "/benchmark", "--snippets", Self.extractionCorpus + "/snippets",
                "--rounds", "20", "--depth", "3", "--min-rows", "2", "--output", output.path,
            ],
            binary: CommandRunner.built("provenance-train"))
    }

    /// `provenance-train extraction` on pages written for the tests: the same pages give the same
    /// block model, byte for byte, and `provenance extract` reads with it.
    @Test func theSamePagesGiveTheSameBlockModel() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.model")
        let second = folder.appendingPathComponent("second.model")
        let run = try trainBlocks(to: first)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("dev, the model"))
        #expect(try trainBlocks(to: second).status == 0)
        let bytes = try Data(contentsOf: first)
        #expect(bytes.count > 500)
        #expect(bytes == (try Data(contentsOf: second)))

        let extract = try CommandRunner.run([
            "extract", "--format", "json", "--extraction-model", first.path,
            Self.extractionCorpus + "/snippets/html/bridge-repair.html.gz",
        ])
        #expect(extract.status == 0, "\(extract.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(extract.standardOutput.utf8)) as? [String: Any])
        #expect((json["body"] as? String)?.contains("The old river bridge reopened") == true)
    }

    @Test func aDamagedBlockModelIsRefusedWithOneLine() throws {
        let result = try CommandRunner.run(["extract", "--extraction-model", "Examples/content-farm-rewrite.txt", "Examples/content-farm-rewrite.txt"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("not a block model"))
    }
}

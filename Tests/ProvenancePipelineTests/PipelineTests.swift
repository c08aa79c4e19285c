import Foundation
import Testing
import ProvenanceGraph
import ProvenanceParsing
import ProvenancePipeline
import ProvenanceReports

/// The stages run as one, as a program other than the command line uses them.
@Suite struct PipelineTests {
    /// Records what a run tells its observer.
    final class Recorder: PipelineObserver {
        var files: [String] = []
        var skipped: [String] = []
        var failures: [String] = []
        var documents = 0
        var runs = 0

        func started(_ expansion: InputPaths.Expansion) {
            files = expansion.paths
            skipped = expansion.skipped
        }
        func noted(path: String, message: String) {}
        func failed(_ error: any Error) { failures.append("\(error)") }
        func finished(bytes: Int, endsFile: Bool) { documents += 1 }
        func ended() { runs += 1 }
    }

    static var examples: String { StoreSelectionTests.root.appendingPathComponent("Examples").path }

    @Test func aFolderBecomesOneLinkedGraph() throws {
        let recorder = Recorder()
        let (graph, failures) = Pipeline().graph([Self.examples], observer: recorder)
        #expect(failures == 0)
        // The folder's read-me is not an article.
        #expect(recorder.skipped.map { URL(fileURLWithPath: $0).lastPathComponent } == ["README.md"])
        #expect(graph.documents.count == 3)
        #expect(recorder.documents == 3 && recorder.runs == 1)
        // Linked: the rewrite derives from what it rewrites.
        #expect(graph.edges.contains { $0.kind == .derivedFrom })
        let report = GraphReport(graph)
        #expect(report.documentCount == 3 && report.claimCount > 20)
    }

    @Test func aFailingInputIsCountedHeardAndPassed() throws {
        let recorder = Recorder()
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-\(UUID().uuidString).html").path
        var seen: [String] = []
        var records: [String] = []
        let failures = Pipeline().attribute(
            [missing, Self.examples + "/content-farm-rewrite.txt"], observer: recorder
        ) { attributed, bytes in
            #expect(!bytes.isEmpty)
            seen.append(attributed.article.path)
        }
        #expect(failures == 1)
        #expect(seen.count == 1 && seen[0].hasSuffix("content-farm-rewrite.txt"))
        #expect(recorder.failures.count == 1 && recorder.failures[0].contains(missing))
        // The JSON Lines route hears each failed input as a record of its own.
        _ = Pipeline().run([missing], work: { $0.path }, failed: { records.append($0.path) }) { _, _ in }
        #expect(records == [missing])
    }

    @Test func threadsDoNotChangeTheGraph() throws {
        let one = Pipeline(threads: 1).graph([Self.examples]).0
        let two = Pipeline(threads: 2).graph([Self.examples]).0
        #expect(ReportJSONRenderer().render(GraphReport(one)) == ReportJSONRenderer().render(GraphReport(two)))
    }
}

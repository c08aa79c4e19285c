import Foundation
import Testing
import ProvenanceGraph
import ProvenanceParsing
import ProvenancePipeline
import ProvenanceReports
import ProvenanceStore

/// `report --store` and `check --store` with filters read only the part of
/// the store the filters need (`CorpusReader.graph(for:)`): what they list
/// must be what a report of the whole corpus, narrowed by the same filters,
/// lists — chains and findings included — in every format.
@Suite struct StoreSelectionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A store of `paths` (read through the pipeline), removed after `body`.
    static func withStore<T>(of paths: [String], _ body: (CorpusStore) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let writer = try CorpusStore(path: path)
            var failure: (any Error)?
            let failures = Pipeline().attribute(paths) { attributed, bytes in
                do {
                    _ = try writer.ingest(attributed, hash: CorpusStore.contentHash(of: bytes))
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
            #expect(failures == 0)
        }
        return try body(try CorpusStore(path: path, access: .read))
    }

    /// Every rendering of a report and of `check` of the part equals that of the whole.
    static func expectSameReports(_ store: CorpusStore, _ whole: ProvenanceGraph, _ selection: GraphSelection) throws {
        let part = try store.graph(for: selection)
        let label = selection.description
        let (a, b) = (GraphReport(part, selection: selection), GraphReport(whole, selection: selection))
        #expect(a.documentCount == b.documentCount, "\(label)")
        #expect(a.claimCount == b.claimCount, "\(label)")
        #expect(ReportJSONRenderer().render(a) == ReportJSONRenderer().render(b), "\(label)")
        #expect(ReportJSONRenderer().renderSummary(a) == ReportJSONRenderer().renderSummary(b), "\(label)")
        #expect(ReportTextRenderer(color: false, width: 100).render(a) == ReportTextRenderer(color: false, width: 100).render(b), "\(label)")
        #expect(ReportCSVRenderer().render(a) == ReportCSVRenderer().render(b), "\(label)")
        #expect(PROVRenderer().render(a) == PROVRenderer().render(b), "\(label)")
        let check = CheckRenderer()
        #expect(
            check.renderJSON(check.findings(a, minimumAttributed: 0.5), failing: [.unattributed])
                == check.renderJSON(check.findings(b, minimumAttributed: 0.5), failing: [.unattributed]), "\(label)")
    }

    /// Filters built from what the store holds: each source's name and a
    /// part of it, each document's id and file name, words of claims, and
    /// pairs of them; and filters that match nothing.
    static func selections(_ whole: ProvenanceGraph, limit: Int) -> [GraphSelection] {
        var result: [GraphSelection] = [GraphSelection(source: "Nobody At All"), GraphSelection(document: "nomatch"), GraphSelection(claimText: "zzqx")]
        for source in whole.sources.prefix(limit) {
            result.append(GraphSelection(source: source.name))
            if let word = source.name.split(separator: " ").last, word.count > 3 { result.append(GraphSelection(source: String(word))) }
        }
        for document in whole.documents.prefix(limit) {
            result.append(GraphSelection(document: document.id))
            let name = URL(fileURLWithPath: document.path).lastPathComponent
            result.append(GraphSelection(document: name))
            if let source = whole.sources.first { result.append(GraphSelection(document: name, source: source.name)) }
        }
        for claim in whole.claims.prefix(limit * 3) where claim.kind != .caption {
            guard let document = whole.documents.first(where: { $0.id == claim.document }) else { continue }
            let words = ScalarText(document.text)[claim.sentence].split(separator: " ").filter { $0.count > 6 }
            if let word = words.first { result.append(GraphSelection(claimText: String(word))) }
        }
        return result
    }

    static var examples: [String] {
        ["meridian-news-agency-dispatch.txt", "harbor-ledger-castavia-port-talks.html", "content-farm-rewrite.txt"]
            .map { root.appendingPathComponent("Examples").appendingPathComponent($0).path }
    }

    @Test func theExamplesPartsReportAsTheWholeDoes() throws {
        let archives = Self.root.appendingPathComponent("Tests/ProvenanceParsingTests/Fixtures/Archives")
        // Four pages of ours, each rewriting the one before (Fixtures/chain), for chains three documents long.
        let chain = Self.root.appendingPathComponent("Tests/ProvenancePipelineTests/Fixtures/chain")
        let rewrites = try FileManager.default.contentsOfDirectory(atPath: chain.path).sorted().map { chain.appendingPathComponent($0).path }
        let paths = Self.examples + ["crawl.warc.gz", "page.mhtml"].map { archives.appendingPathComponent($0).path } + rewrites
        try Self.withStore(of: paths) { store in
            let whole = try store.graph()
            #expect(whole.documents.count >= 4)
            for selection in Self.selections(whole, limit: 40) {
                try Self.expectSameReports(store, whole, selection)
            }
            // The part is a part: the rewrite needs what it derives from, and
            // some document needs less than the whole corpus.
            let rewrite = try store.graph(for: GraphSelection(document: "content-farm-rewrite"))
            #expect(rewrite.documents.count > 1)
            let parts = try whole.documents.map { try store.graph(for: GraphSelection(document: $0.id)).documents.count }
            #expect(parts.contains { $0 < whole.documents.count }, "\(parts)")
            #expect(try store.graph(for: GraphSelection(source: "Nobody At All")).documents.isEmpty)
            #expect(try store.graph(for: .all).documents.count == whole.documents.count)
        }
    }

    static let readability = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/readability-news")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: readability.path), "../shared/corpus is absent: real pages skipped"))
    func realPagesPartsReportAsTheWholeDoes() throws {
        let pages = Self.readability
        let names = try FileManager.default.contentsOfDirectory(atPath: pages.path)
        let paths = names.sorted().map { pages.appendingPathComponent($0).appendingPathComponent("source.html").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        try Self.withStore(of: Self.examples + paths) { store in
            let whole = try store.graph()
            #expect(whole.documents.count == paths.count + 3)
            for selection in Self.selections(whole, limit: 25) {
                try Self.expectSameReports(store, whole, selection)
            }
        }
    }
}

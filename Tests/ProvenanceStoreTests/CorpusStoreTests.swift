import Foundation
import Testing
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceStore

@Suite struct CorpusStoreTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = ["meridian-news-agency-dispatch.txt", "harbor-ledger-castavia-port-talks.html", "content-farm-rewrite.txt"]

    private func temporaryStore() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("provenance-\(UUID().uuidString).sqlite").path
    }

    private func input(_ name: String) throws -> (AttributedArticle, String) {
        let bytes = [UInt8](try Data(contentsOf: Self.root.appendingPathComponent("Examples").appendingPathComponent(name)))
        let article = try ArticleExtractor().extract(bytes, path: "Examples/" + name)
        return (AttributionEngine().attribute(article), CorpusStore.contentHash(of: bytes))
    }

    @Test func ingestingTheSameBytesTwiceChangesNothing() throws {
        let path = temporaryStore()
        defer { TemporaryStore.remove(path) }
        let store = try CorpusStore(path: path)
        let (article, hash) = try input(Self.examples[0])
        #expect(try store.ingest(article, hash: hash) == .added(document: "d1"))
        #expect(try store.ingest(article, hash: hash) == .unchanged(document: "d1"))
        #expect(try store.documentCount() == 1)
    }

    @Test func theStoreGivesTheSameGraphAsMemoryAndReopensIt() throws {
        let path = temporaryStore()
        defer { TemporaryStore.remove(path) }
        var builder = GraphBuilder()
        do {
            let store = try CorpusStore(path: path)
            for name in Self.examples {
                let (article, hash) = try input(name)
                builder.add(article)
                _ = try store.ingest(article, hash: hash)
            }
        }
        let stored = try CorpusStore(path: path).graph()
        let memory = builder.graph
        #expect(stored.documents.map(\.path) == memory.documents.map(\.path))
        #expect(stored.claims.count == memory.claims.count)
        #expect(stored.claims.map(\.kind) == memory.claims.map(\.kind))
        #expect(Set(stored.edges.map { "\($0.kind) \($0.from) \($0.to)" }) == Set(memory.edges.map { "\($0.kind) \($0.from) \($0.to)" }))
        let analysis = GraphAnalysis(stored)
        #expect(analysis.derivedFrom["d3"]?.contains { $0.document == "d2" } == true)
    }

    /// A store ingesting the examples in any order holds the same links,
    /// scores and findings (named by path and span: ids follow the order).
    @Test func theOrderOfIngestionChangesNothing() throws {
        func shape(_ order: [String]) throws -> (Set<String>, Set<String>) {
            let path = temporaryStore()
            defer { TemporaryStore.remove(path) }
            let store = try CorpusStore(path: path)
            for name in order {
                let (article, hash) = try input(name)
                _ = try store.ingest(article, hash: hash)
            }
            let graph = try store.graph()
            let paths = Dictionary(uniqueKeysWithValues: graph.documents.map { ($0.id, $0.path) })
            let names = Dictionary(uniqueKeysWithValues: graph.claims.map { ($0.id, "\(paths[$0.document]!)@\($0.content)") })
            let links = Set(graph.edges.filter { $0.kind == .sameClaim || $0.kind == .derivedFrom }.map { edge in
                let ends = edge.kind == .sameClaim
                    ? [names[edge.from]!, names[edge.to]!].sorted() : [paths[edge.from]!, paths[edge.to]!]
                return "\(edge.kind) " + ends.joined(separator: " ") + String(format: " %.3f", edge.score ?? 0)
            })
            var findings: Set<String> = []
            for (claim, list) in GraphAnalysis(graph).findings {
                for finding in list { findings.insert("\(names[claim]!) \(finding.kind)") }
            }
            return (links, findings)
        }
        let forward = try shape(Self.examples)
        #expect(forward.0.count > 20)
        #expect(!forward.1.isEmpty)
        for order in [Array(Self.examples.reversed()), [Self.examples[1], Self.examples[2], Self.examples[0]]] {
            let other = try shape(order)
            #expect(other.0 == forward.0, "\(order): \(other.0.symmetricDifference(forward.0).sorted())")
            #expect(other.1 == forward.1, "\(order)")
        }
    }

    @Test func earlierDocumentsGainLinksFromLaterOnes() throws {
        let path = temporaryStore()
        defer { TemporaryStore.remove(path) }
        let store = try CorpusStore(path: path)
        // The rewrite first, then the page it cites.
        for name in [Self.examples[2], Self.examples[1]] {
            let (article, hash) = try input(name)
            _ = try store.ingest(article, hash: hash)
        }
        let analysis = GraphAnalysis(try store.graph())
        #expect(analysis.derivedFrom["d1"]?.contains { $0.document == "d2" } == true)
    }

    @Test func aForeignFileIsRefusedUntouched() throws {
        let path = temporaryStore()
        defer { TemporaryStore.remove(path) }
        let text = Data("not a database, just some notes\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try CorpusStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    /// Runs one SQL statement on a database with Python's sqlite3, outside the store.
    private func execute(_ sql: String, on path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()", path, sql]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
    }

    @Test func claimsWithoutAStoredFingerprintAreReadFromTheirText() throws {
        var graphs: [ProvenanceGraph] = []
        for clearFingerprints in [false, true] {
            let path = temporaryStore()
            defer { TemporaryStore.remove(path) }
            do {
                let (article, hash) = try input(Self.examples[1])
                _ = try CorpusStore(path: path).ingest(article, hash: hash)
            }
            if clearFingerprints { try execute("UPDATE claims SET fingerprint = CASE id % 2 WHEN 0 THEN NULL ELSE 'fp0' END", on: path) }
            let store = try CorpusStore(path: path)
            let (article, hash) = try input(Self.examples[2])
            _ = try store.ingest(article, hash: hash)
            graphs.append(try store.graph())
        }
        #expect(graphs[0].edges.contains { $0.kind == .derivedFrom && $0.from == "d2" && $0.to == "d1" })
        #expect(graphs[0].edges == graphs[1].edges)
    }

    @Test func anotherSQLiteDatabaseIsRefused() throws {
        let path = temporaryStore()
        defer { TemporaryStore.remove(path) }
        try execute("create table t(x)", on: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try CorpusStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func sourcesAreCountedAcrossDocuments() throws {
        let path = temporaryStore()
        defer { TemporaryStore.remove(path) }
        let store = try CorpusStore(path: path)
        for name in Self.examples {
            let (article, hash) = try input(name)
            _ = try store.ingest(article, hash: hash)
        }
        let venn = try #require(try store.sources().first { $0.source.name == "Aurel Venn" })
        #expect(venn.documents == 3)
        #expect(venn.claims >= 10)
    }
}

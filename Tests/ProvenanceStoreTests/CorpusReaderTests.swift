import Foundation
import Testing
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceStore

/// The paged reads of a store (`CorpusReader`), on a store of the examples,
/// against the graph and analysis of the whole corpus.
@Suite struct CorpusReaderTests {
    static func temporaryStore() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("provenance-\(UUID().uuidString).sqlite").path
    }

    static func input(_ name: String) throws -> (AttributedArticle, String) {
        let bytes = [UInt8](try Data(contentsOf: CorpusStoreTests.root.appendingPathComponent("Examples").appendingPathComponent(name)))
        let article = try ArticleExtractor().extract(bytes, path: "Examples/" + name)
        return (AttributionEngine().attribute(article), CorpusStore.contentHash(of: bytes))
    }

    /// A store of the three examples, its path (to remove), and its graph.
    static func examples() throws -> (CorpusStore, String, ProvenanceGraph) {
        let path = temporaryStore()
        do {
            let writer = try CorpusStore(path: path)
            for name in CorpusStoreTests.examples {
                let (article, hash) = try input(name)
                _ = try writer.ingest(article, hash: hash)
            }
        }
        let store = try CorpusStore(path: path, access: .read)
        return (store, path, try store.graph())
    }

    @Test func idsAreReadStrictly() {
        #expect(DocumentID("d12")?.value == 12)
        #expect(ClaimID("c1")?.value == 1)
        #expect(SourceID("s987654321")?.value == 987_654_321)
        for junk in ["", "d", "d0", "d012", "d-1", "d+1", "d1x", "d 1", " d1", "D1", "c12", "d١٢", "d1234567890123456789", "12"] {
            #expect(DocumentID(junk) == nil, "\(junk)")
        }
        #expect(DocumentID("d123456789012345678")?.value == 123_456_789_012_345_678)
        #expect(DocumentID(12).description == "d12")
    }

    @Test func searchFindsClaimsByTheirWordsAPageAtATime() throws {
        let (store, path, graph) = try Self.examples()
        defer { TemporaryStore.remove(path) }
        let all = try store.claims(matching: ClaimQuery(words: "gannet strait"), page: PageRequest(size: 100))
        let total = try #require(all.page.total)
        #expect(total > 2)
        #expect(all.page.items.count == total)
        for claim in all.page.items {
            let sentence = claim.sentence.lowercased()
            #expect(sentence.contains("gannet") && sentence.contains("strait"), "\(claim.id)")
        }
        // The claims of the graph whose sentence has both words are all found.
        let texts = Dictionary(uniqueKeysWithValues: graph.documents.map { ($0.id, ScalarText($0.text)) })
        let expected = graph.claims.filter { claim in
            let words = Set(texts[claim.document]![claim.sentence].lowercased().split { !$0.isLetter }.map(String.init))
            return words.contains("gannet") && words.contains("strait")
        }
        #expect(Set(all.page.items.map(\.id.description)) == Set(expected.map(\.id)))
        // Pages of two follow the one long page.
        let first = try store.claims(matching: ClaimQuery(words: "Gannet  Strait!"), page: PageRequest(number: 1, size: 2))
        let second = try store.claims(matching: ClaimQuery(words: "gannet strait"), page: PageRequest(number: 2, size: 2))
        #expect((first.page.items + second.page.items).map(\.id) == Array(all.page.items.prefix(4)).map(\.id))
        #expect(first.page.more && first.page.total == total)
        // Words nobody wrote, and nothing but punctuation (every claim).
        #expect(try store.claims(matching: ClaimQuery(words: "zyxwv"), page: PageRequest()).page.total == 0)
        #expect(try store.claims(matching: ClaimQuery(words: "\" * ( - :"), page: PageRequest()).page.total == graph.claims.count)
        #expect(!all.sources.isEmpty && !all.documents.isEmpty)
    }

    @Test func facetsNarrowBySourceDocumentAndFinding() throws {
        let (store, path, graph) = try Self.examples()
        defer { TemporaryStore.remove(path) }
        let analysis = GraphAnalysis(graph)
        func ids(_ query: ClaimQuery) throws -> Set<String> {
            let result = try store.claims(matching: query, page: PageRequest(size: 100))
            #expect(!result.page.more)
            return Set(result.page.items.map(\.id.description))
        }
        for document in graph.documents {
            #expect(try ids(ClaimQuery(document: DocumentID(document.id)!)) == Set(graph.claims.filter { $0.document == document.id }.map(\.id)))
        }
        let newClaims = Set(analysis.findings.filter { $0.value.contains { $0.kind == .newClaim } }.keys)
        let dropped = Set(analysis.findings.filter { $0.value.contains { $0.kind == .attributionDropped } }.keys)
        #expect(!newClaims.isEmpty)
        #expect(try ids(ClaimQuery(finding: .newClaim)) == newClaims)
        #expect(try ids(ClaimQuery(finding: .attributionDropped)) == dropped)
        #expect(try ids(ClaimQuery(finding: .unattributed)) == Set(graph.claims.filter { $0.problem != nil }.map(\.id)))
        let venn = try #require(graph.sources.first { $0.name == "Aurel Venn" })
        let attributed = Set(graph.claims.filter { $0.source == venn.id }.map(\.id))
        #expect(!attributed.isEmpty)
        #expect(try ids(ClaimQuery(source: SourceID(venn.id)!)).isSuperset(of: attributed))
    }

    /// Each claim's chain, origin and findings, read from the part of the
    /// store it depends on, are those of the whole corpus's analysis.
    @Test func aClaimReadsAsTheWholeCorpusAnalysesIt() throws {
        let (store, path, graph) = try Self.examples()
        defer { TemporaryStore.remove(path) }
        let analysis = GraphAnalysis(graph)
        var origins = 0
        for claim in graph.claims {
            let detail = try #require(try store.claim(ClaimID(claim.id)!))
            #expect(detail.summary.document.id.description == claim.document)
            #expect(detail.content == claim.content && detail.sentence == claim.sentence)
            #expect(detail.chain.map(\.id.description) == analysis.chains[claim.id] ?? [], "\(claim.id)")
            #expect(detail.origin?.id.description == analysis.origins[claim.id], "\(claim.id)")
            let findings = (analysis.findings[claim.id] ?? []).map(\.kind.rawValue).sorted()
            #expect(detail.findings.map(\.kind.rawValue).filter { $0 != "unattributed" }.sorted() == findings, "\(claim.id)")
            #expect(Set(detail.sameClaims.map(\.claim.id.description)) == Set((analysis.sameAs[claim.id] ?? []).map(\.claim)))
            let text = ScalarText(graph.documents.first { $0.id == claim.document }!.text)
            #expect(detail.summary.sentence == text[claim.sentence])
            for edge in detail.edges { for span in edge.evidence { #expect(!span.text.isEmpty) } }
            if detail.origin != nil { origins += 1 }
        }
        #expect(origins > 0)
        #expect(try store.claim(ClaimID(999_999)) == nil)
    }

    @Test func aSourceAndADocumentReadWithWhatSurroundsThem() throws {
        let (store, path, graph) = try Self.examples()
        defer { TemporaryStore.remove(path) }
        let venn = try #require(graph.sources.first { $0.name == "Aurel Venn" })
        let source = try #require(try store.source(SourceID(venn.id)!, page: PageRequest(size: 3)))
        #expect(source.aliases == venn.aliases)
        #expect(source.claims.items.count == 3 && source.claims.more)
        #expect(source.claims.total == graph.claims.filter { $0.source == venn.id || $0.via.contains(venn.id) }.count)
        #expect(try store.source(SourceID(999_999), page: PageRequest()) == nil)

        let analysis = GraphAnalysis(graph)
        for document in graph.documents {
            let detail = try #require(try store.document(DocumentID(document.id)!))
            #expect(detail.text == document.text)
            #expect(detail.claims.map(\.id.description) == graph.claims.filter { $0.document == document.id }.map(\.id))
            #expect(Set(detail.derivedFrom.map(\.document.id.description)) == Set((analysis.derivedFrom[document.id] ?? []).map(\.document)))
            let by = analysis.derivedFrom.filter { $0.value.contains { $0.document == document.id } }.keys
            #expect(Set(detail.derivedBy.map(\.document.id.description)) == Set(by))
        }
        #expect(graph.documents.contains { !(analysis.derivedFrom[$0.id] ?? []).isEmpty })
        #expect(try store.document(DocumentID(999_999)) == nil)
        #expect(try store.counts() == CorpusCounts(documents: 3, claims: graph.claims.count, sources: graph.sources.count))
    }

    /// A reader open on a store sees what an ingest adds while it reads.
    @Test func aReaderSeesDocumentsIngestedWhileItIsOpen() throws {
        let path = Self.temporaryStore()
        defer { TemporaryStore.remove(path) }
        let writer = try CorpusStore(path: path)
        let (first, firstHash) = try Self.input(CorpusStoreTests.examples[0])
        _ = try writer.ingest(first, hash: firstHash)
        let reader = try CorpusStore(path: path, access: .read)
        #expect(try reader.counts().documents == 1)
        let (second, secondHash) = try Self.input(CorpusStoreTests.examples[1])
        _ = try writer.ingest(second, hash: secondHash)
        #expect(try reader.counts().documents == 2)
        #expect(try reader.document(DocumentID(2)) != nil)
        #expect(try reader.claims(matching: ClaimQuery(document: DocumentID(2)), page: PageRequest()).page.total ?? 0 > 0)
    }

    /// A store without the search index (made before schema 6, opened
    /// read-only so not migrated) is searched sentence by sentence, alike.
    @Test func aStoreWithoutTheSearchIndexIsSearchedByItsSentences() throws {
        let (store, path, _) = try Self.examples()
        defer { TemporaryStore.remove(path) }
        let indexed = try store.claims(matching: ClaimQuery(words: "gannet strait"), page: PageRequest(size: 100)).page.items
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DROP TABLE claims_fts'); c.commit()", path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let unindexed = try CorpusStore(path: path, access: .read).claims(matching: ClaimQuery(words: "Gannet STRAIT"), page: PageRequest(size: 100))
        #expect(!indexed.isEmpty)
        #expect(Set(unindexed.page.items.map(\.id)) == Set(indexed.map(\.id)))
    }
}

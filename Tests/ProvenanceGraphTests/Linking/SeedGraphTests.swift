import Testing
import ProvenanceGraph

/// 001 rewrites 000: its paraphrases link to 000's claims, it derives from
/// 000, its KCNA-derived claims trace back to KCNA, and its editorial claims
/// are new.
@Suite(.enabled(if: GraphSupport.hasShared, "../shared/seeds is absent: seed graph tests skipped"))
struct SeedGraphTests {
    let graph: ProvenanceGraph
    let analysis: GraphAnalysis

    init() throws {
        graph = GraphSupport.graph(try GraphSupport.seeds())
        analysis = GraphAnalysis(graph)
    }

    private func linked(_ rewrite: String, _ original: String) -> Bool {
        guard let new = graph.claim(containing: rewrite, in: "d2"), let old = graph.claim(containing: original, in: "d1") else {
            return false
        }
        return (analysis.sameAs[new.id] ?? []).contains { $0.claim == old.id }
    }

    @Test func paraphrasesLinkToTheRightClaims() {
        #expect(linked("accelerate war preparations", "He set forth the militant tasks"))
        #expect(linked("called for the expansion and development", "[Kim] clarified the independent principle"))
        #expect(linked("year of great turn and great change", "he called 2023"))
        #expect(linked("Chinese President Xi Jinping", "Chinese President Xi Jinping"))
        #expect(linked("gathered in Pyongyang for a multi-day plenary meeting", "gathered in Pyongyang on Tuesday"))
    }

    @Test func theRewriteDerivesFromTheStoryAndCitesIt() {
        #expect(analysis.derivedFrom["d2"]?.contains { $0.document == "d1" } == true)
        #expect(analysis.derivedFrom["d1"] == nil)
        #expect(graph.edges.contains { $0.kind == .cites && $0.from == "d2" && $0.to == "d1" })
    }

    @Test func chainsOfKCNADerivedClaimsStartAtKCNA() throws {
        for words in ["accelerate war preparations", "called for the expansion and development"] {
            let claim = try #require(graph.claim(containing: words, in: "d2"))
            #expect(analysis.chains[claim.id]?.first.map(graph.name) == "Korean Central News Agency")
            #expect(analysis.findings[claim.id]?.contains { $0.kind == .attributionDropped } == true)
        }
    }

    @Test func newClaimsAreTheEditorialOnes() throws {
        let editorial = try #require(graph.claim(containing: "This strategic positioning reflects", in: "d2"))
        #expect(analysis.findings[editorial.id]?.contains { $0.kind == .newClaim } == true)
        for words in ["accelerate war preparations", "Chinese President Xi Jinping", "multi-day plenary meeting",
                      "year of great turn and great change", "regional allies, Russia and China"] {
            let paraphrase = try #require(graph.claim(containing: words, in: "d2"))
            #expect(analysis.findings[paraphrase.id]?.contains { $0.kind == .newClaim } != true, "\(words)")
        }
    }

    @Test func everyEdgeCarriesEvidenceInsideItsDocument() {
        let lengths = Dictionary(uniqueKeysWithValues: graph.documents.map { ($0.id, $0.text.unicodeScalars.count) })
        for edge in graph.edges where edge.kind != .publishedBy {
            #expect(!edge.evidence.isEmpty, "\(edge.kind) \(edge.from) → \(edge.to)")
            for evidence in edge.evidence {
                #expect(evidence.span.end <= lengths[evidence.document] ?? 0)
            }
        }
    }
}

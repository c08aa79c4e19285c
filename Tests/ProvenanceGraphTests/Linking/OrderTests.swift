import Foundation
import Testing
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// Linking the same documents in any order gives the same claims, links,
/// scores, derivations and findings (a sharded run reorders its inputs).
@Suite struct OrderTests {
    /// What a graph says, named by document path and span rather than by id
    /// (ids follow the order documents came in).
    struct Shape: Equatable {
        var claims: Set<String> = []
        var links: Set<String> = []
        var derivations: Set<String> = []
        var findings: Set<String> = []
        /// Each claim's and document's sources as shown: name, kind, aliases
        /// and descriptions, the chain through carriers included.
        var sources: Set<String> = []

        init(_ graph: ProvenanceGraph) {
            let analysis = GraphAnalysis(graph)
            let paths = Dictionary(uniqueKeysWithValues: graph.documents.map { ($0.id, $0.path) })
            let names = Dictionary(uniqueKeysWithValues: graph.claims.map { ($0.id, "\(paths[$0.document]!)@\($0.content)") })
            claims = Set(names.values)
            let nodes = Dictionary(uniqueKeysWithValues: graph.sources.map {
                ($0.id, "\($0.name) [\($0.kind.rawValue)] \($0.aliases) \($0.descriptions)")
            })
            for claim in graph.claims {
                let chain = ([claim.source].compactMap { $0 } + claim.via + claim.about).map { nodes[$0]! }
                sources.insert("\(names[claim.id]!) <- \(chain)")
            }
            for document in graph.documents {
                sources.insert("\(document.path) published by \(document.publisherSource.map { nodes[$0]! } ?? "-")")
            }
            for edge in graph.edges {
                switch edge.kind {
                case .sameClaim:
                    // Directed as the output writes it: the direction must not follow arrival either.
                    let evidence = edge.evidence.map { "\(paths[$0.document]!)@\($0.span)" }.joined(separator: ", ")
                    links.insert("\(names[edge.from]!) -> \(names[edge.to]!)" + String(format: " %.3f", edge.score ?? 0) + " [\(evidence)]")
                case .derivedFrom:
                    // With its evidence: the citation, then claims of the derived document.
                    let evidence = edge.evidence.map { "\(paths[$0.document]!)@\($0.span)" }.joined(separator: ", ")
                    derivations.insert("\(paths[edge.from]!) <- \(paths[edge.to]!)" + String(format: " %.3f", edge.score ?? 0) + " [\(evidence)]")
                default:
                    break
                }
            }
            for (claim, list) in analysis.findings {
                for finding in list {
                    findings.insert("\(names[claim]!): \(finding.kind.rawValue) \(finding.related.map { names[$0]! } ?? "")")
                }
            }
        }
    }

    /// The same permutations every run: a seeded shuffle.
    static func shuffled<T>(_ items: [T], seed: UInt64) -> [T] {
        var state = seed
        var result = items
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            result.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        return result
    }

    static func prepared(_ documents: [AttributedArticle]) -> [PreparedArticle] {
        documents.map { PreparedArticle($0) }
    }

    static func graph(_ documents: [PreparedArticle]) -> ProvenanceGraph {
        var builder = GraphBuilder()
        for document in documents { builder.add(document) }
        return builder.graph
    }

    /// Files we wrote: the three examples and the linking tests' story and
    /// rewrite, in every order of the examples and shuffled with the others.
    @Test func ourDocumentsLinkTheSameInAnyOrder() throws {
        let names = ["meridian-news-agency-dispatch.txt", "harbor-ledger-castavia-port-talks.html", "content-farm-rewrite.txt"]
        var documents = try names.map { try GraphSupport.attributed(GraphSupport.packageRoot.appendingPathComponent("Examples/" + $0)) }
        documents.append(try GraphSupport.attributed(text: LinkingTests.story, path: "story.txt", publisher: "Coast Courier"))
        documents.append(try GraphSupport.attributed(text: LinkingTests.rewrite, path: "rewrite.txt"))
        let prepared = Self.prepared(documents)
        let reference = Shape(Self.graph(prepared))
        #expect(reference.links.count > 20)
        #expect(!reference.derivations.isEmpty)
        #expect(!reference.findings.isEmpty)
        for seed in UInt64(1)...8 {
            let shape = Shape(Self.graph(Self.shuffled(prepared, seed: seed)))
            #expect(shape.claims == reference.claims, "seed \(seed)")
            #expect(shape.links == reference.links, "seed \(seed): \(shape.links.symmetricDifference(reference.links).sorted())")
            #expect(shape.derivations == reference.derivations, "seed \(seed)")
            #expect(shape.findings == reference.findings, "seed \(seed)")
            #expect(shape.sources == reference.sources, "seed \(seed): \(shape.sources.symmetricDifference(reference.sources).sorted())")
        }
    }

    /// The 121 pages of the article-extraction benchmark, shuffled.
    @Test func theBenchmarkPagesLinkTheSameInAnyOrder() throws {
        let folder = GraphSupport.shared.appendingPathComponent("corpus/article-extraction-benchmark/html")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            print("skipped: \(folder.path) is absent (../shared/corpus beside the repository)")
            return
        }
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
        var documents: [AttributedArticle] = []
        for item in InputItems(paths: paths) {
            guard case .document(let document) = item, let article = try? ArticleExtractor().extract(document) else { continue }
            documents.append(AttributionEngine().attribute(article))
        }
        #expect(documents.count == 121)
        let prepared = Self.prepared(documents)
        let reference = Shape(Self.graph(prepared))
        #expect(reference.links.count > 50)
        for seed in UInt64(1)...3 {
            let shape = Shape(Self.graph(Self.shuffled(prepared, seed: seed)))
            #expect(shape.claims == reference.claims, "seed \(seed)")
            #expect(shape.links == reference.links, "seed \(seed): \(shape.links.symmetricDifference(reference.links).count) links differ")
            #expect(shape.derivations == reference.derivations, "seed \(seed)")
            #expect(shape.findings == reference.findings, "seed \(seed)")
            #expect(shape.sources == reference.sources, "seed \(seed): \(shape.sources.symmetricDifference(reference.sources).count) differ")
        }
    }
}

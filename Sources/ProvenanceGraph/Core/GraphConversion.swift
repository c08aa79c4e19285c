import ProvenanceAttribution
import ProvenanceParsing

/// Turns an attributed article into graph nodes and its own edges.
public enum GraphConversion {
    /// The document node and its claim nodes; `sourceID` gives (and merges)
    /// the graph id of each of the article's sources.
    public static func nodes(
        for attributed: AttributedArticle, documentNumber: Int, firstClaim: Int, contentHash: String?,
        sourceID: (Source) -> String
    ) -> (ProvenanceGraph.Document, [ProvenanceGraph.ClaimNode]) {
        let article = attributed.article
        let ids = attributed.sources.map(sourceID)
        let documentID = "d\(documentNumber)"
        let document = ProvenanceGraph.Document(
            id: documentID, path: article.path, format: article.format, title: article.metadata.title,
            publisher: article.metadata.publisher, published: article.metadata.published, url: article.metadata.url,
            text: article.text, contentHash: contentHash, publisherSource: attributed.publisher.map { ids[$0] },
            links: article.links, quotes: attributed.quotes, positions: article.positions, capturedFrom: article.metadata.capturedFrom)
        let claims = attributed.claims.enumerated().map { offset, claim in
            ProvenanceGraph.ClaimNode(
                id: "c\(firstClaim + offset)", document: documentID, kind: claim.kind, sentence: claim.sentence,
                content: claim.content, cue: claim.cue, source: claim.attribution.map { ids[$0.source] },
                mention: claim.attribution?.mention, antecedent: claim.attribution?.antecedent,
                resolved: claim.attribution?.isResolved ?? true, via: claim.via.map { ids[$0] },
                about: claim.about.map { ids[$0] }, continuation: claim.isContinuation, problem: claim.problem)
        }
        return (document, claims)
    }

    /// Attributed-to, carried-via, about and published-by edges, with the
    /// mention (or credit) as evidence.
    public static func attributionEdges(document: ProvenanceGraph.Document, claims: [ProvenanceGraph.ClaimNode]) -> [ProvenanceGraph.Edge] {
        var edges: [ProvenanceGraph.Edge] = []
        if let publisher = document.publisherSource {
            edges.append(ProvenanceGraph.Edge(kind: .publishedBy, from: document.id, to: publisher))
        }
        for claim in claims {
            let evidence = [claim.mention ?? claim.cue?.span ?? claim.sentence].map {
                ProvenanceGraph.Evidence(document: document.id, span: $0)
            }
            if let source = claim.source {
                edges.append(ProvenanceGraph.Edge(kind: .attributedTo, from: claim.id, to: source, evidence: evidence))
            }
            for carrier in claim.via {
                edges.append(ProvenanceGraph.Edge(
                    kind: .carriedVia, from: claim.id, to: carrier,
                    evidence: [ProvenanceGraph.Evidence(document: document.id, span: claim.cue?.span ?? claim.sentence)]))
            }
            for subject in claim.about {
                edges.append(ProvenanceGraph.Edge(
                    kind: .about, from: claim.id, to: subject, evidence: [ProvenanceGraph.Evidence(document: document.id, span: claim.content)]))
            }
        }
        return edges
    }

    /// The matching fingerprints of an article's claims, in their order;
    /// `text` is the article's text as scalars.
    public static func fingerprints(of attributed: AttributedArticle, in text: ScalarText, reading: ClaimReading) -> [ClaimFingerprint] {
        let language = attributed.article.metadata.language
        return attributed.claims.map {
            ClaimFingerprint(text: text, content: $0.content, sentence: $0.sentence, reading: reading, language: language)
        }
    }

    /// The merging key of a source name.
    public static func key(_ name: String) -> String {
        var lower = name.lowercased()
        if lower.unicodeScalars.contains("’") {
            lower = String(String.UnicodeScalarView(lower.unicodeScalars.map { $0 == "’" ? "'" : $0 }))
        }
        if lower.hasPrefix("the ") { lower.removeFirst(4) }
        return lower
    }
}

import ProvenanceAttribution
import ProvenanceGraph

/// The figures a desk editor wants of one document, each the count of claims
/// the report lists for it (with a filter, of the claims it keeps).
public struct DocumentSummary: Sendable, Hashable {
    /// A source and how many claims of the document trace back to it.
    public struct SourceTally: Sendable, Hashable {
        public var name: String
        public var claims: Int
    }

    /// The document's path.
    public var path: String
    /// Claims listed, photo captions included.
    public var claims: Int
    /// Of those, photo captions (credited by their credit line, not attributed).
    public var captions: Int
    /// Of the claims outside captions, those attributed in the document itself.
    public var attributed: Int
    /// Of the claims outside captions, those whose source is named: here, or
    /// in the claim of a source document they come from.
    public var traced: Int
    /// Quotations whose speaker is named nowhere.
    public var withoutSpeaker: Int
    /// Claims no source is named for: the publisher's own assertions.
    public var ownAssertions: Int
    /// Claims of each kind, captions included (they add up to ``claims``).
    public var byKind: [Claim.Kind: Int]
    /// The origins most claims trace back to, most first (the largest groups of the report).
    public var topSources: [SourceTally]
    /// Claims whose source document attributes them and this one does not.
    public var dropped: Int
    /// Claims found in none of the documents this one derives from.
    public var new: Int
    /// Whether the document derives from another (so that dropped and new apply).
    public var derives: Bool
    /// The document's claims in the whole graph, when a filter lists fewer.
    public var claimsInDocument: Int?

    /// Claims outside captions: what the shares are of.
    public var scored: Int { claims - captions }
    /// The provenance score: the share of claims (captions aside) attributed
    /// in the document itself (1 when it has none).
    public var attributedShare: Double { scored == 0 ? 1 : Double(attributed) / Double(scored) }
    /// The share of claims (captions aside) whose source is named somewhere.
    public var tracedShare: Double { scored == 0 ? 1 : Double(traced) / Double(scored) }

    /// How many top sources a summary names.
    static let topSourceCount = 3

    /// The summary of every document of the graph (in the selection).
    public static func summaries(of graph: ProvenanceGraph, selection: GraphSelection = .all) -> [DocumentSummary] {
        summaries(of: GraphReport(graph, selection: selection))
    }

    public static func summaries(of report: GraphReport) -> [DocumentSummary] {
        report.claims.documents.indices.map { DocumentOutline(report: report.claims, document: $0).summary }
    }

    init(report: ClaimReport, document: Int, claims indices: [Int], outline: (roots: [DocumentOutline.Branch], withoutSpeaker: Int, ownAssertions: Int)) {
        path = report.documents[document].node.path
        claims = indices.count
        // Counted in place: the claims' entries are large, and a copy of
        // them all (or of a filtered part) would double what the report holds.
        var (captions, attributed, traced, dropped, new) = (0, 0, 0, 0, 0)
        var byKind: [Claim.Kind: Int] = [:]
        for index in indices {
            let entry = report.claims[index]
            byKind[entry.node.kind, default: 0] += 1
            if entry.node.kind == .caption {
                captions += 1
            } else {
                if entry.node.source != nil { attributed += 1 }
                if entry.isTraced { traced += 1 }
            }
            if entry.findings.contains(where: { $0.kind == .attributionDropped }) { dropped += 1 }
            if entry.findings.contains(where: { $0.kind == .newClaim }) { new += 1 }
        }
        (self.captions, self.attributed, self.traced, self.dropped, self.new) = (captions, attributed, traced, dropped, new)
        withoutSpeaker = outline.withoutSpeaker
        ownAssertions = outline.ownAssertions
        self.byKind = byKind
        topSources = outline.roots.prefix(Self.topSourceCount).map { SourceTally(name: report.name($0.source), claims: $0.claimCount) }
        derives = !report.documents[document].derivedFrom.isEmpty
        let total = report.documents[document].claimCount
        claimsInDocument = report.selection.filtersClaims && total != claims ? total : nil
    }
}

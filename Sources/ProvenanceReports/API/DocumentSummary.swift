import ProvenanceAttribution
import ProvenanceGraph

/// The figures a desk editor wants of one document.
public struct DocumentSummary: Sendable, Hashable {
    /// A source and how many claims of the document it is credited with.
    public struct SourceTally: Sendable, Hashable {
        public var name: String
        public var claims: Int
    }

    /// The document's path.
    public var path: String
    /// Claims, photo captions aside.
    public var claims: Int
    /// Of those, the ones attributed in the document itself.
    public var attributed: Int
    /// Of those, the ones whose chain reaches a named source other than the
    /// document's own publisher: attributed here, or traced through a
    /// document this one derives from.
    public var traced: Int
    /// Claims of each kind, captions included.
    public var byKind: [Claim.Kind: Int]
    /// The sources credited with the most claims here, most first.
    public var topSources: [SourceTally]
    /// Claims whose source document attributes them and this one does not.
    public var dropped: Int
    /// Claims found in none of the documents this one derives from.
    public var new: Int
    /// Whether the document derives from another (so that dropped and new apply).
    public var derives: Bool

    /// The provenance score: the share of claims attributed in the document
    /// itself (1 when it has none).
    public var attributedShare: Double { claims == 0 ? 1 : Double(attributed) / Double(claims) }
    /// The share of claims whose chain reaches a named source.
    public var tracedShare: Double { claims == 0 ? 1 : Double(traced) / Double(claims) }

    /// The summary of every document of the graph (in the selection).
    public static func summaries(of graph: ProvenanceGraph, selection: GraphSelection = .all) -> [DocumentSummary] {
        let report = ClaimReport(graph, selection: selection)
        return report.documents.indices.map { DocumentOutline(report: report, document: $0).summary }
    }

    init(report: ClaimReport, document: Int, claims indices: [Int]) {
        let node = report.documents[document].node
        path = node.path
        let entries = indices.map { report.claims[$0] }
        let own = entries.filter { $0.node.kind != .caption }
        claims = own.count
        attributed = own.filter { $0.node.source != nil }.count
        traced = own.filter { entry in entry.node.source != nil || entry.chain.contains { $0 != node.publisherSource } }.count
        var byKind: [Claim.Kind: Int] = [:]
        var bySource: [String: Int] = [:]
        var order: [String] = []
        for entry in entries {
            byKind[entry.node.kind, default: 0] += 1
            if let source = entry.node.source, entry.node.kind != .caption {
                if bySource[source] == nil { order.append(source) }
                bySource[source, default: 0] += 1
            }
        }
        self.byKind = byKind
        topSources = order.enumerated()
            .sorted { (bySource[$1.element]!, $0.offset) < (bySource[$0.element]!, $1.offset) }
            .prefix(3).map { SourceTally(name: report.name($0.element), claims: bySource[$0.element]!) }
        dropped = entries.filter { $0.findings.contains { $0.kind == .attributionDropped } }.count
        new = entries.filter { $0.findings.contains { $0.kind == .newClaim } }.count
        derives = !report.documents[document].derivedFrom.isEmpty
    }
}

/// Which claims a report shows: all, or those of some documents, of a
/// source, or with some words. Filters select, they never recompute: the
/// analysis (derivations, chains, findings) always covers the whole graph,
/// and a report lists the part of it the filters keep.
public struct GraphSelection: Sendable {
    /// A document id ("d3") or a part of its path.
    public var document: String?
    /// A part of a source's name or alias (any case): the claims with that
    /// source anywhere in their attribution chain — the speaker, an agency
    /// or wire that carried the words, the outlet that published them, or
    /// the source a derived document dropped.
    public var source: String?
    /// Words the claim's sentence contains (any case).
    public var claimText: String?

    public init(document: String? = nil, source: String? = nil, claimText: String? = nil) {
        self.document = document
        self.source = source
        self.claimText = claimText
    }

    public static let all = GraphSelection()

    public var isAll: Bool { document == nil && source == nil && claimText == nil }

    /// Whether a filter picks claims, not only documents.
    public var filtersClaims: Bool { source != nil || claimText != nil }

    /// The filters as the command line gave them: `--source “Nobody”`.
    public var description: String {
        var parts: [String] = []
        if let document { parts.append("--document “\(document)”") }
        if let source { parts.append("--source “\(source)”") }
        if let claimText { parts.append("--claim “\(claimText)”") }
        return parts.joined(separator: " ")
    }

    public func includes(document node: ProvenanceGraph.Document) -> Bool {
        includes(document: node.id, path: node.path)
    }

    /// Whether the document filter keeps the document with this id and path.
    public func includes(document id: String, path: String) -> Bool {
        guard let document else { return true }
        return id == document || path.contains(document)
    }

    /// Whether any of the sources matches the source filter.
    public func includes(sources nodes: [ProvenanceGraph.SourceNode]) -> Bool {
        guard let source else { return true }
        let wanted = source.lowercased()
        return nodes.contains { node in ([node.name] + node.aliases).contains { $0.lowercased().contains(wanted) } }
    }

    public func includes(sentence: String) -> Bool {
        guard let claimText else { return true }
        return sentence.lowercased().contains(claimText.lowercased())
    }
}

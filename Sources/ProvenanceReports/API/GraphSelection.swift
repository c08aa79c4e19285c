import ProvenanceGraph

/// Which claims a report shows: all, or those of one document, one source,
/// or with some words. The analysis (chains, findings) always covers the
/// whole graph.
public struct GraphSelection: Sendable {
    /// A document id ("d3") or a part of its path.
    public var document: String?
    /// A part of a source's name or alias (any case).
    public var source: String?
    /// Words the claim's sentence contains (any case).
    public var claimText: String?

    public init(document: String? = nil, source: String? = nil, claimText: String? = nil) {
        self.document = document
        self.source = source
        self.claimText = claimText
    }

    public static let all = GraphSelection()

    var isAll: Bool { document == nil && source == nil && claimText == nil }

    func includes(document node: ProvenanceGraph.Document) -> Bool {
        guard let document else { return true }
        return node.id == document || node.path.contains(document)
    }

    func includes(source node: ProvenanceGraph.SourceNode?) -> Bool {
        guard let source else { return true }
        guard let node else { return false }
        let wanted = source.lowercased()
        return ([node.name] + node.aliases).contains { $0.lowercased().contains(wanted) }
    }

    func includes(sentence: String) -> Bool {
        guard let claimText else { return true }
        return sentence.lowercased().contains(claimText.lowercased())
    }
}

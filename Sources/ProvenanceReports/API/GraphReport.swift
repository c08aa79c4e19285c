import ProvenanceGraph

/// A provenance graph analysed as a whole — derivations, chains, findings —
/// then narrowed to a selection: what every renderer writes. Made once, it
/// also tells the command line whether the filters matched anything.
public struct GraphReport {
    let claims: ClaimReport

    public init(_ graph: ProvenanceGraph, selection: GraphSelection = .all) {
        claims = ClaimReport(graph, selection: selection)
    }

    public var selection: GraphSelection { claims.selection }

    /// Documents listed.
    public var documentCount: Int { claims.documents.count }

    /// Claims listed.
    public var claimCount: Int { claims.claims.count }

    /// Whether the filters left nothing to list (a graph without documents
    /// lists nothing either, with or without filters).
    public var isEmpty: Bool { claims.documents.isEmpty }
}

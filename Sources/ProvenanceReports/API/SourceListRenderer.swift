import ProvenanceGraph

/// The sources of a corpus with how many claims and documents each is
/// credited with, as `provenance sources` prints them.
public struct SourceListRenderer: Sendable {
    /// One source and its counts.
    public struct Row: Sendable {
        public var source: ProvenanceGraph.SourceNode
        public var claims: Int
        public var documents: Int

        public init(source: ProvenanceGraph.SourceNode, claims: Int, documents: Int) {
            self.source = source
            self.claims = claims
            self.documents = documents
        }
    }

    public init() {}

    /// A line per source: claims, documents, name, kind and aliases, tab-separated.
    public func renderText(_ rows: [Row]) -> String {
        rows.map { row in
            let aliases = row.source.aliases.isEmpty ? "" : " (also \(row.source.aliases.joined(separator: ", ")))"
            return "\(row.claims)\t\(row.documents)\t\(row.source.name) [\(row.source.kind.rawValue)]\(aliases)"
        }.joined(separator: "\n")
    }

    /// One JSON array of `{id, name, kind, aliases, claims, documents}`.
    public func renderJSON(_ rows: [Row]) -> String {
        JSONText.string(rows.map { row -> [String: Any] in
            ["id": row.source.id, "name": row.source.name, "kind": row.source.kind.rawValue,
             "aliases": row.source.aliases, "claims": row.claims, "documents": row.documents]
        })
    }
}

import ProvenanceParsing
import ProvenanceGraph

/// The sources of a corpus with how many claims and documents credit each,
/// as `provenance sources` prints them.
public struct SourceListRenderer: Sendable {
    /// One source and its counts.
    public struct Row: Sendable {
        public var source: ProvenanceGraph.SourceNode
        /// Claims crediting it in any role, each once.
        public var claims: Int
        /// Claims attributed to it (said, reported, or a picture it made).
        public var attributed: Int
        /// Claims it carried (an agency or wire between the source and the document).
        public var carried: Int
        /// Claims of the documents it published.
        public var published: Int
        /// Documents crediting it, or published by it.
        public var documents: Int

        public init(source: ProvenanceGraph.SourceNode, claims: Int, attributed: Int, carried: Int, published: Int, documents: Int) {
            self.source = source
            self.claims = claims
            self.attributed = attributed
            self.carried = carried
            self.published = published
            self.documents = documents
        }
    }

    public init() {}

    static let columns = ["claims", "attributed", "carried", "published", "documents"]

    /// A header line, then a line per source: its counts in aligned columns,
    /// then its name, kind and other names; a closing line with the totals.
    public func renderText(_ rows: [Row]) -> String {
        let figures = rows.map { [$0.claims, $0.attributed, $0.carried, $0.published, $0.documents].map(String.init) }
        let widths = Self.columns.indices.map { column in
            ([Self.columns[column]] + figures.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String], _ rest: String) -> String {
            zip(cells, widths).map { String(repeating: " ", count: $1 - $0.count) + $0 }.joined(separator: "  ") + "  " + rest
        }
        var lines = [line(Self.columns, "source")]
        for (row, cells) in zip(rows, figures) {
            let aliases = row.source.aliases.isEmpty ? "" : " (also \(row.source.aliases.joined(separator: ", ")))"
            lines.append(line(cells, VisibleText.prose("\(row.source.name) [\(row.source.kind.rawValue)]\(aliases)")))
        }
        lines.append(Wording.count(rows.count, "source"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON array of `{id, name, kind, aliases, claims, attributed, carried, published, documents}`, ending in a newline.
    public func renderJSON(_ rows: [Row]) -> String {
        JSONText.string(rows.map { row -> [String: Any] in
            ["id": row.source.id, "name": row.source.name, "kind": row.source.kind.rawValue, "aliases": row.source.aliases,
             "claims": row.claims, "attributed": row.attributed, "carried": row.carried, "published": row.published,
             "documents": row.documents]
        }) + "\n"
    }
}

import ProvenanceParsing
import ProvenanceGraph

/// Writes a provenance graph for Graphviz: documents as boxes, sources as
/// ellipses, claims as notes, edges labelled by what they say.
public struct DOTRenderer: Sendable {
    /// Whether to draw every claim or only those linked to another document.
    public var allClaims: Bool

    public init(allClaims: Bool = false) {
        self.allClaims = allClaims
    }

    public func render(_ graph: ProvenanceGraph, selection: GraphSelection = .all) -> String {
        render(GraphReport(graph, selection: selection))
    }

    public func render(_ graphReport: GraphReport) -> String {
        let report = graphReport.claims
        let graph = report.graph
        var lines = ["digraph provenance {", "  rankdir=LR;", "  node [fontname=\"Helvetica\", fontsize=10];",
                     "  edge [fontname=\"Helvetica\", fontsize=8];"]
        let linked = Set(graph.edges.filter { $0.kind == .sameClaim }.flatMap { [$0.from, $0.to] })
        let shown = Set(report.claims.filter { allClaims || linked.contains($0.node.id) || !$0.findings.isEmpty }.map(\.node.id))
        for document in report.documents {
            let node = document.node
            let label = [node.title ?? node.path, node.publisher, node.path].compactMap { $0 }.map(Self.escape)
            lines.append("  \(node.id) [shape=box, style=filled, fillcolor=\"#dbe8f7\", label=\"\(label.joined(separator: "\\n"))\"];")
        }
        var usedSources: Set<String> = []
        for claim in report.claims where shown.contains(claim.node.id) {
            let color: String
            if claim.findings.contains(where: { $0.kind == .attributionDropped }) {
                color = "#f7d4d4"
            } else if claim.findings.contains(where: { $0.kind == .newClaim }) {
                color = "#f7ecc8"
            } else {
                color = claim.node.kind == .unattributed ? "#eeeeee" : "#d9f0d9"
            }
            let text = Self.escape(Self.excerpt(claim.content.text))
            lines.append("  \(claim.node.id) [shape=note, style=filled, fillcolor=\"\(color)\", label=\"\(claim.node.kind.rawValue): \(text)\"];")
            lines.append("  \(claim.node.id) -> \(claim.node.document) [style=dotted, arrowhead=none];")
        }
        for edge in graph.edges {
            let ends = [edge.from, edge.to]
            let visible = ends.allSatisfy { end in
                end.hasPrefix("d") || end.hasPrefix("s") || shown.contains(end)
            }
            guard visible else { continue }
            for end in ends where end.hasPrefix("s") { usedSources.insert(end) }
            var label = edge.kind.rawValue.replacingOccurrences(of: "_", with: " ")
            if let score = edge.score, edge.kind == .sameClaim || edge.kind == .derivedFrom {
                label += String(format: " %.2f", score)
            }
            let style = edge.kind == .sameClaim ? ", style=dashed" : (edge.kind == .derivedFrom ? ", penwidth=2" : "")
            lines.append("  \(edge.from) -> \(edge.to) [label=\"\(label)\"\(style)];")
        }
        for source in graph.sources where usedSources.contains(source.id) {
            lines.append("  \(source.id) [shape=ellipse, label=\"\(Self.escape(source.name))\\n(\(source.kind.rawValue))\"];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    private static func escape(_ text: String) -> String {
        VisibleText.prose(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

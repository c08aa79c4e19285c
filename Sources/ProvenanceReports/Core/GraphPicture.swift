import Foundation
import ProvenanceGraph

/// The documents of a report and the sources along their claims' chains,
/// drawn as an inline SVG: columns from origins on the left to the latest
/// rewrite on the right, an arrow for every step of a chain (its width the
/// number of claims) and a dashed arrow from each document to the one that
/// derives from it.
struct GraphPicture {
    private struct Node {
        var id: String
        var label: String
        var detail: String
        var isDocument: Bool
        var link: String
        var layer = 0
        var row = 0
    }

    private struct Arrow: Hashable {
        var from: String
        var to: String
        var derived: Bool
    }

    private var nodes: [Node] = []
    private var position: [String: Int] = [:]
    private var arrows: [Arrow: Int] = [:]

    static let nodeWidth = 165.0
    static let nodeHeight = 40.0
    static let columnGap = 50.0
    static let rowGap = 22.0

    init(report: ClaimReport) {
        for claim in report.claims {
            let document = report.documents[claim.document].node
            var steps = claim.chain
            // The publisher of the document itself is the document's node.
            if let publisher = document.publisherSource, steps.last == publisher { steps.removeLast() }
            for source in steps { addSource(source, report: report) }
            addDocument(document)
            for (from, to) in zip(steps, steps.dropFirst() + [document.id]) {
                arrows[Arrow(from: from, to: to, derived: false), default: 0] += 1
            }
        }
        for document in report.documents {
            addDocument(document.node)
            for derivation in document.derivedFrom {
                guard let source = report.document(derivation.document)?.node else { continue }
                addDocument(source)
                arrows[Arrow(from: source.id, to: document.node.id, derived: true), default: 0] += 1
            }
        }
        leaveOutMinorSources()
        layOut()
    }

    /// How many sources the picture shows at most: the ones in the most
    /// claims' chains (the sources table lists them all).
    static let sourceLimit = 24

    /// Sources the picture left out.
    private(set) var omittedSources = 0

    private mutating func leaveOutMinorSources() {
        var weight: [String: Int] = [:]
        for (arrow, count) in arrows where !arrow.derived {
            weight[arrow.from, default: 0] += count
            weight[arrow.to, default: 0] += count
        }
        let sources = nodes.filter { !$0.isDocument }
        guard sources.count > Self.sourceLimit else { return }
        let kept = Set(sources.enumerated()
            .sorted { (weight[$0.element.id] ?? 0, $1.offset) > (weight[$1.element.id] ?? 0, $0.offset) }
            .prefix(Self.sourceLimit).map(\.element.id))
        omittedSources = sources.count - kept.count
        nodes = nodes.filter { $0.isDocument || kept.contains($0.id) }
        position = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
        arrows = arrows.filter { position[$0.key.from] != nil && position[$0.key.to] != nil }
    }

    private mutating func addSource(_ id: String, report: ClaimReport) {
        guard position[id] == nil, let source = report.source(id) else { return }
        position[id] = nodes.count
        nodes.append(Node(id: id, label: source.name, detail: source.kind.rawValue, isDocument: false, link: "#source-\(id)"))
    }

    private mutating func addDocument(_ document: ProvenanceGraph.Document) {
        guard position[document.id] == nil else { return }
        position[document.id] = nodes.count
        let name = (document.path as NSString).lastPathComponent
        nodes.append(Node(
            id: document.id, label: document.title ?? name, detail: name, isDocument: true, link: "#\(document.id)"))
    }

    /// Layers by longest path (arrows that would close a cycle are left out
    /// of the layering), rows by the mean row of the nodes pointing in.
    private mutating func layOut() {
        var outgoing: [String: [String]] = [:]
        for arrow in arrows.keys.sorted(by: { ($0.from, $0.to) < ($1.from, $1.to) }) { outgoing[arrow.from, default: []].append(arrow.to) }
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var order: [String] = []
        var forward: [String: [String]] = [:]
        func visit(_ id: String) {
            state[id] = 1
            for next in outgoing[id] ?? [] {
                if state[next] == 1 { continue }
                forward[id, default: []].append(next)
                if state[next] == nil { visit(next) }
            }
            state[id] = 2
            order.append(id)
        }
        for node in nodes where state[node.id] == nil { visit(node.id) }
        var layer: [String: Int] = [:]
        for id in order.reversed() {
            for next in forward[id] ?? [] { layer[next] = max(layer[next] ?? 0, (layer[id] ?? 0) + 1) }
        }
        var incoming: [String: [String]] = [:]
        for (from, targets) in forward { for to in targets { incoming[to, default: []].append(from) } }
        for index in nodes.indices { nodes[index].layer = layer[nodes[index].id] ?? 0 }
        for column in 0...(nodes.map(\.layer).max() ?? 0) {
            let members = nodes.indices.filter { nodes[$0].layer == column }
            let keyed = members.map { index -> (Double, Int) in
                let parents = (incoming[nodes[index].id] ?? []).compactMap { position[$0] }.map { Double(nodes[$0].row) }
                return (parents.isEmpty ? Double(index) : parents.reduce(0, +) / Double(parents.count), index)
            }
            for (row, entry) in keyed.sorted(by: { $0 < $1 }).enumerated() { nodes[entry.1].row = row }
        }
        // Then back from the right: each node beside the nodes it points to,
        // and nodes with no arrows at all at the bottom.
        let last = nodes.map(\.layer).max() ?? 0
        guard last > 0 else { return }
        for column in stride(from: last - 1, through: 0, by: -1) {
            let members = nodes.indices.filter { nodes[$0].layer == column }
            let keyed = members.map { index -> (Double, Int) in
                let children = (forward[nodes[index].id] ?? []).compactMap { position[$0] }.map { Double(nodes[$0].row) }
                let alone = children.isEmpty && (incoming[nodes[index].id] ?? []).isEmpty
                return (children.isEmpty ? (alone ? 1e9 + Double(index) : Double(nodes[index].row)) : children.reduce(0, +) / Double(children.count), index)
            }
            for (row, entry) in keyed.sorted(by: { $0 < $1 }).enumerated() { nodes[entry.1].row = row }
        }
    }

    private func origin(of node: Node) -> (x: Double, y: Double) {
        (20 + Double(node.layer) * (Self.nodeWidth + Self.columnGap), 20 + Double(node.row) * (Self.nodeHeight + Self.rowGap))
    }

    /// The picture as an `<svg>` element.
    func svg() -> String {
        guard !nodes.isEmpty else { return "" }
        let width = 40 + Double((nodes.map(\.layer).max() ?? 0) + 1) * (Self.nodeWidth + Self.columnGap) - Self.columnGap
        let height = 40 + Double((nodes.map(\.row).max() ?? 0) + 1) * (Self.nodeHeight + Self.rowGap) - Self.rowGap
        var parts: [String] = []
        parts.append(
            "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
                + "width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"Documents and the sources of their claims\">")
        parts.append(
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#6b7280\"/></marker></defs>")
        for (arrow, count) in arrows.sorted(by: { ($0.key.from, $0.key.to, $0.key.derived ? 1 : 0) < ($1.key.from, $1.key.to, $1.key.derived ? 1 : 0) }) {
            guard let from = position[arrow.from].map({ nodes[$0] }), let to = position[arrow.to].map({ nodes[$0] }) else { continue }
            let start = origin(of: from)
            let end = origin(of: to)
            let x1 = start.x + Self.nodeWidth
            let y1 = start.y + Self.nodeHeight / 2
            let x2 = end.x - 2
            let y2 = end.y + Self.nodeHeight / 2
            let bend = max(30, (x2 - x1) / 2)
            let path = String(format: "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f", x1, y1, x1 + bend, y1, x2 - bend, y2, x2, y2)
            let stroke = arrow.derived ? "stroke-dasharray=\"6 4\" stroke-width=\"2\"" : "stroke-width=\"\(min(1 + Double(count) / 2, 6))\""
            let title = arrow.derived ? "derives from" : "\(count) claim\(count == 1 ? "" : "s")"
            parts.append("<path class=\"\(arrow.derived ? "derived" : "step")\" d=\"\(path)\" \(stroke) marker-end=\"url(#arrow)\"><title>\(HTMLText.escape(title))</title></path>")
        }
        for node in nodes {
            let (x, y) = origin(of: node)
            let label = HTMLText.escape(Self.shorten(node.label, to: 24))
            let detail = HTMLText.escape(Self.shorten(node.detail, to: 28))
            parts.append(
                "<a href=\"\(node.link)\"><g class=\"\(node.isDocument ? "doc" : "src")\">"
                    + String(format: "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"%d\"/>", x, y, Self.nodeWidth, Self.nodeHeight, node.isDocument ? 3 : 18)
                    + String(format: "<text x=\"%.0f\" y=\"%.0f\">%@</text>", x + 10, y + 17, label)
                    + String(format: "<text class=\"detail\" x=\"%.0f\" y=\"%.0f\">%@</text>", x + 10, y + 32, detail)
                    + "<title>\(HTMLText.escape(node.label)) (\(HTMLText.escape(node.detail)))</title></g></a>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private static func shorten(_ text: String, to limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }
}

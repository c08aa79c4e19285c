import Foundation
import ProvenanceGraph

/// Writes a provenance graph as W3C PROV-JSON: documents and claims are
/// entities, sources are agents; "said by" and "published by" are
/// wasAttributedTo, "carried via" is actedOnBehalfOf, a derived document
/// wasDerivedFrom its source, a claim hadPrimarySource in the claim it comes
/// from (wasQuotedFrom when it quotes it), and same claims are alternateOf
/// each other. Every relation keeps its evidence as `provenance:evidence`.
public struct PROVRenderer: Sendable {
    public init() {}

    public func render(_ graph: ProvenanceGraph, selection: GraphSelection = .all) -> String {
        render(GraphReport(graph, selection: selection))
    }

    public func render(_ graphReport: GraphReport) -> String {
        let report = graphReport.claims
        func id(_ node: String) -> String { "provenance:" + node }
        func evidence(_ items: [ProvenanceGraph.Evidence]) -> [[String: Any]] {
            items.map { ["document": id($0.document), "start": $0.span.start, "end": $0.span.end, "text": report.text(of: $0)] }
        }
        var entities: [String: Any] = [:]
        for document in report.documents {
            let node = document.node
            var entity: [String: Any] = ["prov:type": "provenance:Document", "provenance:path": node.path]
            if let title = node.title { entity["prov:label"] = title }
            if let url = node.url { entity["provenance:url"] = url }
            if let published = node.published { entity["provenance:published"] = published }
            entities[id(node.id)] = entity
        }
        for claim in report.claims {
            entities[id(claim.node.id)] = [
                "prov:type": "provenance:Claim", "prov:value": claim.content.text,
                "provenance:kind": claim.node.kind.rawValue, "provenance:document": id(claim.node.document),
                "provenance:start": claim.content.start, "provenance:end": claim.content.end,
            ]
        }
        var agents: [String: Any] = [:]
        for source in report.listedSources {
            let type: String = switch source.kind {
            case .person: "prov:Person"
            case .group, .unknown: "prov:Agent"
            default: "prov:Organization"
            }
            agents[id(source.id)] = ["prov:type": type, "prov:label": source.name, "provenance:kind": source.kind.rawValue]
        }
        var attributed: [String: Any] = [:]
        var onBehalf: [String: Any] = [:]
        var derived: [String: Any] = [:]
        var alternate: [String: Any] = [:]
        var quoted: [String: Any] = [:]
        var primary: [String: Any] = [:]
        var counter = 0
        func key() -> String {
            counter += 1
            return "_:r\(counter)"
        }
        for edge in report.listedEdges {
            let proof = evidence(edge.evidence)
            switch edge.kind {
            case .attributedTo, .publishedBy:
                attributed[key()] = ["prov:entity": id(edge.from), "prov:agent": id(edge.to), "provenance:evidence": proof]
            case .carriedVia:
                // The carrier acted on behalf of the claim's source.
                if let source = report.claim(edge.from)?.node.source {
                    onBehalf[key()] = ["prov:delegate": id(edge.to), "prov:responsible": id(source),
                                       "provenance:claim": id(edge.from), "provenance:evidence": proof]
                }
            case .derivedFrom:
                var relation: [String: Any] = ["prov:generatedEntity": id(edge.from), "prov:usedEntity": id(edge.to), "provenance:evidence": proof]
                if let score = edge.score { relation["provenance:score"] = score }
                derived[key()] = relation
            case .sameClaim:
                alternate[key()] = ["prov:alternate1": id(edge.from), "prov:alternate2": id(edge.to),
                                    "provenance:similarity": edge.score ?? 1, "provenance:evidence": proof]
            case .cites, .about:
                continue
            }
        }
        // A claim's primary source: the claim its chain continues from.
        for claim in report.claims {
            let sources = Set(report.analysis.derivedFrom[claim.node.document]?.map(\.document) ?? [])
            guard let parent = claim.sameAs.compactMap({ report.claim($0.claim) }).first(where: { sources.contains($0.node.document) })
            else { continue }
            let relation: [String: Any] = ["prov:generatedEntity": id(claim.node.id), "prov:usedEntity": id(parent.node.id)]
            if parent.node.kind == .direct || parent.node.kind == .mixed, claim.node.kind == .direct || claim.node.kind == .mixed {
                quoted[key()] = relation
            } else {
                primary[key()] = relation
            }
        }
        var object: [String: Any] = [
            "prefix": ["prov": "http://www.w3.org/ns/prov#", "provenance": "https://provenance.example/ns#"],
            "entity": entities, "agent": agents,
        ]
        for (name, relations) in [("wasAttributedTo", attributed), ("actedOnBehalfOf", onBehalf), ("wasDerivedFrom", derived),
                                  ("alternateOf", alternate), ("wasQuotedFrom", quoted), ("hadPrimarySource", primary)]
        where !relations.isEmpty {
            object[name] = relations
        }
        return JSONText.string(object)
    }
}

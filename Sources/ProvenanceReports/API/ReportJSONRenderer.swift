import Foundation
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// Writes a provenance graph as the `report --format json` object described by
/// `Schemas/report.schema.json`: `documents`, `sources`, `claims`, `quotes`, `edges`.
public struct ReportJSONRenderer: Sendable {
    public init() {}

    public func render(_ graph: ProvenanceGraph, selection: GraphSelection = .all) -> String {
        render(GraphReport(graph, selection: selection))
    }

    public func render(_ graphReport: GraphReport) -> String {
        let report = graphReport.claims
        func span(_ span: ClaimReport.SpanText) -> [String: Any] {
            ["start": span.start, "end": span.end, "text": span.text]
        }
        func evidence(_ evidence: ProvenanceGraph.Evidence) -> [String: Any] {
            ["document": evidence.document, "start": evidence.span.start, "end": evidence.span.end, "text": report.text(of: evidence)]
        }
        let edges = report.listedEdges
        let object: [String: Any] = [
            "documents": report.documents.map { document -> [String: Any] in
                let node = document.node
                return [
                    "id": node.id, "path": node.path, "format": node.format.rawValue,
                    "title": node.title ?? NSNull(), "publisher": node.publisher ?? NSNull(),
                    "published": node.published ?? NSNull(), "url": node.url ?? NSNull(),
                    "captured_from": node.capturedFrom ?? NSNull(),
                    "derived_from": document.derivedFrom.map { derivation -> [String: Any] in
                        ["document": derivation.document, "share": (derivation.share * 1000).rounded() / 1000,
                         "citations": derivation.citations.map(evidence), "evidence": derivation.evidence.map(evidence)]
                    },
                ]
            },
            "sources": report.listedSources.map { source -> [String: Any] in
                ["id": source.id, "name": source.name, "kind": source.kind.rawValue, "aliases": source.aliases,
                 "descriptions": source.descriptions]
            },
            "claims": JSONText.Elements(count: report.claims.count) { index -> Any in
                let claim = report.claims[index]
                let node = claim.node
                return [
                    "id": node.id,
                    "document": node.document,
                    "kind": node.kind.rawValue,
                    "sentence": span(claim.sentence),
                    "content": span(claim.content),
                    "cue": claim.cue.map { cue -> Any in
                        var value = span(cue)
                        value["lemma"] = node.cue?.lemma
                        return value
                    } ?? NSNull(),
                    "source": node.source.map { id -> Any in
                        [
                            "id": id, "mention": claim.mention.map(span) ?? NSNull(),
                            "antecedent": claim.antecedent.map(span) ?? NSNull(), "resolved": node.resolved,
                        ] as [String: Any]
                    } ?? NSNull(),
                    "via": node.via,
                    "about": node.about,
                    "chain": claim.chain,
                    "continuation": node.continuation,
                    "problem": node.problem?.rawValue ?? NSNull(),
                    "same_as": claim.sameAs.map { ["claim": $0.claim, "similarity": $0.similarity] as [String: Any] },
                    "findings": claim.findings.map { finding -> [String: Any] in
                        ["kind": finding.kind.rawValue, "related": finding.related ?? NSNull(), "source": finding.source ?? NSNull()]
                    },
                ] as [String: Any]
            },
            "quotes": report.documents.flatMap { document in
                document.node.quotes.map { quote -> [String: Any] in
                    ["document": document.node.id, "start": quote.span.start, "end": quote.span.end,
                     "text": document.text[quote.span], "role": quote.role.rawValue]
                }
            },
            "edges": JSONText.Elements(count: edges.count) { index -> Any in
                let edge = edges[index]
                return ["kind": edge.kind.rawValue, "from": edge.from, "to": edge.to, "score": edge.score ?? NSNull(),
                        "evidence": edge.evidence.map(evidence)] as [String: Any]
            },
        ]
        return JSONText.string(object)
    }

    /// The `--summary` figures, described by `Schemas/summary.schema.json`.
    public func renderSummary(_ graph: ProvenanceGraph, selection: GraphSelection = .all) -> String {
        renderSummary(GraphReport(graph, selection: selection))
    }

    public func renderSummary(_ graphReport: GraphReport) -> String {
        let documents = DocumentSummary.summaries(of: graphReport).map { summary -> [String: Any] in
            [
                "path": summary.path, "claims": summary.claims, "captions": summary.captions,
                "claims_in_document": summary.claimsInDocument ?? NSNull(), "attributed": summary.attributed,
                "attributed_share": (summary.attributedShare * 1000).rounded() / 1000, "traced": summary.traced,
                "traced_share": (summary.tracedShare * 1000).rounded() / 1000,
                "without_speaker": summary.withoutSpeaker, "own_assertions": summary.ownAssertions,
                "by_kind": Dictionary(uniqueKeysWithValues: Claim.Kind.allCases.map { ($0.rawValue, summary.byKind[$0] ?? 0) }),
                "top_sources": summary.topSources.map { ["name": $0.name, "claims": $0.claims] as [String: Any] },
                "derives": summary.derives,
                "dropped": summary.derives ? summary.dropped : NSNull(), "new": summary.derives ? summary.new : NSNull(),
            ]
        }
        var object: [String: Any] = ["documents": documents]
        if !graphReport.selection.isAll { object["filter"] = graphReport.selection.description }
        return JSONText.string(object)
    }
}

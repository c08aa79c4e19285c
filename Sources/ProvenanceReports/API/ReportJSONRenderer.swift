import Foundation
import ProvenanceAttribution
import ProvenanceParsing

/// Writes attributed documents as the `report --format json` object described
/// by `Schemas/report.schema.json`: `documents`, `sources`, `claims`, `quotes`.
public struct ReportJSONRenderer: Sendable {
    public init() {}

    public func render(_ documents: [AttributedArticle]) -> String {
        let report = ClaimReport(documents)
        let object: [String: Any] = [
            "documents": report.documents.map { document -> [String: Any] in
                [
                    "id": document.id, "path": document.path, "format": document.format,
                    "title": document.title ?? NSNull(), "publisher": document.publisher ?? NSNull(),
                    "published": document.published ?? NSNull(), "url": document.url ?? NSNull(),
                ]
            },
            "sources": report.sources.map { source -> [String: Any] in
                ["id": source.id, "name": source.name, "kind": source.kind.rawValue, "aliases": source.aliases,
                 "descriptions": source.descriptions]
            },
            "claims": report.claims.map { claim -> [String: Any] in
                [
                    "id": claim.id,
                    "document": report.documents[claim.document].id,
                    "kind": claim.kind.rawValue,
                    "sentence": Self.span(claim.sentence),
                    "content": Self.span(claim.content),
                    "cue": claim.cue.map { cue -> Any in
                        var value = Self.span(cue.span)
                        value["lemma"] = cue.lemma
                        return value
                    } ?? NSNull(),
                    "source": claim.source.map { source -> Any in
                        [
                            "id": source.id, "mention": Self.span(source.mention),
                            "antecedent": source.antecedent.map(Self.span) ?? NSNull(),
                            "resolved": source.resolved,
                        ] as [String: Any]
                    } ?? NSNull(),
                    "via": claim.via,
                    "about": claim.about,
                    "chain": claim.chain,
                    "continuation": claim.continuation,
                    "problem": claim.problem?.rawValue ?? NSNull(),
                ]
            },
            "quotes": report.quotes.map { quote -> [String: Any] in
                var value = Self.span(quote.span)
                value["document"] = report.documents[quote.document].id
                value["role"] = quote.role.rawValue
                return value
            },
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    private static func span(_ span: ClaimReport.SpanText) -> [String: Any] {
        ["start": span.start, "end": span.end, "text": span.text]
    }
}

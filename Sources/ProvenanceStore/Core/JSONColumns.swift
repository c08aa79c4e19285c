import Foundation
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// Values kept as JSON text in a column.
enum JSONColumns {
    /// Row ids as a JSON array, the argument of a query's `json_each(?)`.
    static func ids(_ ids: some Sequence<Int64>) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    struct LinkRecord: Codable {
        var text: String
        var url: String
        var start: Int
        var end: Int
        var role: String
        var label: String?

        init(_ link: ProvenanceParsing.Link) {
            text = link.text
            url = link.url
            start = link.span.start
            end = link.span.end
            role = link.role.rawValue
            label = link.label
        }

        /// The link, or nil when its offsets are no span.
        var link: ProvenanceParsing.Link? {
            guard start >= 0, start <= end else { return nil }
            return ProvenanceParsing.Link(
                text: text, url: url, span: TextSpan(start: start, end: end), role: Link.Role(rawValue: role) ?? .body, label: label)
        }
    }

    struct QuoteRecord: Codable {
        var start: Int
        var end: Int
        var innerStart: Int
        var innerEnd: Int
        var role: String

        init(_ quote: Quote) {
            start = quote.span.start
            end = quote.span.end
            innerStart = quote.inner.start
            innerEnd = quote.inner.end
            role = quote.role.rawValue
        }

        /// The quotation, or nil when its offsets are no spans.
        var quote: Quote? {
            guard start >= 0, start <= end, innerStart >= 0, innerStart <= innerEnd else { return nil }
            return Quote(span: TextSpan(start: start, end: end), inner: TextSpan(start: innerStart, end: innerEnd),
                  role: Quote.Role(rawValue: role) ?? .term)
        }
    }

    struct EvidenceRecord: Codable {
        var document: String
        var start: Int
        var end: Int

        init(_ evidence: ProvenanceGraph.Evidence) {
            document = evidence.document
            start = evidence.span.start
            end = evidence.span.end
        }

        /// The evidence, or nil when its offsets are no span.
        var evidence: ProvenanceGraph.Evidence? {
            guard start >= 0, start <= end else { return nil }
            return ProvenanceGraph.Evidence(document: document, span: TextSpan(start: start, end: end))
        }
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// A document's positions in its file; none when the column is empty.
    static func positions(_ text: String?) -> SourcePositions? {
        text.flatMap { try? JSONDecoder().decode(SourcePositions.self, from: Data($0.utf8)) }
    }

    static func decode<T: Decodable & ExpressibleByArrayLiteral>(_ text: String?) -> T {
        guard let text, let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else { return [] }
        return value
    }
}

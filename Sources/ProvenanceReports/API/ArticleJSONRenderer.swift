import Foundation
import ProvenanceParsing

/// Writes an ``Article`` as one line of JSON, the `extract --format json`
/// output described by `Schemas/article.schema.json`.
public struct ArticleJSONRenderer: Sendable {
    public init() {}

    /// One JSON object, on one line, without a trailing newline.
    public func render(_ article: Article) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types with string keys cannot fail.
        let data = try! encoder.encode(ArticleRecord(article))
        return String(decoding: data, as: UTF8.self)
    }

    /// An input that could not be read, as its own line of the same stream:
    /// `{"path": …, "error": {"kind": …, "message": …}}`.
    public func render(_ error: ExtractionError) -> String {
        struct Record: Encodable {
            struct Detail: Encodable {
                var kind: String
                var message: String
            }
            var path: String
            var error: Detail
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try! encoder.encode(Record(path: error.path, error: .init(kind: error.kind, message: error.message)))
        return String(decoding: data, as: UTF8.self)
    }
}

/// The JSON shape of an article.
struct ArticleRecord: Encodable {
    struct BlockRecord: Encodable {
        var kind: String
        var start: Int
        var end: Int
        var reason: String?
        var credit: CreditRecord?
        /// Where the block starts in the input file, when known.
        var line: Int?
        var column: Int?
    }

    struct CreditRecord: Encodable {
        var text: String
        var start: Int
        var end: Int
        var chain: [String]
    }

    struct LinkRecord: Encodable {
        var text: String
        var url: String
        var start: Int
        var end: Int
        var role: String
        var label: String?
    }

    var path: String
    var format: String
    var title: String?
    var byline: [String]
    var publisher: String?
    var published: String?
    var url: String?
    var language: String?
    var captured: String?
    var capturedFrom: String?
    var wire: String?
    var text: String
    var body: String
    var blocks: [BlockRecord]
    var links: [LinkRecord]
    var notes: [String]

    init(_ article: Article) {
        path = article.path
        format = article.format.rawValue
        title = article.metadata.title
        byline = article.metadata.bylines
        publisher = article.metadata.publisher
        published = article.metadata.published
        url = article.metadata.url
        language = article.metadata.language
        captured = article.metadata.captured
        capturedFrom = article.metadata.capturedFrom
        wire = article.metadata.wire
        text = article.text
        body = article.body
        let positions = article.filePositions
        blocks = article.blocks.map { block in
            let position = positions?.position(of: block.span.start)
            return BlockRecord(
                kind: block.kind.rawValue, start: block.span.start, end: block.span.end,
                reason: block.boilerplate?.rawValue,
                credit: block.credit.map {
                    CreditRecord(text: $0.text, start: $0.span.start, end: $0.span.end, chain: $0.chain)
                },
                line: position?.line, column: position?.column)
        }
        links = article.links.map {
            LinkRecord(text: $0.text, url: $0.url, start: $0.span.start, end: $0.span.end, role: $0.role.rawValue, label: $0.label)
        }
        notes = article.notes
    }

    // Optional fields are written as null rather than left out, so every
    // record has the same keys.
    enum CodingKeys: String, CodingKey {
        case path, format, title, byline, publisher, published, url, language, captured, wire, text, body, blocks, links, notes
        case capturedFrom = "captured_from"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(format, forKey: .format)
        try container.encode(title, forKey: .title)
        try container.encode(byline, forKey: .byline)
        try container.encode(publisher, forKey: .publisher)
        try container.encode(published, forKey: .published)
        try container.encode(url, forKey: .url)
        try container.encode(language, forKey: .language)
        try container.encode(captured, forKey: .captured)
        try container.encode(capturedFrom, forKey: .capturedFrom)
        try container.encode(wire, forKey: .wire)
        try container.encode(text, forKey: .text)
        try container.encode(body, forKey: .body)
        try container.encode(blocks, forKey: .blocks)
        try container.encode(links, forKey: .links)
        try container.encode(notes, forKey: .notes)
    }
}

import Foundation
import ProvenanceParsing

/// Attributed articles as JSON Lines, one document a line: what
/// `provenance report --format jsonl` writes as each document finishes, so a
/// crawl can be processed shard by shard elsewhere, and what
/// `provenance ingest --from-jsonl` reads back into a store, where the
/// documents are linked. Described by `Schemas/attributed.schema.json`.
public enum AttributedJSONLines {
    /// The line's format and version; a reader refuses other versions.
    public static let format = "provenance-attributed"
    public static let version = 1

    private struct Line: Codable {
        var format: String
        var version: Int
        var document: AttributedArticle
    }

    /// One document as one line (no line break): what encoding a `Line`
    /// with sorted keys writes, byte for byte, but written a part at a time
    /// — the encoder holds a tree of all it encodes, some forty times the
    /// text of a long document, where a claim's or a block's tree is small.
    public static func line(for attributed: AttributedArticle) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output: [UInt8] = []
        func value(_ item: some Encodable) {
            output += (try? encoder.encode(item)).map(Array.init) ?? Array("null".utf8)
        }
        func list<Item: Encodable>(_ items: [Item]) {
            output.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                value(item)
            }
            output.append(UInt8(ascii: "]"))
        }
        func key(_ name: String, first: Bool = false) {
            output += Array(((first ? "" : ",") + "\"\(name)\":").utf8)
        }
        // The keys in the order the encoder sorts them; optional values left
        // out when absent, as the encoder leaves them.
        let article = attributed.article
        output += Array("{\"document\":{\"article\":{".utf8)
        key("blocks", first: true); list(article.blocks)
        key("format"); value(article.format)
        key("links"); list(article.links)
        key("metadata"); value(article.metadata)
        key("notes"); list(article.notes)
        key("path"); value(article.path)
        if let positions = article.positions { key("positions"); value(positions) }
        key("text"); value(article.text)
        output.append(UInt8(ascii: "}"))
        key("claims"); list(attributed.claims)
        if let publisher = attributed.publisher { key("publisher"); value(publisher) }
        key("quotes"); list(attributed.quotes)
        key("sentences"); list(attributed.sentences)
        key("sources"); list(attributed.sources)
        output.append(UInt8(ascii: "}"))
        key("format"); value(format)
        key("version"); value(version)
        output.append(UInt8(ascii: "}"))
        return String(decoding: output, as: UTF8.self)
    }

    /// The same the plain way, for the tests to compare with.
    static func encodedWhole(_ attributed: AttributedArticle) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Line(format: format, version: version, document: attributed))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// An input that could not be read or attributed, as its own line, so a
    /// run split over many machines keeps every error beside the results:
    /// `{"format":…,"version":1,"path":…,"error":{"kind":…,"message":…}}`.
    public struct Failure: Codable, Sendable, Equatable {
        /// The input as the run named it.
        public var path: String
        /// A stable word for what went wrong (``ProvenanceParsing/ExtractionError/kind``).
        public var kind: String
        /// What went wrong, for people.
        public var message: String

        public init(path: String, kind: String, message: String) {
            self.path = path
            self.kind = kind
            self.message = message
        }
    }

    private struct FailureLine: Codable {
        struct Detail: Codable {
            var kind: String
            var message: String
        }
        var format: String
        var version: Int
        var path: String
        var error: Detail
    }

    /// One failed input as one line (no line break).
    public static func line(for failure: Failure) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = FailureLine(format: format, version: version, path: failure.path, error: .init(kind: failure.kind, message: failure.message))
        let data = (try? encoder.encode(line)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// What a line holds: a document, or the error of an input that failed.
    public enum Record: Sendable {
        case document(AttributedArticle)
        case failure(Failure)
    }

    /// The record of a line: its document, or the failure it records.
    public static func record(from line: String, number: Int) throws(ReadError) -> Record {
        if let failure = try? JSONDecoder().decode(FailureLine.self, from: Data(line.utf8)) {
            guard failure.format == format else { throw ReadError(line: number, reason: "format \(failure.format), not \(format)") }
            guard failure.version == version else { throw ReadError(line: number, reason: "version \(failure.version), not \(version)") }
            return .failure(Failure(path: failure.path, kind: failure.error.kind, message: failure.error.message))
        }
        return .document(try document(from: line, number: number))
    }

    /// Why a line could not be read.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// The document of a line.
    public static func document(from line: String, number: Int) throws(ReadError) -> AttributedArticle {
        let decoded: Line
        do {
            decoded = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
        } catch {
            throw ReadError(line: number, reason: "not a provenance-attributed line (\(Self.describe(error)))")
        }
        guard decoded.format == format else { throw ReadError(line: number, reason: "format \(decoded.format), not \(format)") }
        guard decoded.version == version else { throw ReadError(line: number, reason: "version \(decoded.version), not \(version)") }
        let attributed = decoded.document
        if let problem = Self.problem(in: attributed) { throw ReadError(line: number, reason: problem) }
        return attributed
    }

    /// What makes a decoded document unusable, if anything: every span must
    /// lie in its text and every index point at something there — a line
    /// written by hand or damaged on the way must fail here, with its number,
    /// not trap wherever the document is used.
    static func problem(in attributed: AttributedArticle) -> String? {
        let article = attributed.article
        let count = article.text.unicodeScalars.count
        let outside: (TextSpan?) -> Bool = { span in span.map { $0.end > count } ?? false }
        for block in article.blocks {
            if outside(block.span) { return "a block's span lies outside the text" }
            if let credit = block.credit, outside(credit.span) || credit.parts.contains(where: { outside($0.span) }) {
                return "a credit's span lies outside the text"
            }
        }
        if article.links.contains(where: { outside($0.span) }) { return "a link's span lies outside the text" }
        for sentence in attributed.sentences {
            if outside(sentence.span) { return "a sentence's span lies outside the text" }
            if !article.blocks.indices.contains(sentence.block) { return "a sentence names block \(sentence.block), which is not there" }
        }
        if attributed.quotes.contains(where: { outside($0.span) || outside($0.inner) }) { return "a quotation's span lies outside the text" }
        if attributed.sources.contains(where: { $0.mentions.contains { outside($0) } }) { return "a source's mention lies outside the text" }
        let sources = attributed.sources.indices
        if let publisher = attributed.publisher, !sources.contains(publisher) { return "the publisher is source \(publisher), which is not there" }
        for claim in attributed.claims {
            if outside(claim.sentence) || outside(claim.content) || outside(claim.cue?.span) || outside(claim.attribution?.mention)
                || outside(claim.attribution?.antecedent) || claim.quotes.contains(where: { outside($0) })
            {
                return "a claim's span lies outside the text"
            }
            if !article.blocks.indices.contains(claim.block) { return "a claim names block \(claim.block), which is not there" }
            for source in [claim.attribution?.source].compactMap({ $0 }) + claim.via + claim.about where !sources.contains(source) {
                return "a claim names source \(source), which is not there"
            }
        }
        return nil
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty:
            "bad value at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        case DecodingError.dataCorrupted: "not JSON"
        default: "\(error)"
        }
    }
}

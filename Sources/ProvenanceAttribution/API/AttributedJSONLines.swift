import Foundation

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

    /// One document as one line (no line break).
    public static func line(for attributed: AttributedArticle) -> String {
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
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
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
        // Spans must fit the text they point into.
        let count = attributed.article.text.unicodeScalars.count
        for claim in attributed.claims where !(0...count).contains(claim.content.end) || claim.content.start > claim.content.end {
            throw ReadError(line: number, reason: "a claim's span lies outside the text")
        }
        for claim in attributed.claims {
            if let source = claim.attribution?.source, !attributed.sources.indices.contains(source) {
                throw ReadError(line: number, reason: "a claim names source \(source), which is not there")
            }
        }
        return attributed
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "not JSON"
        default: "\(error)"
        }
    }
}

import Foundation
import ProvenanceAttribution
import ProvenanceParsing

/// Lists the claims that lack attribution, for `provenance check`: one line
/// each, `path:line:column: reason: excerpt`, or JSON.
public struct CheckRenderer: Sendable {
    /// One finding.
    public struct Finding: Sendable, Hashable {
        public var path: String
        public var line: Int
        public var column: Int
        public var reason: Claim.Problem
        public var excerpt: String
        public var span: TextSpan
    }

    public init() {}

    /// The findings of the documents, in document and reading order.
    public func findings(_ documents: [AttributedArticle]) -> [Finding] {
        let report = ClaimReport(documents)
        return report.claims.compactMap { claim in
            guard let problem = claim.problem else { return nil }
            let position = report.position(of: claim.sentence.start, in: claim.document)
            return Finding(
                path: report.documents[claim.document].path, line: position.line, column: position.column,
                reason: problem, excerpt: Self.excerpt(claim.sentence.text),
                span: TextSpan(start: claim.sentence.start, end: claim.sentence.end))
        }
    }

    public func renderText(_ findings: [Finding]) -> String {
        findings.map { "\($0.path):\($0.line):\($0.column): \($0.reason.explanation): \($0.excerpt)\n" }.joined()
    }

    public func renderJSON(_ findings: [Finding]) -> String {
        let object = findings.map { finding -> [String: Any] in
            [
                "path": finding.path, "line": finding.line, "column": finding.column,
                "reason": finding.reason.rawValue, "message": finding.reason.explanation,
                "excerpt": finding.excerpt, "start": finding.span.start, "end": finding.span.end,
            ]
        }
        let data = try! JSONSerialization.data(withJSONObject: ["findings": object], options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    private static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 120 ? String(line.prefix(119)) + "…" : line
    }
}

import Foundation
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// Lists the claims that lack attribution, and (across documents) the
/// attributions dropped and the claims that are new, for `provenance check`:
/// one line each, `path:line:column: reason: excerpt`, or JSON.
public struct CheckRenderer: Sendable {
    /// Why a claim is listed.
    public enum Reason: String, Sendable, Hashable {
        case unattributed
        case quoteWithoutSpeaker = "quote_without_speaker"
        case unresolvedSource = "unresolved_source"
        case attributionDropped = "attribution_dropped"
        case newClaim = "new_claim"

        public var explanation: String {
            switch self {
            case .unattributed: "unattributed"
            case .quoteWithoutSpeaker: "quote without speaker"
            case .unresolvedSource: "source is a pronoun we could not resolve"
            case .attributionDropped: "attribution dropped"
            case .newClaim: "new claim"
            }
        }
    }

    /// One finding.
    public struct Finding: Sendable, Hashable {
        public var path: String
        public var line: Int
        public var column: Int
        public var reason: Reason
        public var excerpt: String
        public var span: TextSpan
        /// For a dropped attribution: whom the source document attributed it to.
        public var detail: String?
    }

    public init() {}

    /// The findings of the graph, in document and reading order.
    public func findings(_ graph: ProvenanceGraph, selection: GraphSelection = .all) -> [Finding] {
        let report = ClaimReport(graph, selection: selection)
        var result: [Finding] = []
        for claim in report.claims {
            var reasons: [(Reason, String?)] = []
            switch claim.node.problem {
            case .unattributed?: reasons.append((.unattributed, nil))
            case .quoteWithoutSpeaker?: reasons.append((.quoteWithoutSpeaker, nil))
            case .unresolvedSource?: reasons.append((.unresolvedSource, nil))
            case nil: break
            }
            for finding in claim.findings {
                switch finding.kind {
                case .attributionDropped: reasons.append((.attributionDropped, finding.source.map(report.name)))
                case .newClaim: reasons.append((.newClaim, nil))
                }
            }
            // "Attribution dropped" is the fuller account of an unattributed claim.
            if reasons.contains(where: { $0.0 == .attributionDropped }) { reasons.removeAll { $0.0 == .unattributed } }
            let position = report.position(of: claim.sentence.start, in: claim.document)
            for (reason, detail) in reasons {
                result.append(
                    Finding(
                        path: report.documents[claim.document].node.path, line: position.line, column: position.column,
                        reason: reason, excerpt: Self.excerpt(claim.sentence.text),
                        span: TextSpan(start: claim.sentence.start, end: claim.sentence.end), detail: detail))
            }
        }
        return result
    }

    public func renderText(_ findings: [Finding]) -> String {
        findings.map { finding in
            let reason = finding.detail.map { "\(finding.reason.explanation) (was: \($0))" } ?? finding.reason.explanation
            return "\(finding.path):\(finding.line):\(finding.column): \(reason): \(finding.excerpt)\n"
        }.joined()
    }

    public func renderJSON(_ findings: [Finding]) -> String {
        let object = findings.map { finding -> [String: Any] in
            [
                "path": finding.path, "line": finding.line, "column": finding.column,
                "reason": finding.reason.rawValue, "message": finding.reason.explanation,
                "excerpt": finding.excerpt, "start": finding.span.start, "end": finding.span.end,
                "detail": finding.detail ?? NSNull(),
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

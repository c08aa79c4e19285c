import ProvenanceAttribution
import ProvenanceGraph

/// Writes the report as CSV for a spreadsheet (RFC 4180, UTF-8, a header
/// row): one row per claim, or with `--summary` one row per document.
public struct ReportCSVRenderer: Sendable {
    public init() {}

    /// The columns of `report --format csv`.
    public static let claimColumns = ["document", "line", "kind", "source", "cue", "chain", "content", "findings"]

    /// The columns of `report --summary --format csv`.
    public static let summaryColumns = [
        "document", "claims", "captions", "claims_in_document", "attributed", "attributed_share", "traced", "traced_share",
        "without_speaker", "own_assertions", "direct", "mixed", "indirect", "caption", "unattributed", "top_sources", "derives",
        "dropped", "new",
    ]

    /// One row per claim in reading order: its document's path, the line it
    /// starts on, its kind, the source named for it here, the cue, the
    /// attribution chain (names joined by " → "), what it claims, and the
    /// findings ("attribution dropped (was: X)", "new claim", joined by "; ").
    public func render(_ graphReport: GraphReport) -> String {
        let report = graphReport.claims
        let rows = report.claims.map { claim -> [String] in
            let node = claim.node
            let findings = claim.findings.map { finding -> String in
                switch finding.kind {
                case .attributionDropped: "\(finding.kind.explanation) (was: \(finding.source.map(report.name) ?? "its source"))"
                case .newClaim: finding.kind.explanation
                }
            }
            return [
                report.documents[claim.document].node.path,
                String(report.position(of: claim.sentence.start, in: claim.document).line),
                node.kind.rawValue,
                node.source.map(report.name) ?? "",
                node.kind == .caption ? "" : claim.cue?.text ?? "",
                claim.chain.map(report.name).joined(separator: " → "),
                claim.content.text,
                findings.joined(separator: "; "),
            ]
        }
        return CSVText.table(header: Self.claimColumns, rows: rows)
    }

    /// One row per document with the `--summary` figures (top sources as
    /// "Name (count)" joined by "; "; dropped and new empty for a document
    /// that derives from none).
    public func renderSummary(_ graphReport: GraphReport) -> String {
        let rows = DocumentSummary.summaries(of: graphReport).map { summary -> [String] in
            [
                summary.path, String(summary.claims), String(summary.captions), summary.claimsInDocument.map(String.init) ?? "",
                String(summary.attributed), CSVText.share(summary.attributedShare), String(summary.traced),
                CSVText.share(summary.tracedShare), String(summary.withoutSpeaker), String(summary.ownAssertions),
            ] + Claim.Kind.allCases.map { String(summary.byKind[$0] ?? 0) } + [
                summary.topSources.map { "\($0.name) (\($0.claims))" }.joined(separator: "; "),
                String(summary.derives),
                summary.derives ? String(summary.dropped) : "", summary.derives ? String(summary.new) : "",
            ]
        }
        return CSVText.table(header: Self.summaryColumns, rows: rows)
    }
}

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
        /// A document attributes a smaller share of its claims than asked.
        case lowAttribution = "low_attribution"

        public var explanation: String {
            switch self {
            case .unattributed: "unattributed"
            case .quoteWithoutSpeaker: "quote without speaker"
            case .unresolvedSource: "source names nobody in the text"
            case .attributionDropped: "attribution dropped"
            case .newClaim: "new claim"
            case .lowAttribution: "too few claims attributed"
            }
        }

        /// What `--fail-on` calls this reason.
        public var category: Category {
            switch self {
            case .unattributed, .quoteWithoutSpeaker, .unresolvedSource: .unattributed
            case .attributionDropped: .dropped
            case .newClaim: .new
            case .lowAttribution: .share
            }
        }
    }

    /// The groups of reasons a CI job can fail on.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        case unattributed, dropped, new
        /// Below `--min-attributed`: fails whenever that threshold is given.
        case share
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
        /// Where the span ends: 1-based line and column (in scalars).
        public var endLine: Int
        public var endColumn: Int
        /// The document text is the input file (plain text), so ``span`` is
        /// also where the claim is in the file. For a web page the line and
        /// column are the file's and the span is in the extracted text.
        public var spanIsInFile: Bool = true
    }

    public init() {}

    /// The findings of the graph, in document and reading order; with
    /// `minimumAttributed`, first for each document a finding when the share
    /// of its claims attributed in it is lower.
    public func findings(_ graph: ProvenanceGraph, selection: GraphSelection = .all, minimumAttributed: Double? = nil) -> [Finding] {
        findings(GraphReport(graph, selection: selection), minimumAttributed: minimumAttributed)
    }

    /// The findings of the claims a report lists. A document's share is that
    /// of all its claims, whatever the filters keep: it is the document that
    /// passes or fails.
    public func findings(_ graphReport: GraphReport, minimumAttributed: Double? = nil) -> [Finding] {
        let report = graphReport.claims
        var result: [Finding] = []
        var lowShare: [Int: Finding] = [:]
        if let minimum = minimumAttributed {
            let whole = report.selection.filtersClaims
                ? Dictionary(
                    DocumentSummary.summaries(of: GraphReport(report.graph, selection: GraphSelection(document: report.selection.document)))
                        .map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
                : [:]
            for document in report.documents.indices {
                let listed = DocumentOutline(report: report, document: document).summary
                let summary = whole[listed.path] ?? listed
                guard summary.attributedShare < minimum else { continue }
                lowShare[document] = Finding(
                    path: summary.path, line: 1, column: 1, reason: .lowAttribution,
                    excerpt: "\(summary.attributed) of \(Wording.count(summary.scored, "claim")) attributed "
                        + "(\(Wording.percent(summary.attributedShare)), below \(Wording.percent(minimum)))",
                    span: TextSpan(start: 0, end: 0), detail: nil, endLine: 1, endColumn: 1)
            }
        }
        var reported: Set<Int> = []
        for claim in report.claims {
            if let finding = lowShare[claim.document], reported.insert(claim.document).inserted { result.append(finding) }
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
            let end = report.position(of: claim.sentence.end, in: claim.document, isEnd: true)
            for (reason, detail) in reasons {
                result.append(
                    Finding(
                        path: report.documents[claim.document].node.path, line: position.line, column: position.column,
                        reason: reason, excerpt: Self.excerpt(claim.sentence.text),
                        span: TextSpan(start: claim.sentence.start, end: claim.sentence.end), detail: detail,
                        endLine: end.line, endColumn: end.column,
                        spanIsInFile: report.documents[claim.document].node.format == .text))
            }
        }
        for (document, finding) in lowShare.sorted(by: { $0.key < $1.key }) where !reported.contains(document) {
            result.append(finding)
        }
        return result
    }

    public func renderText(_ findings: [Finding]) -> String {
        findings.map { finding in
            let reason = finding.detail.map { "\(finding.reason.explanation) (was: \($0))" } ?? finding.reason.explanation
            // One finding, one line: a line break or an escape sequence in a
            // file name or a claim is shown, never obeyed.
            return "\(VisibleText.name(finding.path)):\(finding.line):\(finding.column): \(VisibleText.prose(reason)): \(VisibleText.prose(finding.excerpt))\n"
        }.joined()
    }

    /// The findings as `{"findings": […]}` (see `Schemas/check.schema.json`);
    /// `fails` tells which of them are in a `failing` category.
    public func renderJSON(_ findings: [Finding], failing: Set<Category> = Set(Category.allCases)) -> String {
        let object = findings.map { finding -> [String: Any] in
            [
                "path": finding.path, "line": finding.line, "column": finding.column,
                "end_line": finding.endLine, "end_column": finding.endColumn,
                "reason": finding.reason.rawValue, "message": finding.reason.explanation,
                "category": finding.reason.category.rawValue, "fails": failing.contains(finding.reason.category),
                "excerpt": finding.excerpt, "start": finding.span.start, "end": finding.span.end,
                "detail": finding.detail ?? NSNull(),
            ]
        }
        return JSONText.string(["findings": object])
    }

    /// The columns of `check --format csv`: the fields of the JSON, in its order.
    public static let csvColumns = [
        "path", "line", "column", "end_line", "end_column", "reason", "message", "category", "fails", "excerpt", "start", "end", "detail",
    ]

    /// The findings as CSV (RFC 4180, UTF-8, a header row), one row each,
    /// with the fields of the JSON.
    public func renderCSV(_ findings: [Finding], failing: Set<Category> = Set(Category.allCases)) -> String {
        let rows = findings.map { finding -> [String] in
            [
                finding.path, String(finding.line), String(finding.column), String(finding.endLine), String(finding.endColumn),
                finding.reason.rawValue, finding.reason.explanation, finding.reason.category.rawValue,
                String(failing.contains(finding.reason.category)), finding.excerpt, String(finding.span.start),
                String(finding.span.end), finding.detail ?? "",
            ]
        }
        return CSVText.table(header: Self.csvColumns, rows: rows)
    }

    /// The findings as a SARIF 2.1.0 log, for code-scanning tools: one rule
    /// per reason, findings in a `failing` category as errors and the others
    /// as warnings. Columns and character offsets count Unicode scalars, as
    /// every span of ours does (`columnKind: unicodeCodePoints`).
    public func renderSARIF(_ findings: [Finding], failing: Set<Category>) -> String {
        let reasons: [Reason] = [.unattributed, .quoteWithoutSpeaker, .unresolvedSource, .attributionDropped, .newClaim, .lowAttribution]
        let rules = reasons.map { reason -> [String: Any] in
            [
                "id": reason.rawValue,
                "name": reason.rawValue.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(),
                "shortDescription": ["text": reason.explanation.prefix(1).uppercased() + reason.explanation.dropFirst()],
                "fullDescription": ["text": Self.ruleDescription(reason)],
                "defaultConfiguration": ["level": failing.contains(reason.category) ? "error" : "warning"],
            ]
        }
        let results = findings.map { finding -> [String: Any] in
            var region: [String: Any] = [
                "startLine": finding.line, "startColumn": finding.column, "endLine": finding.endLine, "endColumn": finding.endColumn,
            ]
            // Character offsets are the file's only where the text is the file.
            if finding.spanIsInFile {
                region["charOffset"] = finding.span.start
                region["charLength"] = finding.span.end - finding.span.start
            }
            var message = finding.reason.explanation
            if let detail = finding.detail { message += " (the source document credits \(detail))" }
            message += ": " + finding.excerpt
            return [
                "ruleId": finding.reason.rawValue,
                "ruleIndex": reasons.firstIndex(of: finding.reason) ?? 0,
                "level": failing.contains(finding.reason.category) ? "error" : "warning",
                "message": ["text": message],
                "locations": [["physicalLocation": ["artifactLocation": ["uri": finding.path], "region": region]]],
            ]
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "provenance", "semanticVersion": "0.1.0", "rules": rules]],
                "columnKind": "unicodeCodePoints",
                "results": results,
            ]],
        ]
        let data = try! JSONSerialization.data(withJSONObject: log, options: [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }

    private static func ruleDescription(_ reason: Reason) -> String {
        switch reason {
        case .unattributed: "A claim names no source: no person, agency or outlet is said to have said or reported it."
        case .quoteWithoutSpeaker: "A quotation is given without saying who said it."
        case .unresolvedSource: "A claim is attributed to a pronoun or description that could not be resolved to a named source."
        case .attributionDropped: "The document this one derives from attributes the claim to a source; this document does not."
        case .newClaim: "A claim of a derived document matches nothing in the documents it derives from."
        case .lowAttribution: "The share of a document's claims that are attributed is below the threshold asked for."
        }
    }

    private static func excerpt(_ text: String) -> String { Wording.excerpt(text, limit: 120) }
}

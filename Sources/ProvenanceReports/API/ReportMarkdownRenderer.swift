import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// Writes the report as Markdown for an editor's note: the terminal report's
/// content, with the attribution trees as nested lists.
public struct ReportMarkdownRenderer: Sendable {
    public init() {}

    public func render(_ graph: ProvenanceGraph, selection: GraphSelection = .all) -> String {
        render(GraphReport(graph, selection: selection))
    }

    public func render(_ graphReport: GraphReport) -> String {
        let report = graphReport.claims
        var lines = ["# Provenance report", ""]
        for document in report.documents.indices {
            let outline = DocumentOutline(report: report, document: document)
            lines += header(of: outline, report: report)
            for root in outline.roots {
                lines += branch(root, report: report, depth: 0, isRoot: true)
            }
            let publisher = report.documents[document].node.publisher
            for (title, claims) in [
                (DocumentOutline.withoutSpeakerTitle, outline.withoutSpeaker),
                (DocumentOutline.ownAssertionsTitle(publisher: publisher), outline.ownAssertions),
            ] where !claims.isEmpty {
                lines.append("- **\(Self.escape(title))** — \(Wording.count(claims.count, "claim"))")
                for index in claims { lines += leaf(report.claims[index], report: report, depth: 1) }
            }
            lines.append("")
        }
        if report.documents.isEmpty {
            lines.append("No document or claim matches \(Self.escape(report.selection.description)).")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The `--summary` figures as one table.
    public func renderSummary(_ graph: ProvenanceGraph, selection: GraphSelection = .all) -> String {
        renderSummary(GraphReport(graph, selection: selection))
    }

    public func renderSummary(_ graphReport: GraphReport) -> String {
        var lines = [
            "# Provenance summary", "",
            "| document | claims | captions | attributed here | traced to a source | publisher’s own assertions "
                + "| quotations without a speaker | attributions dropped | new claims | top sources |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        for summary in DocumentSummary.summaries(of: graphReport) {
            let sources = summary.topSources.map { "\(Self.escape($0.name)) (\($0.claims))" }.joined(separator: ", ")
            let claims = summary.claimsInDocument.map { "\(summary.claims) of \($0)" } ?? String(summary.claims)
            lines.append(
                "| \(Self.code(summary.path, inTable: true)) | \(claims) | \(summary.captions) | \(summary.attributed) (\(Wording.percent(summary.attributedShare))) "
                    + "| \(summary.traced) (\(Wording.percent(summary.tracedShare))) | \(summary.ownAssertions) | \(summary.withoutSpeaker) "
                    + "| \(summary.derives ? String(summary.dropped) : "–") | \(summary.derives ? String(summary.new) : "–") | \(sources) |")
        }
        if !graphReport.selection.isAll {
            lines += ["", "Filtered: \(Self.escape(graphReport.selection.description)); the figures count the claims it keeps."]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func header(of outline: DocumentOutline, report: ClaimReport) -> [String] {
        let document = report.documents[outline.document]
        let node = document.node
        var lines = ["## \(Self.escape(node.title ?? node.path))", ""]
        var facts = [Self.code(node.path)]
        if let publisher = node.publisher { facts.append("published by \(Self.escape(publisher))") }
        if let date = node.published { facts.append(date) }
        lines.append(facts.joined(separator: " · "))
        lines.append("")
        for derivation in document.derivedFrom {
            let source = report.document(derivation.document)?.node.path ?? derivation.document
            var notes: [String] = []
            if let cited = derivation.citations.first { notes.append("cites it: “\(Self.escape(report.text(of: cited)))”") }
            if derivation.share > 0 { notes.append("\(Wording.percent(derivation.share)) of its claims are in it") }
            lines.append("Derives from \(Self.code(source))" + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")") + ".")
            lines.append("")
        }
        let summary = outline.summary
        var figures = "**\(Self.escape(Wording.claimCount(summary, selection: report.selection)))**, \(Wording.attributed(summary))"
        if summary.derives { figures += ", **\(Wording.dropped(summary.dropped))**, **\(summary.new) new**" }
        lines.append(figures + ".")
        lines.append("")
        return lines
    }

    private func branch(_ branch: DocumentOutline.Branch, report: ClaimReport, depth: Int, isRoot: Bool) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        let source = report.source(branch.source)
        var line = "\(indent)- **\(Self.escape(source?.name ?? branch.source))**"
        if let kind = source?.kind { line += " (\(kind.rawValue))" }
        if isRoot { line += " — \(Wording.count(branch.claimCount, "claim"))" }
        var lines = [line]
        for index in branch.claims { lines += leaf(report.claims[index], report: report, depth: depth + 1) }
        for child in branch.children { lines += self.branch(child, report: report, depth: depth + 1, isRoot: false) }
        return lines
    }

    private func leaf(_ claim: ClaimReport.ClaimEntry, report: ClaimReport, depth: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        var notes: [String] = []
        if let cue = claim.cue, claim.node.kind != .caption { notes.append("*\(Self.escape(cue.text))*") }
        notes.append("line \(report.position(of: claim.sentence.start, in: claim.document).line)")
        for finding in claim.findings {
            switch finding.kind {
            case .attributionDropped:
                notes.append("**attribution dropped** (the source document credits \(Self.escape(finding.source.map(report.name) ?? "its source")))")
            case .newClaim:
                notes.append("**new claim**")
            }
        }
        return ["\(indent)- `\(claim.node.kind.rawValue)` \(Self.escape(Wording.excerpt(claim.content.text, limit: 300))) — " + notes.joined(separator: ", ")]
    }

    /// A name as a code span that nothing in it can end: fenced by more
    /// backticks than it holds in a row, on one line, control characters
    /// made visible; in a table, "|" escaped (GitHub's tables split cells
    /// at a bare one even inside a code span).
    static func code(_ text: String, inTable: Bool = false) -> String {
        var name = VisibleText.name(text)
        if inTable { name = name.replacingOccurrences(of: "|", with: "\\|") }
        var longest = 0
        var run = 0
        for character in name {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = name.hasPrefix("`") || name.hasSuffix("`") ? " " : ""
        return fence + padding + name + padding + fence
    }

    /// Text with Markdown's active characters escaped, on one line (a line
    /// break could start a heading or a table row of its own), control
    /// characters made visible.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in VisibleText.prose(text) {
            if "\\`*_[]<>#|~".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

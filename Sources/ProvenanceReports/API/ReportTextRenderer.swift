import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// Writes a provenance graph for a person at a terminal: per document, what
/// it derives from and its figures, then its claims grouped by source, each
/// attribution chain drawn as a tree from its origin, with dropped
/// attributions and new claims marked.
public struct ReportTextRenderer: Sendable {
    /// ANSI colours (for a terminal).
    public var color: Bool
    /// The width to wrap to, in characters.
    public var width: Int

    public init(color: Bool = false, width: Int = 100) {
        self.color = color
        self.width = width
    }

    public func render(_ graph: ProvenanceGraph, selection: GraphSelection = .all) -> String {
        render(GraphReport(graph, selection: selection))
    }

    public func render(_ graphReport: GraphReport) -> String {
        let report = graphReport.claims
        // Each document's lines are written out as soon as they are made:
        // the styled lines of a whole corpus are several times its text.
        var output = ""
        for document in report.documents.indices {
            var lines: [StyledText] = []
            if document > 0 { lines.append(StyledText()) }
            let outline = DocumentOutline(report: report, document: document)
            lines += header(of: outline, report: report)
            for root in outline.roots {
                lines.append(StyledText())
                lines += branch(root, report: report, document: document, prefix: "   ", isRoot: true)
            }
            let publisher = report.documents[document].node.publisher
            for (title, claims) in [
                (DocumentOutline.withoutSpeakerTitle, outline.withoutSpeaker),
                (DocumentOutline.ownAssertionsTitle(publisher: publisher), outline.ownAssertions),
            ] where !claims.isEmpty {
                lines.append(StyledText())
                lines += wrap(StyledText(title, .bold) + StyledText(" · \(Wording.count(claims.count, "claim"))", .dim), prefix: "   ", hanging: "   ")
                lines += leaves(claims, report: report, prefix: "   ", more: false)
            }
            for line in lines {
                output += line.render(color: color)
                output += "\n"
            }
        }
        return output
    }

    /// Per document, the figures of `--summary`.
    public func renderSummary(_ graph: ProvenanceGraph, selection: GraphSelection = .all) -> String {
        renderSummary(GraphReport(graph, selection: selection))
    }

    public func renderSummary(_ graphReport: GraphReport) -> String {
        var lines: [StyledText] = []
        for (position, summary) in DocumentSummary.summaries(of: graphReport).enumerated() {
            if position > 0 { lines.append(StyledText()) }
            lines.append(StyledText("━━ ", .dim) + StyledText(VisibleText.name(summary.path), .bold))
            lines += wrap(StyledText(Wording.claimCount(summary, selection: graphReport.selection)), prefix: "   ", hanging: "     ")
            var score = StyledText("provenance score ") + StyledText(Wording.percent(summary.attributedShare), .bold)
            score = score + " — \(summary.attributed) of \(Wording.count(summary.scored, "claim"))"
                + (summary.captions > 0 ? " outside captions" : "") + " attributed here"
            if summary.derives || summary.traced > summary.attributed {
                score = score + "; \(summary.traced) (\(Wording.percent(summary.tracedShare))) traced to a source"
            }
            lines += wrap(score, prefix: "   ", hanging: "     ")
            let kinds = Claim.Kind.allCases.compactMap { kind in summary.byKind[kind].map { "\($0) \(kind.rawValue)" } }
            if !kinds.isEmpty { lines += wrap(StyledText("by kind: " + kinds.joined(separator: " · ")), prefix: "   ", hanging: "     ") }
            if !summary.topSources.isEmpty {
                let names = summary.topSources.map { "\($0.name) (\($0.claims))" }.joined(separator: " · ")
                lines += wrap(StyledText("top sources: " + names), prefix: "   ", hanging: "     ")
            }
            var unnamed: [String] = []
            if summary.ownAssertions > 0 {
                unnamed.append("no source named: \(Wording.count(summary.ownAssertions, "claim")), the publisher’s own assertions")
            }
            if summary.withoutSpeaker > 0 { unnamed.append("no speaker found: \(Wording.count(summary.withoutSpeaker, "quotation"))") }
            if !unnamed.isEmpty { lines += wrap(StyledText(unnamed.joined(separator: " · ")), prefix: "   ", hanging: "     ") }
            if summary.derives {
                lines.append(StyledText("   ") + StyledText(Wording.dropped(summary.dropped), summary.dropped > 0 ? .boldRed : .plain)
                    + " · " + StyledText(Wording.count(summary.new, "new claim"), summary.new > 0 ? .boldYellow : .plain))
            }
        }
        return lines.isEmpty ? "" : lines.map { $0.render(color: color) }.joined(separator: "\n") + "\n"
    }

    // MARK: Parts

    private func header(of outline: DocumentOutline, report: ClaimReport) -> [StyledText] {
        let document = report.documents[outline.document]
        let node = document.node
        var lines: [StyledText] = [StyledText("━━ ", .dim) + StyledText(VisibleText.name(node.path), .bold)]
        if let title = node.title { lines += wrap(StyledText(title, .bold), prefix: "   ", hanging: "   ") }
        var published: [String] = []
        if let publisher = node.publisher { published.append("published by \(publisher)") }
        if let date = node.published { published.append(date) }
        if !published.isEmpty { lines += wrap(StyledText(published.joined(separator: ", ")), prefix: "   ", hanging: "   ") }
        for derivation in document.derivedFrom {
            let source = report.document(derivation.document)?.node.path ?? derivation.document
            var line = StyledText("derives from ") + StyledText(VisibleText.name(source), .bold)
            var notes: [String] = []
            if let cited = derivation.citations.first { notes.append("cites it: “\(report.text(of: cited))”") }
            if derivation.share > 0 { notes.append("\(Wording.percent(derivation.share)) of its claims are in it") }
            if !notes.isEmpty { line = line + " (" + notes.joined(separator: "; ") + ")" }
            lines += wrap(line, prefix: "   ", hanging: "     ")
        }
        let summary = outline.summary
        var figures = StyledText(Wording.claimCount(summary, selection: report.selection) + " · " + Wording.attributed(summary))
        if summary.derives {
            figures = figures + " · " + StyledText(Wording.dropped(summary.dropped), summary.dropped > 0 ? .boldRed : .plain)
                + " · " + StyledText("\(summary.new) new", summary.new > 0 ? .boldYellow : .plain)
        }
        lines += wrap(figures, prefix: "   ", hanging: "   ")
        return lines
    }

    /// A source, then the claims it ends the chain of, then the sources
    /// the chain passes through next.
    private func branch(
        _ branch: DocumentOutline.Branch, report: ClaimReport, document: Int, prefix: String, isRoot: Bool,
        connector: String = "", isLast: Bool = true
    ) -> [StyledText] {
        let source = report.source(branch.source)
        var title = StyledText(source?.name ?? branch.source, .bold)
        if let kind = source?.kind { title = title + StyledText(" · \(kind.rawValue)", .dim) }
        if isRoot { title = title + StyledText(" · \(Wording.count(branch.claimCount, "claim"))", .dim) }
        var lines = wrap(title, prefix: prefix + connector, hanging: prefix + (isRoot ? "" : (isLast ? "   " : "│  ")))
        let inner = prefix + (isRoot ? "" : (isLast ? "   " : "│  "))
        lines += leaves(branch.claims, report: report, prefix: inner, more: !branch.children.isEmpty)
        for (position, child) in branch.children.enumerated() {
            let last = position == branch.children.count - 1
            lines += self.branch(
                child, report: report, document: document, prefix: inner, isRoot: false, connector: last ? "└─ " : "├─ ", isLast: last)
        }
        return lines
    }

    /// Claims as the leaves under a source.
    private func leaves(_ claims: [Int], report: ClaimReport, prefix: String, more: Bool) -> [StyledText] {
        var lines: [StyledText] = []
        for (position, index) in claims.enumerated() {
            let last = position == claims.count - 1 && !more
            let claim = report.claims[index]
            let connector = last ? "└─ " : "├─ "
            let hanging = prefix + (last ? "   " : "│  ")
            lines += wrap(Self.tag(claim.node.kind) + " " + StyledText(Wording.excerpt(claim.content.text, limit: 240)), prefix: prefix + connector, hanging: hanging)
            for detail in details(of: claim, report: report) {
                lines += wrap(detail, prefix: hanging + "  ", hanging: hanging + "  ")
            }
        }
        return lines
    }

    private func details(of claim: ClaimReport.ClaimEntry, report: ClaimReport) -> [StyledText] {
        var parts: [String] = []
        let node = claim.node
        if let mention = claim.mention?.text, let source = node.source, mention != report.name(source) {
            parts.append(node.resolved ? "as “\(mention)”" : "“\(mention)”, not resolved")
        }
        if let cue = claim.cue, node.kind != .caption { parts.append("“\(cue.text)”") }
        if node.source == nil, node.kind == .direct || node.kind == .mixed { parts.append("quotation without a speaker") }
        let position = report.position(of: claim.sentence.start, in: claim.document)
        parts.append("line \(position.line)")
        var lines = [StyledText(parts.joined(separator: " · "), .dim)]
        if let origin = claim.origin.flatMap(report.reference(to:)) {
            lines.append(StyledText("from \(VisibleText.name(origin.path)):\(origin.line): “\(Wording.excerpt(origin.content.text, limit: 80))”", .dim))
        }
        for finding in claim.findings {
            switch finding.kind {
            case .attributionDropped:
                let from = finding.source.map(report.name) ?? "its source"
                lines.append(StyledText("✗ attribution dropped", .boldRed) + " — the source document credits \(from)")
            case .newClaim:
                lines.append(StyledText("✚ new claim", .boldYellow) + " — in none of the documents this one derives from")
            }
        }
        return lines
    }

    static func tag(_ kind: Claim.Kind) -> StyledText {
        let style: StyledText.Style =
            switch kind {
            case .direct: .green
            case .mixed: .cyan
            case .indirect: .blue
            case .caption: .magenta
            case .unattributed: .dim
            }
        return StyledText("[\(kind.rawValue)]", style)
    }

    private func wrap(_ text: StyledText, prefix: String, hanging: String) -> [StyledText] {
        text.wrapped(to: width - hanging.count).enumerated().map { position, line in
            StyledText(position == 0 ? prefix : hanging, .dim) + line
        }
    }
}

import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// Writes the report as one self-contained HTML page (no network, scripts or
/// fonts): a picture of the documents and sources, then each document's text
/// with every claim highlighted by kind and finding. A claim links to its card
/// — source, chain, cue, evidence spans and the same claims elsewhere — so the
/// page reads without JavaScript; the cards follow the text.
public struct ReportHTMLRenderer: Sendable {
    public init() {}

    public func render(_ graph: ProvenanceGraph, selection: GraphSelection = .all) -> String {
        render(GraphReport(graph, selection: selection))
    }

    public func render(_ graphReport: GraphReport) -> String {
        let report = graphReport.claims
        var html: [String] = []
        html.append("<!DOCTYPE html>")
        html.append("<html lang=\"en\">")
        html.append("<head>")
        html.append("<meta charset=\"utf-8\">")
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        html.append("<title>Provenance report</title>")
        html.append("<style>\n\(Self.style)\n</style>")
        html.append("</head>")
        html.append("<body>")
        html.append("<header class=\"page\">")
        html.append("<h1>Provenance report</h1>")
        let listedSources = Self.sourceCounts(report)
        html.append("<p>\(Wording.count(report.documents.count, "document")) · \(Wording.count(report.claims.count, "claim")) · "
            + "<a href=\"#sources\">\(Wording.count(listedSources.count, "source"))</a></p>")
        if !report.selection.isAll {
            html.append("<p class=\"filter\">Filtered: \(HTMLText.escape(report.selection.description)). "
                + "Derivations, chains and findings are those of all the documents read; the figures count the claims listed.</p>")
        }
        html.append(legend())
        html.append("</header>")
        html.append("<main>")
        let graphPicture = GraphPicture(report: report)
        let picture = graphPicture.svg()
        if !picture.isEmpty {
            html.append("<section class=\"picture\"><h2>Documents and sources</h2>")
            var hint = "Each arrow is a step of an attribution chain, from the origin on the left; "
                + "its width grows with the number of claims. A dashed arrow runs from a document to one that derives from it."
            if graphPicture.omittedSources > 0 {
                hint += " The \(GraphPicture.sourceLimit) sources in the most chains are drawn; "
                    + "<a href=\"#sources\">the table</a> lists all."
            }
            html.append("<p class=\"hint\">\(hint)</p>")
            html.append("<div class=\"scroll\">\(picture)</div></section>")
        }
        for document in report.documents.indices {
            html += section(for: document, report: report)
        }
        if report.documents.isEmpty {
            html.append("<p class=\"empty\">No document or claim matches \(HTMLText.escape(report.selection.description)).</p>")
        }
        html += sources(listedSources, report: report)
        html.append("</main>")
        html.append("</body>")
        html.append("</html>")
        return html.joined(separator: "\n") + "\n"
    }

    // MARK: Parts

    private func legend() -> String {
        let entries: [(String, String)] = [
            ("k-direct", "direct quotation"), ("k-mixed", "partly quoted"), ("k-indirect", "reported speech"),
            ("k-caption", "photo caption"), ("k-unattributed", "unattributed"), ("f-dropped", "attribution dropped"),
            ("f-new", "new claim"),
        ]
        return "<ul class=\"legend\">" + entries.map { "<li><span class=\"claim \($0.0)\">\($0.1)</span></li>" }.joined() + "</ul>"
    }

    private func section(for index: Int, report: ClaimReport) -> [String] {
        let document = report.documents[index]
        let node = document.node
        let outline = DocumentOutline(report: report, document: index)
        let summary = outline.summary
        var html: [String] = []
        html.append("<article class=\"document\" id=\"\(node.id)\">")
        html.append("<header>")
        html.append("<h2>\(HTMLText.escape(node.title ?? node.path))</h2>")
        var facts = ["<code>\(HTMLText.escape(node.path))</code>"]
        if let publisher = node.publisher { facts.append("published by \(HTMLText.escape(publisher))") }
        if let date = node.published { facts.append(HTMLText.escape(date)) }
        if let url = node.url { facts.append("<span class=\"url\">\(HTMLText.escape(url))</span>") }
        html.append("<p class=\"meta\">" + facts.joined(separator: " · ") + "</p>")
        for derivation in document.derivedFrom {
            let source = report.document(derivation.document)?.node
            var notes: [String] = []
            if let cited = derivation.citations.first {
                notes.append("cites it: <span \(Self.dataAttributes(cited))>“\(HTMLText.escape(report.text(of: cited)))”</span> "
                    + "(line \(report.line(of: cited.span.start, inDocument: cited.document)))")
            }
            if derivation.share > 0 { notes.append("\(Wording.percent(derivation.share)) of its claims are in it") }
            html.append("<p class=\"derives\">Derives from <a href=\"#\(derivation.document)\">\(HTMLText.escape(source?.title ?? source?.path ?? derivation.document))</a>"
                + (notes.isEmpty ? "" : " — " + notes.joined(separator: "; ")) + "</p>")
        }
        var figures = "<strong>\(HTMLText.escape(Wording.claimCount(summary, selection: report.selection)))</strong>, "
            + (summary.captions > 0 ? "\(summary.attributed) of \(summary.scored)" : "\(summary.attributed)")
            + " attributed (<strong>\(Wording.percent(summary.attributedShare))</strong>)"
        if summary.derives || summary.traced > summary.attributed {
            figures += ", \(summary.traced) traced to a source (\(Wording.percent(summary.tracedShare)))"
        }
        if summary.derives {
            figures += ", <span class=\"claim f-dropped\">\(Wording.dropped(summary.dropped))</span>, "
                + "<span class=\"claim f-new\">\(summary.new) new</span>"
        }
        html.append("<p class=\"figures\">\(figures)</p>")
        html.append("</header>")

        let claims = report.claimsByDocument[index].map { report.claims[$0] }
        let marks = claims.map { claim in
            HTMLText.Mark(
                claim: claim.node.id, span: TextSpan(start: claim.content.start, end: claim.content.end),
                classes: Self.classes(of: claim), title: Self.tooltip(of: claim, report: report))
        }
        html.append("<div class=\"body\">")
        html.append("<div class=\"text\">")
        html.append(HTMLText.paragraphs(
            of: document.text, marks: marks, cues: claims.compactMap { $0.cue.map { TextSpan(start: $0.start, end: $0.end) } },
            mentions: claims.compactMap { $0.mention.map { TextSpan(start: $0.start, end: $0.end) } }))
        html.append("</div>")
        if !claims.isEmpty {
            html.append("<aside class=\"cards\"><h3>Claims, by source</h3>")
            html += tree(outline, report: report)
            html.append("</aside>")
        }
        html.append("</div>")
        html.append("</article>")
        return html
    }

    /// The claim cards, grouped as the terminal report groups them.
    private func tree(_ outline: DocumentOutline, report: ClaimReport) -> [String] {
        var html: [String] = ["<ul class=\"tree\">"]
        func add(_ branch: DocumentOutline.Branch, isRoot: Bool) {
            let source = report.source(branch.source)
            var label = "<a class=\"source\" href=\"#source-\(branch.source)\">\(HTMLText.escape(source?.name ?? branch.source))</a>"
            if let kind = source?.kind { label += " <span class=\"kind\">\(kind.rawValue)</span>" }
            if isRoot { label += " <span class=\"kind\">· \(Wording.count(branch.claimCount, "claim"))</span>" }
            html.append("<li>\(label)<ul>")
            for index in branch.claims { html.append("<li>\(card(report.claims[index], report: report))</li>") }
            for child in branch.children { add(child, isRoot: false) }
            html.append("</ul></li>")
        }
        for root in outline.roots { add(root, isRoot: true) }
        let publisher = report.documents[outline.document].node.publisher
        for (title, claims) in [
            (DocumentOutline.withoutSpeakerTitle, outline.withoutSpeaker),
            (DocumentOutline.ownAssertionsTitle(publisher: publisher), outline.ownAssertions),
        ] where !claims.isEmpty {
            html.append("<li><em>\(HTMLText.escape(title))</em> <span class=\"kind\">· \(Wording.count(claims.count, "claim"))</span><ul>")
            for index in claims { html.append("<li>\(card(report.claims[index], report: report))</li>") }
            html.append("</ul></li>")
        }
        html.append("</ul>")
        return html
    }

    private func card(_ claim: ClaimReport.ClaimEntry, report: ClaimReport) -> String {
        let node = claim.node
        var parts: [String] = []
        parts.append("<div class=\"card\" id=\"about-\(node.id)\" data-document=\"\(node.document)\" "
            + "data-start=\"\(claim.content.start)\" data-end=\"\(claim.content.end)\" "
            + "data-sentence-start=\"\(claim.sentence.start)\" data-sentence-end=\"\(claim.sentence.end)\">")
        parts.append("<p><a class=\"\(Self.classes(of: claim))\" href=\"#\(node.id)\">\(node.kind.rawValue)</a> "
            + "\(HTMLText.escape(Wording.excerpt(claim.content.text, limit: 400)))</p>")
        var facts: [String] = []
        if let source = node.source {
            var who = "<a href=\"#source-\(source)\">\(HTMLText.escape(report.name(source)))</a>"
            if let mention = claim.mention?.text, mention != report.name(source) { who += " (as “\(HTMLText.escape(mention))”)" }
            facts.append((node.kind == .caption ? "Credit: " : "Source: ") + who)
        } else if node.kind == .direct || node.kind == .mixed {
            facts.append("Quotation without a speaker")
        } else {
            facts.append("No source named")
        }
        if let cue = claim.cue, node.kind != .caption {
            facts.append("cue <span data-start=\"\(cue.start)\" data-end=\"\(cue.end)\">“\(HTMLText.escape(cue.text))”</span>")
        }
        facts.append("line \(report.position(of: claim.sentence.start, in: claim.document).line)")
        parts.append("<p class=\"facts\">" + facts.joined(separator: " · ") + "</p>")
        if !claim.chain.isEmpty {
            parts.append("<p class=\"chain\">Chain: " + claim.chain.map { "<strong>\(HTMLText.escape(report.name($0)))</strong>" }
                .joined(separator: " → ") + " → <em>this document</em></p>")
        }
        if let origin = claim.origin.flatMap(report.reference(to:)) {
            parts.append("<p class=\"origin\">Comes from \(Self.place(origin))"
                + ": “\(HTMLText.escape(Wording.excerpt(origin.content.text, limit: 160)))”</p>")
        }
        for finding in claim.findings {
            switch finding.kind {
            case .attributionDropped:
                var text = "Attribution dropped: the source document credits \(HTMLText.escape(finding.source.map(report.name) ?? "its source"))"
                if let related = finding.related, let other = report.reference(to: related) {
                    text += " — see \(Self.place(other))"
                }
                parts.append("<p class=\"finding dropped\">\(text)</p>")
            case .newClaim:
                parts.append("<p class=\"finding new\">New claim: in none of the documents this one derives from</p>")
            }
        }
        let same = claim.sameAs.compactMap { same -> String? in
            guard let other = report.reference(to: same.claim), other.isSelected else { return nil }
            return "<li>\(Self.place(other)), similarity " + String(format: "%.2f", same.similarity)
                + ": “\(HTMLText.escape(Wording.excerpt(other.content.text, limit: 160)))”</li>"
        }
        if !same.isEmpty { parts.append("<p class=\"evidence\">Same claim elsewhere:</p><ul class=\"same\">" + same.joined() + "</ul>") }
        parts.append("</div>")
        return parts.joined()
    }

    /// The sources in the chains of the claims listed: how many claims and
    /// documents each is in the chain of, most first.
    private static func sourceCounts(_ report: ClaimReport) -> [(source: ProvenanceGraph.SourceNode, claims: Int, documents: Int)] {
        var claims: [String: Int] = [:]
        var documents: [String: Set<Int>] = [:]
        for claim in report.claims {
            for source in Set(claim.chain) {
                claims[source, default: 0] += 1
                documents[source, default: []].insert(claim.document)
            }
        }
        return report.graph.sources.filter { claims[$0.id] != nil }
            .map { ($0, claims[$0.id]!, documents[$0.id]!.count) }
            .sorted { ($0.claims, $1.source.name) > ($1.claims, $0.source.name) }
    }

    private func sources(_ listed: [(source: ProvenanceGraph.SourceNode, claims: Int, documents: Int)], report: ClaimReport) -> [String] {
        var html = ["<section class=\"sources\" id=\"sources\"><h2>Sources</h2>"]
        html.append("<table><thead><tr><th>Source</th><th>Kind</th><th>In the chain of</th><th>Documents</th><th>Also named</th></tr></thead><tbody>")
        for row in listed {
            let source = row.source
            html.append("<tr id=\"source-\(source.id)\"><td>\(HTMLText.escape(source.name))</td><td>\(source.kind.rawValue)</td>"
                + "<td>\(Wording.count(row.claims, "claim"))</td><td>\(row.documents)</td>"
                + "<td>\(HTMLText.escape(source.aliases.joined(separator: ", ")))</td></tr>")
        }
        html.append("</tbody></table></section>")
        return html
    }

    // MARK: Helpers

    static func classes(of claim: ClaimReport.ClaimEntry) -> String {
        var classes = "claim k-\(claim.node.kind.rawValue)"
        if claim.findings.contains(where: { $0.kind == .attributionDropped }) { classes += " f-dropped" }
        if claim.findings.contains(where: { $0.kind == .newClaim }) { classes += " f-new" }
        return classes
    }

    private static func tooltip(of claim: ClaimReport.ClaimEntry, report: ClaimReport) -> String {
        var text = claim.node.kind.rawValue
        if let source = claim.node.source { text += ": " + report.name(source) }
        if !claim.chain.isEmpty { text += " (" + claim.chain.map(report.name).joined(separator: " → ") + ")" }
        return text
    }

    /// A claim elsewhere as a reader names it — "Examples/dispatch.txt, line 9" —
    /// linked when it is on the page; its offsets in `data-` attributes.
    private static func place(_ reference: ClaimReport.ClaimReference) -> String {
        let label = "\(HTMLText.escape(reference.path)), line \(reference.line)"
        let data = "data-claim=\"\(reference.id)\" data-start=\"\(reference.content.start)\" data-end=\"\(reference.content.end)\""
        return reference.isSelected ? "<a href=\"#\(reference.id)\" \(data)>\(label)</a>" : "<span \(data)>\(label)</span>"
    }

    private static func dataAttributes(_ evidence: ProvenanceGraph.Evidence) -> String {
        "data-document=\"\(evidence.document)\" data-start=\"\(evidence.span.start)\" data-end=\"\(evidence.span.end)\""
    }

    static let style = """
        :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --wash: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); background: var(--wash); }
        header.page, main { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
        header.page h1 { font: 600 26px/1.2 system-ui, sans-serif; margin: 24px 0 4px; }
        h2, h3, .meta, .figures, .derives, .legend, .cards, .sources, .hint, header.page p { font-family: system-ui, sans-serif; }
        h2 { font-size: 20px; margin: 0 0 6px; }
        .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; font-size: 13px; }
        .picture, .document, .sources { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; margin: 18px 0; }
        .scroll { overflow-x: auto; }
        .hint, .meta, .derives, .figures, .filter { color: var(--muted); font-size: 14px; margin: 2px 0; }
        svg.graph .doc rect { fill: #eef4ff; stroke: #3b6fd8; }
        svg.graph .src rect { fill: #fff7e6; stroke: #c98a00; }
        svg.graph text { font: 13px system-ui, sans-serif; fill: var(--ink); }
        svg.graph text.detail { font-size: 11px; fill: var(--muted); }
        svg.graph path.step { fill: none; stroke: #6b7280; stroke-opacity: .7; }
        svg.graph path.derived { fill: none; stroke: #3b6fd8; }
        .body { display: grid; grid-template-columns: minmax(0, 40em) minmax(0, 1fr); gap: 28px; align-items: start; }
        @media (max-width: 900px) { .body { grid-template-columns: minmax(0, 1fr); } }
        .text { font-size: 17px; }
        .cards { position: sticky; top: 10px; max-height: 92vh; overflow-y: auto; padding-right: 4px; }
        .cards h3 { font-size: 15px; margin: 0 0 6px; }
        .text p { margin: 0 0 .9em; }
        a.claim, span.claim { color: inherit; text-decoration: none; border-radius: 3px; padding: 0 2px; }
        .k-direct { background: #d9f2dc; }
        .k-mixed { background: #d4f0ee; }
        .k-indirect { background: #dde8fb; }
        .k-caption { background: #efe1f7; }
        .k-unattributed { background: #eceef1; }
        .f-dropped { background: #fde0dc; box-shadow: inset 0 -2px 0 #c62828; }
        .f-new { background: #fff1c2; box-shadow: inset 0 -2px 0 #b7791f; }
        .f-dropped.f-new { box-shadow: inset 0 -2px 0 #c62828, inset 0 -4px 0 #b7791f; }
        .cue { text-decoration: underline dotted; }
        .who { font-weight: 600; }
        a.claim:target, .card:target { outline: 3px solid #3b6fd8; outline-offset: 2px; }
        ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 18px; border-left: 1px solid var(--line); }
        ul.tree { border-left: none; padding-left: 0; }
        ul.tree li { margin: 6px 0; }
        .source { font-weight: 600; color: var(--ink); }
        .kind { color: var(--muted); font-size: 13px; }
        .card { background: var(--wash); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; font-size: 14px; }
        .card p { margin: 2px 0; }
        .facts { color: var(--muted); }
        .chain em { color: var(--muted); }
        .finding.dropped { color: #b42318; font-weight: 600; }
        .finding.new { color: #8a5a00; font-weight: 600; }
        ul.same { margin: 2px 0; padding-left: 18px; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        tr:target { background: #eef4ff; }
        code, .url { font-size: 13px; word-break: break-all; }
        """
}

import ProvenanceParsing
import ProvenanceReports
import ProvenanceStore

/// The pages of `provenance serve`, rendered on the server: each readable
/// without JavaScript or anything from elsewhere, every text escaped.
enum Pages {
    static func home(_ counts: CorpusCounts) -> String {
        var body = "<h1>The corpus</h1>"
        body += "<p>\(counts.documents) documents · \(counts.claims) claims · \(counts.sources) sources.</p>"
        body += "<p>Search the claims by their words above, or list the claims with a finding:</p><ul>"
        for finding in ClaimFinding.allCases {
            body += "<li><a href=\"/search?finding=\(finding.rawValue)\">\(finding.explanation)</a></li>"
        }
        body += "</ul>"
        return HTMLPage.render(title: "Corpus", body: body)
    }

    /// The URL of a search, with one part changed.
    static func searchURL(_ query: ClaimQuery, page: Int = 1) -> String {
        var parts: [String] = []
        if !query.words.isEmpty { parts.append("q=" + SafeText.query(query.words)) }
        if let finding = query.finding { parts.append("finding=" + finding.rawValue) }
        if let source = query.source { parts.append("source=\(source)") }
        if let document = query.document { parts.append("document=\(document)") }
        if page > 1 { parts.append("page=\(page)") }
        return "/search" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&amp;"))
    }

    static func search(_ query: ClaimQuery, result: ClaimSearch) -> String {
        let page = result.page
        var body = "<h1>Claims</h1>"
        var filters: [String] = []
        if !query.words.isEmpty { filters.append("words “\(SafeText.html(query.words))”") }
        if let finding = query.finding {
            var without = query
            without.finding = nil
            filters.append("\(finding.explanation) (<a href=\"\(searchURL(without))\">remove</a>)")
        }
        if let source = query.source {
            var without = query
            without.source = nil
            filters.append("source \(source) (<a href=\"\(searchURL(without))\">remove</a>)")
        }
        if let document = query.document {
            var without = query
            without.document = nil
            filters.append("document \(document) (<a href=\"\(searchURL(without))\">remove</a>)")
        }
        let count = page.total.map { "\($0) claims" } ?? "Claims"
        body += "<p class=\"summary\">\(count)\(filters.isEmpty ? "" : " · " + filters.joined(separator: " · ")).</p>"

        body += "<div class=\"facets\"><div><strong>Findings</strong><ul>"
        for finding in ClaimFinding.allCases {
            var with = query
            with.finding = finding
            let on = query.finding == finding ? " class=\"facet-on\"" : ""
            body += "<li\(on)><a href=\"\(searchURL(with))\">\(finding.explanation)</a></li>"
        }
        body += "</ul></div>"
        if !result.sources.isEmpty {
            body += "<div><strong>Sources</strong><ul>"
            for facet in result.sources {
                var with = query
                with.source = facet.value.id
                body += "<li><a href=\"\(searchURL(with))\">\(SafeText.html(facet.value.name))</a> (\(facet.claims))</li>"
            }
            body += "</ul></div>"
        }
        if !result.documents.isEmpty {
            body += "<div><strong>Documents</strong><ul>"
            for facet in result.documents {
                var with = query
                with.document = facet.value.id
                let name = facet.value.title.flatMap { $0.isEmpty ? nil : $0 } ?? facet.value.path
                body += "<li><a href=\"\(searchURL(with))\">\(SafeText.html(name))</a> (\(facet.claims))</li>"
            }
            body += "</ul></div>"
        }
        body += "</div>"

        if page.items.isEmpty {
            body += "<p class=\"empty\">No claim matches.</p>"
        } else {
            body += "<ul class=\"claims\">" + page.items.map { HTMLPage.claimItem($0) }.joined() + "</ul>"
        }
        body += pager(page) { searchURL(query, page: $0) }
        return HTMLPage.render(title: query.words.isEmpty ? "Claims" : "Claims: \(query.words)", body: body, query: query.words)
    }

    static func pager<Item>(_ page: Page<Item>, url: (Int) -> String) -> String {
        var links: [String] = []
        if page.number > 1 { links.append("<a rel=\"prev\" href=\"\(url(page.number - 1))\">← page \(page.number - 1)</a>") }
        if page.more { links.append("<a rel=\"next\" href=\"\(url(page.number + 1))\">page \(page.number + 1) →</a>") }
        return links.isEmpty ? "" : "<nav class=\"pager\">" + links.joined() + "</nav>"
    }

    static func claim(_ detail: ClaimDetail) -> String {
        let summary = detail.summary
        var body = "<h1>Claim \(summary.id)</h1>"
        // The sentence, its claimed words marked.
        let scalars = Array(SafeText.scrub(summary.sentence).unicodeScalars)
        let start = max(0, min(detail.content.start - detail.sentence.start, scalars.count))
        let end = max(start, min(detail.content.end - detail.sentence.start, scalars.count))
        func text(_ range: Range<Int>) -> String {
            var string = ""
            string.unicodeScalars.append(contentsOf: scalars[range])
            return MarkedTextHTML.escape(string)
        }
        body += "<blockquote class=\"sentence\">\(text(0..<start))<mark>\(text(start..<end))</mark>\(text(end..<scalars.count))</blockquote>"
        body += "<dl class=\"facts\"><dt>Document</dt><dd>\(HTMLPage.link(summary.document)) "
            + "(<a href=\"/documents/\(summary.document.id)#\(summary.id)\">in its text</a>)</dd>"
        body += "<dt>Kind</dt><dd>\(SafeText.html(summary.kind))</dd>"
        body += "<dt>Source</dt><dd>\(summary.source.map { HTMLPage.link($0) } ?? "<span class=\"none\">none named</span>")</dd></dl>"

        if !detail.findings.isEmpty {
            body += "<h2>Findings</h2><ul>"
            for finding in detail.findings {
                var line = "<span class=\"finding\">\(finding.kind.explanation)</span>"
                if let source = finding.source { line += ": the source document credits " + HTMLPage.link(source) }
                if let related = finding.related { line += " (<a href=\"/claims/\(related)\">\(related)</a>)" }
                body += "<li>\(line)</li>"
            }
            body += "</ul>"
        }

        body += "<h2>Chain</h2>"
        if detail.chain.isEmpty {
            body += "<p class=\"none\">No source, carrier or outlet is known.</p>"
        } else {
            body += "<p>From the origin (speaker, then who carried it, then the outlet):</p><ol class=\"chain\">"
            body += detail.chain.map { "<li>\(HTMLPage.link($0))</li>" }.joined()
            body += "</ol>"
        }
        let rewrites = detail.sameClaims.filter(\.rewrite)
        if !rewrites.isEmpty {
            body += "<p>Rewritten in: " + rewrites.map { "<a href=\"/claims/\($0.claim.id)\">\($0.claim.id)</a> in \(HTMLPage.link($0.claim.document))" }
                .joined(separator: "; ") + ".</p>"
        }

        body += "<h2>Where it comes from</h2>"
        if let origin = detail.origin {
            body += "<ul class=\"claims\">" + HTMLPage.claimItem(origin) + "</ul>"
        } else {
            body += "<p class=\"none\">No earlier claim in a document this one derives from.</p>"
        }

        body += "<h2>The same claim elsewhere</h2>"
        if detail.sameClaims.isEmpty {
            body += "<p class=\"none\">None found.</p>"
        } else {
            body += "<ul class=\"claims\">"
            for same in detail.sameClaims {
                var note = same.similarity.map { " · similarity " + String(format: "%.2f", $0) } ?? ""
                if same.rewrite { note += " · a rewrite of this document" }
                note += evidence(same.evidence)
                body += HTMLPage.claimItem(same.claim, note: note)
            }
            body += "</ul>"
        }

        if !detail.edges.isEmpty {
            body += "<h2>Evidence</h2><ul>"
            for edge in detail.edges {
                body += "<li>\(SafeText.html(edge.kind.replacingOccurrences(of: "_", with: " "))) \(HTMLPage.link(edge.source))\(evidence(edge.evidence))</li>"
            }
            body += "</ul>"
        }
        return HTMLPage.render(title: "Claim \(summary.id)", body: body)
    }

    static func evidence(_ spans: [EvidenceSpan]) -> String {
        guard !spans.isEmpty else { return "" }
        return "<ul class=\"evidence\">" + spans.map { span in
            "<li>“\(SafeText.html(span.text))” — <a href=\"/documents/\(span.document)\">\(span.document)</a> \(span.start)…\(span.end)</li>"
        }.joined() + "</ul>"
    }

    static func source(_ detail: SourceDetail) -> String {
        var body = "<h1>\(SafeText.html(detail.source.name)) <span class=\"kind\">\(SafeText.html(detail.source.kind))</span></h1>"
        body += "<dl class=\"facts\"><dt>Id</dt><dd class=\"id\">\(detail.source.id)</dd>"
        if !detail.aliases.isEmpty { body += "<dt>Also</dt><dd>\(detail.aliases.map(SafeText.html).joined(separator: ", "))</dd>" }
        if !detail.descriptions.isEmpty { body += "<dt>Described as</dt><dd>\(detail.descriptions.map(SafeText.html).joined(separator: "; "))</dd>" }
        body += "</dl>"
        if !detail.carriers.isEmpty {
            body += "<h2>Carried by</h2><ul>" + detail.carriers.map { "<li>\(HTMLPage.link($0.value)) (\($0.claims))</li>" }.joined() + "</ul>"
        }
        if !detail.published.isEmpty {
            body += "<h2>Published</h2><ul>" + detail.published.map { "<li>\(HTMLPage.link($0))</li>" }.joined() + "</ul>"
        }
        let total = detail.claims.total.map(String.init) ?? "?"
        body += "<h2>Claims (\(total))</h2>"
        body += "<p><a href=\"\(searchURL(ClaimQuery(source: detail.source.id)))\">Search within them</a></p>"
        if detail.claims.items.isEmpty {
            body += "<p class=\"none\">No claim credits it.</p>"
        } else {
            body += "<ul class=\"claims\">" + detail.claims.items.map { HTMLPage.claimItem($0) }.joined() + "</ul>"
        }
        body += pager(detail.claims) { "/sources/\(detail.source.id)" + ($0 > 1 ? "?page=\($0)" : "") }
        return HTMLPage.render(title: detail.source.name, body: body)
    }

    static func document(_ detail: DocumentDetail) -> String {
        let reference = detail.reference
        let title = reference.title.flatMap { $0.isEmpty ? nil : $0 } ?? reference.path
        var body = "<h1>\(SafeText.html(title))</h1><dl class=\"facts\">"
        body += "<dt>Id</dt><dd class=\"id\">\(reference.id)</dd><dt>File</dt><dd>\(SafeText.html(reference.path))</dd>"
        if let publisher = detail.publisher { body += "<dt>Publisher</dt><dd>\(SafeText.html(publisher))</dd>" }
        if let published = reference.published { body += "<dt>Published</dt><dd>\(SafeText.html(published))</dd>" }
        // The address as text, never a link: it is whatever the page said.
        if let url = detail.url { body += "<dt>Address</dt><dd>\(SafeText.html(url))</dd>" }
        body += "<dt>Claims</dt><dd>\(detail.claims.count) (<a href=\"\(searchURL(ClaimQuery(document: reference.id)))\">search within them</a>)</dd></dl>"
        if !detail.derivedFrom.isEmpty {
            body += "<h2>Derives from</h2><ul>" + detail.derivedFrom.map { "<li>\(HTMLPage.link($0.document))\(share($0.score))</li>" }.joined() + "</ul>"
        }
        if !detail.derivedBy.isEmpty {
            body += "<h2>Derived by</h2><ul>" + detail.derivedBy.map { "<li>\(HTMLPage.link($0.document))\(share($0.score))</li>" }.joined() + "</ul>"
        }
        let marks = detail.claims.map { claim in
            var classes = "claim kind-\(claim.kind)"
            for finding in claim.findings {
                switch finding {
                case .unattributed: classes += " unattributed"
                case .attributionDropped: classes += " dropped"
                case .newClaim: classes += " new"
                }
            }
            var title = claim.source.map { "\(claim.kind), \($0.name)" } ?? claim.kind
            if !claim.findings.isEmpty { title += " — " + claim.findings.map(\.explanation).joined(separator: ", ") }
            return MarkedTextHTML.Mark(
                claim: claim.id.description, span: claim.content, classes: classes, title: SafeText.scrub(title), href: "/claims/\(claim.id)")
        }
        body += "<h2>Text</h2><p class=\"hint\">Each claim is a link to its page; a red underline marks a finding.</p>"
        body += "<div class=\"text\">"
            + MarkedTextHTML.paragraphs(
                of: SafeText.scrub(detail.text), marks: marks, cues: detail.claims.compactMap(\.cue), mentions: detail.claims.compactMap(\.mention))
            + "</div>"
        return HTMLPage.render(title: title, body: body)
    }

    static func share(_ score: Double?) -> String {
        score.map { " · " + String(format: "%.0f%%", $0 * 100) + " of its claims" } ?? ""
    }

    static func error(status: Int, message: String) -> String {
        let heading = switch status {
        case 400: "Bad request"
        case 404: "Not found"
        default: "Something went wrong"
        }
        return HTMLPage.render(title: heading, body: "<h1>\(heading)</h1><p>\(SafeText.html(message))</p><p><a href=\"/\">The corpus</a></p>")
    }
}

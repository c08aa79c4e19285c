import ProvenanceParsing
import ProvenanceReports
import ProvenanceStore

/// Text made safe for HTML: every character that could open markup escaped,
/// and control characters (but line breaks and tabs) replaced by U+FFFD,
/// one scalar for one so that spans still point at the same words.
enum SafeText {
    static func scrub(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result.unicodeScalars.append("\u{FFFD}")
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// Escaped for an HTML text node or a quoted attribute value.
    static func html(_ text: String) -> String {
        MarkedTextHTML.escape(scrub(text))
    }

    /// A query-string value, percent-encoded.
    static func query(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// The frame every page shares: head, style, the search box, the body.
enum HTMLPage {
    static func render(title: String, body: String, query: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(SafeText.html(title)) · provenance</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <header class="bar"><a class="home" href="/">provenance</a>
        <form action="/search" method="get" role="search"><input type="search" name="q" value="\(SafeText.html(query))" \
        placeholder="Search claims" aria-label="Search claims"> <button type="submit">Search</button></form></header>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static func link(_ source: SourceReference) -> String {
        "<a class=\"source\" href=\"/sources/\(source.id)\">\(SafeText.html(source.name))</a> <span class=\"kind\">\(SafeText.html(source.kind))</span>"
    }

    static func link(_ document: DocumentReference) -> String {
        let name = document.title.flatMap { $0.isEmpty ? nil : $0 } ?? document.path
        let date = document.published.map { " <span class=\"date\">\(SafeText.html($0))</span>" } ?? ""
        return "<a class=\"document\" href=\"/documents/\(document.id)\">\(SafeText.html(name))</a>\(date)"
    }

    static func claimItem(_ claim: ClaimSummary, note: String = "") -> String {
        var html = "<li class=\"claim\"><a class=\"sentence\" href=\"/claims/\(claim.id)\">\(SafeText.html(claim.sentence))</a>"
        html += "<div class=\"meta\"><span class=\"id\">\(claim.id)</span> · <span class=\"kind\">\(SafeText.html(claim.kind))</span> · "
        html += claim.source.map { link($0) } ?? "<span class=\"none\">no source</span>"
        html += " · in " + link(claim.document)
        if let problem = claim.problem { html += " · <span class=\"finding\">\(SafeText.html(problem.replacingOccurrences(of: "_", with: " ")))</span>" }
        html += note
        html += "</div></li>"
        return html
    }

    static let style = """
        body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        .bar { display: flex; gap: 1rem; align-items: center; padding: .6rem 1.5rem; background: #23395d; }
        .bar a.home { color: #fff; font-weight: 600; text-decoration: none; }
        .bar form { flex: 1; } .bar input { width: 60%; padding: .3rem; }
        a { color: #1a4fa0; } h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
        ul.claims { list-style: none; padding: 0; } li.claim { margin: .8rem 0; padding: .6rem .8rem; background: #fff; border: 1px solid #ddd; border-radius: 4px; }
        .meta { font-size: .85rem; color: #555; } .kind { color: #666; font-size: .85rem; } .id { font-family: monospace; }
        .finding { color: #a11; font-weight: 600; } .none { color: #888; }
        .facets { display: flex; flex-wrap: wrap; gap: 2rem; font-size: .9rem; } .facets ul { padding-left: 1rem; margin: .2rem 0; }
        .facet-on { font-weight: 600; } .pager { margin: 1rem 0; display: flex; gap: 1rem; }
        blockquote { margin: .5rem 0; padding: .5rem 1rem; background: #fff; border-left: 4px solid #23395d; }
        mark { background: #fff1a8; } ol.chain li { margin: .2rem 0; } .evidence { font-size: .9rem; color: #333; }
        .text { background: #fff; border: 1px solid #ddd; padding: .5rem 1.2rem; }
        .text a { text-decoration: none; color: inherit; border-bottom: 2px solid #6b8fd6; }
        .text a.unattributed, .text a.dropped, .text a.new { border-bottom-color: #c33; }
        .text .cue { font-weight: 600; } .text .who { font-style: italic; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.facts dt { color: #555; }
        """
}

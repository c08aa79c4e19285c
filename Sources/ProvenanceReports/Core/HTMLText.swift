import ProvenanceGraph
import ProvenanceParsing

/// HTML escaping, and a document's text as paragraphs with its claims
/// marked, for the HTML report.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A claim to mark in the text.
    struct Mark {
        var claim: String
        var span: TextSpan
        var classes: String
        var title: String
        /// Where the mark links to; the claim's card in the report by default.
        var href: String? = nil
    }

    /// The text as `<p>` paragraphs (blank lines between them), each claim
    /// a link to its card. Where claims overlap, the shorter one is marked.
    static func paragraphs(of text: ScalarText, marks: [Mark], cues: [TextSpan], mentions: [TextSpan]) -> String {
        let scalars = text.scalars
        let count = scalars.count
        // Which claim each scalar belongs to: the shortest covering it.
        var owner = [Int](repeating: -1, count: count)
        for (index, mark) in marks.enumerated() {
            let start = max(0, min(mark.span.start, count))
            let end = max(start, min(mark.span.end, count))
            for offset in start..<end {
                let current = owner[offset]
                if current < 0 || marks[current].span.end - marks[current].span.start > mark.span.end - mark.span.start {
                    owner[offset] = index
                }
            }
        }
        var role = [UInt8](repeating: 0, count: count)  // 1 cue, 2 source mention
        for span in cues { for offset in max(0, span.start)..<max(max(0, span.start), min(span.end, count)) { role[offset] = 1 } }
        for span in mentions { for offset in max(0, span.start)..<max(max(0, span.start), min(span.end, count)) { role[offset] = 2 } }

        var html = "<p>"
        var openMark = -1
        var openRole: UInt8 = 0
        var started: Set<Int> = []
        var offset = 0
        func close() {
            if openRole != 0 { html += "</span>" }
            if openMark >= 0 { html += "</a>" }
            openMark = -1
            openRole = 0
        }
        while offset < count {
            let scalar = scalars[offset]
            if scalar == "\n" {
                // A blank line ends the paragraph; a single break stays a break.
                var end = offset
                while end < count, scalars[end] == "\n" || scalars[end] == " " || scalars[end] == "\t" || scalars[end] == "\r" { end += 1 }
                let breaks = scalars[offset..<end].filter { $0 == "\n" }.count
                close()
                html += breaks > 1 ? "</p>\n<p>" : "<br>\n"
                offset = end
                continue
            }
            if owner[offset] != openMark || role[offset] != openRole {
                close()
                if owner[offset] >= 0 {
                    let mark = marks[owner[offset]]
                    let id = started.insert(owner[offset]).inserted ? " id=\"\(mark.claim)\"" : ""
                    html += "<a\(id) class=\"\(mark.classes)\" href=\"\(escape(mark.href ?? "#about-\(mark.claim)"))\" title=\"\(escape(mark.title))\">"
                    openMark = owner[offset]
                }
                if role[offset] != 0 {
                    html += role[offset] == 1 ? "<span class=\"cue\">" : "<span class=\"who\">"
                    openRole = role[offset]
                }
            }
            html += escape(String(scalar))
            offset += 1
        }
        close()
        html += "</p>"
        return html.replacingOccurrences(of: "<p></p>\n", with: "").replacingOccurrences(of: "\n<p></p>", with: "")
    }
}

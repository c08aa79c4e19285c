import ProvenanceParsing

/// Writes an ``Article`` for a person to read: metadata, body, captions with
/// their credit chains, references, and (verbose) what was left out and why.
public struct ArticleTextRenderer: Sendable {
    /// Whether to list the boilerplate blocks and the notes.
    public var verbose: Bool

    public init(verbose: Bool = false) {
        self.verbose = verbose
    }

    public func render(_ article: Article) -> String {
        let text = ScalarText(article.text)
        var lines: [String] = []
        lines.append("== \(VisibleText.name(article.path)) (\(article.format.rawValue))")
        let metadata = article.metadata
        let fields: [(String, String?)] = [
            ("Title", metadata.title),
            ("Byline", metadata.bylines.isEmpty ? nil : metadata.bylines.joined(separator: "; ")),
            ("Wire", metadata.wire),
            ("Publisher", metadata.publisher),
            ("Published", metadata.published),
            ("URL", metadata.url),
            ("Language", metadata.language),
        ]
        for (name, value) in fields {
            lines.append("\(name): \(value ?? "—")")
        }
        // Only pages from a web archive have a capture date.
        if let captured = metadata.captured { lines.append("Captured: \(captured)") }
        if let from = metadata.capturedFrom { lines.append("Captured from: \(from)") }

        lines.append("")
        lines.append("Body:")
        for block in article.blocks where block.isBody {
            let marker = switch block.kind {
            case .heading: "## "
            case .listItem: "• "
            case .quote: "> "
            case .question: "? "
            default: ""
            }
            lines.append("  " + marker + oneLine(text[block.span]))
        }

        let captions = article.captions
        if !captions.isEmpty {
            lines.append("")
            lines.append("Captions:")
            for caption in captions {
                lines.append("  " + oneLine(text[caption.span]))
                if let credit = caption.credit {
                    lines.append("    credit: " + credit.chain.joined(separator: " → "))
                }
            }
        }

        let references = article.references
        if !references.isEmpty {
            lines.append("")
            lines.append("References:")
            for link in references {
                let label = link.label.map { "\($0): " } ?? ""
                lines.append("  \(label)\(link.text) <\(link.url)>")
            }
        }

        if verbose {
            let dropped = article.blocks.filter { $0.kind == .boilerplate }
            if !dropped.isEmpty {
                lines.append("")
                lines.append("Left out of the body:")
                for block in dropped {
                    let reason = block.boilerplate?.explanation ?? "boilerplate"
                    lines.append("  [\(reason)] " + excerpt(text[block.span]))
                }
            }
            if !article.notes.isEmpty {
                lines.append("")
                lines.append("Notes:")
                for note in article.notes { lines.append("  " + note) }
            }
        }
        // Whatever the page holds, each line is one line of plain text.
        return lines.map(VisibleText.prose).joined(separator: "\n") + "\n"
    }

    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private func excerpt(_ text: String) -> String {
        let line = oneLine(text)
        return line.count > 100 ? String(line.prefix(99)) + "…" : line
    }
}

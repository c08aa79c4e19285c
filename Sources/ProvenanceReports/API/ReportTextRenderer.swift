import ProvenanceAttribution
import ProvenanceParsing

/// Writes attributed documents for a person to read: per document, every
/// claim with its kind, its source (and what a pronoun stood for), its cue,
/// and its attribution chain from the origin to this document's publisher.
public struct ReportTextRenderer: Sendable {
    public init() {}

    public func render(_ documents: [AttributedArticle]) -> String {
        let report = ClaimReport(documents)
        var lines: [String] = []
        for (index, document) in report.documents.enumerated() {
            if index > 0 { lines.append("") }
            lines.append("== \(document.path)")
            if let title = document.title { lines.append(title) }
            var published: [String] = []
            if let publisher = document.publisher { published.append("published by \(publisher)") }
            if let date = document.published { published.append(date) }
            if !published.isEmpty { lines.append(published.joined(separator: ", ")) }
            let claims = report.claims.filter { $0.document == index }
            let attributed = claims.filter { $0.kind != .unattributed }.count
            lines.append("\(claims.count) claims, \(attributed) attributed")
            for (number, claim) in claims.enumerated() {
                lines.append("")
                lines.append("\(number + 1). [\(claim.kind.rawValue)] \(excerpt(claim.content.text))")
                lines += describe(claim, report: report).map { "   " + $0 }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ claim: ClaimReport.ClaimEntry, report: ClaimReport) -> [String] {
        var lines: [String] = []
        func name(_ id: String) -> String { report.source(id)?.name ?? id }
        if let source = claim.source {
            var who = name(source.id)
            if source.mention.text != who { who += " (as “\(source.mention.text)”)" }
            if !source.resolved { who = "“\(source.mention.text)”, which we could not resolve" }
            var line = claim.kind == .caption ? "credit: \(who)" : "source: \(who)"
            if let cue = claim.cue, claim.kind != .caption { line += ", cue “\(cue.span.text)”" }
            if claim.continuation { line += " (continues the quotation before)" }
            lines.append(line)
        } else if let cue = claim.cue {
            lines.append("no source named, cue “\(cue.span.text)”")
        } else if claim.kind == .direct || claim.kind == .mixed {
            lines.append("quotation without a speaker")
        } else {
            lines.append("no source named")
        }
        if !claim.about.isEmpty { lines.append("about: " + claim.about.map(name).joined(separator: ", ")) }
        if !claim.chain.isEmpty { lines.append("chain: " + claim.chain.map(name).joined(separator: " → ")) }
        return lines
    }

    private func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 160 ? String(line.prefix(159)) + "…" : line
    }
}

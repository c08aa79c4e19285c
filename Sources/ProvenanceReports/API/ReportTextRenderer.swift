import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// Writes a provenance graph for a person to read: per document, what it
/// derives from, then every claim with its kind, its source (and what a
/// pronoun stood for), its cue, the same claims elsewhere, its attribution
/// chain from the origin to this document's publisher, and the findings.
public struct ReportTextRenderer: Sendable {
    public init() {}

    public func render(_ graph: ProvenanceGraph, selection: GraphSelection = .all) -> String {
        let report = ClaimReport(graph, selection: selection)
        var lines: [String] = []
        for (index, document) in report.documents.enumerated() {
            let node = document.node
            if index > 0 { lines.append("") }
            lines.append("== \(node.path)")
            if let title = node.title { lines.append(title) }
            var published: [String] = []
            if let publisher = node.publisher { published.append("published by \(publisher)") }
            if let date = node.published { published.append(date) }
            if !published.isEmpty { lines.append(published.joined(separator: ", ")) }
            for derivation in document.derivedFrom {
                let source = report.document(derivation.document)?.node.path ?? derivation.document
                var line = "derives from \(source)"
                var notes: [String] = []
                if let cited = derivation.citations.first { notes.append("cites it: “\(report.text(of: cited))”") }
                if derivation.share > 0 { notes.append(String(format: "%.0f%% of its claims are in it", derivation.share * 100)) }
                if !notes.isEmpty { line += " (" + notes.joined(separator: "; ") + ")" }
                lines.append(line)
            }
            let claims = report.claims.filter { $0.document == index }
            let attributed = claims.filter { $0.node.kind != .unattributed }.count
            let dropped = claims.filter { $0.findings.contains { $0.kind == .attributionDropped } }.count
            let new = claims.filter { $0.findings.contains { $0.kind == .newClaim } }.count
            var summary = "\(claims.count) claims, \(attributed) attributed"
            if !document.derivedFrom.isEmpty { summary += ", \(dropped) with the attribution dropped, \(new) new" }
            lines.append(summary)
            for (number, claim) in claims.enumerated() {
                lines.append("")
                lines.append("\(number + 1). [\(claim.node.kind.rawValue)] \(excerpt(claim.content.text))")
                lines += describe(claim, report: report).map { "   " + $0 }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ claim: ClaimReport.ClaimEntry, report: ClaimReport) -> [String] {
        var lines: [String] = []
        let node = claim.node
        if let source = node.source {
            let mention = claim.mention?.text ?? ""
            var who = report.name(source)
            if !mention.isEmpty, mention != who { who += " (as “\(mention)”)" }
            if !node.resolved { who = "“\(mention)”, which we could not resolve" }
            var line = node.kind == .caption ? "credit: \(who)" : "source: \(who)"
            if let cue = claim.cue, node.kind != .caption { line += ", cue “\(cue.text)”" }
            if node.continuation { line += " (continues the quotation before)" }
            lines.append(line)
        } else if let cue = claim.cue {
            lines.append("no source named, cue “\(cue.text)”")
        } else if node.kind == .direct || node.kind == .mixed {
            lines.append("quotation without a speaker")
        } else {
            lines.append("no source named")
        }
        if !node.about.isEmpty { lines.append("about: " + node.about.map(report.name).joined(separator: ", ")) }
        for same in claim.sameAs.prefix(3) {
            guard let other = report.claim(same.claim), let path = report.document(other.node.document)?.node.path else { continue }
            lines.append(String(format: "same claim (%.2f) in %@: %@", same.similarity, path, excerpt(other.content.text, limit: 90)))
        }
        if !claim.chain.isEmpty { lines.append("chain: " + claim.chain.map(report.name).joined(separator: " → ")) }
        for finding in claim.findings {
            switch finding.kind {
            case .attributionDropped:
                let from = finding.source.map(report.name) ?? "its source"
                lines.append("! attribution dropped: the source document attributes it to \(from)")
            case .newClaim:
                lines.append("! new claim: not in the documents this one derives from")
            }
        }
        return lines
    }

    private func excerpt(_ text: String, limit: Int = 160) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }
}

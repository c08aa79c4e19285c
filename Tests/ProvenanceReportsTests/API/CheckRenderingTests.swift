import Foundation
import Testing
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceReports

/// `check` findings on the bundled chain: agency dispatch → outlet page → rewrite.
@Suite struct CheckRenderingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func examplesGraph() throws -> ProvenanceGraph {
        var builder = GraphBuilder()
        for name in ["meridian-news-agency-dispatch.txt", "harbor-ledger-castavia-port-talks.html", "content-farm-rewrite.txt"] {
            let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent("Examples").appendingPathComponent(name)))
            builder.add(AttributionEngine().attribute(try ArticleExtractor().extract(bytes, path: "Examples/" + name)))
        }
        return builder.graph
    }

    @Test func aDroppedAttributionIsOneFindingNamingTheLostSource() throws {
        let findings = CheckRenderer().findings(try Self.examplesGraph())
        let rewrite = findings.filter { $0.path.hasSuffix("content-farm-rewrite.txt") }
        let dropped = rewrite.filter { $0.reason == .attributionDropped }
        #expect(!dropped.isEmpty)
        #expect(dropped.allSatisfy { $0.detail != nil })
        // The same sentence is not also listed as merely unattributed.
        let droppedSpans = Set(dropped.map(\.span))
        #expect(!rewrite.contains { $0.reason == .unattributed && droppedSpans.contains($0.span) })
        // New claims are found only in documents derived from others.
        #expect(rewrite.contains { $0.reason == .newClaim })
        #expect(!findings.contains { $0.path.hasSuffix("dispatch.txt") && [.newClaim, .attributionDropped].contains($0.reason) })
    }

    @Test func textLinesNameFileLineAndColumn() throws {
        let findings = CheckRenderer().findings(try Self.examplesGraph())
        let text = CheckRenderer().renderText(findings)
        let lines = text.split(separator: "\n")
        #expect(lines.count == findings.count)
        for (line, finding) in zip(lines, findings) {
            #expect(line.hasPrefix("\(finding.path):\(finding.line):\(finding.column): \(finding.reason.explanation)"))
        }
    }
}

import Foundation
import Testing
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
@testable import ProvenanceReports

/// What the readable reports list and count: groups that add up to the
/// figures, who is said to speak, and filters that select without
/// recomputing.
@Suite struct ReportFiguresTests {
    /// A short story of ours: a quotation nobody is named for, a named
    /// source, and sentences the paper asserts itself.
    static let courier = """
        Ferry timetable goes to a vote

        The town council meets on Monday to vote on the new ferry timetable.

        “We cannot keep waiting for a boat that never comes.”

        Ana Ruiz, the harbour master, said the pier would be repaired by June.

        The last ferry of the day will leave at nine in the evening.

        © 2024 The Coast Courier
        """

    static func graph(_ texts: [(String, String)]) throws -> ProvenanceGraph {
        var builder = GraphBuilder()
        for (path, text) in texts {
            builder.add(AttributionEngine().attribute(try ArticleExtractor().extract(Array(text.utf8), path: path)))
        }
        return builder.graph
    }

    @Test func aQuotationWithoutASpeakerAndThePublishersOwnAssertionsAreGroupsOfTheirOwn() throws {
        let graph = try Self.graph([("courier.txt", Self.courier)])
        let report = ClaimReport(graph)
        let outline = DocumentOutline(report: report, document: 0)
        let quote = try #require(outline.withoutSpeaker.first.map { report.claims[$0] })
        #expect(outline.withoutSpeaker.count == 1)
        #expect(quote.content.text == "“We cannot keep waiting for a boat that never comes.”")
        #expect(outline.ownAssertions.map { report.claims[$0].content.text }.contains("The last ferry of the day will leave at nine in the evening."))
        // The outlet heads no group: it is the last step of Ana Ruiz's chain only.
        #expect(outline.roots.map { report.name($0.source) } == ["Ana Ruiz"])
        #expect(outline.roots[0].children.map { report.name($0.source) } == ["The Coast Courier"])

        let text = ReportTextRenderer().render(graph)
        #expect(text.contains("\n   No speaker found · 1 claim\n   └─ [direct] “We cannot keep waiting"))
        #expect(text.contains("\n   Unattributed: the publisher’s own assertions (The Coast Courier) · 3 claims\n"))
        #expect(!text.contains("The Coast Courier · outlet · "))
        let summary = outline.summary
        #expect(summary.withoutSpeaker == 1 && summary.ownAssertions == 3 && summary.claims == 5)
        #expect(summary.topSources.map(\.name) == ["Ana Ruiz"])
    }

    @Test func theGroupsOfEveryDocumentAddUpToItsFigures() throws {
        let graph = try CheckRenderingTests.examplesGraph()
        let report = ClaimReport(graph)
        var listed = 0
        for document in report.documents.indices {
            let outline = DocumentOutline(report: report, document: document)
            let summary = outline.summary
            let grouped = outline.roots.reduce(0) { $0 + $1.claimCount } + outline.withoutSpeaker.count + outline.ownAssertions.count
            #expect(grouped == summary.claims)
            #expect(summary.byKind.values.reduce(0, +) == summary.claims)
            #expect(summary.byKind[.caption] ?? 0 == summary.captions)
            #expect(summary.traced + summary.captions == outline.roots.reduce(0) { $0 + $1.claimCount }, "captions with a credit are in the trees")
            #expect(summary.attributed <= summary.traced)
            #expect(summary.topSources.map(\.claims) == outline.roots.prefix(3).map(\.claimCount))
            listed += summary.claims
        }
        #expect(listed == graph.claims.count)
        // The outlet page lists its captions and counts them.
        let page = try #require(DocumentSummary.summaries(of: graph).first { $0.path.hasSuffix(".html") })
        #expect(page.captions == 3 && page.claims == page.scored + 3)
    }

    @Test func aSourceFilterKeepsTheClaimsThatDroppedItAndTheirFindings() throws {
        let graph = try CheckRenderingTests.examplesGraph()
        let whole = ClaimReport(graph)
        let venn = ClaimReport(graph, selection: GraphSelection(source: "National Maritime Council"))
        let rewrite = try #require(whole.documents.firstIndex { $0.node.path.hasSuffix("content-farm-rewrite.txt") })
        let vennID = try #require(graph.sources.first { $0.name == "National Maritime Council" }?.id)
        // Every claim of the rewrite whose dropped attribution credited the council is listed, finding and all.
        let droppedVenn = whole.claims.filter { $0.document == rewrite && $0.findings.contains { $0.source == vennID } }
        #expect(!droppedVenn.isEmpty)
        for claim in droppedVenn {
            let kept = try #require(venn.claim(claim.node.id))
            #expect(kept.findings == claim.findings && kept.chain == claim.chain)
        }
        // Whatever is listed is listed as the whole graph has it.
        for claim in venn.claims {
            let same = try #require(whole.claim(claim.node.id))
            #expect(same.findings == claim.findings && same.chain == claim.chain && same.origin == claim.origin)
        }
        let filtered = try #require(DocumentSummary.summaries(of: graph, selection: GraphSelection(source: "National Maritime Council"))
            .first { $0.path.hasSuffix("content-farm-rewrite.txt") })
        #expect(filtered.dropped >= droppedVenn.count)
        #expect(filtered.claimsInDocument == whole.claims.filter { $0.document == rewrite }.count)
        // Derivations are those of the whole graph.
        let derived = try #require(venn.documents.first { $0.node.path.hasSuffix("content-farm-rewrite.txt") })
        #expect(derived.derivedFrom == whole.documents[rewrite].derivedFrom)
    }

    @Test func filtersThatMatchNothingLeaveAnEmptyReport() throws {
        let graph = try CheckRenderingTests.examplesGraph()
        #expect(GraphReport(graph, selection: GraphSelection(source: "Nobody")).isEmpty)
        #expect(GraphReport(graph, selection: GraphSelection(document: "nomatch")).isEmpty)
        #expect(ReportTextRenderer().render(graph, selection: GraphSelection(source: "Nobody")).isEmpty)
        #expect(!GraphReport(graph, selection: GraphSelection(document: "dispatch")).isEmpty)
        // A document with no claim matching the words is not listed; one chosen by name is, whatever its claims.
        let byWords = GraphReport(graph, selection: GraphSelection(claimText: "Blue Corridor"))
        #expect(byWords.documentCount == 3 && byWords.claimCount < graph.claims.count)
    }

    @Test func checkGatesADocumentOnAllItsClaimsWhateverTheFilterLists() throws {
        let graph = try CheckRenderingTests.examplesGraph()
        let renderer = CheckRenderer()
        let whole = renderer.findings(graph, minimumAttributed: 0.7).filter { $0.reason == .lowAttribution }
        let filtered = renderer.findings(graph, selection: GraphSelection(source: "Aurel Venn"), minimumAttributed: 0.7)
            .filter { $0.reason == .lowAttribution }
        #expect(!whole.isEmpty)
        #expect(filtered.map(\.excerpt) == whole.map(\.excerpt))
    }

    @Test func csvQuotesWhatNeedsItAndEndsRecordsInCRLF() {
        #expect(CSVText.table(header: ["a", "b"], rows: [["plain", "with, comma"], ["say “hi”", "a \"quote\"\nand a line"]])
            == "a,b\r\nplain,\"with, comma\"\r\nsay “hi”,\"a \"\"quote\"\"\nand a line\"\r\n")
        #expect(CSVText.share(0.5909) == "0.591" && CSVText.share(1) == "1")
    }
}

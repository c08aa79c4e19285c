import Testing
import ProvenanceParsing
@testable import ProvenanceReports

/// The pieces the readable reports are made of.
@Suite struct ReportPartsTests {
    @Test func styledTextWrapsAtSpacesWithinTheWidth() {
        let text = StyledText("[direct]", .green) + " " + StyledText("the harbours must become doors and those doors must open in both directions")
        let lines = text.wrapped(to: 24)
        #expect(lines.allSatisfy { $0.plain.count <= 24 })
        #expect(lines.map(\.plain).joined(separator: " ") == text.plain)
        #expect(lines.first?.runs.first?.style == .green)
        let long = StyledText(String(repeating: "x", count: 30)).wrapped(to: 12)
        #expect(long.map(\.plain) == ["xxxxxxxxxxxx", "xxxxxxxxxxxx", "xxxxxx"])
    }

    @Test func colourIsOneEscapePerRunOfAStyle() {
        let text = StyledText("✗ attribution dropped", .boldRed) + " — note"
        let wrapped = text.wrapped(to: 80)[0]
        #expect(wrapped.render(color: true) == "\u{1B}[1;31m✗ attribution dropped\u{1B}[0m — note")
        #expect(wrapped.render(color: false) == "✗ attribution dropped — note")
    }

    @Test func claimsAreMarkedInTheTextShortestFirst() {
        let text = ScalarText("Intro line.\n\n“Ports <open>,” she said. Then more.")
        let outer = HTMLText.Mark(claim: "c1", span: TextSpan(start: 13, end: 38), classes: "claim k-mixed", title: "mixed")
        let inner = HTMLText.Mark(claim: "c2", span: TextSpan(start: 13, end: 28), classes: "claim k-direct", title: "direct")
        let html = HTMLText.paragraphs(of: text, marks: [outer, inner], cues: [TextSpan(start: 33, end: 37)], mentions: [])
        #expect(html.hasPrefix("<p>Intro line.</p>\n<p>"))
        #expect(html.contains("<a id=\"c2\" class=\"claim k-direct\" href=\"#about-c2\" title=\"direct\">“Ports &lt;open&gt;,”</a>"))
        #expect(html.contains("<a id=\"c1\" class=\"claim k-mixed\""))
        #expect(html.components(separatedBy: "id=\"c1\"").count == 2)
        #expect(html.contains("<span class=\"cue\">said</span>"))
        #expect(html.hasSuffix("Then more.</p>"))
    }

    @Test func markdownEscapesWhatItWouldOtherwiseFormat() {
        #expect(ReportMarkdownRenderer.escape("*not* a [link](x) or `code` | pipe") == "\\*not\\* a \\[link\\](x) or \\`code\\` \\| pipe")
    }
}

@Suite struct GraphPictureTests {
    @Test func thePictureHasEveryDocumentAndEachDerivation() throws {
        let graph = try CheckRenderingTests.examplesGraph()
        let svg = GraphPicture(report: ClaimReport(graph)).svg()
        #expect(svg.hasPrefix("<svg class=\"graph\""))
        for document in graph.documents { #expect(svg.contains("href=\"#\(document.id)\"")) }
        let derivations = graph.edges.filter { $0.kind == .derivedFrom }.count
        #expect(derivations == 3)
        #expect(svg.components(separatedBy: "<path class=\"derived\"").count - 1 == derivations)
        #expect(svg.contains("<g class=\"src\">"))
    }
}

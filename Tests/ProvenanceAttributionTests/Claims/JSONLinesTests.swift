import Foundation
import Testing
@testable import ProvenanceAttribution
import ProvenanceParsing

/// The JSON Lines of `report --format jsonl` and `ingest --from-jsonl`.
@Suite struct JSONLinesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Written a part at a time, a line is what the encoder writes whole.
    @Test(arguments: ["meridian-news-agency-dispatch.txt", "harbor-ledger-castavia-port-talks.html", "content-farm-rewrite.txt"])
    func aLineWrittenInPartsIsTheEncodersLine(_ name: String) throws {
        let attributed = try AttributionSupport.attribute(file: Self.root.appendingPathComponent("Examples").appendingPathComponent(name))
        #expect(AttributedJSONLines.line(for: attributed) == AttributedJSONLines.encodedWhole(attributed))
        #expect(try AttributedJSONLines.document(from: AttributedJSONLines.line(for: attributed), number: 1) == attributed)
    }

    /// A line that decodes but does not hold together is refused with its
    /// number and why (these trapped where the document was used).
    @Test func aLineThatDoesNotHoldTogetherIsRefused() {
        let good = AttributionSupport.attribute("A story\n\nJonas Holt said the harbour tax would double next year.\n", publisher: "The Harbor Ledger")
        #expect(AttributedJSONLines.problem(in: good) == nil)
        var cases: [(String, AttributedArticle)] = []
        var broken = good
        broken.publisher = 999
        cases.append(("the publisher is source 999, which is not there", broken))
        broken = good
        broken.claims[0].via = [-1]
        cases.append(("a claim names source -1, which is not there", broken))
        broken = good
        broken.claims[0].about = [999]
        cases.append(("a claim names source 999, which is not there", broken))
        broken = good
        broken.claims[0].block = 77
        cases.append(("a claim names block 77, which is not there", broken))
        broken = good
        broken.claims[0].content = TextSpan(start: 0, end: 100_000)
        cases.append(("a claim's span lies outside the text", broken))
        broken = good
        broken.quotes = [Quote(span: TextSpan(start: 1, end: 99_999), inner: TextSpan(start: 2, end: 3), role: .speech)]
        cases.append(("a quotation's span lies outside the text", broken))
        for (reason, document) in cases {
            #expect(AttributedJSONLines.problem(in: document) == reason)
            #expect(throws: AttributedJSONLines.ReadError(line: 7, reason: reason)) {
                try AttributedJSONLines.document(from: AttributedJSONLines.line(for: document), number: 7)
            }
        }
    }
}

import Foundation
import Testing
import ProvenanceParsing
import ProvenanceReports

@Suite struct ArticleRenderingTests {
    private let article = try! ArticleExtractor().extract(
        Array("Port strike ends\n\nSEOUL (Reuters) – Dock workers returned to work, the union said.\n\nBoats at rest. (KCNA via Reuters)\n".utf8),
        path: "strike.txt")

    @Test func jsonHasEveryFieldOfTheSchemaAndOffsetsIntoTheText() throws {
        let line = ArticleJSONRenderer().render(article)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        for key in ["path", "format", "title", "byline", "publisher", "published", "url", "language", "text", "body",
                    "blocks", "links", "notes"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["publisher"] as? String == "Reuters")
        #expect(object["published"] is NSNull)
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        let caption = try #require(blocks.first { $0["kind"] as? String == "caption" })
        let credit = try #require(caption["credit"] as? [String: Any])
        #expect(credit["chain"] as? [String] == ["KCNA", "Reuters"])
        let text = Array((object["text"] as! String).unicodeScalars)
        let start = credit["start"] as! Int
        let end = credit["end"] as! Int
        #expect(String(String.UnicodeScalarView(text[start..<end])) == "KCNA via Reuters")
    }

    @Test func textShowsMetadataBodyAndCredits() {
        let text = ArticleTextRenderer().render(article)
        #expect(text.contains("Title: Port strike ends"))
        #expect(text.contains("Publisher: Reuters"))
        #expect(text.contains("  Dock workers returned to work, the union said."))
        #expect(text.contains("    credit: KCNA → Reuters"))
        #expect(!text.contains("Left out of the body"))
    }
}

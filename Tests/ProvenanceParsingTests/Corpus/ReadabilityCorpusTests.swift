import Foundation
import Testing
import ProvenanceParsing

/// A few pages of ../shared/corpus/readability-news against their
/// expected-metadata.json (title, byline, site name). Those files are
/// Readability.js's own output, not ground truth, so only pages where it got
/// them right are checked, and names are compared without "By".
@Suite(.enabled(if: TestSupport.hasShared, "../shared/corpus is absent: corpus tests skipped"))
struct ReadabilityCorpusTests {
    struct Expected: Decodable {
        var title: String?
        var byline: String?
        var siteName: String?
    }

    static let pages = ["aktualne", "ars-1", "cnn", "folha", "nytimes-1", "nytimes-2", "theverge", "wapo-2", "medicalnewstoday"]

    @Test(arguments: pages)
    func metadataMatches(page: String) throws {
        let folder = TestSupport.shared.appendingPathComponent("corpus/readability-news").appendingPathComponent(page)
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected-metadata.json")))
        let metadata = try TestSupport.extract(folder.appendingPathComponent("source.html")).metadata
        #expect(metadata.title == expected.title)
        if let byline = expected.byline {
            let name = byline.hasPrefix("By ") ? String(byline.dropFirst(3)) : byline
            #expect(metadata.bylines == [name])
        }
        if let siteName = expected.siteName {
            #expect(metadata.publisher == siteName)
        }
    }

    /// Real pages give the same tree with the unused markup taken out first
    /// as with it left in.
    @Test func everyPageGivesTheSameTreeWithoutItsUnusedMarkup() throws {
        let folder = TestSupport.shared.appendingPathComponent("corpus/readability-news")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var checked = 0
        for page in pages {
            let file = folder.appendingPathComponent(page).appendingPathComponent("source.html")
            guard let data = try? Data(contentsOf: file) else { continue }
            #expect(UnusedMarkupTests.treesAgree(Array(data)), "\(page)")
            checked += 1
        }
        #expect(checked >= 20)
    }
}

import Foundation
import Testing
import ProvenanceParsing

/// The pages of ../shared/corpus/readability-news against their
/// expected-metadata.json (title, byline, site name, publication date,
/// language). Those files are Readability.js's own output, not ground truth:
/// where it is wrong the field is skipped, page by page, with the reason.
/// Bylines are compared without "By"/"Par", whitespace collapsed, case aside.
@Suite(.enabled(if: TestSupport.hasShared, "../shared/corpus is absent: corpus tests skipped"))
struct ReadabilityCorpusTests {
    struct Expected: Decodable {
        var title: String?
        var byline: String?
        var siteName: String?
        var publishedTime: String?
        var lang: String?
    }

    /// Fields where Readability's answer is wrong, by page.
    static let readabilityIsWrong: [String: [String: String]] = [
        "bbc-1": ["byline": "the publisher's name, not a person"],
        "breitbart": ["title": "the site's name is left on", "byline": "the date and a comment count are glued on"],
        "guardian-1": ["title": "the author's name is left on"],
        "herald-sun-1": ["byline": "the page's own article:author names another writer"],
        "lemonde-1": ["byline": "three names read as one"],
        "salon-1": ["byline": "the author of a teaser for another story"],
        "seattletimes-1": ["byline": "dates read as the byline"],
        "tmz-1": ["siteName": "an address, not the name of the organisation behind it"],
        "webmd-1": ["byline": "credentials and layout whitespace kept"],
        "webmd-2": ["byline": "layout whitespace and a date kept"],
        "yahoo-2": ["title": "the site's name, not the headline"],
        "yahoo-3": ["byline": "a date kept"],
    ]

    static let pages: [String] = {
        let folder = TestSupport.shared.appendingPathComponent("corpus/readability-news")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("expected-metadata.json").path) }
            .sorted()
    }()

    private static func normalName(_ byline: String) -> String {
        var words = byline.split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = words.first?.lowercased(), first == "by" || first == "par" { words.removeFirst() }
        return words.joined(separator: " ").lowercased()
    }

    @Test func everyPageIsRead() {
        #expect(Self.pages.count >= 30)
    }

    @Test(arguments: pages)
    func metadataMatches(page: String) throws {
        let folder = TestSupport.shared.appendingPathComponent("corpus/readability-news").appendingPathComponent(page)
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected-metadata.json")))
        let metadata = try TestSupport.extract(folder.appendingPathComponent("source.html")).metadata
        let wrong = Self.readabilityIsWrong[page] ?? [:]
        if let title = expected.title, wrong["title"] == nil {
            #expect(metadata.title == title)
        }
        if let byline = expected.byline, wrong["byline"] == nil {
            #expect(Self.normalName(metadata.bylines.joined(separator: ", ")) == Self.normalName(byline))
        }
        if let siteName = expected.siteName, wrong["siteName"] == nil {
            #expect(metadata.publisher == siteName)
        }
        if let published = expected.publishedTime, wrong["publishedTime"] == nil {
            #expect(metadata.published?.prefix(10) == published.prefix(10))
        }
        if let lang = expected.lang, wrong["lang"] == nil {
            #expect(metadata.language?.lowercased().hasPrefix(lang.lowercased().prefix(2)) == true)
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

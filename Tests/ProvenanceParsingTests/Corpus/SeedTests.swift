import Foundation
import Testing
import ProvenanceParsing

/// The two seed articles in ../shared/seeds: the floor of what we handle.
/// They are third-party text, so they are read in place and never copied.
@Suite(.enabled(if: TestSupport.hasShared, "../shared/seeds is absent: seed tests skipped"))
struct SeedTests {
    private func seed(_ prefix: String) throws -> Article {
        let folder = TestSupport.shared.appendingPathComponent("seeds")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(prefix) })
        return try TestSupport.extract(folder.appendingPathComponent(name))
    }

    @Test func seed000CaptionsAndTheirCredits() throws {
        let article = try seed("000_")
        #expect(article.captions.count == 3)
        #expect(article.captions.map { $0.credit?.chain ?? [] } == [
            ["Korean Central News Agency", "Reuters"],
            ["KRT", "Reuters"],
            ["KCNA", "Reuters"],
        ])
        #expect(article.texts(of: .caption).allSatisfy { !article.body.contains($0) })
    }

    @Test func seed000Boilerplate() throws {
        let article = try seed("000_")
        #expect(article.boilerplate(.relatedHeadline).count == 2)
        #expect(article.boilerplate(.relatedHeadline).first?.hasPrefix("NORTH KOREAN ELITES ATTEND") == true)
        #expect(article.boilerplate(.imageLabel) == ["Kim Jong Un North Korea", "Kim Jong Un", "Plenary meeting North Korea"])
        #expect(article.boilerplate(.promotion) == ["CLICK HERE TO GET THE FOX NEWS APP"])
        #expect(article.boilerplate(.comments) == ["Leave a Reply", "Your email address will not be published."])
        #expect(article.metadata.publisher == "Fox News")
        #expect(article.metadata.title?.hasPrefix("Kim Jong Un tells committee") == true)
        #expect(article.texts(of: .paragraph).count == 12)
    }

    @Test func seed001DateFAQAndSources() throws {
        let article = try seed("001_")
        #expect(article.metadata.published == "2023-12-28")
        #expect(article.texts(of: .paragraph).first?.hasPrefix("North Korean Supreme Leader Kim Jong Un addressed") == true)
        #expect(article.texts(of: .heading) == ["Frequently Asked Questions (FAQ)"])
        #expect(article.texts(of: .question).count == 4)
        #expect(article.references.count == 2)
        #expect(article.references.map(\.label) == ["Korean Central News Agency", "Fox News"])
        #expect(article.references.first?.url == "https://www.kcna.co.jp/")
        #expect(article.references.last?.url.hasPrefix("https://www.foxnews.com/world/kim-jong-un-committee") == true)
        #expect(article.metadata.publisher == nil)
    }
}

import Testing
import ProvenanceParsing

/// The outlet page in Examples/: a saved news page with navigation, a cookie
/// banner, a share bar, related headlines, figures, a promo, a newsletter
/// box, a sidebar, a comment form and a footer around ten paragraphs.
@Suite struct HTMLExtractionTests {
    let article: Article

    init() throws {
        article = try TestSupport.extract(TestSupport.example("harbor-ledger-castavia-port-talks.html"))
    }

    @Test func readsTheMetadata() {
        #expect(article.format == .html)
        #expect(article.metadata.title == "Castavia president says port talks with neighbors must secure ‘open sea lanes’")
        #expect(article.metadata.bylines == ["Nora Lindqvist"])
        #expect(article.metadata.publisher == "The Harbor Ledger")
        #expect(article.metadata.published == "2024-03-14T16:42:00Z")
        #expect(article.metadata.url == "https://www.harborledger.example/world/castavia-president-says-port-talks-with-neighbors-must-secure-open-sea-lanes")
        #expect(article.metadata.language == "en")
    }

    @Test func keepsTheArticleParagraphsInOrder() {
        let paragraphs = article.texts(of: .paragraph)
        #expect(paragraphs.count == 14)
        #expect(paragraphs.first?.hasPrefix("President Aurel Venn of Castavia used a key session") == true)
        #expect(paragraphs.last?.hasSuffix("wraps up Friday with a vote on the ministry’s budget.") == true)
        #expect(paragraphs.contains { $0.hasSuffix("Meridian News Agency reported.") })
    }

    @Test func leavesThePageChromeOutOfTheBody() {
        let body = article.body
        for junk in ["We use cookies", "CASTAVIA OPENS DEEP-WATER BERTH", "CLICK HERE TO GET THE HARBOR LEDGER APP",
                     "Morning Brief", "Most read", "Leave a Reply", "Your email address will not be published",
                     "All rights reserved", "Share", "Podcasts"] {
            #expect(!body.contains(junk), "\(junk) leaked into the body")
        }
        #expect(article.boilerplate(.relatedHeadline).count == 2)
        #expect(article.boilerplate(.promotion) == ["CLICK HERE TO GET THE HARBOR LEDGER APP"])
        #expect(article.boilerplate(.comments).contains("Leave a Reply"))
        #expect(!article.boilerplate(.cookieBanner).isEmpty)
        #expect(!article.boilerplate(.navigation).isEmpty)
        #expect(!article.boilerplate(.newsletter).isEmpty)
    }

    @Test func keepsCaptionsWithTheirCreditChains() {
        let captions = article.captions
        #expect(captions.map { $0.credit?.chain ?? [] } == [
            ["Meridian News Agency", "Reuters"],
            ["MNA", "AP"],
            ["Jonas Petrov", "AFP", "Getty Images"],
        ])
        #expect(!article.body.contains("(Meridian News Agency via Reuters)"))
        // The credit's span holds exactly its words.
        for caption in captions {
            let credit = caption.credit!
            #expect(article.text(of: credit.span) == credit.text)
            #expect(caption.span.contains(credit.span))
        }
    }

    @Test func givesTheDatelineItsOwnBlock() {
        #expect(article.texts(of: .dateline).contains("Published March 14, 2024 4:42pm GMT"))
        #expect(article.texts(of: .title).count == 1)
    }

    @Test func everySpanPointsAtItsWords() {
        let scalars = ScalarText(article.text)
        var previousEnd = 0
        for block in article.blocks {
            #expect(block.span.start >= previousEnd, "blocks overlap or go backwards")
            #expect(block.span.end <= scalars.count)
            previousEnd = block.span.end
        }
        for link in article.links {
            #expect(scalars[link.span] == link.text)
        }
    }

    @Test func keepsBodyLinksWithTheirAnchorText() {
        #expect(article.links.map(\.text) == ["Meridian News Agency reported", "long-running quarrel"])
        #expect(article.links.allSatisfy { $0.role == .body })
        #expect(article.links.first?.url == "https://mna.example/en/2024/03/14/president-venn-addresses-national-maritime-council")
    }

    @Test func resolvesRelativeLinksAgainstThePageAddress() {
        #expect(article.links.last?.url == "https://www.harborledger.example/world/ardmoor-recalls-survey-ship-gannet-strait-standoff")
    }
}

import Testing
import ProvenanceParsing

/// Metadata on pages that trip simple readers: the wire named in a dateline
/// below junk lines or in an agency line with a date, a site name with its
/// slogan, an og:title that is the site's name, a "follow" widget and a photo
/// credit next to the byline.
@Suite struct OddMetadataTests {
    private let story = [
        "The harbour board said on Tuesday that the north quay will close for repairs from the first of May.",
        "Ferries will use the south quay instead, and the timetable will not change, a spokeswoman said.",
        "Engineers found cracks in the old concrete last winter, when divers inspected the piles after a storm.",
    ]

    private func page(head: String = "", beforeStory: String = "", lead: String = "", afterHeadline: String = "") -> String {
        let paragraphs = story.enumerated().map { "<p>\($0.offset == 0 ? lead : "")\($0.element)</p>" }.joined()
        return """
            <!doctype html><html lang="en"><head><title>North quay to close for repairs | Coast Courier</title>\(head)</head>
            <body><header><a href="/">Coast Courier</a></header><article><h1>North quay to close for repairs</h1>\(afterHeadline)
            \(beforeStory)\(paragraphs)</article><footer><p>About us</p></footer></body></html>
            """
    }

    @Test func aDatelineBelowJunkLinesNamesTheWire() throws {
        // Share buttons and an advertisement label stand between the headline and the dateline.
        let html = page(beforeStory: "<p>Share</p><p>Advertisement</p>", lead: "PORTVALE (AP) — ")
        #expect(try TestSupport.extract(html).metadata.wire == "Associated Press")
    }

    @Test func aDatelineInTheThirdParagraphNamesTheWire() throws {
        let html = page(beforeStory: "<p>Listen to this story, which our audio team read aloud for you.</p><p>Updated at noon with the board's statement.</p>",
                        lead: "PORTVALE, March 3 (Reuters) - ")
        #expect(try TestSupport.extract(html).metadata.wire == "Reuters")
    }

    @Test func anAgencyLineWithADateNamesTheWire() throws {
        let html = page(afterHeadline: "<div class=\"meta\">Associated Press · March 3, 2024</div>")
        let metadata = try TestSupport.extract(html).metadata
        #expect(metadata.wire == "Associated Press")
        #expect(metadata.bylines.isEmpty)
    }

    @Test func aCityInBracketsOfAnOutletIsNoWire() throws {
        let html = page(lead: "WASHINGTON (CNN) — ")
        #expect(try TestSupport.extract(html).metadata.wire == nil)
    }

    @Test func theSloganLeavesTheSiteName() throws {
        let html = page(head: "<meta property=\"og:site_name\" content=\"Coast Courier - Latest News &amp; Headlines\">")
        #expect(try TestSupport.extract(html).metadata.publisher == "Coast Courier")
    }

    @Test func anOGTitleThatIsTheSiteNameGivesWayToTheHeadline() throws {
        let html = page(head: """
            <meta property="og:site_name" content="Coast Courier"><meta property="og:title" content="Coast Courier">
            """)
        #expect(try TestSupport.extract(html).metadata.title == "North quay to close for repairs")
    }

    @Test func aFollowWidgetIsNoByline() throws {
        let html = page(afterHeadline: """
            <div class="author-follow"><span class="author-name">Follow Nora Lindqvist</span></div>
            <p class="byline">By Ilse Maren</p>
            """)
        #expect(try TestSupport.extract(html).metadata.bylines == ["Ilse Maren"])
    }

    @Test func aPhotoCreditIsNoByline() throws {
        let html = page(afterHeadline: """
            <figure><img src="quay.jpg" alt="The north quay"><figcaption>The north quay at dawn.
            <span class="credit">Jonas Petrov/Reuters files</span></figcaption></figure>
            <p class="byline">By Ilse Maren</p>
            """)
        let metadata = try TestSupport.extract(html).metadata
        #expect(metadata.bylines == ["Ilse Maren"])
    }

    @Test func aCreditInTheAuthorTagIsNoByline() throws {
        let html = page(head: "<meta name=\"author\" content=\"Jonas Petrov/Reuters files\">")
        #expect(try TestSupport.extract(html).metadata.bylines.isEmpty)
    }

    @Test func aLongSentenceInAuthorMarkupIsNoByline() throws {
        let prose = "The harbour board met the ferry operators on Monday and agreed that the south quay would take "
            + "every crossing until the repairs of the north quay are finished next spring, a spokeswoman said."
        let html = page(afterHeadline: "<div class=\"author\">By Ilse Maren</div><div class=\"author-note\">\(prose)</div>")
        let article = try TestSupport.extract(html)
        let bylines = article.texts(of: .byline)
        #expect(bylines.contains { $0.contains("Ilse Maren") })
        #expect(!bylines.contains { $0.contains("ferry operators") })
        #expect(article.metadata.bylines == ["Ilse Maren"])
    }
}

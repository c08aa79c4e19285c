import Testing
import ProvenanceParsing

/// Plain-text articles: the document text is the file, every span points into it.
@Suite struct TextArticleTests {
    /// A scraped story in the shape of the seeds, in our own words.
    static let scraped = """
        Harbour chief tells council the port must stay 'open to all'


        The harbour chief of Portvale spoke to the city council on Monday, urging members to keep the port open.

        “The port must stay open to every honest ship,” Meridian News Agency reported.

        CASTAVIA OPENS NEW BERTH AHEAD OF SCHEDULE

        Harbour chief Portvale

        The harbour chief addresses the city council in Portvale. (Meridian News Agency via Reuters)

        The council will vote on the harbour budget on Friday.

        CLICK HERE TO GET THE HARBOR LEDGER APP

        Leave a Reply

        Your email address will not be published.
        """

    @Test func readsTheShapeOfAScrapedStory() throws {
        let article = try TestSupport.extract(Self.scraped)
        #expect(article.format == .text)
        #expect(article.metadata.title == "Harbour chief tells council the port must stay 'open to all'")
        #expect(article.texts(of: .paragraph).count == 3)
        #expect(article.texts(of: .caption) == ["The harbour chief addresses the city council in Portvale. (Meridian News Agency via Reuters)"])
        #expect(article.captions.first?.credit?.chain == ["Meridian News Agency", "Reuters"])
        #expect(article.boilerplate(.relatedHeadline) == ["CASTAVIA OPENS NEW BERTH AHEAD OF SCHEDULE"])
        #expect(article.boilerplate(.imageLabel) == ["Harbour chief Portvale"])
        #expect(article.boilerplate(.promotion) == ["CLICK HERE TO GET THE HARBOR LEDGER APP"])
        #expect(article.boilerplate(.comments) == ["Leave a Reply", "Your email address will not be published."])
        #expect(article.metadata.publisher == "Harbor Ledger")
    }

    @Test func theTextIsTheFileAndSpansPointIntoIt() throws {
        let article = try TestSupport.extract(Self.scraped)
        #expect(article.text == Self.scraped)
        let scalars = Array(Self.scraped.unicodeScalars)
        for block in article.blocks {
            let words = String(String.UnicodeScalarView(scalars[block.span.start..<block.span.end]))
            #expect(words == article.text(of: block.span))
            #expect(words.first?.isWhitespace == false)
        }
    }

    @Test func theRewriteExample() throws {
        let article = try TestSupport.extract(TestSupport.example("content-farm-rewrite.txt"))
        #expect(article.metadata.published == "2024-03-15")
        #expect(article.metadata.title == nil)
        #expect(article.texts(of: .dateline) == ["date 2024-03-15"])
        #expect(article.texts(of: .paragraph).first?.hasPrefix("Castavian President Aurel Venn used") == true)
        #expect(article.texts(of: .heading) == ["Frequently Asked Questions (FAQ)"])
        #expect(article.texts(of: .question).count == 4)
        #expect(article.texts(of: .question).allSatisfy { $0.hasSuffix("?") })
        let references = article.references
        #expect(references.map(\.label) == ["Meridian News Agency", "The Harbor Ledger"])
        #expect(references.map(\.text) == ["MNA", "Article Link"])
        #expect(references.last?.url == "https://www.harborledger.example/world/castavia-president-says-port-talks-with-neighbors-must-secure-open-sea-lanes")
        #expect(!article.body.contains("Sources"))
        #expect(!article.body.contains("https://"))
    }

    @Test func theDispatchExample() throws {
        let article = try TestSupport.extract(TestSupport.example("meridian-news-agency-dispatch.txt"))
        #expect(article.metadata.title == "President Aurel Venn Addresses National Maritime Council, Calls for Talks on Open Sea Lanes")
        #expect(article.texts(of: .dateline) == ["PORTVALE, March 14 (MNA) --"])
        // The dateline says "MNA"; the copyright line spells it out.
        #expect(article.metadata.publisher == "Meridian News Agency")
        #expect(article.boilerplate(.copyright) == ["(c) 2024 Meridian News Agency"])
        #expect(article.texts(of: .paragraph).first?.hasPrefix("President Aurel Venn of the Republic of Castavia") == true)
    }

    @Test func wireDatelineNamesThePublisher() throws {
        let text = "Port strike ends\n\nSEOUL (Reuters) – Dock workers returned to work on Tuesday after a week-long strike, the union said.\n"
        let article = try TestSupport.extract(text)
        #expect(article.metadata.publisher == "Reuters")
        #expect(article.texts(of: .dateline) == ["SEOUL (Reuters) –"])
        #expect(article.texts(of: .paragraph) == ["Dock workers returned to work on Tuesday after a week-long strike, the union said."])
    }

    @Test func bylineAndCopyrightLines() throws {
        let text = """
            Port strike ends

            By Ana Ruiz and Li Wei

            Dock workers returned to work on Tuesday after a week-long strike, the union said.

            © 2024 Coast Courier, LLC. All rights reserved.
            """
        let article = try TestSupport.extract(text)
        #expect(article.metadata.bylines == ["Ana Ruiz", "Li Wei"])
        #expect(article.metadata.publisher == "Coast Courier")
        #expect(article.texts(of: .byline) == ["By Ana Ruiz and Li Wei"])
    }

    @Test func hardWrappedParagraphsStayWhole() throws {
        let text = """
            A wire story

            Dock workers returned to work on Tuesday after a week-long strike
            that had closed the port, the union said, adding that talks over
            pay would resume next month.

            The port authority said ships would be unloaded within days.
            """
        let paragraphs = try TestSupport.extract(text).texts(of: .paragraph)
        #expect(paragraphs.count == 2)
        #expect(paragraphs.first?.hasSuffix("would resume next month.") == true)
    }

    @Test func markdownLinksAndBareAddressesInTheBody() throws {
        let text = "A note\n\nThe [harbour report](https://port.example/report) is online, and so is https://port.example/data.\n"
        let links = try TestSupport.extract(text).links
        #expect(links.map(\.text) == ["harbour report", "https://port.example/data"])
        #expect(links.map(\.url) == ["https://port.example/report", "https://port.example/data"])
        #expect(links.allSatisfy { $0.role == .body })
    }

    @Test func publisherOptionWinsOverTheText() throws {
        let article = try TestSupport.extract(Self.scraped, options: ExtractionOptions(publisher: "Fox News"))
        #expect(article.metadata.publisher == "Fox News")
    }

    @Test func aDatelineDayTakesItsYearFromTheCopyrightLine() throws {
        let dispatch = """
            Harbour reopens after storm

            PORTVALE, March 14 (MNA) -- The harbour reopened on Thursday after three days of storm, the port authority said.

            Ferries will run to the usual timetable from Friday.

            (c) 2019-2024 Meridian News Agency
            """
        let article = try TestSupport.extract(dispatch)
        #expect(article.metadata.published == "2024-03-14")
        // A dateline with its year needs no copyright line; one without a year, and no copyright line, gives no date.
        let whole = try TestSupport.extract(dispatch.replacingOccurrences(of: "March 14 (MNA)", with: "March 14, 2023 (MNA)")
            .replacingOccurrences(of: "(c) 2019-2024 Meridian News Agency", with: ""))
        #expect(whole.metadata.published == "2023-03-14")
        let undated = try TestSupport.extract(dispatch.replacingOccurrences(of: "(c) 2019-2024 Meridian News Agency", with: "Meridian News Agency"))
        #expect(undated.metadata.published == nil)
        // A place with its country is no date.
        let country = try TestSupport.extract(dispatch.replacingOccurrences(of: "PORTVALE, March 14", with: "PORTVALE, Castavia"))
        #expect(country.metadata.published == nil)
    }
}

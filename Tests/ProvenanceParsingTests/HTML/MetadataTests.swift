import Testing
import ProvenanceParsing

@Suite struct MetadataTests {
    private func page(head: String, body: String = "<p>Some body text that is long enough to count as a paragraph, with a comma.</p>") -> String {
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
    }

    @Test func readsNewsArticleInsideAGraph() throws {
        let html = page(head: """
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Site"},
              {"@type": "NewsArticle", "headline": "Harbour talks open",
               "datePublished": "2024-03-14T09:30:00+01:00",
               "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Li Wei"}],
               "publisher": {"@type": "Organization", "name": "Coast Courier"},
               "mainEntityOfPage": {"@id": "https://courier.example/harbour-talks"}}
            ]}
            </script>
            """)
        let metadata = try TestSupport.extract(html).metadata
        #expect(metadata.title == "Harbour talks open")
        #expect(metadata.bylines == ["Ana Ruiz", "Li Wei"])
        #expect(metadata.publisher == "Coast Courier")
        #expect(metadata.published == "2024-03-14T09:30:00+01:00")
        #expect(metadata.url == "https://courier.example/harbour-talks")
        #expect(metadata.language == "en-GB")
    }

    @Test func brokenJSONLDFallsBackToMetaTagsWithANote() throws {
        let html = page(head: """
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken" "author": }</script>
            <meta property="og:title" content="From OpenGraph &#8211; with an entity">
            <meta property="og:site_name" content="Coast Courier">
            <meta property="article:published_time" content="2024-03-14">
            <meta name="author" content="By Ana Ruiz">
            <link rel="canonical" href="https://courier.example/a">
            """)
        let article = try TestSupport.extract(html)
        #expect(article.metadata.title == "From OpenGraph – with an entity")
        #expect(article.metadata.publisher == "Coast Courier")
        #expect(article.metadata.published == "2024-03-14")
        #expect(article.metadata.bylines == ["Ana Ruiz"])
        #expect(article.metadata.url == "https://courier.example/a")
        #expect(article.notes.contains { $0.contains("JSON-LD") })
    }

    @Test func repairsTrailingCommasInJSONLD() throws {
        let html = page(head: """
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Repaired", "author": {"name": "Ana Ruiz",},}</script>
            """)
        let article = try TestSupport.extract(html)
        #expect(article.metadata.title == "Repaired")
        #expect(article.metadata.bylines == ["Ana Ruiz"])
        #expect(article.notes.isEmpty)
    }

    @Test func fallsBackToTitleTimeAndVisibleByline() throws {
        let html = page(
            head: "<title>Storm closes port | Coast Courier</title><meta property=\"og:site_name\" content=\"Coast Courier\">",
            body: """
                <article><h1>Storm closes port</h1>
                <div class="byline">By <a href="/ana">Ana Ruiz</a> and Li Wei, Reuters</div>
                <time datetime="2023-11-02T07:15:00-05:00">Nov. 2, 2023</time>
                <p>The port closed on Thursday as the storm arrived, officials said, and ships waited offshore.</p>
                <p>Crews expect to reopen the channel once the wind drops, according to the harbour master.</p>
                </article>
                """)
        let metadata = try TestSupport.extract(html).metadata
        #expect(metadata.title == "Storm closes port")
        #expect(metadata.bylines == ["Ana Ruiz", "Li Wei"])
        #expect(metadata.published == "2023-11-02T07:15:00-05:00")
    }

    @Test func publisherFromTheAddressWhenThePageDoesNotSay() throws {
        let html = page(head: "<link rel=\"canonical\" href=\"https://www.foxnews.com/world/story\">")
        #expect(try TestSupport.extract(html).metadata.publisher == "Fox News")
    }

    @Test func optionsOverrideWhatThePageSays() throws {
        let html = page(head: "<meta property=\"og:site_name\" content=\"Aggregator\">")
        let options = ExtractionOptions(publisher: "Coast Courier", url: "https://courier.example/x", published: "March 3, 2024")
        let metadata = try TestSupport.extract(html, options: options).metadata
        #expect(metadata.publisher == "Coast Courier")
        #expect(metadata.url == "https://courier.example/x")
        #expect(metadata.published == "2024-03-03")
    }
}

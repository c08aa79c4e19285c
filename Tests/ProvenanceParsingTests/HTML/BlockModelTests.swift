import Testing
import ProvenanceParsing

/// The learned block model on pages written for the tests: it loads, it
/// keeps a story whose wrapper is named like junk, and `--extraction rules`
/// still gives the rules' judgement.
@Suite struct BlockModelTests {
    @Test func theBundledModelLoads() {
        #expect(ArticleExtractor.blockModelProblem == nil)
    }

    /// A news page: menus, a headline, the paragraphs of story inside `wrapper`, a list of
    /// related headlines and a footer, with no element that declares the article body.
    private func page(wrapper: String) -> String {
        let sentences = [
            "The harbour board said on Tuesday that the north quay will close for repairs from the first of May.",
            "Ferries will use the south quay instead, and the timetable will not change, a spokeswoman said.",
            "Engineers found cracks in the old concrete last winter, when divers inspected the piles after a storm.",
            "The work will take about four months and cost the board a little under three million, its figures show.",
            "Fishing boats keep their berths at the east pier, which the repairs do not touch.",
            "The board will hold a meeting for residents next week to explain how traffic on the quay road will run.",
            "Shops along the quay asked for signs pointing visitors to the south side while the work goes on.",
            "The last repairs of this size were made more than thirty years ago, before the ferry terminal was built.",
        ]
        let story = sentences.map { "<p>\($0)</p>" }.joined()
        let menu = ["News", "Sport", "Weather", "Culture", "Travel", "Business"].map { "<li><a href=\"/\($0)\">\($0)</a></li>" }.joined()
        let related = (1...6).map { "<li><a href=\"/story/\($0)\">Another headline about the coast, number \($0)</a></li>" }.joined()
        return """
            <html><head><title>North quay to close for repairs</title></head><body>
            <header><a href="/">The Coast Courier</a><nav><ul>\(menu)</ul></nav></header>
            <h1>North quay to close for repairs</h1><div class="\(wrapper)">\(story)</div>
            <div class="related-stories"><h2>More from the coast</h2><ul>\(related)</ul></div>
            <footer><p>Copyright The Coast Courier. All rights reserved.</p><p><a href="/about">About us</a></p></footer>
            </body></html>
            """
    }

    @Test func aStoryInsideAWrapperNamedLikeJunkIsKept() throws {
        // "social" and "sidebar" are junk words; the element holds the whole story (not the headline),
        // and the page declares no article body.
        let html = page(wrapper: "social-scroll-area with-sidebar")
        let article = try TestSupport.extract(html)
        #expect(article.body.contains("The harbour board said on Tuesday"))
        #expect(article.body.contains("before the ferry terminal was built."))
        #expect(!article.body.contains("Another headline about the coast"))
        #expect(!article.body.contains("All rights reserved"))
    }

    @Test func theRulesAloneStayAvailable() throws {
        let html = page(wrapper: "story")
        let rules = try ArticleExtractor(options: ExtractionOptions(judging: .rules)).extract(Array(html.utf8), path: "page.html")
        let model = try ArticleExtractor().extract(Array(html.utf8), path: "page.html")
        #expect(rules.body.contains("The harbour board said on Tuesday"))
        #expect(model.body.contains("The harbour board said on Tuesday"))
    }

    /// A model that finds nothing article text: every block it judges goes out.
    private var blindExtractor: ArticleExtractor {
        var extractor = ArticleExtractor()
        extractor.blockModel = BlockModel(
            description: "blind", threshold: 0.5, depth: 1, baseScore: -10, features: [BlockModel.noFeature], thresholds: [0],
            leaves: [0, 0])
        return extractor
    }

    @Test func theSafetyNetTakesThePagesLargestRegionOfProseWhenTheArticleIsLost() throws {
        let article = try blindExtractor.extract(Array(page(wrapper: "story").utf8), path: "page.html")
        #expect(article.body.contains("The harbour board said on Tuesday"))
        #expect(article.body.contains("before the ferry terminal was built."))
        #expect(!article.body.contains("Another headline about the coast"))
        #expect(article.notes.contains { $0.contains("largest region of prose") })
    }

    @Test func theSafetyNetTakesTheDeclaredBodyWhereThePageHasOne() throws {
        // Much prose in a rail beside the story: the body the page declares is taken, not the rail.
        let rail = (1...8).map { "<p>A longer summary of another story on the coast, with a verb and a full stop, number \($0).</p>" }.joined()
        let html = page(wrapper: "story")
            .replacingOccurrences(of: "<div class=\"story\">", with: "<div itemprop=\"articleBody\">")
            .replacingOccurrences(of: "<footer>", with: "<div class=\"rail\">\(rail)</div><footer>")
        let article = try blindExtractor.extract(Array(html.utf8), path: "page.html")
        #expect(article.body.contains("The harbour board said on Tuesday"))
        #expect(!article.body.contains("A longer summary of another story"))
        #expect(article.notes.contains { $0.contains("declared article body") })
    }
}

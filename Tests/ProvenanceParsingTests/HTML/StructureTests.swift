import Testing
import ProvenanceParsing

/// How page structure becomes blocks.
@Suite struct StructureTests {
    private let filler = "This sentence is here so the paragraph reads like an article, with commas, verbs and a full stop."

    @Test func anUnclosedParagraphDoesNotSwallowAFigure() throws {
        // libxml2 is an HTML4 parser: it does not know <figure> closes <p>.
        let html = """
            <html><body><article><h1>Title here</h1>
            <p>\(filler) The first paragraph is never closed.
            <figure><img src="a.jpg" alt="Label"><figcaption>Boats in the harbour. (MNA via AP)</figcaption></figure>
            <p>\(filler)</p></article></body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(article.texts(of: .caption) == ["Boats in the harbour. (MNA via AP)"])
        #expect(article.captions.first?.credit?.chain == ["MNA", "AP"])
        #expect(article.texts(of: .paragraph).count == 2)
        #expect(!article.body.contains("Boats in the harbour"))
    }

    @Test func aCreditMarkedUpApartJoinsItsCaption() throws {
        let html = """
            <html><body><article><p>\(filler)</p>
            <figure><figcaption>Fishing boats tied up in Ostrel. <span class="credit">Jonas Petrov/AFP/Getty Images</span></figcaption></figure>
            <p>\(filler)</p></article></body></html>
            """
        let caption = try #require(try TestSupport.extract(html).captions.first)
        #expect(caption.credit?.text == "Jonas Petrov/AFP/Getty Images")
        #expect(caption.credit?.chain == ["Jonas Petrov", "AFP", "Getty Images"])
    }

    @Test func doubleLineBreaksSeparateParagraphs() throws {
        let html = "<html><body><div>\(filler)<br><br>\(filler) Second.<br>Same paragraph, next line.</div></body></html>"
        let paragraphs = try TestSupport.extract(html).texts(of: .paragraph)
        #expect(paragraphs.count == 2)
        #expect(paragraphs.last?.hasSuffix("Second.\nSame paragraph, next line.") == true)
    }

    @Test func hiddenElementsAreNotText() throws {
        let html = """
            <html><body><article><p>\(filler)</p><div style="display: none"><p>Invisible words, never shown to readers.</p></div>
            <p hidden>Also hidden from every reader of this page.</p><p>\(filler)</p></article></body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(!article.text.contains("Invisible"))
        #expect(!article.text.contains("Also hidden"))
    }

    @Test func aPostThatIsAListOfLinksIsReadAsItsLinks() throws {
        // A blog's links of the day: each entry a link and a "via" line that is a link too. Judged
        // line by line, every one is a link; together they are the post.
        let entries = (1...12).map { number in
            """
            <p><a href="https://example.org/harbour/\(number)">Harbour story number \(number) on the ferry timetable</a></p>
            <p>via <a href="https://example.org">Example Harbour News</a></p>
            """
        }.joined()
        let post = try TestSupport.extract("<html><body><article><h1>Links of the day</h1>\(entries)</article></body></html>")
        let read = post.texts(of: .paragraph) + post.texts(of: .listItem) + post.texts(of: .label)
        #expect(read.contains("Harbour story number 1 on the ferry timetable"))
        #expect(read.contains("Harbour story number 12 on the ferry timetable"))
        #expect(post.notes.contains { $0.contains("read as the article's list") })

        // A story with a few links under it keeps them out: they hold less text than it.
        let links = (1...5).map { "<p><a href=\"https://example.org/\($0)\">Another harbour story, number \($0)</a></p>" }.joined()
        let story = try TestSupport.extract(
            "<html><body><article><h1>Harbour tax to double</h1>\(String(repeating: "<p>\(filler)</p>", count: 6))\(links)</article></body></html>")
        #expect(!story.body.contains("Another harbour story"))
        #expect(!story.notes.contains { $0.contains("read as the article's list") })
    }

    @Test func aGalleryThatHidesMostOfItsProseIsReadAsShown() throws {
        // A list article paged by a script: one section shown, the others
        // `display: none` until a reader clicks through. A hidden dialog
        // beside a longer article stays hidden.
        func section(_ number: Int, hidden: Bool) -> String {
            """
            <div class="gallery-section"\(hidden ? " style=\"display: none\"" : "")><h2>\(number). Item number \(number)</h2>
            <p>\(filler) Item \(number) is described here at length.</p><p>\(filler)</p></div>
            """
        }
        let gallery = "<html><body><article>" + (1...6).map { section($0, hidden: $0 > 1) }.joined() + "</article></body></html>"
        let article = try TestSupport.extract(gallery)
        for number in 1...6 {
            #expect(article.body.contains("Item \(number) is described here at length."))
        }
        #expect(article.notes.contains { $0.contains("prose was hidden") })

        let dialog = """
            <html><body><article>\((1...8).map { "<p>\(filler) Paragraph \($0).</p>" }.joined())</article>
            <div style="display:none">\((1...10).map { "<p>\(filler) Cookie details \($0), never shown.</p>" }.joined())</div>
            </body></html>
            """
        let withDialog = try TestSupport.extract(dialog)
        #expect(withDialog.body.contains("Paragraph 8."))
        #expect(!withDialog.body.contains("Cookie details"))
        #expect(!withDialog.notes.contains { $0.contains("prose was hidden") })
    }

    @Test func aGalleryWhoseCaptionsAreItsArticleReadsThemAsParagraphs() throws {
        // Twenty pictures with a paragraph under each and a two-line intro:
        // the captions are what a reader reads. A captioned photo credit
        // stays a caption.
        let figures = (1...20).map { number in
            """
            <figure><img src="\(number).jpg" alt=""><figcaption><p>Idea \(number): \(filler)</p></figcaption></figure>
            """
        }.joined()
        let html = """
            <html><body><article><h1>Twenty ideas</h1><p>Here are twenty ideas, one under each picture.</p>\(figures)
            <figure><img src="x.jpg" alt=""><figcaption>The harbour at dawn. Jonas Petrov/AFP/Getty Images</figcaption></figure>
            </article></body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(article.texts(of: .paragraph).filter { $0.hasPrefix("Idea ") }.count == 20)
        #expect(article.texts(of: .caption) == ["The harbour at dawn. Jonas Petrov/AFP/Getty Images"])
        #expect(article.notes.contains { $0.contains("were read as the article") })
    }

    @Test func aPageThatWritesItsTextWithAScriptIsReadFromItsLinkedData() throws {
        // The markup holds an empty application root; the article is in the
        // JSON-LD, as HTML in a string. It follows the page's blocks, placed
        // at the script's line in the file. (Pages escape the "<" of their
        // markup in JSON, or the script would end at the first "</".)
        let paragraphs = (1...6).map { "<p>\(filler) Script paragraph \($0).</p>" }.joined()
        let escaped = paragraphs.replacingOccurrences(of: "<", with: "\\u003c")
        let html = """
            <html><head><title>Harbour tax to double</title>
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour tax to double",
            "articleBody": "\(escaped)"}</script></head>
            <body><div id="root"><p>Loading…</p></div></body></html>
            """
        let article = try TestSupport.extract(html)
        let body = article.texts(of: .paragraph).filter { $0.contains("Script paragraph") }
        #expect(body == (1...6).map { "\(filler) Script paragraph \($0)." })
        #expect(article.notes.contains { $0.contains("JSON-LD") })
        let first = try #require(article.blocks.first { ScalarText(article.text)[$0.span].contains("Script paragraph 1") })
        #expect(article.positions?.position(of: first.span.start)?.line == 2)

        // A how-to's description and steps, directions nested in steps.
        let guide = """
            <html><head><script type="application/ld+json">{"@type": "HowTo", "name": "A round tablecloth",
            "description": "\(filler) The description. \(filler)",
            "step": [{"@type": "HowToStep", "itemListElement": {"@type": "HowToDirection", "text": "\(filler) Measure the table."}},
            {"@type": "HowToStep", "text": "\(filler) Cut the cloth.<br>Then hem it, \(filler)"}]}</script></head>
            <body><div id="app"></div></body></html>
            """
        #expect(try TestSupport.extract(guide).texts(of: .paragraph) == [
            "\(filler) The description. \(filler)", "\(filler) Measure the table.", "\(filler) Cut the cloth.", "Then hem it, \(filler)",
        ])

        // A page whose markup holds the article does not read it twice.
        let both = html.replacingOccurrences(of: "<p>Loading…</p>", with: paragraphs)
        #expect(try TestSupport.extract(both).texts(of: .paragraph).count == 6)
    }

    @Test func aClassNameEndingInHiddenHidesNothing() throws {
        // Layout utilities and CMS field classes ("overflow-hidden", "field--label-hidden")
        // wrap whole stories; only the class "hidden" itself hides an element.
        let html = """
            <html><body><div class="box-overflow-hidden"><div class="field field--label-hidden"><p>\(filler)</p>
            <p>\(filler) The second paragraph.</p></div></div><div class="hidden"><p>Kept out of the text.</p></div>
            </body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(article.texts(of: .paragraph).count == 2)
        #expect(!article.text.contains("Kept out"))
    }

    @Test func joinersInsideWordsStay() throws {
        // Persian and Bengali words are spelt with the zero-width non-joiner and joiner;
        // zero-width spaces and soft hyphens are dropped.
        let html = "<html><body><article><p>\(filler) \u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{647}\u{645} kno\u{AD}wn wo\u{200B}rd.</p></article></body></html>"
        let paragraph = try #require(try TestSupport.extract(html).texts(of: .paragraph).first)
        #expect(paragraph.hasSuffix("\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{647}\u{645} known word."))
    }

    @Test func aJunkClassOnTheWrapperOfTheArticleIsIgnored() throws {
        // "Page-ad-margins" and "sidebar" wrap the whole story on real sites.
        let html = """
            <html><body><div class="Page-ad-margins"><div class="layout penci_sidebar"><h1>Headline</h1>
            <p>\(filler)</p><p>\(filler)</p><p>\(filler)</p></div></div>
            <div class="sidebar"><p>Sidebar words that are not the article, but long enough to look like a paragraph.</p></div>
            </body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(article.texts(of: .paragraph).count == 3)
        #expect(article.boilerplate(.sidebar).count == 1)
    }

    @Test func aJunkNameOnAnElementHoldingTheDeclaredBodyIsWeighedAgainstItsContent() throws {
        // The headline is in the site header and the comments hold more text than the
        // story, so neither the headline nor a share of the page marks the wrapper:
        // what it holds does.
        let comment = "A reader's comment, long enough to read like a paragraph of its own, with opinions."
        let html = """
            <html><body><header><h1>The Site</h1></header>
            <div class="layout layout--has-sidebar"><div class="article-body"><p>\(filler)</p><p>\(filler)</p><p>\(filler)</p></div>
            <div class="sidebar-widget"><p>Sidebar words that are not the article, but long enough to look like one.</p></div></div>
            <div class="comments"><p>\(comment)</p><p>\(comment)</p><p>\(comment)</p><p>\(comment)</p><p>\(comment)</p></div>
            </body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(article.texts(of: .paragraph) == [filler, filler, filler])
        #expect(article.boilerplate(.sidebar).count == 1)
        #expect(article.boilerplate(.comments).count == 5)
    }

    @Test func muchTextBesideTheDeclaredBodyIsNotItsWrapper() throws {
        // Teasers below the story outweigh it, but the page says where its body is.
        let teaser = "The start of another story, cut short after a sentence or two of its text."
        let teasers = (0..<8).map { "<li><a href=\"/s\($0)\">Another headline</a><p>\(teaser)</p></li>" }.joined()
        let html = """
            <html><body><h1>Headline</h1><div class="story-body"><p>\(filler)</p><p>\(filler)</p></div>
            <div class="right-rail"><ul>\(teasers)</ul></div></body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(article.texts(of: .paragraph) == [filler, filler])
        #expect(!article.body.contains("another story"))
    }

    @Test func aCaptionNameOnTheWholeStoryIsNoCaption() throws {
        let html = """
            <html><body><div class="image-text"><p>\(filler)</p><p>\(filler)</p><p>\(filler)</p></div></body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(article.texts(of: .caption).isEmpty)
        #expect(article.body.components(separatedBy: filler).count == 4)
    }

    @Test func boilerplateLinesInOtherLanguagesAreNotArticleText() throws {
        let html = """
            <html lang="de"><body><article><h1>Schlagzeile</h1><p>Aktualisiert am 31.05.2021 um 14:20 Uhr</p><p>\(filler)</p>
            <p>Teilen</p><p>Mehr zum Thema</p><p>\(filler)</p><p>Lire aussi</p><p>Czytaj też</p><p>Ähnliche Beiträge</p>
            <p>Lea más: Otro titular sobre el puerto</p></article><div><p>Impressum</p><p>Datenschutzerklärung</p></div></body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(article.texts(of: .paragraph) == [filler, filler])
        #expect(article.texts(of: .dateline) == ["Aktualisiert am 31.05.2021 um 14:20 Uhr"])
        #expect(article.boilerplate(.shareBar) == ["Teilen"])
        #expect(article.boilerplate(.relatedLinks) == [
            "Mehr zum Thema", "Lire aussi", "Czytaj też", "Ähnliche Beiträge", "Lea más: Otro titular sobre el puerto",
        ])
        #expect(!article.body.contains("Impressum"))
    }

    @Test func listsHeadingsAndQuotesKeepTheirKind() throws {
        let html = """
            <html><body><article><h1>Headline</h1><p>\(filler)</p><h2>What happened next</h2>
            <ul><li>The first point made in the story, with detail.</li><li>The second point, also with detail.</li></ul>
            <blockquote><p>A quoted passage from a report that the story reproduces at length.</p></blockquote>
            <p>\(filler)</p></article></body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(article.texts(of: .heading) == ["What happened next"])
        #expect(article.texts(of: .listItem).count == 2)
        #expect(article.texts(of: .quote).count == 1)
        #expect(article.texts(of: .title) == ["Headline"])
    }

    @Test func teaserListsAroundTheStoryStayOut() throws {
        let teasers = (1...6).map {
            "<div class=\"teaser\"><a href=\"/s\($0)\">Another story number \($0) with a headline</a> CITY: The opening words of another story that go on for a while...</div>"
        }.joined()
        let html = """
            <html><body><div>\(teasers)</div><div class="story"><h1>Headline</h1><p>\(filler)</p><p>\(filler)</p></div></body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(!article.body.contains("Another story"))
        #expect(article.texts(of: .paragraph).count == 2)
    }
}

@Suite struct HTMLSectionTests {
    private let filler = "This sentence is here so the paragraph reads like an article, with commas, verbs and a full stop."

    @Test func aSourcesListBecomesReferences() throws {
        let html = """
            <html><body><article><h1>Headline</h1><p>\(filler)</p><p>\(filler)</p>
            <h3>Sources:</h3><ul>
            <li>Meridian News Agency: <a href="https://mna.example/en/dispatch">MNA</a></li>
            <li>The Harbor Ledger: <a href="https://www.harborledger.example/world/story">Article Link</a></li>
            </ul></article></body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(article.references.map(\.label) == ["Meridian News Agency", "The Harbor Ledger"])
        #expect(article.references.map(\.url) == ["https://mna.example/en/dispatch", "https://www.harborledger.example/world/story"])
        #expect(!article.body.contains("Sources"))
        #expect(!article.body.contains("Article Link"))
    }

    @Test func faqQuestionsAreQuestions() throws {
        let html = """
            <html><body><article><h1>Headline</h1><p>\(filler)</p><h2>Frequently Asked Questions</h2>
            <h3>What is the Coastal Freight Registry?</h3><p>It is the register of merchant ships, kept by the ministry.</p>
            <h3>Who runs the port?</h3><p>The port authority runs it, under the ministry of maritime affairs.</p>
            </article></body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(article.texts(of: .question) == ["What is the Coastal Freight Registry?", "Who runs the port?"])
        #expect(article.texts(of: .paragraph).count == 3)
    }
}

import Testing
import ProvenanceParsing

/// What is on an article page but is no sentence of it: chart and table
/// figures, widget labels, copies of captions, author boxes, credit lines.
@Suite struct JunkBlockTests {
    private let filler = "The council met on Tuesday and agreed, after a long debate, to widen the harbour by next spring."

    private func page(_ body: String) -> String {
        "<html><body><article><h1>Harbour to be widened</h1><p>\(filler)</p>\(body)<p>\(filler) It was the second vote.</p></article></body></html>"
    }

    @Test func chartFiguresAndTableCellsAreLabelsOfTheBody() throws {
        let article = try TestSupport.extract(page("""
            <div class="chart"><div>$915</div><div>’17</div><div>40%</div></div>
            <table><tr><td>Player</td><td>Pos</td></tr><tr><td>Jonas Holt</td><td>2 tackles (1 combined).</td></tr></table>
            """))
        let labels = article.texts(of: .label)
        #expect(labels.contains("$915"))
        #expect(labels.contains("’17"))
        #expect(labels.contains("Player"))
        #expect(labels.contains("2 tackles (1 combined)."))
        #expect(article.texts(of: .paragraph).count == 2)
        // The table stays in the article's text: it is part of the story, only no sentence of it.
        #expect(article.body.contains("$915") && article.body.contains("Jonas Holt"))
    }

    @Test func aRecipeCardsAmountsFiguresAndBareLinksAreLabels() throws {
        // Three or more short lines in a row that open with an amount are a
        // list of amounts; a short line with a figure after its first word is a
        // card's field; a line of web addresses is a link. All stay in the text.
        let article = try TestSupport.extract(page("""
            <p>Total Time: 20 minutes</p><p>Protein 5 g</p>
            <ul><li>▢ 1 1/2 cups flour</li><li>½ tsp vanilla extract</li><li>200 g butter, softened</li></ul>
            <p>Source: https://example.org/harbour/vote-2024</p>
            <ul><li>3 killed in quay collapse</li><li>The harbour will reopen in 2025.</li><li>2 cranes were damaged, the council said.</li></ul>
            <p>12 boats</p><p>港口今年新增了12艘船。</p><p>\(filler)</p>
            """))
        let labels = article.texts(of: .label)
        #expect(labels == [
            "Total Time: 20 minutes", "Protein 5 g", "▢ 1 1/2 cups flour", "½ tsp vanilla extract", "200 g butter, softened",
            "Source: https://example.org/harbour/vote-2024",
        ])
        // A line that opens with its number is news unless it is one of a list of amounts;
        // sentences with figures are sentences.
        #expect(article.texts(of: .listItem) == ["3 killed in quay collapse", "The harbour will reopen in 2025.", "2 cranes were damaged, the council said."])
        #expect(article.texts(of: .paragraph).contains("12 boats"))
        // A sentence of a script without spaces between words is a sentence, not a short line.
        #expect(article.texts(of: .paragraph).contains("港口今年新增了12艘船。"))
        #expect(article.body.contains("½ tsp vanilla extract"))
    }

    @Test func aDateAloneStaysADateline() throws {
        let article = try TestSupport.extract(page("<p>2024-03-14</p>"))
        #expect(article.texts(of: .dateline) == ["2024-03-14"])
    }

    @Test func aLabelThePageRepeatsIsNoSentence() throws {
        let teaser = "<div><p>Good Morning Harbour</p><p>\(filler)</p></div>"
        let article = try TestSupport.extract(page(teaser + teaser + teaser))
        #expect(article.texts(of: .label) == ["Good Morning Harbour", "Good Morning Harbour", "Good Morning Harbour"])
    }

    @Test func aCopyOfACaptionIsNotBodyText() throws {
        let article = try TestSupport.extract(page("""
            <figure><img src="a.jpg"><figcaption>Cranes line the quay at Portvale.</figcaption></figure>
            <p>Cranes line the quay at Portvale.</p>
            <p>In this photo taken on Monday, a ferry leaves the harbour at dawn.</p>
            """))
        #expect(article.texts(of: .caption) == ["Cranes line the quay at Portvale.", "In this photo taken on Monday, a ferry leaves the harbour at dawn."])
        #expect(article.boilerplate(.imageLabel) == ["Cranes line the quay at Portvale."])
    }

    @Test func theAuthorBoxUnderTheStoryIsMetadata() throws {
        let article = try TestSupport.extract("""
            <html><body><article><h1>Harbour to be widened</h1><p>\(filler)</p>
            <p>Jonas Holt is a reporter who was at the council meeting, and he said the vote was close.</p>
            <p>\(filler)</p><p>Mara Lind contributed to this report.</p>
            <p>Nelson D. Ostrow has covered the port since 2012.</p><p>Previously, he wrote about fishing.</p>
            <p>Order Reprints | Today’s Paper | Subscribe</p><p>Reporting by Ana Petrov; Editing by Tom Weir</p>
            </article></body></html>
            """)
        #expect(article.boilerplate(.metadata).contains("Mara Lind contributed to this report."))
        #expect(article.boilerplate(.metadata).contains("Nelson D. Ostrow has covered the port since 2012."))
        #expect(article.boilerplate(.metadata).contains("Previously, he wrote about fishing."))
        #expect(article.boilerplate(.metadata).contains("Reporting by Ana Petrov; Editing by Tom Weir"))
        #expect(article.boilerplate(.navigation).contains("Order Reprints | Today’s Paper | Subscribe"))
        // A reporter the story is about is no author box: the story goes on after the sentence.
        #expect(article.texts(of: .paragraph).contains { $0.hasPrefix("Jonas Holt is a reporter") })
    }
}

import Testing
@testable import ProvenanceParsing

/// Class lists matched name by name, remembered across a page, match what
/// the whole list matches.
@Suite struct PageNamesTests {
    @Test func nameByNameAgreesWithTheWholeList() {
        // Names that hit whole-word entries, substring entries, both, and none,
        // in any case, with every kind of blank between them.
        let names = [
            "article-body", "ARTICLE__BODY", "related", "Related-Posts", "share-bar", "ad", "ads", "header-ad-slot",
            "sidebar", "nav", "navbar", "byline", "author-name", "caption", "wp-caption-text", "credit", "photo-source",
            "content", "main", "story", "cookie-consent", "newsletter-signup", "text-lg", "md:flex", "x", "é-news",
            "comment-list", "most-read", "hidden", "overflow-hidden", "sr-only", "footer", "site-footer", "tags", "post-meta", "promo",
        ]
        let blanks = [" ", "  ", "\t", "\n", "\r\n", "\u{0C}"]
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var page = PageNames()
        for _ in 0..<2000 {
            var value = next(4) == 0 ? blanks[next(blanks.count)] : ""
            for index in 0..<(1 + next(5)) {
                if index > 0 { value += blanks[next(blanks.count)] }
                value += names[next(names.count)]
            }
            if next(4) == 0 { value += blanks[next(blanks.count)] }
            #expect(page.lists(matching: value) == NameMatcher.lists(matching: value), "\(value.debugDescription)")
        }
    }

    @Test func anEmptyOrBlankListMatchesNothing() {
        var page = PageNames()
        #expect(page.lists(matching: "") == 0)
        #expect(page.lists(matching: " \t ") == 0)
        #expect(page.lists(matching: "sidebar") != 0)
    }

    /// "hidden" hides an element only as a whole class name: "overflow-hidden"
    /// (a layout utility) and "field--label-hidden" (the field's label is
    /// hidden, not its text) say nothing.
    @Test func hiddenIsAWholeName() {
        #expect(NameMatcher.hints(lists: NameMatcher.lists(matching: "box hidden")).boilerplate == .hidden)
        #expect(NameMatcher.hints(lists: NameMatcher.lists(matching: "is-hidden")).boilerplate == .hidden)
        #expect(NameMatcher.hints(lists: NameMatcher.lists(matching: "kb-overflow-hidden")).boilerplate == nil)
        #expect(NameMatcher.hints(lists: NameMatcher.lists(matching: "field field--label-hidden")).boilerplate == nil)
    }
}

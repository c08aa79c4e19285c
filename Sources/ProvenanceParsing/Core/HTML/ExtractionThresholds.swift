/// The thresholds of web-page extraction's safety net and block model, in
/// one place. (The block model's own cut-off, the probability from which a
/// block is article text, is chosen on dev by `provenance-train extraction`
/// and travels in the model file.)
enum ExtractionThresholds {
    /// The block model judges pages of at least this many blocks and this
    /// many scalars of text (the smallest pages it was trained on have 8
    /// blocks and 683 scalars); smaller pages are left to the rules.
    static let modelBlocks = 8
    static let modelScalars = 600

    /// The safety net looks at pages whose largest region of prose (or whose
    /// JSON-LD article text) holds at least this many scalars of prose…
    static let safetyNetRegion = 500
    /// … and takes that region (or text) when the body found holds less than
    /// this share of it: the article was lost to a wrong region or to names,
    /// or the page writes it with a script.
    static let safetyNetShare = 0.25

    /// Hidden elements are shown when they hold at least this many scalars
    /// of prose and more than this many times the prose shown
    /// (``HiddenProse``): the page hides its article, not an aside. (A
    /// cookie dialog's hidden details hold 1.8–2.6 times a short article's
    /// prose on pages of the tuning part; a paged gallery, ten times.)
    static let hiddenProseMinimum = 1000
    static let hiddenProseRatio = 3.0

    /// A page's captions are its article when they hold at least this many
    /// scalars and this many times the body's (a gallery; on the 811 pages
    /// of the corpus the next highest share is 1.1).
    static let galleryCaptionMinimum = 2000
    static let galleryCaptionRatio = 3.0

    /// A post that is a list of links (a blog's links of the day) is read as
    /// its links when the links of the article's element, judged so by their
    /// density alone, hold at least this many scalars and this many times the
    /// body's text. (One page of the 811 of the corpus qualifies, a dev page:
    /// the rule was written looking at it. At half the ratio a second would,
    /// a review whose article element ends in 38 links.)
    static let roundupMinimum = 500
    static let roundupRatio = 1.0

    /// A block in byline markup ("author…") of at least this many words that
    /// ends as a sentence is prose (an author's page, a story inside an
    /// author box), not a byline: the rules and the model judge it as any block.
    static let bylineWords = 25
}

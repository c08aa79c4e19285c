/// The thresholds of web-page extraction — the votes that find the article's
/// element, its rules' judgements of blocks by their words, the safety nets,
/// the block model and the wire lines read at the top of a story — in one place. (The block model's own cut-off, the probability from which a
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

    /// How much a scalar of junk (links, boilerplate) costs against a scalar
    /// of paragraph text in the votes that find the article's element
    /// (``ContentLocator``).
    static let junkWeight = 1.0
    /// An element whose class or id words alone call it junk wraps the
    /// article, and its words are not heeded, when it holds the body and at
    /// least this share of the best region's votes (``NameWeighing``).
    static let wrapperShare = 0.5

    /// A block in byline markup ("author…") of at least this many words that
    /// ends as a sentence is prose (an author's page, a story inside an
    /// author box), not a byline: the rules and the model judge it as any block.
    static let bylineWords = 25

    // MARK: Judging blocks by their words

    /// A short label: up to this many words…
    static let labelWords = 8
    /// …and this many scalars (words are not spaced in every script).
    static let labelScalars = 80
    /// A short label standing as its own block at least this many times on a
    /// page is a widget's or carousel's label, not a sentence of the article.
    static let labelRepeats = 3
    /// A table cell of fewer words is a figure of a table, not a sentence.
    static let tableCellWords = 6
    /// A short line right before at least this many chart labels is the
    /// chart's title; right before at least `listedLinks` link blocks, the
    /// heading of a list of links.
    static let chartFigures = 3
    static let listedLinks = 2
    /// An image description of fewer words is a label ("logo", "Jane Doe"),
    /// not a caption a body block could copy.
    static let captionWords = 5
    /// Scalars a block may have beyond the longest caption and still copy it
    /// once spaces and punctuation are trimmed; and how much of a longer
    /// block is read to see whether it opens as captions do.
    static let captionSlack = 16
    static let captionLeadScalars = 40
    /// The author boxes that end a story are looked for among the last this
    /// many body blocks.
    static let bioBlocks = 6
    /// A list of amounts (a recipe's ingredients) is at least this many short
    /// lines in a row that open with an amount.
    static let amountEntries = 3
    /// A line of a figure ("Total Time: 20 minutes") has up to this many
    /// words and scalars.
    static let figureLineWords = 4
    static let figureLineScalars = 40

    // MARK: Wire bylines and datelines (``WireReader``)

    /// The paragraphs at the top of the story read for a dateline.
    static let datelineParagraphs = 4
    /// A dateline's place ("MOSCOW", "WASHINGTON, D.C.") has up to this many
    /// characters before the bracketed agency.
    static let datelinePlaceLength = 40
    /// A line that is an agency's name (and a date or time) has up to this
    /// many characters, the name up to this many words.
    static let agencyLineLength = 80
    static let agencyNameWords = 5
}

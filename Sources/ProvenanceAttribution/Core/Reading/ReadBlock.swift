import ProvenanceParsing

/// A block of the article as the engine reads it: tokens, quotations,
/// sentences.
struct ReadBlock: Sendable {
    /// The block's index in the article's blocks.
    var index: Int
    /// A piece of a long block after its first (see ``DocumentReader``).
    var continuesBlock = false
    var kind: Block.Kind
    var span: TextSpan
    var tokens: [Token]
    /// Quotations, ordered by opening mark.
    var quotes: [QuoteRegion]
    /// How many quotations each token sits in.
    var depths: [UInt8]
    /// Sentences as token ranges.
    var sentences: [Range<Int>]
    /// The outermost quotations, ordered by opening mark (they do not overlap).
    let outerQuotes: [QuoteRegion]
    /// Where the punctuation that ends the block starts: every token from
    /// here on is punctuation (`tokens.count` when the last one is not).
    let punctuationTail: Int
    /// Where each quotation opens and closes: token → index in ``quotes``.
    private let quoteOpening: [Int: Int]
    private let quoteClosing: [Int: Int]

    init(index: Int, kind: Block.Kind, span: TextSpan, tokens: [Token], quotes: [QuoteRegion], depths: [UInt8], sentences: [Range<Int>]) {
        self.index = index
        self.kind = kind
        self.span = span
        self.tokens = tokens
        self.quotes = quotes
        self.depths = depths
        self.sentences = sentences
        outerQuotes = quotes.filter { $0.depth == 0 }
        punctuationTail = (tokens.lastIndex { $0.kind != .punctuation }).map { $0 + 1 } ?? 0
        var opening: [Int: Int] = [:]
        var closing: [Int: Int] = [:]
        for (position, region) in quotes.enumerated() {
            opening[region.open] = opening[region.open] ?? position
            if let close = region.close { closing[close] = closing[close] ?? position }
        }
        quoteOpening = opening
        quoteClosing = closing
    }

    /// The outermost quotations whose opening mark lies in `range`, in order:
    /// found by halving, so that a sentence's quotations cost no pass over
    /// the block's.
    func outerQuotes(openingIn range: Range<Int>) -> ArraySlice<QuoteRegion> {
        func firstOpening(atOrAfter token: Int) -> Int {
            var low = 0
            var high = outerQuotes.count
            while low < high {
                let middle = (low + high) / 2
                if outerQuotes[middle].open < token { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let lower = firstOpening(atOrAfter: range.lowerBound)
        return outerQuotes[lower..<max(lower, firstOpening(atOrAfter: range.upperBound))]
    }

    /// The outermost quotations opening in any of `ranges`, in order, each once.
    func outerQuotes(openingInAny ranges: [Range<Int>]) -> [QuoteRegion] {
        guard ranges.count > 1 else { return ranges.first.map { Array(outerQuotes(openingIn: $0)) } ?? [] }
        var seen: Set<Int> = []
        return ranges.flatMap { outerQuotes(openingIn: $0) }.filter { seen.insert($0.open).inserted }.sorted { $0.open < $1.open }
    }

    /// Whether `piece` is mostly quoted words: quotations in double marks that open and close
    /// in it hold at least half its tokens ("“a year of steady keels,”", "it “a year of …”").
    func isQuotation(_ piece: Range<Int>) -> Bool {
        // The marks may lie just outside the piece.
        let quoted = outerQuotes(openingIn: max(0, piece.lowerBound - 1)..<piece.upperBound).reduce(0) { sum, quote in
            guard quote.isDouble, let close = quote.close, close <= piece.upperBound else { return sum }
            return sum + min(close + 1, piece.upperBound) - max(quote.open, piece.lowerBound)
        }
        return quoted * 2 >= piece.count
    }

    /// The quotation (of any depth) whose opening mark is token `index`.
    func quote(openingAt index: Int) -> QuoteRegion? { quoteOpening[index].map { quotes[$0] } }

    /// The quotation (of any depth) whose closing mark is token `index`.
    func quote(closingAt index: Int) -> QuoteRegion? { quoteClosing[index].map { quotes[$0] } }

    /// The span of tokens `range` (empty ranges give an empty span at the start).
    func span(of range: Range<Int>) -> TextSpan {
        guard !range.isEmpty else {
            let position = range.lowerBound < tokens.count ? tokens[range.lowerBound].start : span.end
            return TextSpan(start: position, end: position)
        }
        return TextSpan(start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end)
    }

    /// The index of the sentence that holds token `index`, found by halving (sentences are
    /// in order and do not overlap).
    func sentenceIndex(containing index: Int) -> Int? {
        var low = 0
        var high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].upperBound <= index { low = middle + 1 } else { high = middle }
        }
        return low < sentences.count && sentences[low].contains(index) ? low : nil
    }

    /// The sentence that holds token `index`.
    func sentence(containing index: Int) -> Range<Int>? {
        sentenceIndex(containing: index).map { sentences[$0] }
    }

    /// Whether the block opens with a quotation mark.
    var opensWithQuote: Bool {
        guard let first = tokens.first else { return false }
        return first.kind == .quote && first.direction != .closing
    }

    /// Whether the block ends inside an unclosed double quotation.
    var endsInsideQuote: Bool {
        quotes.contains { $0.close == nil && $0.depth == 0 }
    }
}

/// Reads the blocks an article's claims live in: the title, the body and the
/// captions.
enum DocumentReader {
    static func read(_ article: Article, scalars: [Unicode.Scalar]) -> [ReadBlock] {
        let tokenizer = Tokenizer(scalars: scalars)
        var blocks: [ReadBlock] = []
        for (index, block) in article.blocks.enumerated() {
            switch block.kind {
            case .title, .heading, .paragraph, .quote, .listItem, .question, .caption:
                break
            case .byline, .dateline, .label, .reference, .boilerplate:
                continue
            }
            let tokens = tokenizer.tokens(in: block.span.start..<block.span.end)
            guard !tokens.isEmpty else { continue }
            let quotes = QuoteFinder.regions(in: tokens)
            let depths = QuoteFinder.depths(of: quotes, tokenCount: tokens.count)
            // A headline is one sentence, however long it is (up to the limit every sentence has).
            let sentences = block.kind == .title || block.kind == .heading || block.kind == .question
                ? stride(from: 0, to: tokens.count, by: Limits.longestSentenceTokens).map { $0..<min($0 + Limits.longestSentenceTokens, tokens.count) }
                : SentenceSplitter.sentences(in: tokens, depths: depths)
            let whole = ReadBlock(
                index: index, kind: block.kind, span: block.span, tokens: tokens, quotes: quotes, depths: depths,
                sentences: sentences)
            blocks += tokens.count <= Limits.blockTokens ? [whole] : pieces(of: whole)
        }
        return blocks
    }

    /// A long block read as pieces of whole sentences, none longer than
    /// `Limits.blockTokens` (a paragraph of a thousand pages is read the way
    /// a thousand paragraphs are: what is done per block stays bounded). A
    /// quotation open at the end of a piece runs to its end; the tokens keep
    /// their places in the text, so spans do not change.
    private static func pieces(of block: ReadBlock) -> [ReadBlock] {
        var pieces: [ReadBlock] = []
        var start = 0
        var sentences: [Range<Int>] = []
        var nextQuote = 0  // quotations are in the order they open
        func finish(at end: Int) {
            guard start < end else { return }
            let first = nextQuote
            while nextQuote < block.quotes.count, block.quotes[nextQuote].open < end { nextQuote += 1 }
            let quotes = block.quotes[first..<nextQuote].map { region in
                var region = region
                region.open -= start
                region.close = region.close.flatMap { $0 < end ? $0 - start : nil }
                return region
            }
            var piece = ReadBlock(
                index: block.index, kind: block.kind, span: TextSpan(start: block.tokens[start].start, end: block.tokens[end - 1].end), tokens: Array(block.tokens[start..<end]),
                quotes: quotes, depths: Array(block.depths[start..<end]),
                sentences: sentences.map { ($0.lowerBound - start)..<($0.upperBound - start) })
            piece.continuesBlock = start > 0
            pieces.append(piece)
            start = end
            sentences = []
        }
        for sentence in block.sentences {
            if sentence.upperBound - start > Limits.blockTokens { finish(at: sentence.lowerBound) }
            sentences.append(sentence)
        }
        finish(at: block.tokens.count)
        return pieces
    }
}

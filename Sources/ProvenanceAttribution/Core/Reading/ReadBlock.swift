import ProvenanceParsing

/// A block of the article as the engine reads it: tokens, quotations,
/// sentences.
struct ReadBlock: Sendable {
    /// The block's index in the article's blocks.
    var index: Int
    var kind: Block.Kind
    var span: TextSpan
    var tokens: [Token]
    /// Quotations, ordered by opening mark.
    var quotes: [QuoteRegion]
    /// How many quotations each token sits in.
    var depths: [UInt8]
    /// Sentences as token ranges.
    var sentences: [Range<Int>]

    /// The outermost quotations.
    var outerQuotes: [QuoteRegion] { quotes.filter { $0.depth == 0 } }

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
            let sentences = block.kind == .title || block.kind == .heading || block.kind == .question
                ? [0..<tokens.count] : SentenceSplitter.sentences(in: tokens, depths: depths)
            blocks.append(
                ReadBlock(
                    index: index, kind: block.kind, span: block.span, tokens: tokens, quotes: quotes, depths: depths,
                    sentences: sentences))
        }
        return blocks
    }
}

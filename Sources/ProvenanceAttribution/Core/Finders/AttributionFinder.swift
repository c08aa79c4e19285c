/// Finds the attributions of one block of an article: a read block in
/// (its tokens, quotations and sentences, with a name reader over them),
/// attributions out, in token indices of the block.
///
/// `AttributionEngine` is given one, so that the rule engine, the learned
/// model or anything else can be plugged in and compared on the same
/// articles; everything after it — sources, coreference, claims — is the
/// same whichever finds the attributions.
protocol AttributionFinder: Sendable {
    func attributions(in block: ReadBlock, names: NameReader) -> [FoundAttribution]
}

/// The hand-written patterns of ``AttributionMatcher``, sentence by sentence.
struct RuleFinder: AttributionFinder {
    func attributions(in block: ReadBlock, names: NameReader) -> [FoundAttribution] {
        let matcher = AttributionMatcher(names: names)
        let isHeadline = block.kind == .title || block.kind == .heading
        return block.sentences.flatMap { matcher.attributions(in: $0, isHeadline: isHeadline) }
    }
}

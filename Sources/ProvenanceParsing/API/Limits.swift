/// The bounds that keep time and memory linear in the input whatever it
/// holds, in one place. Each lies far beyond what real articles reach: only
/// hostile or broken inputs meet them, and then the work per sentence, name,
/// claim and edge stays bounded instead of growing with the input.
public enum Limits {
    /// A sentence this long (in tokens) ends at its next full stop even
    /// inside a quotation (a quotation of several sentences otherwise stays
    /// one sentence with the words that attribute it).
    public static let sentenceTokens = 256
    /// No sentence is longer, full stop or not.
    public static let longestSentenceTokens = 1024
    /// A block (paragraph) longer than this many tokens is read in pieces of
    /// whole sentences, none longer.
    public static let blockTokens = 4096
    /// A run of capitalised words longer than this is read as several runs:
    /// no name (titles and places included) is that long.
    public static let nameTokens = 24
    /// The most of an evidence span's words a report copies into an edge
    /// (then an ellipsis): the offsets refer to the whole span.
    public static let evidenceExcerptScalars = 500
}

import ProvenanceParsing

/// One claim of an article: a sentence that asserts something, with who it is
/// attributed to, by which words, and what exactly was attributed.
public struct Claim: Sendable, Hashable, Codable {
    /// How a claim is attributed.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Fully quoted: the attributed words are all inside quotation marks.
        case direct
        /// Partly quoted: reported speech with quoted words in it.
        case mixed
        /// Reported speech without quotation marks, or "according to".
        case indirect
        /// A photo caption, credited by its credit line.
        case caption
        /// Nobody is named as the source.
        case unattributed
    }

    /// What is wrong with a claim's attribution, for `provenance check`.
    public enum Problem: String, Sendable, Hashable, Codable, CaseIterable {
        /// Nobody is named as the source.
        case unattributed
        /// Quoted words with no speaker.
        case quoteWithoutSpeaker = "quote_without_speaker"
        /// The source is a pronoun or a description that points at nobody earlier.
        case unresolvedSource = "unresolved_source"

        /// The reason as `provenance check` prints it.
        public var explanation: String {
            switch self {
            case .unattributed: "unattributed"
            case .quoteWithoutSpeaker: "quote without speaker"
            case .unresolvedSource: "source names nobody in the text"
            }
        }
    }

    /// The attribution's reporting words: "said", "according to", "was quoted as saying".
    public struct Cue: Sendable, Hashable, Codable {
        /// Where the words are.
        public var span: TextSpan
        /// The verb's dictionary form ("say" for "said"), or the phrase for
        /// a fixed one ("according to").
        public var lemma: String

        public init(span: TextSpan, lemma: String) {
            self.span = span
            self.lemma = lemma
        }
    }

    /// Who a claim is attributed to, and where the text names them.
    public struct Attribution: Sendable, Hashable, Codable {
        /// The source, an index into ``AttributedArticle/sources``.
        public var source: Int
        /// The words naming the source here ("He", "Chinese President Xi Jinping").
        public var mention: TextSpan
        /// When the mention is a pronoun or a description, the earlier words it
        /// refers to ("Kim Jong Un" for "He").
        public var antecedent: TextSpan?
        /// False when the mention is a pronoun or description that points at
        /// nobody earlier in the document; the source then stands for the words.
        public var isResolved: Bool

        public init(source: Int, mention: TextSpan, antecedent: TextSpan? = nil, isResolved: Bool = true) {
            self.source = source
            self.mention = mention
            self.antecedent = antecedent
            self.isResolved = isResolved
        }
    }

    /// How it is attributed.
    public var kind: Kind
    /// The sentence the claim is made in.
    public var sentence: TextSpan
    /// What is attributed: the quotation, the reported clause, or (for an
    /// unattributed claim) the sentence.
    public var content: TextSpan
    /// The reporting words, if any.
    public var cue: Cue?
    /// The source, if the text names one.
    public var attribution: Attribution?
    /// Sources that carried the words from the source to this document, nearest
    /// the source first ("Y via X" in "X reported that Y said …"; the rest of a
    /// caption's credit chain).
    public var via: [Int]
    /// Whom the claim is about, when a quotation's subject was resolved ("He" or
    /// "[Kim]" opening a quoted report).
    public var about: [Int]
    /// The claim continues the quotation of an earlier claim, whose speaker it keeps.
    public var isContinuation: Bool
    /// The quotation marks' spans inside the claim (marks included).
    public var quotes: [TextSpan]
    /// The index in ``ProvenanceParsing/Article/blocks`` of the block holding the claim.
    public var block: Int

    public init(
        kind: Kind, sentence: TextSpan, content: TextSpan, cue: Cue? = nil, attribution: Attribution? = nil,
        via: [Int] = [], about: [Int] = [], isContinuation: Bool = false, quotes: [TextSpan] = [], block: Int
    ) {
        self.kind = kind
        self.sentence = sentence
        self.content = content
        self.cue = cue
        self.attribution = attribution
        self.via = via
        self.about = about
        self.isContinuation = isContinuation
        self.quotes = quotes
        self.block = block
    }

    /// What `provenance check` reports about the claim, if anything.
    public var problem: Problem? {
        switch kind {
        case .unattributed:
            return .unattributed
        case .direct, .mixed:
            if attribution == nil && cue == nil && !isContinuation { return .quoteWithoutSpeaker }
        case .indirect, .caption:
            break
        }
        if let attribution, !attribution.isResolved { return .unresolvedSource }
        return nil
    }
}

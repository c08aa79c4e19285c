/// Every threshold and limit of linking claims and documents, in one place.
///
/// The defaults are what `provenance` ships. Similarities are the learned
/// similarity's (``SimilarityModel``): the probability, from 0 to 1, that two
/// claims are the same claim. The thresholds were chosen by cross-validation
/// on MSRP's training split and on our own pairs (`Benchmarks/linking/msrp.py`,
/// `provenance-train similarity --cross-validate 5`); the limits keep the cost
/// of linking a document flat as a corpus grows.
public struct LinkingConfiguration: Sendable {
    // MARK: Same claim

    /// The similarity from which two claims of any two documents are the same claim.
    public var sameClaimThreshold = 0.5
    /// The similarity from which a claim of a derived document is the same
    /// claim as one of its source (a looser likeness: it most likely comes
    /// from there).
    public var derivedThreshold = 0.45
    /// The weights of the evidence, the term frequencies the evidence is
    /// weighed by, the related words, and how claims are read.
    public var model: SimilarityModel

    // MARK: Evidence two claims need to be compared at all

    /// How many content terms (and numbers) two claims must share to be
    /// scored at all, short of sharing a quoted phrase.
    public var minimumSharedTerms = 3
    /// How many of a claim's rare terms (those that look up candidates) a
    /// claim must share with it to be a candidate at all. Fewer than
    /// `minimumSharedTerms`: a paraphrase may share only one or two rare
    /// words and its other shared words be common ones ("The agency said it
    /// would not release the name …" / "… had no plans to release the name
    /// …"), and the similarity then counts every shared term.
    public var candidateSharedRareTerms = 2
    /// How many content terms the smaller claim needs for being contained in
    /// the other to count in full; below it, containment counts in proportion.
    public var fullContainmentTerms = 4
    /// How much of an attributed claim's content another sentence must share
    /// for the two sentences to be compared whole (how much it shares is
    /// weighed besides).
    public var minimumContentCoverage = 0.25
    /// The weighted containment from which a claim of six terms or more,
    /// contradicted in nothing, is the same claim as the sentence holding it,
    /// when one of the two documents derives from the other (a rewrite that
    /// keeps part of a sentence).
    public var containedMinimum = 0.6
    /// The same between documents neither is known to derive from: there a
    /// headline or a short sentence that shares a story's rarest words (its
    /// names, its topic) with a longer sentence is most often another claim
    /// on the same topic. (At 0.6 containment alone made 51 of the 128
    /// same-claim links between the 811 real pages of `../shared/corpus`, 19
    /// of them right.)
    public var unrelatedContainedMinimum = 0.8
    /// A plain statement held in the whole sentence of an attributed claim
    /// is that claim by containment only when it holds at least this share
    /// of what was said (the attributed content), not only the words around
    /// it: who spoke, where, of what body. (Below it the learned similarity
    /// still decides.)
    public var containedMinimumContentCoverage = 0.5

    /// The containment from which a claim held in another is the same claim, for
    /// documents so related.
    public func containedMinimum(between relation: ClaimSimilarity.Relation) -> Double {
        relation == .derived ? containedMinimum : unrelatedContainedMinimum
    }
    /// The Dice coefficient two claims in a language other than English
    /// need: the frequency table and the learned weights cover English
    /// only, so in other languages only near-identical claims link.
    public var uncoveredLanguageMinimumDice = 0.8
    /// How far apart two numbers may be, relatively, and still agree
    /// (rounding: "767" and "770").
    public var numberTolerance = 0.02
    /// The weighted overlap (half Dice, half containment; for whole
    /// sentences of attributed claims, Dice alone) below which two readings
    /// are not the same claim, whatever the learned weights say: the learned
    /// similarity refines what the overlap finds, it does not find what the
    /// overlap misses (its training pairs all share many words).
    public var minimumOverlap = 0.3
    /// The similarity a shared quoted phrase of three words or more gives.
    public var sharedQuotationSimilarity = 0.9

    // MARK: Bounded lookups

    /// How many candidates each claim is scored against. (Large: a limit
    /// that bites picks among candidates by the order they came in.)
    public var candidateLimit = 128
    /// How many claims of the document it derives from each claim of a
    /// derived document is scored against: those sharing the most of its
    /// terms, found through an index of that one document (the same words
    /// in the same document, so no arrival order picks among them). Two long
    /// documents, one citing the other, then cost the sum of their sizes.
    public var derivedCandidateLimit = 24
    /// How many of a claim's rarest terms look up candidates. (Large: a long
    /// claim cut to its rarest terms misses a short one that a short claim,
    /// looking up all of its terms, finds — links would depend on which came first.)
    public var queryTermLimit = 256
    /// Terms in more than this share of the frequency table's claims look
    /// nothing up: their posting lists are long, and which of their claims a
    /// bounded lookup reaches would depend on the order documents came in.
    public var queryTermMaximumShare = 0.01
    /// How many claims, documents or links (the most recent) a term or
    /// headline word brings at most: what keeps a lookup's cost flat as the
    /// corpus grows, at the price of missing old matches found only through
    /// common words.
    public var postingLimit = 128

    // MARK: Derivation

    /// Matched claims, share of either document's claims, and share of the
    /// matches in reading order from which a document that does not cite
    /// another derives from it.
    public var derivationMinimumMatches = 2
    public var derivationMinimumShare = 0.3
    public var derivationMinimumInOrder = 0.6
    /// Two pages of one site share its template (a listing, a footer, a
    /// recipe card's labels): one derives from the other only when this
    /// share of the claims of each is matched (the same page saved twice, a
    /// page and its update), and between pages of one site that do not,
    /// no claim is the same claim.
    public var siblingDerivationMinimumShare = 0.5

    // MARK: Findings

    /// How alike a claim and the attributed claim it comes from must be for
    /// "attribution dropped".
    public var droppedMinimumSimilarity = 0.8
    /// An attributed claim of the source at least this share as like a claim
    /// as the likest one is where the claim comes from.
    public var attributedOriginShare = 0.8

    public init(model: SimilarityModel = .bundled) {
        self.model = model
    }

    /// The shipped configuration.
    public static let `default` = LinkingConfiguration()
}

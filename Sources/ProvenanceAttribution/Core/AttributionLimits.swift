/// How far the attribution engine looks, in one place: the spans, in tokens,
/// of what the hand-written patterns read, the size of the window the role
/// tagger reads around a cue, and the lengths that make a sentence a claim
/// or a quotation speech.
///
/// Every limit bounds a search that would otherwise run to the sentence's
/// ends (and so cost more and find more wrong things on long sentences); the
/// values are what the patterns needed on our annotated sets, and the
/// window's what the annotated sources and contents of PolNeAR's train split
/// need (``TaggerFeatures/window(around:in:before:after:)``).
enum AttributionLimits {
    // MARK: Sources

    /// The most tokens of a source read between a comma and its verb
    /// ("…, the people familiar with the matter said").
    static let sourceBeforeVerb = 12
    /// The most tokens of a subject read back from its verb before a clause
    /// boundary stops it ("Tuesday the league's refereeing body said").
    static let subjectBeforeVerb = 12
    /// The most tokens of a phrase read after a cue ("said Mayer",
    /// "according to the agency of the republic").
    static let phraseAfterCue = 12
    /// The most tokens between the commas of an appositive or relative
    /// clause the search for a subject passes over ("X, who …, said").
    static let clauseBetweenCommas = 30
    /// The most tokens of an appositive that may name the source when the
    /// words before it do not ("the league's refereeing body, the Northern
    /// Officials Panel, posted").
    static let namingAppositive = 8
    /// The most tokens from a relative pronoun to its verb in a relative
    /// clause without commas ("Officials who spoke on condition … said").
    static let relativeClause = 15
    /// The most tokens before a colon that names who is speaking in a
    /// headline ("Minister: port will reopen").
    static let colonHeadlineSource = 5
    /// The most tokens before a speaker label's colon opening a block (an
    /// opening quotation mark and "MR. HOLT", "SEN. ELIZABETH WARREN").
    static let speakerLabel = 6
    /// The most tokens of a dash signature ("Ana Ruiz, a nurse in Portvale").
    static let signature = 12

    // MARK: Cues and contents

    /// The most tokens from the comma to the end of a closing attribution
    /// ("…,” said Ana Ruiz, a nurse in Portvale.").
    static let closingAttribution = 16
    /// How far into a content another reporting verb is looked for, and how
    /// many tokens may stand before its subject ("X reported that the
    /// defence minister, Gen. Y, had said …": Y said it, through X).
    static let nestedVerbReach = 16
    static let nestedSubjectLead = 6
    /// A content of at most this many tokens that is only an adverbial ("on
    /// Tuesday", "in a statement") says nothing: the content lies before the cue.
    static let adverbialOnly = 8
    /// How many tokens from its start a clause shows its auxiliary ("…
    /// that the port would reopen") when it is the content.
    static let clauseStart = 9

    // MARK: The role tagger's window

    /// The most tokens the window reads before a cue and after it (the model
    /// was trained with these: retrain when changing them).
    static let windowBefore = 60
    static let windowAfter = 150
    /// The most tokens a cue spans that another cue's window still sees.
    static let cue = 16

    // MARK: Claims and quotations

    /// A sentence of fewer words without a full stop is a label ("Stats",
    /// "Player"), not a claim; a headline of fewer words is not one either.
    static let claimWords = 3
    /// A quotation of at least this many words that nobody's claim holds is
    /// speech; shorter, a term ("dubbed the “Blue Corridor”").
    static let speechWords = 8
}

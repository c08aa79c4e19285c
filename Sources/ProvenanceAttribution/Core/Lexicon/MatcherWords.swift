/// Small word lists the attribution patterns read a sentence's grammar
/// with: auxiliaries, modals, determiners, adverbial words and the like.
/// All entries are lowercase (punctuation as written).
enum MatcherWords {
    // MARK: Conjunctions and clauses

    /// Conjunctions that join a second verb to the same subject ("… and said").
    static let coordinators: WordSet = ["and", "but"]
    /// Dashes that sign a quotation with its speaker's name ("“…” — Ana Ruiz").
    static let signatureDashes: WordSet = ["—", "―", "–", "--", "-"]

    /// Relative pronouns that stand for the subject before them ("X, who said").
    static let relativePronouns: WordSet = ["who", "which"]

    /// Words that open a subordinate clause or an infinitive ("that", "which", "to").
    static let subordinators: WordSet = ["that", "which", "who", "to"]

    /// Words that open an indirect question ("can reveal where …").
    static let questionWords: WordSet = ["where", "when", "how", "whether", "what", "why", "who", "which"]

    /// Auxiliaries and verbs that, after "but", start a second predicate of the same subject ("but would not discuss").
    static let secondPredicateStarters: WordSet = ["would", "did", "declined", "refused", "could", "will"]

    // MARK: Auxiliaries and modals

    /// Forms of "be" that make a following -ing form progressive ("is saying").
    static let beForms: WordSet = ["is", "are", "was", "were", "been", "be"]

    /// Forms of "be", with the contracted "'s", that make a past participle passive ("was reported").
    static let passiveBeForms: WordSet = ["is", "was", "were", "are", "be", "been", "being", "'s"]

    /// Words that may stand between "be" and a passive participle ("was widely reported", "has been said").
    static let wordsBetweenBeAndParticiple: WordSet = [
        "also", "widely", "reportedly", "not", "been", "being", "later", "often",
    ]

    /// Modals that report what something can reveal, not what somebody said ("logs can reveal").
    static let modalsOfAbility: WordSet = ["can", "could", "may", "might"]

    /// Modals of the future and conditional, which take a bare verb ("will say", "would report").
    static let futureModals: WordSet = ["will", "would"]

    /// Auxiliaries and modals, negated ones among them, that show a finite clause ("expects prices will rise").
    static let clauseAuxiliaries: WordSet = [
        "will", "would", "could", "can", "should", "may", "might", "must", "is", "was", "are", "were", "has",
        "have", "had", "won't", "wouldn't", "can't",
    ]

    /// Auxiliaries and modals, "do" and "did" among them, that follow a subject ("member states were").
    static let auxiliariesAfterSubject: WordSet = [
        "is", "are", "was", "were", "have", "has", "had", "will", "would", "could", "can", "should", "may", "might",
        "must", "do", "did",
    ]

    /// Words after which a bare base form is a verb: plural pronouns, modals, "do", negation, frequency adverbs, "who".
    static let baseVerbPreceders: WordSet = [
        "i", "we", "you", "they", "will", "would", "could", "should", "may", "might", "must",
        "can", "did", "do", "does", "n't", "not", "also", "often", "always", "never", "who",
    ]

    // MARK: Nouns and their markers

    /// Articles and possessive determiners.
    static let articlesAndPossessives: WordSet = ["the", "a", "an", "his", "her", "its", "their"]
    /// Articles alone; the indefinite ones ("a spokeswoman for the port" is someone new).
    static let articles: WordSet = ["the", "a", "an"]
    static let indefiniteArticles: WordSet = ["a", "an"]
    /// Words that open a description of someone named before ("The leader", "This official").
    static let backReferenceOpeners: WordSet = ["the", "this"]

    // MARK: Pronouns

    /// Pronouns standing for one person as a subject ("He …" opening a sentence or a quotation).
    static let personSubjectPronouns: WordSet = ["he", "she"]
    /// Pronouns that stand for a person, whichever case ("he", "him", "I").
    static let personPronouns: WordSet = ["he", "she", "him", "her", "i"]

    // MARK: Aliases

    /// What may stand between an alias being defined and the name before it ("… is the
    /// “CFR”", "…, “CFR”").
    static let aliasJoiners: WordSet = ["is", "was", "the", "an", "a", ","]

    /// Determiners, "of" and the infinitive "to": after one, a reporting word is a noun or infinitive ("the report", "to comment").
    static let nounOrInfinitiveMarkers: WordSet = [
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those",
        "to", "of", "no", "any", "each", "every", "whose", "such",
    ]

    /// Adjectives and quantifiers before a plural noun ("official claims", "several reports").
    static let pluralNounModifiers: WordSet = [
        "official", "new", "false", "recent", "earlier", "similar", "unverified", "initial", "previous", "repeated",
        "further", "many", "several", "some", "other", "unconfirmed", "conflicting", "media", "press", "news", "editorial",
        "unsupported", "unfounded", "baseless", "dubious", "sweeping", "bold", "wild", "competing", "rival",
    ]

    /// Nouns for evidence that can show or find something ("the data show").
    static let evidenceNouns: WordSet = ["data", "research", "poll", "analysis", "findings", "results", "figures"]

    /// Articles, possessives, prepositions and commas a subject may hold ("the head of the agency").
    static let subjectInnerWords: WordSet = ["the", "a", "an", "his", "her", "its", "their", "at", "of", "for", "in", ","]

    /// Prepositions that may sit inside a subject before its verb ("spokesperson for the company", "people familiar with").
    static let subjectNamePrepositions: WordSet = ["of", "for", "with", "at", "from", "on"]

    /// Prepositions that may sit inside a source named after its cue ("said a spokesperson for …", "officials in …").
    static let sourceNamePrepositions: WordSet = ["of", "for", "with", "at", "from", "in"]

    /// Abbreviations whose dot may sit inside a name ("Acme Co. Ltd", "Martin Luther King Jr. Center").
    static let nameAbbreviations: WordSet = ["co", "inc", "corp", "jr", "st"]

    // MARK: Audiences

    /// Lowercase words inside a named audience ("the council of ministers", "a news conference").
    static let audienceInnerWords: WordSet = ["the", "a", "an", "of", "in", "news", "conference", "agency"]

    /// Articles and modifiers that start an audience of several words ("the council", "local reporters").
    static let audienceModifiers: WordSet = ["the", "a", "an", "local", "state", "news"]

    // MARK: Adverbials

    /// Words that open an introductory phrase before the subject ("In his address, …", "Speaking from the stage, …").
    static let introductoryPhraseOpeners: WordSet = ["in", "on", "at", "speaking"]

    /// Words that open an adverbial of time or place ("on Tuesday", "when asked", "last week").
    static let adverbialOpeners: WordSet = [
        "on", "in", "at", "after", "before", "during", "when", "while", "late", "early", "last", "this",
    ]

    /// Prepositions and time words that open an adverbial of circumstance ("after the match", "following talks").
    static let circumstanceOpeners: WordSet = [
        "after", "at", "on", "in", "during", "by", "before", "following", "late", "early",
    ]

    /// Days of the week and words for the day around now ("Tuesday", "yesterday", "overnight").
    static let dayWords: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tonight", "overnight",
    ]

    /// Words of an adverbial between a cue and its "that" ("said in a statement on Monday that").
    static let adverbialWords: WordSet = [
        "in", "on", "at", "to", "a", "an", "the", "statement", "interview", "conference", "news", "release",
        "post", "tweet", "video", "speech", "address", "report", "letter", "email", "message", "with", "during",
        "his", "her", "their", "its", "briefing", "remarks", "televised", "written", "separate", "radio",
        "television", "social", "media", "broadcast", "filing", "court", "documents", "also", "repeatedly",
        "recently", "previously", "publicly", "privately", "last", "week", "month", "year", "this", "earlier",
        "late", "early", "after", "before", "while", "when", "website", "site", "blog", "page", "account",
        "platform", "twitter", "facebook", "feed", "channel", "app", "online", "podcast", "show", "program",
        "programme", "evening", "morning", "afternoon", "night", "weekend",
    ]

    /// Words of an adverbial that may follow a cue with nothing said after it ("in a statement", "told reporters by phone").
    static let trailingAdverbialWords: WordSet = [
        "in", "on", "at", "a", "an", "the", "statement", "interview", "conference",
        "news", "release", "briefing", "week", "last", "this", "morning", "afternoon",
        "evening", "night", "earlier", "later", "recently", "told", "reporters",
        "to", "by", "phone", "email", "writing", "remarks", "speech",
    ]

    // MARK: Punctuation

    /// Punctuation that separates clauses and may open what was said (", — C").
    static let clauseSeparators: WordSet = [",", ":", "—", "–", ";"]

    /// Sentence stops and clause separators that may close what was said.
    static let closingPunctuation: WordSet = [".", ",", ";", ":", "—", "–", "!", "…", "..."]

    // MARK: Lemmas

    /// Reporting lemmas that report speech only with "that", a colon or a quotation after them ("asked that", "added: …").
    static let lemmasNeedingThatOrQuote: WordSet = [
        "ask", "continue", "show", "find", "quote", "cite", "publish", "broadcast", "refer", "describe",
        "characterize", "characterise", "post", "hold", "add", "signal", "welcome", "praise", "criticize",
        "criticise", "accuse", "blame", "reject", "dispute", "charge", "threaten", "agree", "recommend",
        "propose", "demand", "answer", "respond", "reply", "comment", "rule",
    ]

    /// Reporting lemmas that report through "as" ("described it as", "referred to him as").
    static let lemmasTakingAs: WordSet = ["describe", "characterize", "characterise", "refer"]

    /// Reporting lemmas for what a study or document finds ("find", "show").
    static let lemmasOfFinding: WordSet = ["find", "show"]
}

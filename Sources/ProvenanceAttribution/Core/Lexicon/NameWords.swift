/// The word lists ``NameReader`` reads a source phrase with: what joins the
/// words of one name, what a capitalised word at a sentence's start is when
/// it names nothing, and the words that tell a description of people or of
/// an institution from a phrase that names nobody. All entries are lowercase.
enum NameWords {
    // MARK: Names

    /// Words that join the words of one name ("Bank of England", "Ludwig van
    /// Beethoven", "Marks & Spencer").
    static let connectors: WordSet = ["of", "the", "for", "de", "del", "da", "van", "von", "bin", "al", "le", "la", "du", "der", "den", "y", "&"]

    /// Abbreviations that go on with a name ("Acme Co.", "John Smith Jr.").
    static let abbreviations: WordSet = ["co", "inc", "corp", "ltd", "jr", "sr", "st"]

    /// Words capitalised at a sentence's start, or in a headline, that begin
    /// no name ("According to …", "Speaking at …", "Their …").
    static let commonWords: WordSet = Words.clauseBoundaries.union(Words.sentenceStarters).union([
        "speaking", "contrary", "according", "in", "for", "with", "from", "some", "many", "most", "all", "no",
        "not", "one", "two", "three", "several", "both", "each", "every", "any", "other", "another", "such",
        "last", "next", "first", "new", "more", "earlier", "later", "also", "even", "only", "just", "today",
        "yesterday", "asked", "looking", "despite", "under", "over", "to", "of", "what", "who", "why", "how",
        "where", "here", "there", "although", "meanwhile", "however", "still", "yet", "so", "thus", "instead",
        "overall", "finally", "indeed", "perhaps", "maybe", "unlike", "like", "among", "nearly", "about",
        "around", "almost", "a", "an", "this", "these", "those", "that", "my", "your", "our", "their", "his",
        "her", "its", "we", "you", "they", "he", "she", "it", "i", "my",
    ])

    // MARK: Descriptions

    /// Words that open a description of several people ("some officials",
    /// "two senior diplomats", "U.S. officials").
    static let pluralDeterminers: WordSet = [
        "the", "some", "many", "most", "several", "two", "three", "four", "five", "few", "other", "these", "those",
        "both", "all", "local", "senior", "independent", "outside", "u.s.", "western", "foreign",
    ]

    /// Words that open a description of an institution or a document ("the
    /// coastguard", "its own review").
    static let descriptionOpeners: WordSet = ["the", "a", "an", "its", "their"]

    /// Prepositions such a description may hold ("the head of the agency").
    static let descriptionPrepositions: WordSet = ["of", "for"]

    /// Words that follow the head of a description ("a spokesman *for* the
    /// ministry", "people *familiar* with the talks").
    static let afterHead: WordSet = ["of", "for", "with", "at", "from", "familiar", "in", "on"]

    /// Words that stand for people named just before ("Both", "Others", "One
    /// of them"), and the words after them that say so ("of", "them", "whom").
    static let quantifiers: WordSet = ["both", "each", "neither", "others", "one", "some", "many", "several", "most", "all"]
    static let partitives: WordSet = ["them", "of", "whom"]

    // MARK: Nobody

    /// Words a phrase cut off before its noun ends in ("The number of"): it names nobody.
    static let danglingEnds: WordSet = ["of", "for", "with", "the", "a", "an", "to", "in", "on", "at", "and", "or"]
}

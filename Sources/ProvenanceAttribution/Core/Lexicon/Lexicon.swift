/// Small closed word classes the learned model's features read.
enum Lexicon {
    static let auxiliaries: WordSet = [
        "is", "are", "was", "were", "be", "been", "being", "am", "'s", "has", "have", "had", "having", "will", "would",
        "could", "can", "may", "might", "should", "must", "shall", "does", "did", "do", "'ve", "'d", "'ll", "'re",
    ]

    static let determiners: WordSet = [
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "some", "any",
        "no", "every", "each", "another", "such",
    ]

    static let negations: WordSet = ["not", "n't", "never", "no", "nobody", "none", "neither", "nor"]
}

extension Lexicon {
    /// Words that open a source naming nobody.
    static let nobody: WordSet = ["no", "nobody", "none", "neither", "nor", "nothing"]

    /// Prepositions and determiners: a span of what was said does not end on one.
    static let phraseOpeners: WordSet = [
        "on", "in", "at", "of", "for", "to", "with", "by", "from", "into", "about", "than", "as", "the", "a", "an",
        "his", "her", "its", "their", "our", "this", "these", "those", "that", "and", "or", "but", "every", "each",
        "any", "some", "all", "no", "another", "such", "my", "your",
    ]

    /// What follows the apostrophe of a pronoun's contraction ("she’s", "they're", "we'll").
    static let contractions: WordSet = ["s", "re", "ve", "d", "ll", "m"]

    /// Relative pronouns, which stand for the name before them.
    static let relativePronouns: WordSet = ["who", "which", "that", "whom"]

    /// Pronouns as objects: "called it …", "described them as …".
    static let objectPronouns: WordSet = ["it", "them", "him", "her", "this", "that", "these", "those", "us", "me"]

    /// A word that modifies a verb before it: one of `Words.verbModifiers` ("also", "then") or
    /// a word of more than four letters ending in "-ly" ("repeatedly", not "July").
    static func isVerbModifier(_ word: String) -> Bool {
        Words.verbModifiers.contains(word) || (word.hasSuffix("ly") && word.utf8.count > 4)
    }
}

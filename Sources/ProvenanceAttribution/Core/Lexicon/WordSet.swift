/// A word list, asked "does it hold this word?" for nearly every token.
///
/// A set of strings hashes the word to answer, and hashing a word in another
/// script (Cyrillic, Greek, accented Latin) means normalising it first. Our
/// lists are English: when a list holds only ASCII words, a word with any
/// other character is answered no at once.
package struct WordSet: ExpressibleByArrayLiteral, Sendable {
    private let words: Set<String>
    private let isASCII: Bool

    package init(_ words: Set<String>) {
        self.words = words
        isASCII = words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    }

    package init(arrayLiteral words: String...) {
        self.init(Set(words))
    }

    package func contains(_ word: String) -> Bool {
        if isASCII, !word.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return words.contains(word)
    }

    package func union(_ other: WordSet) -> WordSet {
        WordSet(words.union(other.words))
    }
}

import ProvenanceParsing

/// A word list, asked "does it hold this word?" for nearly every token.
///
/// ASCII words are found by their UTF-8 bytes, without hashing a string.
/// A word in another script would be hashed only after normalising it; our
/// lists are English, and when a list holds only ASCII words, such a word
/// is answered no at once.
package struct WordSet: ExpressibleByArrayLiteral, Sendable {
    /// The words, for building other tables from the list.
    package let words: Set<String>
    private let table: ByteKeyIndex
    private let isASCII: Bool

    package init(_ words: Set<String>) {
        self.words = words
        table = ByteKeyIndex(words.sorted())
        isASCII = words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    }

    package init(arrayLiteral words: String...) {
        self.init(Set(words))
    }

    package func contains(_ word: String) -> Bool {
        func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            // A word in another script is compared as a string (canonically).
            if !bytes.allSatisfy({ $0 < 0x80 }) { return isASCII ? false : words.contains(word) }
            return table.index(of: bytes) != nil
        }
        if let found = word.utf8.withContiguousStorageIfAvailable(find) { return found }
        var copy = word
        return copy.withUTF8(find)
    }

    package func union(_ other: WordSet) -> WordSet {
        WordSet(words.union(other.words))
    }
}

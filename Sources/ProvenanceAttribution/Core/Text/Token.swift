import ProvenanceParsing

/// A word, number, punctuation mark or quotation mark of the document text.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        case word
        case number
        case punctuation
        case quote
    }

    /// Which way a quotation mark faces.
    enum QuoteDirection: UInt8, Sendable {
        case opening, closing, either
    }

    /// Offsets of the first scalar and one past the last, in the document text.
    var start: Int
    var end: Int
    var kind: Kind
    /// The token's text, lowercased (words), or as written (everything else).
    var lower: String
    /// The word starts with a capital letter.
    var isCapitalized: Bool
    /// Whitespace (or the start of the block) comes right before the token.
    var spaceBefore: Bool
    /// For quotation marks: double (“ ” " « » „) or single (‘ ’ ').
    var isDoubleQuote: Bool = false
    var direction: QuoteDirection = .either

    var span: TextSpan { TextSpan(start: start, end: end) }

    func isWord(_ text: String) -> Bool { kind == .word && lower == text }
    func isPunctuation(_ text: String) -> Bool { kind == .punctuation && lower == text }

    /// Ends a sentence: ".", "!", "?", "…" or "...".
    var isTerminal: Bool {
        kind == .punctuation && (lower == "." || lower == "!" || lower == "?" || lower == "…" || lower == "...")
    }
}

import ProvenanceParsing

/// Cuts a block of text into tokens.
///
/// Words keep their inner apostrophes ("nation’s", "don't"), hyphens
/// ("anti-imperialist") and the dots of abbreviations written with letters
/// and dots ("U.S.", "a.m."); numbers keep their decimal and thousands marks
/// ("3.5", "10,000"). An apostrophe that ends a plural possessive
/// ("parents’ ") is left to the quotation finder to tell from a closing mark.
struct Tokenizer {
    private let scalars: [Unicode.Scalar]

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    func tokens(in range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 5)
        var index = range.lowerBound
        var spaceBefore = true
        while index < range.upperBound {
            let scalar = scalars[index]
            if Tokenizer.isSpace(scalar) {
                spaceBefore = true
                index += 1
                continue
            }
            let start = index
            var kind = Token.Kind.punctuation
            var isDouble = false
            var direction = Token.QuoteDirection.either
            if Tokenizer.isWordScalar(scalar) {
                index = wordEnd(from: index, limit: range.upperBound)
                kind = Tokenizer.isDigit(scalar) ? .number : .word
            } else if let quote = Tokenizer.quoteMarks[scalar] {
                kind = .quote
                isDouble = quote.double
                direction = quote.direction
                index += 1
            } else if scalar == ".", index + 2 < range.upperBound, scalars[index + 1] == ".", scalars[index + 2] == "." {
                index += 3
            } else if scalar == "-", index + 1 < range.upperBound, scalars[index + 1] == "-" {
                index += 2
            } else {
                index += 1
            }
            let text = Tokenizer.lowercased(scalars[start..<index], word: kind == .word)
            tokens.append(
                Token(
                    start: start, end: index, kind: kind, lower: text,
                    isCapitalized: kind == .word && Self.isUppercase(scalars[start]),
                    spaceBefore: spaceBefore, isDoubleQuote: isDouble, direction: direction))
            spaceBefore = false
        }
        return tokens
    }

    /// The end of the word or number starting at `start`.
    private func wordEnd(from start: Int, limit: Int) -> Int {
        var index = start
        let numeric = Tokenizer.isDigit(scalars[start])
        while index < limit {
            let scalar = scalars[index]
            if Tokenizer.isWordScalar(scalar) {
                index += 1
                continue
            }
            let next = index + 1 < limit ? scalars[index + 1] : " "
            // Inner apostrophes and hyphens: "nation’s", "anti-imperialist".
            if (scalar == "'" || scalar == "’" || scalar == "-" || scalar == "‑") && Tokenizer.isWordScalar(next) && !numeric {
                index += 1
                continue
            }
            // Decimals and thousands: "3.5", "10,000".
            if numeric, scalar == "." || scalar == ",", Tokenizer.isDigit(next) {
                index += 1
                continue
            }
            // "U.S.", "a.m.": single letters joined by dots.
            if scalar == ".", index - start == 1 || (index >= 2 && scalars[index - 2] == "."),
                Tokenizer.isLetter(next), index + 2 >= limit || !Tokenizer.isWordScalar(scalars[index + 2])
            {
                index += 2
                if index < limit, scalars[index] == "." { index += 1 }
                return index
            }
            break
        }
        return index
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            true
        default:
            false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value >= 0x30 && scalar.value <= 0x39) : ScalarProperties.isDecimalDigit(scalar)
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return value >= 0x61 && value <= 0x7A
        }
        return ScalarProperties.isAlphabetic(scalar)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A)
        }
        return ScalarProperties.isAlphabetic(scalar) || ScalarProperties.isNumeric(scalar) || ScalarProperties.isNonspacingMark(scalar)
    }

    /// Whether a scalar is an upper-case letter, without a property lookup for ASCII.
    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : ScalarProperties.isUppercase(scalar)
    }

    /// The token's text, lower-cased for a word (’ read as '), made in a
    /// scratch buffer on the stack: most tokens are short.
    private static func lowercased(_ scalars: ArraySlice<Unicode.Scalar>, word: Bool) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                var value = scalar
                if word {
                    if scalar.isASCII {
                        if scalar.value >= 0x41 && scalar.value <= 0x5A { value = Unicode.Scalar(UInt8(scalar.value + 32)) }
                    } else if ScalarProperties.isUppercase(scalar) {
                        value = ScalarProperties.firstLowercase(scalar)
                    }
                    if value == "’" { value = "'" }
                }
                UTF8.encode(value) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    private static let quoteMarks: [Unicode.Scalar: (double: Bool, direction: Token.QuoteDirection)] = [
        "“": (true, .opening), "”": (true, .closing), "„": (true, .opening), "«": (true, .opening),
        "»": (true, .closing), "\"": (true, .either), "‘": (false, .opening), "’": (false, .either),
        "‚": (false, .opening), "‹": (false, .opening), "›": (false, .closing), "'": (false, .either),
        "＂": (true, .either),
    ]
}

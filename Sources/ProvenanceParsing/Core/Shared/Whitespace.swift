/// Whitespace handling shared by both parsers.
enum Whitespace {
    /// Whether `scalar` separates words (spaces, tabs, line breaks, no-break
    /// and other Unicode spaces).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
             0x202F, 0x205F, 0x3000, 0xFEFF:
            true
        default:
            false
        }
    }

    /// Zero-width characters that pages scatter through text: zero-width
    /// spaces, word joiners, soft hyphens. The zero-width joiner and
    /// non-joiner stay: Bengali, Persian or Hindi words (and emoji) are
    /// spelt with them.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x2060, 0xAD: true
        default: false
        }
    }

    /// `text` with runs of whitespace turned into one space and the ends trimmed.
    static func collapse(_ text: String) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !utf8.isEmpty
            } else if isInvisible(scalar) {
                continue
            } else {
                if pendingSpace { utf8.append(0x20) }
                pendingSpace = false
                UTF8.encode(scalar) { utf8.append($0) }
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// `text` without whitespace at either end.
    static func trim(_ text: Substring) -> Substring {
        var start = text.unicodeScalars.startIndex
        var end = text.unicodeScalars.endIndex
        while start < end, isSpace(text.unicodeScalars[start]) { start = text.unicodeScalars.index(after: start) }
        while end > start, isSpace(text.unicodeScalars[text.unicodeScalars.index(before: end)]) {
            end = text.unicodeScalars.index(before: end)
        }
        return Substring(text.unicodeScalars[start..<end])
    }

    static func trim(_ text: String) -> String { String(trim(Substring(text))) }
}

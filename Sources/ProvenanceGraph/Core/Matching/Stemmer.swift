/// A light stemmer: common English endings off, then the first five letters,
/// so that "expand" and "expansion", "develop" and "development", "strategic"
/// and "strategy" meet.
///
/// It works on the UTF-8 bytes of a lowercase word — characters, for the
/// length rules — and makes the stem a string once, so that stems hash as
/// the plain strings they are.
enum Stemmer {
    static func stem(_ word: String) -> String {
        var word = word
        if let stem = word.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? stem(ascii: $0) : nil }) { return stem }
        // ASCII but for ’, read as ' (as below): one byte a character still.
        if word.unicodeScalars.allSatisfy({ $0.isASCII || $0 == "’" }) {
            let bytes = word.unicodeScalars.map { $0 == "’" ? 0x27 : UInt8($0.value) }
            return bytes.withUnsafeBufferPointer(stem(ascii:))
        }
        // Characters as UTF-8 byte ranges, with ’ read as '.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        var characters: [Int] = []  // where each character starts in `bytes`
        // Lowercase words are scalars one a character (an accent would be
        // combined already); ’ is read as '.
        for scalar in word.unicodeScalars {
            characters.append(bytes.count)
            if scalar == "’" {
                bytes.append(0x27)
            } else if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        var count = characters.count
        func hasSuffix(_ suffix: [UInt8]) -> Bool {
            bytes.count >= suffix.count && bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
        }
        func dropLast(_ n: Int) {
            count -= n
            bytes.removeSubrange(characters[count]...)
            characters.removeLast(n)
        }
        if hasSuffix(Self.possessive) { dropLast(2) }
        if hasSuffix(Self.apostrophe) { dropLast(1) }
        if count > 3 {
            for (suffix, replacement) in Self.endings where hasSuffix(suffix) && count - suffix.count >= 3 {
                if suffix == [0x73], hasSuffix([0x73, 0x73]) || hasSuffix([0x75, 0x73]) || hasSuffix([0x69, 0x73]) { break }
                dropLast(suffix.count)
                for byte in replacement {
                    characters.append(bytes.count)
                    bytes.append(byte)
                    count += 1
                }
                break
            }
            if count > 5 { dropLast(count - 5) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same for a lowercase ASCII word, one byte a character: the stem
    /// is a prefix of the word, perhaps with a "y" after it.
    static func stem(ascii word: UnsafeBufferPointer<UInt8>) -> String {
        var count = word.count
        var replacement: [UInt8] = []
        func hasSuffix(_ suffix: [UInt8]) -> Bool {
            count >= suffix.count && word[(count - suffix.count)..<count].elementsEqual(suffix)
        }
        if hasSuffix(possessive) { count -= 2 }
        if hasSuffix(apostrophe) { count -= 1 }
        if count > 3 {
            for (suffix, ending) in endings where hasSuffix(suffix) && count - suffix.count >= 3 {
                if suffix == [0x73], hasSuffix([0x73, 0x73]) || hasSuffix([0x75, 0x73]) || hasSuffix([0x69, 0x73]) { break }
                count -= suffix.count
                replacement = ending
                break
            }
            if count + replacement.count > 5 {
                let keep = min(count, 5)
                replacement = Array(replacement.prefix(5 - keep))
                count = keep
            }
        }
        let stem = UnsafeBufferPointer(rebasing: word[0..<count])
        if replacement.isEmpty { return String(decoding: stem, as: UTF8.self) }
        return String(decoding: Array(stem) + replacement, as: UTF8.self)
    }

    private static let possessive: [UInt8] = Array("'s".utf8)
    private static let apostrophe: [UInt8] = Array("'".utf8)

    /// Endings and what replaces them, as ASCII bytes (one byte a character).
    private static let endings: [([UInt8], [UInt8])] = [
        ("ies", "y"), ("ied", "y"), ("ing", ""), ("edly", ""), ("ed", ""), ("s", ""), ("ly", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }
}

import Foundation

/// Web pages' texts in Unicode's composed form (NFC), as most of the web writes them
/// and as people type them: a page that spells "য়" or "é" in two code
/// points reads the same as one that spells it in one, so its claims match
/// and its quotations can be found with what a reader copies.
///
/// Normalising costs little only where it is skipped: a text is read byte
/// by byte for a code point that can change under NFC (the table
/// `Resources/nfc-candidates.txt`, made by `Scripts/make-nfc-table.py`, and
/// the combining marks), and only the pieces that hold one — between two
/// `<` or line breaks, which NFC never joins across — are normalised. Line
/// breaks never change, so positions in the file keep their lines.
enum CanonicalComposition {
    /// `utf8` in NFC; the same bytes when they already are (almost always),
    /// or when the table is not beside the program.
    static func composed(_ utf8: [UInt8]) -> [UInt8] {
        guard let table = candidates, var found = firstCandidate(in: utf8, from: 0, table: table) else { return utf8 }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 16)
        var copied = 0
        while true {
            // A `<` or a line break never combines with what comes before it,
            // so the text is NFC piece by piece between them.
            var start = found
            while start > copied, !isSeparator(utf8[start]) { start -= 1 }
            var end = found
            while end < utf8.count, !isSeparator(utf8[end]) { end += 1 }
            result += utf8[copied..<start]
            result += String(decoding: utf8[start..<end], as: UTF8.self).precomposedStringWithCanonicalMapping.utf8
            copied = end
            guard let next = firstCandidate(in: utf8, from: end, table: table) else { break }
            found = next
        }
        result += utf8[copied...]
        return result
    }

    private static func isSeparator(_ byte: UInt8) -> Bool { byte == 0x3C || byte == 0x0A }

    /// Whether the bytes hold a code point of the table, or a combining mark.
    static func mayChange(_ utf8: [UInt8], table: [ClosedRange<UInt32>]) -> Bool {
        firstCandidate(in: utf8, from: 0, table: table) != nil
    }

    /// Where the first code point of the table, or combining mark, at or
    /// after `from` starts. Bytes below 0xCC (ASCII, continuation bytes, and
    /// the two-byte letters up to U+02FF, none of which NFC changes) are
    /// passed over without decoding, eight ASCII bytes at a time.
    static func firstCandidate(in utf8: [UInt8], from: Int, table: [ClosedRange<UInt32>]) -> Int? {
        utf8.withUnsafeBufferPointer { bytes -> Int? in
            var index = from
            let count = bytes.count
            let raw = UnsafeRawPointer(bytes.baseAddress)
            while index < count {
                if let raw, index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let lead = bytes[index]
                guard lead >= 0xCC else {
                    index += 1
                    continue
                }
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                guard index + length <= count else { return nil }
                var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
                // The table, and every combining mark this Swift knows (marks
                // newer than the table's Unicode included).
                if contains(table, scalar) || (Unicode.Scalar(scalar)?.properties.canonicalCombiningClass.rawValue ?? 0) != 0 {
                    return index
                }
                index += length
            }
            return nil
        }
    }

    private static func contains(_ table: [ClosedRange<UInt32>], _ scalar: UInt32) -> Bool {
        var low = 0
        var high = table.count
        while low < high {
            let middle = (low + high) / 2
            if table[middle].upperBound < scalar {
                low = middle + 1
            } else if table[middle].lowerBound > scalar {
                high = middle
            } else {
                return true
            }
        }
        return false
    }

    /// The table's ranges, in order; nil when the file is not beside the program.
    static let candidates: [ClosedRange<UInt32>]? = {
        guard let url = BundledResources.file("nfc-candidates.txt", target: "ProvenanceParsing"),
            let text = try? String(contentsOf: url, encoding: .ascii)
        else { return nil }
        return ranges(text)
    }()

    /// `0300..036F` or `0374`, one a line; `#` starts a comment.
    static func ranges(_ text: String) -> [ClosedRange<UInt32>] {
        text.split(whereSeparator: \.isNewline).compactMap { line -> ClosedRange<UInt32>? in
            guard !line.hasPrefix("#") else { return nil }
            let ends = line.split(separator: ".", omittingEmptySubsequences: true).compactMap { UInt32($0, radix: 16) }
            guard let first = ends.first, let last = ends.last, first <= last else { return nil }
            return first...last
        }.sorted { $0.lowerBound < $1.lowerBound }
    }
}

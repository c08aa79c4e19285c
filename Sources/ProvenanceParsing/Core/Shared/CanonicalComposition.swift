import Foundation

/// Texts in Unicode's composed form (NFC), as most of the web writes them
/// and as people type them: a page that spells "য়" or "é" in two code
/// points reads the same as one that spells it in one, so its claims match
/// and its quotations can be found with what a reader copies.
///
/// Normalising costs little only when it is skipped: a text is read byte
/// by byte for a code point that can change under NFC (the table
/// `Resources/nfc-candidates.txt`, made by `Scripts/make-nfc-table.py`), and
/// only a text that holds one is normalised. Line breaks never change, so
/// positions in the file keep their lines.
enum CanonicalComposition {
    /// `utf8` in NFC; the same bytes when they already are (almost always),
    /// or when the table is not beside the program.
    static func composed(_ utf8: [UInt8]) -> [UInt8] {
        guard let table = candidates, mayChange(utf8, table: table) else { return utf8 }
        return Array(String(decoding: utf8, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }

    /// Whether the bytes hold a code point of the table, or a combining mark.
    /// Bytes below 0xCC
    /// (ASCII, continuation bytes, and the two-byte letters up to U+02FF,
    /// none of which NFC changes) are passed over without decoding.
    static func mayChange(_ utf8: [UInt8], table: [ClosedRange<UInt32>]) -> Bool {
        utf8.withUnsafeBufferPointer { bytes in
            var index = 0
            let count = bytes.count
            let raw = UnsafeRawPointer(bytes.baseAddress)
            while index < count {
                // Eight ASCII bytes at a time (most of a page).
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
                guard index + length <= count else { return false }
                var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
                // The table, and every combining mark this Swift knows (marks
                // newer than the table's Unicode included).
                if contains(table, scalar) || (Unicode.Scalar(scalar)?.properties.canonicalCombiningClass.rawValue ?? 0) != 0 {
                    return true
                }
                index += length
            }
            return false
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

/// Searching arrays of Unicode scalars, so that every match comes with the
/// scalar offsets spans need.
enum ScalarSearch {
    /// `scalars` lowercased one for one (scalars whose lowercase form is
    /// several scalars stay as they are), so offsets carry over.
    static func lowercased<C: Collection>(_ scalars: C) -> [Unicode.Scalar] where C.Element == Unicode.Scalar {
        scalars.map { scalar in
            if scalar.isASCII {
                return scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 32)! : scalar
            }
            let mapping = scalar.properties.lowercaseMapping.unicodeScalars
            return mapping.count == 1 ? mapping.first! : scalar
        }
    }

    /// The offset of the first occurrence of `needle` at or after `start`.
    static func firstIndex(of needle: String, in haystack: [Unicode.Scalar], from start: Int = 0) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return nil }
        var index = max(start, 0)
        while index + pattern.count <= haystack.count {
            if haystack[index] == pattern[0] {
                var offset = 1
                while offset < pattern.count, haystack[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// The offset of the last occurrence of `needle` that starts before `end`.
    static func lastIndex(of needle: String, in haystack: [Unicode.Scalar], before end: Int? = nil) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return nil }
        var index = min(end ?? haystack.count, haystack.count) - 1
        index = min(index, haystack.count - pattern.count)
        while index >= 0 {
            if haystack[index] == pattern[0], haystack[index..<index + pattern.count].elementsEqual(pattern) {
                return index
            }
            index -= 1
        }
        return nil
    }

    /// `range` of `scalars` without whitespace (and `extra` scalars) at either end.
    static func trimmed(_ range: Range<Int>, in scalars: [Unicode.Scalar], also extra: Set<Unicode.Scalar> = []) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, Whitespace.isSpace(scalars[lower]) || extra.contains(scalars[lower]) { lower += 1 }
        while upper > lower, Whitespace.isSpace(scalars[upper - 1]) || extra.contains(scalars[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The string of `scalars` (encoded by hand: appending scalars to a
    /// `String.UnicodeScalarView` one by one is several times slower).
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count + scalars.count / 4)
        for scalar in scalars {
            UTF8.encode(scalar) { utf8.append($0) }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}

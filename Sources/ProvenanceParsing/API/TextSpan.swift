/// A half-open range of Unicode scalar offsets into an article's ``Article/text``.
///
/// Every piece of evidence `provenance` reports points into the document text
/// this way, so a reader can cut the exact words out of the text and check them.
/// Offsets count Unicode scalars (not bytes, not UTF-16 code units, not grapheme
/// clusters); for a plain-text input they point straight into the file.
public struct TextSpan: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Offset of the first scalar.
    public var start: Int
    /// Offset one past the last scalar.
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span cannot end before it starts")
        self.start = start
        self.end = end
    }

    /// The number of scalars covered.
    public var length: Int { end - start }

    /// Whether the span covers no scalars.
    public var isEmpty: Bool { start == end }

    /// Whether `other` lies entirely within this span.
    public func contains(_ other: TextSpan) -> Bool {
        start <= other.start && other.end <= end
    }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "\(start)..<\(end)" }

    private enum CodingKeys: String, CodingKey {
        case start, end
    }

    /// A span read back (from JSON Lines, say) is checked as a made one is:
    /// offsets that are negative or out of order are an error, not a trap later.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(Int.self, forKey: .start)
        let end = try container.decode(Int.self, forKey: .end)
        guard start >= 0, start <= end else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: "a span is 0 ≤ start ≤ end")
        }
        self.init(start: start, end: end)
    }
}

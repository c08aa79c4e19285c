/// Builds a document text block by block, handing back the span of each
/// piece, so spans are right by construction.
struct TextAssembler {
    private var utf8: [UInt8] = []
    /// The number of scalars so far: the offset the next block starts at.
    private(set) var count = 0

    /// Appends `text` as a new block (after a blank line) and returns its span.
    mutating func appendBlock<S: Collection>(_ text: S) -> TextSpan where S.Element == Unicode.Scalar {
        if count > 0 {
            utf8.append(0x0A)
            utf8.append(0x0A)
            count += 2
        }
        let start = count
        for scalar in text {
            UTF8.encode(scalar) { utf8.append($0) }
        }
        count += text.count
        return TextSpan(start: start, end: count)
    }

    var text: String { String(decoding: utf8, as: UTF8.self) }
}

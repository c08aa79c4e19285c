/// Builds a document text block by block, handing back the span of each
/// piece, so spans are right by construction.
struct TextAssembler {
    private(set) var scalars = String.UnicodeScalarView()
    private(set) var count = 0
    private let separator: [Unicode.Scalar] = ["\n", "\n"]

    /// Appends `text` as a new block and returns its span.
    mutating func appendBlock<S: Collection>(_ text: S) -> TextSpan where S.Element == Unicode.Scalar {
        if count > 0 {
            scalars.append(contentsOf: separator)
            count += separator.count
        }
        let start = count
        scalars.append(contentsOf: text)
        count += text.count
        return TextSpan(start: start, end: count)
    }

    var text: String { String(scalars) }
}

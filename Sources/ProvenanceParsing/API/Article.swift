/// One article, extracted from a saved web page or a plain-text file.
///
/// ``text`` is the document text: for a plain-text input it is the file itself,
/// for a web page it is the page's visible text, block after block, separated by
/// blank lines. Every span anywhere in `provenance` is an offset into it.
public struct Article: Sendable, Hashable, Codable {
    /// The name of the input, as the user gave it.
    public var path: String
    /// How the input was read.
    public var format: InputFormat
    /// Headline, authors, publisher, date, address, language.
    public var metadata: ArticleMetadata
    /// The document text.
    public var text: String
    /// The blocks of ``text`` in reading order.
    public var blocks: [Block]
    /// The links of the body, the captions and the reference list.
    public var links: [Link]
    /// Things worth knowing about how the input was read (an assumed charset,
    /// JSON-LD that could not be parsed, …).
    public var notes: [String]
    /// Where the text was in the input file, for a web page read whole from
    /// one; nil when the text is the file (plain text) or was not in one file.
    public var positions: SourcePositions?

    public init(
        path: String, format: InputFormat, metadata: ArticleMetadata, text: String,
        blocks: [Block], links: [Link], notes: [String] = [], positions: SourcePositions? = nil
    ) {
        self.positions = positions
        self.path = path
        self.format = format
        self.metadata = metadata
        self.text = text
        self.blocks = blocks
        self.links = links
        self.notes = notes
    }

    /// The words of `span`.
    public func text(of span: TextSpan) -> String {
        ScalarText(text)[span]
    }

    /// Where the text is in the input file: ``positions`` for a web page, the
    /// text's own lines for a plain-text input (the text is the file), nil for
    /// a page out of an archive.
    public var filePositions: SourcePositions? {
        positions ?? (format == .text ? SourcePositions(linesOf: text) : nil)
    }

    /// The body blocks (see ``Block/isBody``).
    public var bodyBlocks: [Block] { blocks.filter(\.isBody) }

    /// The body: the words of the body blocks, separated by blank lines.
    public var body: String {
        let scalars = ScalarText(text)
        return bodyBlocks.map { scalars[$0.span] }.joined(separator: "\n\n")
    }

    /// The photo captions.
    public var captions: [Block] { blocks.filter { $0.kind == .caption } }

    /// The links of the article's "Sources" or "References" list.
    public var references: [Link] { links.filter { $0.role == .reference } }
}

/// How an input is read.
public enum InputFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// A web page, read through libxml2's HTML parser.
    case html
    /// A plain-text article (scraped text, a wire copy, a Markdown-ish export).
    case text
}

/// A document text as an array of Unicode scalars, so spans can be cut out in
/// constant time.
public struct ScalarText: Sendable, Hashable {
    /// The scalars of the text.
    public let scalars: [Unicode.Scalar]

    public init(_ text: String) {
        scalars = UnicodeScalars.array(of: text)
    }

    /// The number of scalars: the end offset of the whole text.
    public var count: Int { scalars.count }

    /// The words of `span`; offsets outside the text are clamped.
    public subscript(span: TextSpan) -> String {
        let start = min(max(span.start, 0), scalars.count)
        let end = min(max(span.end, start), scalars.count)
        var utf8: [UInt8] = []
        utf8.reserveCapacity(end - start)
        for scalar in scalars[start..<end] {
            UTF8.encode(scalar) { utf8.append($0) }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}

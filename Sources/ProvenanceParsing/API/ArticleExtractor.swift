#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads articles out of saved web pages and plain-text files.
///
/// ```swift
/// let extractor = ArticleExtractor(options: ExtractionOptions(publisher: "Fox News"))
/// let article = try extractor.extract(bytes, path: "story.txt")
/// for caption in article.captions { print(caption.credit?.chain ?? []) }
/// ```
///
/// Extraction is a pure function of the bytes and the options: no network,
/// no files, no shared state, so documents can be extracted in parallel.
public struct ArticleExtractor: Sendable {
    /// The options every input is read with.
    public var options: ExtractionOptions
    /// The block model web pages are judged with (`options.judging` `.model`):
    /// the bundled one unless the trainer sets another.
    package var blockModel: BlockModel?

    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
        blockModel = try? BlockModel.bundled.get()
    }

    /// Why the bundled block model could not be read, if it could not
    /// (web pages are then judged by the rules alone).
    public static var blockModelProblem: String? {
        if case .failure(let error) = BlockModel.bundled { return error.reason }
        return nil
    }

    /// Extracts the article in `bytes`; `path` names the input in the article
    /// and in errors.
    public func extract(_ bytes: [UInt8], path: String) throws(ExtractionError) -> Article {
        try extract(InputDocument(name: path, bytes: bytes))
    }

    /// Extracts a document read from an input: what its container says
    /// (format, charset, address, dates) is used where the page itself and
    /// the options do not say.
    public func extract(_ document: InputDocument) throws(ExtractionError) -> Article {
        let bytes = document.bytes
        let path = document.name
        guard bytes.count <= options.maximumBytes else {
            throw ExtractionError(path: path, reason: .tooLarge(bytes: bytes.count, limit: options.maximumBytes))
        }
        if let kind = InputSniffer.binaryKind(bytes) {
            throw ExtractionError(path: path, reason: .binary(kind))
        }
        let declared = (options.inputFormat == .text ? nil : CharsetDeclaration.find(in: bytes)) ?? document.charset
        let decoded = TextDecoder.decode(bytes, declared: declared)
        if InputSniffer.looksBinary(decoded.utf8) {
            throw ExtractionError(path: path, reason: .binary(nil))
        }
        var notes = decoded.notes
        let utf8 = withoutNULs(decoded.utf8, notes: &notes)
        guard utf8.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C) }) else {
            throw ExtractionError(path: path, reason: .empty)
        }
        let format = options.inputFormat ?? document.format ?? (InputSniffer.isHTML(utf8) ? .html : .text)
        var article: Article
        switch format {
        case .html:
            // A page's text is ours to make, so it is made in NFC; plain text keeps
            // its code points, so that offsets into it are offsets into the file.
            article = HTMLArticleParser.parse(
                utf8: CanonicalComposition.composed(utf8), path: path, notes: notes, keepingPositions: document.isWholeInput,
                model: options.judging == .model ? blockModel : nil)
        case .text:
            article = TextArticleParser.parse(String(decoding: utf8, as: UTF8.self), path: path, notes: notes)
        }
        apply(options, to: &article)
        if article.metadata.url == nil { article.metadata.url = document.url }
        article.metadata.capturedFrom = document.url
        if article.metadata.published == nil, let saved = document.saved {
            article.metadata.published = DateNormalizer.normalize(saved)
        }
        if let captured = document.captured { article.metadata.captured = DateNormalizer.normalize(captured) ?? captured }
        return article
    }

    /// NUL bytes become U+FFFD: one scalar for one, so offsets stay true, and
    /// no C string is cut short.
    private func withoutNULs(_ bytes: [UInt8], notes: inout [String]) -> [UInt8] {
        let hasNUL = bytes.withUnsafeBytes { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        guard hasNUL else { return bytes }
        notes.append("NUL bytes replaced with U+FFFD")
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            if byte == 0 { result += [0xEF, 0xBF, 0xBD] } else { result.append(byte) }
        }
        return result
    }

    private func apply(_ options: ExtractionOptions, to article: inout Article) {
        if let publisher = options.publisher { article.metadata.publisher = publisher }
        if let url = options.url { article.metadata.url = url }
        if let published = options.published {
            article.metadata.published = DateNormalizer.normalize(published) ?? published
        }
    }
}

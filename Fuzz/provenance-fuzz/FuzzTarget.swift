import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceReports
import ProvenanceStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What one fuzzing run feeds its inputs to.
enum FuzzTarget: String, CaseIterable {
    /// `ArticleExtractor` reading the input as a web page.
    case html
    /// `ArticleExtractor` reading the input as plain text.
    case text
    /// The input read as plain text, then `AttributionEngine` on the article,
    /// then the article linked into a graph (twice, to itself).
    case attribution
    /// The input as a file given on the command line: gzip, MHTML and web
    /// archives unpacked by `InputItems`, every document then extracted.
    case archive
    /// The input as one line of `ingest --from-jsonl`: read back by
    /// `AttributedJSONLines`, and when it is accepted, linked into a graph
    /// and written as the text and JSON reports.
    case jsonl
    /// The input as a corpus store: opened for reading (graph, sources),
    /// then for writing, and a document ingested into it.
    case store

    /// The target named by `PROVENANCE_FUZZ_TARGET`, read at the first input.
    static let current: FuzzTarget = fromEnvironment()

    private static func fromEnvironment() -> FuzzTarget {
        guard let value = getenv("PROVENANCE_FUZZ_TARGET") else {
            fatalError("set PROVENANCE_FUZZ_TARGET to one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let name = String(cString: value)
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("unknown PROVENANCE_FUZZ_TARGET \"\(name)\"; use one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }
}

/// Runs one input through `target`. A thrown `ExtractionError` is a clear
/// refusal and fine; a trap, a hang or a sanitizer report is a bug. Every span
/// the result holds is checked against the text, so a span out of range traps
/// here even where the library would quietly clamp it.
func run(_ bytes: [UInt8], through target: FuzzTarget) {
    if target == .archive { return runArchive(bytes) }
    if target == .jsonl { return runJSONLine(bytes) }
    if target == .store { return runStore(bytes) }
    if target == .html { checkUnusedMarkup(bytes) }
    let format: InputFormat = target == .html ? .html : .text
    let article: Article
    do {
        article = try ArticleExtractor(options: ExtractionOptions(inputFormat: format)).extract(bytes, path: "fuzz-input")
    } catch {
        return
    }
    let scalars = ScalarText(article.text)
    check(article, scalars)
    if target == .attribution {
        let attributed = AttributionEngine().attribute(article)
        check(attributed, scalars)
        // The claims read for matching and linked: twice, so that every
        // claim finds itself in the index.
        var builder = GraphBuilder()
        builder.add(attributed)
        builder.add(attributed)
        for edge in builder.graph.edges {
            for evidence in edge.evidence { check(evidence.span, scalars, "evidence of \(edge.kind) \(edge.from) → \(edge.to)") }
        }
    }
}

/// Stops the program when taking the unused markup out of a page changes
/// its tree, or where its texts are placed in the page. The page is first made valid UTF-8 without NULs, as extraction
/// makes it before the parse.
private func checkUnusedMarkup(_ bytes: [UInt8]) {
    let page = Array(String(decoding: bytes, as: UTF8.self).utf8).flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] }
    let trimmed = htmlTreeDump(parsingUTF8: page, keepingUnusedMarkup: false)
    let whole = htmlTreeDump(parsingUTF8: page, keepingUnusedMarkup: true)
    guard trimmed == whole else {
        fatalError("the tree differs with the unused markup taken out:\n\(trimmed)\n---- left in:\n\(whole)")
    }
    // Every text is placed at the same offset of the page either way.
    let trimmedPlaces = htmlTextPlaces(parsingUTF8: page, keepingUnusedMarkup: false)
    let wholePlaces = htmlTextPlaces(parsingUTF8: page, keepingUnusedMarkup: true)
    guard trimmedPlaces == wholePlaces else {
        fatalError("the texts' places differ with the unused markup taken out:\n\(trimmedPlaces)\n---- left in:\n\(wholePlaces)")
    }
}

/// Where the archive target writes its input: `InputItems` reads files.
private let archivePath = "/tmp/provenance-fuzz-input-\(getpid())"

/// Writes the input to a file and reads it the way the commands read their
/// arguments, with a small limit so that "too large" paths are taken too.
private func runArchive(_ bytes: [UInt8]) {
    let file = fopen(archivePath, "wb")
    guard let file else { fatalError("cannot write \(archivePath)") }
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    let limit = 1 << 16
    for item in InputItems(paths: [archivePath], limit: limit) {
        guard case .document(let document) = item else { continue }
        guard document.bytes.count <= limit else { fatalError("a document of \(document.bytes.count) bytes passed the limit of \(limit)") }
        guard let article = try? ArticleExtractor().extract(document) else { continue }
        check(article, ScalarText(article.text))
    }
}

/// A line that is accepted must hold together: every span in its text and
/// every index pointing somewhere, so that nothing downstream traps.
private func runJSONLine(_ bytes: [UInt8]) {
    guard let attributed = try? AttributedJSONLines.document(from: String(decoding: bytes, as: UTF8.self), number: 1) else { return }
    check(attributed.article, ScalarText(attributed.article.text))
    check(attributed, ScalarText(attributed.article.text))
    var builder = GraphBuilder()
    builder.add(attributed)
    builder.add(attributed)
    let report = GraphReport(builder.graph)
    _ = ReportTextRenderer().render(report)
    _ = ReportJSONRenderer().render(report)
    _ = CheckRenderer().findings(report)
}

/// Where the store target writes its input.
private let storePath = "/tmp/provenance-fuzz-store-\(getpid()).sqlite"

/// Whatever the file holds, opening it, reading it and writing to it end in
/// a result or a `StoreError`, never a trap; a store that is refused is not
/// written.
private func runStore(_ bytes: [UInt8]) {
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(storePath + suffix) }
    defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(storePath + suffix) } }
    let file = fopen(storePath, "wb")
    guard let file else { fatalError("cannot write \(storePath)") }
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    if let store = try? CorpusStore(path: storePath, access: .read) {
        if let graph = try? store.graph() {
            let report = GraphReport(graph)
            _ = ReportTextRenderer().render(report)
            _ = ReportJSONRenderer().render(report)
        }
        _ = try? store.sources()
        _ = try? store.documentCount()
    }
    let before = bytes
    do {
        let store = try CorpusStore(path: storePath, access: .write)
        _ = try? store.ingest(storeArticle, hash: "fuzz")
        _ = try? store.graph()
    } catch {
        // Refused: the file must be as it was.
        if let after = try? InputReader.read(storePath, limit: 1 << 24), after != before, !before.isEmpty {
            fatalError("a refused store was changed: \(error)")
        }
    }
}

/// The document the store target ingests: a short article of our own.
private let storeArticle: AttributedArticle = {
    let text = "Port talks\n\n“The port will reopen on Monday,” harbour master Ana Ruiz said.\n\nThe ministry said cargo rose by 12 percent.\n"
    let article = try! ArticleExtractor().extract(Array(text.utf8), path: "fuzz-store-input.txt")
    return AttributionEngine(method: .rules).attribute(article)
}()

/// Stops the program when `span` does not lie within the text.
private func check(_ span: TextSpan, _ scalars: ScalarText, _ what: @autoclosure () -> String) {
    guard span.start >= 0, span.start <= span.end, span.end <= scalars.count else {
        fatalError("\(what()) span \(span) is outside the text (\(scalars.count) scalars)")
    }
    _ = scalars[span]
}

/// Stops the program when `index` is not an index of a collection of `count` items.
private func check(index: Int, count: Int, _ what: @autoclosure () -> String) {
    guard index >= 0, index < count else {
        fatalError("\(what()) index \(index) is outside 0..<\(count)")
    }
}

/// Checks every span of an extracted article.
private func check(_ article: Article, _ scalars: ScalarText) {
    for block in article.blocks {
        check(block.span, scalars, "block")
        if let credit = block.credit {
            check(credit.span, scalars, "credit")
            for part in credit.parts { check(part.span, scalars, "credit part") }
        }
        _ = block.isBody
    }
    for link in article.links {
        check(link.span, scalars, "link")
    }
    _ = article.body
    _ = article.captions
    _ = article.references
}

/// Checks every span and index of an attributed article.
private func check(_ attributed: AttributedArticle, _ scalars: ScalarText) {
    let blockCount = attributed.article.blocks.count
    let sourceCount = attributed.sources.count
    for sentence in attributed.sentences {
        check(sentence.span, scalars, "sentence")
        check(index: sentence.block, count: blockCount, "sentence block")
    }
    for quote in attributed.quotes {
        check(quote.span, scalars, "quote")
        check(quote.inner, scalars, "quote inner")
    }
    for source in attributed.sources {
        for mention in source.mentions { check(mention, scalars, "source mention") }
    }
    if let publisher = attributed.publisher {
        check(index: publisher, count: sourceCount, "publisher")
    }
    for claim in attributed.claims {
        check(claim.sentence, scalars, "claim sentence")
        check(claim.content, scalars, "claim content")
        check(index: claim.block, count: blockCount, "claim block")
        if let cue = claim.cue { check(cue.span, scalars, "cue") }
        if let attribution = claim.attribution {
            check(index: attribution.source, count: sourceCount, "claim source")
            check(attribution.mention, scalars, "attribution mention")
            if let antecedent = attribution.antecedent { check(antecedent, scalars, "antecedent") }
        }
        for source in claim.via { check(index: source, count: sourceCount, "via source") }
        for source in claim.about { check(index: source, count: sourceCount, "about source") }
        for quote in claim.quotes { check(quote, scalars, "claim quote") }
        for source in attributed.chain(of: claim) { _ = attributed.sources[source].name }
        _ = claim.problem
    }
}

/// libFuzzer's entry point: one input, through the target named by
/// `PROVENANCE_FUZZ_TARGET`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    run(Array(UnsafeBufferPointer(start: data, count: size)), through: FuzzTarget.current)
    return 0
}

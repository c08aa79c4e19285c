import Foundation
import Testing
import ProvenanceParsing

/// A web page's text keeps where it was in the file: line and column.
@Suite struct SourcePositionTests {
    /// The scalars of the text that the positions place on another scalar of
    /// the file. Spaces are skipped (collapsed whitespace has no one place);
    /// a scalar an entity gave may sit on the entity's "&".
    static func misplaced(_ article: Article, file: String) -> [String] {
        guard let positions = article.positions else { return ["no positions"] }
        let lines = file.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        let text = Array(article.text.unicodeScalars)
        var wrong: [String] = []
        for block in article.blocks {
            for offset in block.span.start..<block.span.end where !text[offset].properties.isWhitespace {
                guard let (line, column) = positions.position(of: offset) else {
                    // Only a headline from the metadata lies before every anchor.
                    if offset == block.span.start, block.kind != .title { wrong.append("\(offset): no position") }
                    break
                }
                let found = lines.indices.contains(line - 1) && lines[line - 1].indices.contains(column - 1)
                    ? lines[line - 1][column - 1] : nil
                if found != text[offset], found != "&" {
                    wrong.append("\(offset) '\(text[offset])' at \(line):\(column) is '\(found.map(String.init) ?? "nothing")'")
                }
            }
        }
        return wrong
    }

    @Test func everyScalarOfAPageWeWroteIsPlacedOnItsScalarInTheFile() throws {
        let html = """
            <html><head><title>Harbour tax</title><script>var x = "<p>not text</p>";\r
            </script><style>p { color: red }</style></head>\r
            <body><article data-id="42" class="story"><h1>Harbour tax to double</h1>\r
            <p>The minister said   the tax\r
                would double next year. &ldquo;It is time,&rdquo; she said,\r
            <b>and <i>nobody</i></b> objected.</p>\r
            <p style="margin: 0">A second   paragraph, with <a href="/x" data-track="1">a link</a> in it,\r
            and a long line that goes on after the link for a while before it ends.</p>\r
            <pre>Line one of a table\r
            Line two of a table</pre>\r
            </article></body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(Self.misplaced(article, file: html).isEmpty, "\(Self.misplaced(article, file: html))")
        // The sentence on the page's fifth line is found there.
        let text = article.text
        let offset = try #require(text.range(of: "would double")).lowerBound
        let scalarOffset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: offset)
        let position = try #require(article.positions?.position(of: scalarOffset))
        #expect(position.line == 5)
        #expect(position.column == 5)
    }

    @Test func theExamplePageIsPlacedScalarByScalar() throws {
        let url = TestSupport.example("harbor-ledger-castavia-port-talks.html")
        let article = try TestSupport.extract(url)
        let file = String(decoding: try TestSupport.bytes(of: url), as: UTF8.self)
        let wrong = Self.misplaced(article, file: file)
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test func aPageOutOfAnArchiveOrAPlainTextHasNoPositions() throws {
        let text = try TestSupport.extract("The minister said the tax would double.", format: .text)
        #expect(text.positions == nil)
        let page = try ArticleExtractor().extract(
            InputDocument(name: "a.warc#1", bytes: Array("<p>The minister said the tax would double.</p>".utf8), format: .html, isWholeInput: false))
        #expect(page.positions == nil)
    }

    @Test func positionsSurviveJSON() throws {
        let positions = SourcePositions([.init(offset: 9, line: 3, column: 4), .init(offset: 0, line: 1, column: 7)])
        let data = try JSONEncoder().encode(positions)
        #expect(String(decoding: data, as: UTF8.self) == "[[0,1,7],[9,3,4]]")
        #expect(try JSONDecoder().decode(SourcePositions.self, from: data) == positions)
        #expect(positions.position(of: 12)! == (3, 7))
        #expect(positions.position(of: 2)! == (1, 9))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SourcePositions.self, from: Data("[[0,0,1]]".utf8)) }
    }

    /// Real pages (../shared): how many of their scalars the positions place
    /// right, printed; at least 99 % of them.
    @Test(.enabled(if: TestSupport.hasShared, "../shared/corpus is absent: corpus positions not measured"))
    func realPagesArePlacedScalarByScalar() throws {
        var checked = 0
        var wrong = 0
        var pages = 0
        for corpus in ["readability-news", "article-extraction-benchmark/html"] {
            let folder = TestSupport.shared.appendingPathComponent("corpus").appendingPathComponent(corpus)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() {
                var url = folder.appendingPathComponent(name)
                if corpus == "readability-news" { url = url.appendingPathComponent("source.html") }
                guard url.pathExtension == "html" || url.pathExtension == "gz", let bytes = try? InputReader.read(url.path) else { continue }
                guard let article = try? ArticleExtractor().extract(bytes, path: name), article.positions != nil else { continue }
                guard let file = String(validatingUTF8: bytes.map { CChar(bitPattern: $0) } + [0]) else { continue }
                pages += 1
                checked += article.blocks.reduce(0) { $0 + $1.span.end - $1.span.start }
                let misplaced = Self.misplaced(article, file: file)
                if !misplaced.isEmpty { print("positions: \(name): \(misplaced.count) misplaced, e.g. \(misplaced.prefix(2))") }
                wrong += misplaced.count
            }
        }
        print("positions: \(pages) real pages, \(wrong) of \(checked) scalars misplaced")
        #expect(pages > 0)
        #expect(Double(wrong) <= 0.01 * Double(checked))
    }
}

import Foundation
import Testing
import ProvenanceParsing

/// Bad input gives one clear error or a best-effort article: never a crash,
/// a hang or a stack overflow.
@Suite struct BadInputTests {
    private let extractor = ArticleExtractor()

    private func reason(_ bytes: [UInt8], path: String = "input") -> ExtractionError.Reason? {
        do {
            _ = try extractor.extract(bytes, path: path)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func emptyAndBlankFilesAreErrors() {
        #expect(reason([]) == .empty)
        #expect(reason(Array("  \n\n\t ".utf8)) == .empty)
    }

    @Test func binaryFilesAreErrorsNamingWhatTheyLookLike() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 100)
        #expect(reason(png) == .binary("a PNG image"))
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<50_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(reason(noise) != nil)
        #expect(reason([UInt8](repeating: 0, count: 4096)) == .binary(nil))
    }

    /// Text is binary when more than 3 % of its first 64 KiB are control
    /// bytes (tab, line feed, carriage return, form feed and escape aside),
    /// wherever in the words they fall; 0x7F counts, bytes above it do not.
    @Test(arguments: [(0x01, 40, true), (0x1F, 40, true), (0x7F, 40, true), (0x01, 20, false), (0x80, 60, false), (0x09, 60, false), (0x1B, 60, false)] as [(UInt8, Int, Bool)])
    func controlBytesMakeTextBinary(control: UInt8, perThousand: Int, isBinary: Bool) {
        var bytes = Array(String(repeating: "Plain words of a story, a line at a time.\n", count: 40).utf8)
        var position = 3
        var placed = 0
        while placed * 1000 < bytes.count * perThousand {
            bytes[position % bytes.count] = control
            position += 37
            placed += 1
        }
        #expect((reason(bytes) == .binary(nil)) == isBinary, "\(control)")
    }

    @Test func errorsNameTheFile() {
        let error = ExtractionError(path: "pics/cat.txt", reason: .binary("a PNG image"))
        #expect(error.description == "pics/cat.txt: not a text or HTML file (it looks like a PNG image)")
    }

    @Test func aFewNULBytesAreReplacedNotFatal() throws {
        let article = try extractor.extract(Array("Hello\u{0}world, this is text.\n\nMore text here.".utf8), path: "nul.txt")
        #expect(article.text == "Hello\u{FFFD}world, this is text.\n\nMore text here.")
    }

    @Test func truncatedHTMLKeepsWhatIsThere() throws {
        let html = "<html><head><title>Cut</title></head><body><article><p>The first paragraph is complete, with a comma.</p><p>The second is cut off in the mid"
        let article = try extractor.extract(Array(html.utf8), path: "cut.html")
        #expect(article.body.contains("The first paragraph is complete"))
        #expect(article.body.contains("cut off in the mid"))
    }

    @Test func deepNestingIsParsedWithoutRecursion() throws {
        let depth = 100_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth)
            + "<p>Deep text, far down the tree.</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = try extractor.extract(Array(html.utf8), path: "deep.html")
        #expect(article.body == "Deep text, far down the tree.")
        let unclosed = "<html><body>" + String(repeating: "<div><span><b>", count: 30_000) + "words at the bottom"
        #expect(try extractor.extract(Array(unclosed.utf8), path: "unclosed.html").body == "words at the bottom")
    }

    @Test func thousandsOfUnbalancedQuotesAndAHugeParagraph() throws {
        let quotes = String(repeating: "\" “ ‘ ", count: 20_000)
        #expect(try extractor.extract(Array(quotes.utf8), path: "quotes.txt").text == quotes)
        let paragraph = String(repeating: "word ", count: 1_000_000)
        let article = try extractor.extract(Array(paragraph.utf8), path: "long.txt")
        #expect(article.bodyBlocks.count == 1)
    }

    @Test func inputsOverTheLimitAreRefused() {
        let small = ArticleExtractor(options: ExtractionOptions(maximumBytes: 1_000))
        #expect(throws: ExtractionError.self) {
            try small.extract([UInt8](repeating: 0x61, count: 1_001), path: "big.txt")
        }
        do {
            _ = try small.extract([UInt8](repeating: 0x61, count: 1_001), path: "big.txt")
        } catch {
            #expect(error.reason == .tooLarge(bytes: 1_001, limit: 1_000))
        }
    }

    @Test func aLargePageIsReadInFull() throws {
        // About 12 MB of paragraphs: far beyond any real article page.
        let paragraph = "<p>" + String(repeating: "A sentence of a very long page, with a comma. ", count: 50) + "</p>\n"
        let html = "<html><body><article>" + String(repeating: paragraph, count: 5_000) + "</article></body></html>"
        let article = try extractor.extract(Array(html.utf8), path: "large.html")
        #expect(article.texts(of: .paragraph).count == 5_000)
    }

    @Test func theReaderRefusesDirectoriesAndMissingFiles() {
        #expect(throws: ExtractionError.self) { try InputReader.read("/") }
        #expect(throws: ExtractionError.self) { try InputReader.read("/no/such/file.html") }
    }
}

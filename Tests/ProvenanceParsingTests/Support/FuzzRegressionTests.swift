import Foundation
import Testing
import ProvenanceParsing

/// Inputs the fuzzer (Fuzz/run.sh) once broke the readers with, kept in
/// `Fixtures/Fuzz/`, and the hand-made odd seeds it starts from
/// (`Fuzz/seeds/html`, `Fuzz/seeds/text`): a `.html` file is read as a web
/// page, any other as plain text, the way `provenance-fuzz html|text` reads
/// it. Each must give a clear `ExtractionError` or an article whose spans all
/// lie within its text.
@Suite struct FuzzRegressionTests {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every input, as a path relative to the package root, sorted.
    static let fixtures: [String] = {
        let folders = ["Tests/ProvenanceParsingTests/Fixtures/Fuzz", "Fuzz/seeds/html", "Fuzz/seeds/text"]
        return folders.flatMap { folder in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.map { folder + "/" + $0 }
        }.sorted()
    }()

    @Test func theSeedsAreThere() {
        #expect(Self.fixtures.contains { $0.hasPrefix("Fuzz/seeds/html/") }, "no seeds in Fuzz/seeds/html")
        #expect(Self.fixtures.contains { $0.hasPrefix("Fuzz/seeds/text/") }, "no seeds in Fuzz/seeds/text")
    }

    @Test(arguments: fixtures)
    func fixtureIsReadOrRefusedCleanly(_ name: String) throws {
        let url = Self.root.appendingPathComponent(name)
        let format: InputFormat = url.pathExtension == "html" ? .html : .text
        let bytes = try TestSupport.bytes(of: url)
        let article: Article
        do {
            article = try ArticleExtractor(options: ExtractionOptions(inputFormat: format)).extract(bytes, path: name)
        } catch {
            return
        }
        let count = ScalarText(article.text).count
        for block in article.blocks {
            #expect(0 <= block.span.start && block.span.end <= count, "block \(block.span) outside 0..<\(count)")
            if let credit = block.credit {
                #expect(0 <= credit.span.start && credit.span.end <= count, "credit \(credit.span) outside 0..<\(count)")
            }
        }
        for link in article.links {
            #expect(0 <= link.span.start && link.span.end <= count, "link \(link.span) outside 0..<\(count)")
        }
    }
}

import Foundation
import Testing
import ProvenanceParsing

/// gzip inputs: read through, whatever their name, and bounded.
@Suite struct GzipTests {
    static func fixture(_ name: String) -> String {
        TestSupport.packageRoot.appendingPathComponent("Tests/ProvenanceParsingTests/Fixtures/Gzip").appendingPathComponent(name).path
    }

    static let dispatch = try! TestSupport.bytes(of: TestSupport.example("meridian-news-agency-dispatch.txt"))

    @Test func aGzipFileReadsAsTheFileItHolds() throws {
        #expect(try InputReader.read(Self.fixture("dispatch.txt.gz")) == Self.dispatch)
    }

    @Test func membersOneAfterAnotherAreOneFile() throws {
        #expect(try InputReader.read(Self.fixture("dispatch-two-members.gz")) == Self.dispatch)
    }

    @Test func gzipIsKnownByItsBytesNotItsName() throws {
        let bytes = try InputReader.read(Self.fixture("harbor-page-named-as.txt"))
        let article = try ArticleExtractor().extract(bytes, path: "harbor-page-named-as.txt")
        #expect(article.format == .html)
        #expect(article.metadata.title?.contains("Castavia") == true)
    }

    @Test func aFileCutShortIsADamagedFile() {
        #expect(throws: ExtractionError(path: Self.fixture("dispatch-cut-short.txt.gz"), reason: .damagedCompression("it ends too soon"))) {
            try InputReader.read(Self.fixture("dispatch-cut-short.txt.gz"))
        }
    }

    @Test func aGzipBombStopsAtTheLimit() throws {
        // 78 kB that would inflate to 80 MB: refused at the 64 MiB limit, and
        // under a smaller limit at that one.
        let path = Self.fixture("eighty-megabytes-of-zeros.gz")
        #expect(throws: ExtractionError(path: path, reason: .tooLargeDecompressed(limit: ExtractionOptions.defaultMaximumBytes))) {
            try InputReader.read(path)
        }
        #expect(throws: ExtractionError(path: path, reason: .tooLargeDecompressed(limit: 1_000_000))) {
            try InputReader.read(path, limit: 1_000_000)
        }
    }

    @Test func bytesThatOnlyStartLikeGzipAreDamaged() {
        let fake: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x03] + Array(repeating: 0xAB, count: 64)
        #expect(throws: ExtractionError.self) { try InputReader.decompressed(fake, path: "fake.gz") }
    }
}

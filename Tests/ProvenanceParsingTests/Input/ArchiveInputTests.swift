import Foundation
import Testing
import ProvenanceParsing

/// Web archives, MHTML pages and folders, read through `InputItems`. The
/// fixtures are made from our own example pages by
/// `Fixtures/Archives/make-fixtures.py`.
@Suite struct ArchiveInputTests {
    static func fixture(_ name: String) -> String {
        TestSupport.packageRoot.appendingPathComponent("Tests/ProvenanceParsingTests/Fixtures/Archives").appendingPathComponent(name).path
    }

    static func items(_ paths: [String]) -> [InputItem] {
        Array(InputItems(paths: paths))
    }

    static func documents(_ items: [InputItem]) -> [InputDocument] {
        items.compactMap { if case .document(let document) = $0 { document } else { nil } }
    }

    @Test(arguments: ["crawl.warc", "crawl.warc.gz"])
    func everyHTMLResponseOfAnArchiveIsADocument(name: String) throws {
        let path = Self.fixture(name)
        let items = Self.items([path])
        let documents = Self.documents(items)
        #expect(documents.map(\.name) == [
            "\(path)#urn:uuid:00000000-0000-4000-8000-000000000002",
            "\(path)#urn:uuid:00000000-0000-4000-8000-000000000005",
            "\(path)#urn:uuid:00000000-0000-4000-8000-000000000007",
        ])
        #expect(documents.map(\.url) == [
            "https://www.harborledger.example/world/castavia-port-talks", "https://ferries.example/timetable", "https://ferries.example/deflate",
        ])
        #expect(documents.first?.captured == "2024-03-15T09:00:02Z")
        // The page of the first record is the example page, byte for byte.
        #expect(documents.first?.bytes == (try TestSupport.bytes(of: TestSupport.example("harbor-ledger-castavia-port-talks.html"))))
        // Chunked and gzip-encoded, and deflate-encoded, bodies come out as pages.
        let ferry = try ArticleExtractor().extract(documents[1])
        #expect(ferry.metadata.title == "Ferry timetable changes")
        #expect(ferry.metadata.url == "https://ferries.example/timetable")
        #expect(ferry.metadata.captured == "2024-03-15T09:00:05Z")
        #expect(try ArticleExtractor().extract(documents[2]).body.contains("summer timetable"))
        // What was skipped is counted.
        guard case .note(let notePath, let message) = items.last else {
            Issue.record("no note at the end")
            return
        }
        #expect(notePath == path)
        #expect(message == "3 HTML responses read; skipped 1 metadata, 1 non-HTML response, 1 request, 1 revisit, 1 warcinfo")
    }

    @Test func aTruncatedArchiveKeepsTheRecordsBeforeTheCut() {
        let path = Self.fixture("truncated.warc")
        let items = Self.items([path])
        #expect(Self.documents(items).count == 1)
        let failures = items.compactMap { if case .failure(let error) = $0 { error } else { nil } }
        #expect(failures == [ExtractionError(path: path, reason: .damagedArchive("record 6 is cut short; the document before it kept"))])
    }

    @Test(arguments: ["page.mhtml", "page-base64.mht"])
    func theHTMLPartOfAnMHTMLFileIsThePage(name: String) throws {
        let documents = Self.documents(Self.items([Self.fixture(name)]))
        #expect(documents.count == 1)
        let page = try #require(documents.first)
        #expect(page.bytes == (try TestSupport.bytes(of: TestSupport.example("harbor-ledger-castavia-port-talks.html"))))
        #expect(page.url == "https://www.harborledger.example/world/castavia-port-talks")
        #expect(page.saved == "Fri, 15 Mar 2024 10:12:00 -0000")
    }

    @Test func anMHTMLFileWithoutAPageIsAnError() {
        let path = Self.fixture("no-html-part.mhtml")
        let items = Self.items([path])
        guard case .failure(let error) = items.first else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.path == path)
        #expect(error.reason == .damagedArchive("an MHTML file without an HTML part"))
    }

    @Test func theSavedDateIsTheFallbackPublicationDate() throws {
        let page = Array("<html><head><title>Ferry news</title></head><body><article><p>The ferry sails at noon, the operator said.</p></article></body></html>".utf8)
        let saved = InputDocument(name: "ferry.mhtml", bytes: page, format: .html, url: "https://ferries.example/news", saved: "Fri, 15 Mar 2024 10:12:00 -0000")
        let article = try ArticleExtractor().extract(saved)
        #expect(article.metadata.published?.hasPrefix("2024-03-15") == true, "\(article.metadata.published ?? "nil")")
        #expect(article.metadata.url == "https://ferries.example/news")
        // A page that gives its own date and address keeps them.
        let dated = try #require(Self.documents(Self.items([Self.fixture("page.mhtml")])).first)
        let own = try ArticleExtractor().extract(dated)
        #expect(own.metadata.published == "2024-03-14T16:42:00Z")
        #expect(own.metadata.url == "https://www.harborledger.example/world/castavia-president-says-port-talks-with-neighbors-must-secure-open-sea-lanes")
    }

    @Test func foldersAreWalkedForArticlesInPathOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        for sub in ["b", "a/page_files", ".git", "a/nested"] {
            try manager.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for name in ["b/story.html", "a/page.html", "a/page_files/frame.html", "a/page_files/style.css", ".git/HEAD.txt",
                     "a/logo.PNG", "a/app.js", "a/nested/notes.txt", "a/.hidden.html", "b/archive.warc.gz", "b/data.json"] {
            _ = manager.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data("x".utf8))
        }
        let root = folder.path
        #expect(InputPaths.expand([root, "-", "given.png"]) == [
            "\(root)/a/nested/notes.txt", "\(root)/a/page.html", "\(root)/b/archive.warc.gz", "\(root)/b/story.html", "-", "given.png",
        ])
    }

    @Test func aFolderWalkSetsReadMeLicenceAndChangeLogFilesApart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pages"), withIntermediateDirectories: true)
        for name in ["README.md", "LICENSE", "pages/CHANGELOG.txt", "pages/Code-Of-Conduct.md", "pages/story.txt", "readers.txt", "news-today.html"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data("x".utf8))
        }
        let root = folder.path
        let expansion = InputPaths.expansion(of: [root, "\(root)/README.md"])
        #expect(expansion.paths == ["\(root)/news-today.html", "\(root)/pages/story.txt", "\(root)/readers.txt", "\(root)/README.md"])
        #expect(expansion.skipped == ["\(root)/LICENSE", "\(root)/README.md", "\(root)/pages/CHANGELOG.txt", "\(root)/pages/Code-Of-Conduct.md"])
    }

    /// Malformed archives and pages: how many documents come out, and the
    /// one error line (if any) each gives.
    @Test(arguments: [
        ("damaged-member.warc.gz", 1, "the gzip data is damaged (invalid distance too far back) at record 6; the document before it kept"),
        ("cut-member.warc.gz", 3, "the gzip data is damaged (it ends too soon) at record 9; the 3 documents before it kept"),
        // Issue 20: what follows a member and is none is an error at its record
        // (it was ignored, with the records after it); a member that fails its
        // check is the record named, and not kept (the next was named).
        ("garbage-between-members.warc.gz", 1,
         "the gzip data is damaged (bytes that are not gzip follow a member) at record 5; the document before it kept"),
        ("bad-checksum.warc.gz", 2, "the gzip data is damaged (incorrect data check) at record 8; the 2 documents before it kept"),
        ("trailing-garbage.html.gz", 0, "the gzip data is damaged (bytes that are not gzip follow a member)"),
        ("huge-length.warc", 0, "record 1 has no usable Content-Length; no document before it"),
        ("huge-chunk.warc", 0, "the chunked body is damaged"),
        ("statuses.warc", 1, nil),
        ("leading-blank-lines.warc", 1, nil),
        ("dechunked-body.warc", 1, nil),
        ("trailing-newline.html.gz", 1, nil),
        ("nested.mhtml", 1, nil),
    ] as [(String, Int, String?)])
    func malformedInputsKeepWhatCanBeRead(name: String, documents: Int, failure: String?) {
        let items = Self.items([Self.fixture(name)])
        #expect(Self.documents(items).count == documents)
        let failures = items.compactMap { if case .failure(let error) = $0 { error } else { nil } }
        #expect(failures.map { if case .damagedArchive(let detail) = $0.reason { detail } else { $0.message } } == (failure.map { [$0] } ?? []))
    }

    @Test func redirectsErrorsAndNotModifiedAreSkippedAndCounted() {
        let items = Self.items([Self.fixture("statuses.warc")])
        #expect(Self.documents(items).map(\.url) == ["https://ferries.example/status/3"])
        guard case .note(_, let message) = items.last else {
            Issue.record("no note at the end")
            return
        }
        #expect(message == "1 HTML response read; skipped 1 HTTP 301 response, 1 HTTP 304 response, 1 HTTP 404 response")
    }

    @Test func theHTMLPartOfANestedMultipartIsFound() throws {
        let page = try #require(Self.documents(Self.items([Self.fixture("nested.mhtml")])).first)
        let article = try ArticleExtractor().extract(page)
        #expect(page.url == "https://ferries.example/nested")
        // Soft breaks with spaces after "=" are joined; a line that only starts
        // like the boundary stays in the page.
        #expect(article.body.contains("the harbour minister said"))
        #expect(article.body.contains("--outer-and-inner are words"))
    }

    @Test func anArchiveLargerThanTheLimitIsReadRecordByRecord() {
        // Every record is under 13,000 bytes; the archive inflates to 15,082.
        for name in ["crawl.warc", "crawl.warc.gz"] {
            let items = Array(InputItems(paths: [Self.fixture(name)], limit: 13_000))
            #expect(Self.documents(items).count == 3, "\(name)")
            #expect(!items.contains { if case .failure = $0 { true } else { false } }, "\(name)")
        }
        // A page is bounded whole.
        let page = Array(InputItems(paths: [Self.fixture("page.mhtml")], limit: 13_000))
        guard case .failure(let error) = page.first else {
            Issue.record("expected the MHTML page over the limit to fail")
            return
        }
        #expect(error.reason == .tooLarge(bytes: 13_798, limit: 13_000))
    }

    @Test func symbolicLinkLoopsAndEmptyFoldersEndTheWalk() throws {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("provenance-loop-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: folder) }
        try manager.createDirectory(at: folder.appendingPathComponent("sub/empty"), withIntermediateDirectories: true)
        _ = manager.createFile(atPath: folder.appendingPathComponent("sub/story.html").path, contents: Data("x".utf8))
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("sub/again").path, withDestinationPath: "..")
        let root = folder.path
        #expect(InputPaths.expand([root]).filter { $0.hasSuffix("story.html") }.count == 1)
        // A folder with nothing to read stays, to be reported as such.
        let empty = folder.appendingPathComponent("sub/empty").path
        #expect(InputPaths.expand([empty]) == [empty])
        guard case .failure(let error) = Array(InputItems(paths: [empty])).first else {
            Issue.record("expected the empty folder to fail")
            return
        }
        #expect(error.message == "cannot be read: a folder with no article files in it")
    }
}

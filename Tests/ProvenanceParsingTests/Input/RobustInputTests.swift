import Foundation
import Testing
@testable import ProvenanceParsing

/// Issue 20's inputs: file names that are not UTF-8, folders with things in
/// them that are not read, control characters in names, spans read back,
/// and pages written the way HTML5 allows.
@Suite struct RobustInputTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes a file whose name is these bytes, as the file system has it.
    static func write(_ contents: String, named name: [UInt8], in folder: URL) throws {
        let path = Array(folder.path.utf8) + [0x2F] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let bytes = Array(contents.utf8)
        #expect(bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) } == bytes.count)
    }

    @Test func aNameThatIsNotUTF8KeepsItsBytes() {
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
        let name = FileName.string(fromBytes: latin1)
        #expect(FileName.bytes(of: name) == latin1)
        #expect(FileName.display(name) == "caf\\xE9.txt")
        #expect(VisibleText.name(name) == "caf\\xE9.txt")
        // A NUL byte round-trips too, and is shown; UTF-8 names are themselves.
        #expect(FileName.bytes(of: FileName.string(fromBytes: [0x61, 0, 0x62])) == [0x61, 0, 0x62])
        #expect(FileName.display(FileName.string(fromBytes: [0x61, 0, 0x62])) == "a\\x00b")
        #expect(FileName.string(fromBytes: Array("Zürich.txt".utf8)) == "Zürich.txt")
    }

    @Test func aFolderWalkReadsEveryNameAndCountsWhatItPassesOver() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write("Jonas Holt said the tax would double.\n", named: Array("caf".utf8) + [0xE9] + Array(".txt".utf8), in: folder)
        try Self.write("Ana Ruiz said the port would open.\n", named: Array("plain.txt".utf8), in: folder)
        try Self.write("x", named: Array("logo.png".utf8), in: folder)
        try Self.write("x", named: Array(".hidden.txt".utf8), in: folder)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gone.txt").path, withDestinationPath: "/nowhere/at/all")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("page_files"), withIntermediateDirectories: true)
        #expect(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o644) == 0)

        let expansion = InputPaths.expansion(of: [folder.path])
        #expect(expansion.paths.count == 2)
        let reasons = Dictionary(expansion.passedOver.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.reason) }) { first, _ in first }
        #expect(reasons == [
            "logo.png": .notAnArticle, ".hidden.txt": .hidden, "gone.txt": .brokenLink, "page_files": .savedPageFiles, "pipe.txt": .notAFile,
        ])
        // The name that is not UTF-8 is read, and named with its byte shown.
        let documents = InputItems(paths: expansion.paths).compactMap { item -> InputDocument? in
            if case .document(let document) = item { document } else { nil }
        }
        #expect(documents.map { URL(fileURLWithPath: $0.name).lastPathComponent } == ["caf\\xE9.txt", "plain.txt"])
        #expect(documents.first.map { String(decoding: $0.bytes, as: UTF8.self) } == "Jonas Holt said the tax would double.\n")
    }

    @Test func aNameWithANulByteIsOneClearError() {
        let items = Array(InputItems(paths: ["a.txt\u{0}b.txt"]))
        guard case .failure(let error)? = items.first else {
            Issue.record("no failure for a name with a NUL byte")
            return
        }
        #expect(error.description == "a.txt\\x00b.txt: cannot be read: a file name cannot hold a NUL byte")
    }

    @Test func controlCharactersAreShownNotObeyed() {
        #expect(VisibleText.name("a\nb.txt:1:1: forged\u{1B}]0;title\u{07}\u{1B}[2J") == "a\\nb.txt:1:1: forged\\x1B]0;title\\x07\\x1B[2J")
        #expect(VisibleText.prose("one\ntwo\tthree \u{202E}four") == "one two three \\u{202E}four")
        #expect(VisibleText.name("plain name.txt") == "plain name.txt")
    }

    @Test func aSpanReadBackMustBeASpan() throws {
        let decoder = JSONDecoder()
        #expect(try decoder.decode(TextSpan.self, from: Data(#"{"start": 2, "end": 5}"#.utf8)) == TextSpan(start: 2, end: 5))
        #expect(throws: DecodingError.self) { try decoder.decode(TextSpan.self, from: Data(#"{"start": 5, "end": 2}"#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(TextSpan.self, from: Data(#"{"start": -1, "end": 2}"#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(SourcePositions.self, from: Data("[[0, 1, 9223372036854775807]]".utf8)) }
    }

    /// HTML5 lets a page leave out <body>, and minified pages do: the first
    /// element with no place in the head opens the body, as in a browser.
    @Test(arguments: ["article", "main", "section", "header", "aside", "figure", "div"])
    func aPageWithoutABodyTagReadsAsABrowserShowsIt(_ element: String) throws {
        let article = try TestSupport.extract(
            "<!DOCTYPE html><title>Port talks</title><\(element)><p>Jonas Holt said the tax would double.</p></\(element)>", format: .html)
        #expect(article.metadata.title == "Port talks")
        #expect(article.body.contains("Jonas Holt said the tax would double."), "<\(element)>: \(article.body)")
    }

    @Test func anUnclosedHeadGivesWayToTheContent() throws {
        let article = try TestSupport.extract(
            "<html><head><title>Port talks</title><meta name=x content=y><article><p>Jonas Holt said the tax would double.</p>", format: .html)
        #expect(article.body.contains("Jonas Holt said the tax would double."))
        // A head's own elements keep it open: <base> and <meta> are not content.
        let kept = try TestSupport.extract(
            "<html><head><title>T</title><base href=\"https://a.example/\"><meta charset=utf-8></head><body><p>The port opened.</p></body></html>",
            format: .html)
        #expect(kept.body == "The port opened.")
    }
}

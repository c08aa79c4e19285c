import Foundation
import Testing

/// `provenance serve` on a store of the examples, walked in a real headless
/// browser (Debian's `chromium`): search → claim → its origin → the origin's
/// source → the origin's document. Skipped where there is no browser.
@Suite struct ServeBrowserTests {
    /// The DOM the browser built from `url`.
    static func dom(_ url: String, folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BrowserTests.browser!)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile", "--dump-dom", url,
        ]
        let output = folder.appendingPathComponent("dom.html")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return try String(contentsOf: output, encoding: .utf8)
    }

    /// The first capture of `pattern` in `text`.
    static func first(_ pattern: String, in text: String) -> String? {
        guard let expression = try? NSRegularExpression(pattern: pattern),
            let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    /// Every capture of `pattern` in `text`.
    static func all(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test(.enabled(if: BrowserTests.browser != nil, "chromium is not installed: apt-get install chromium"))
    func aBrowserWalksFromSearchToTheOriginsSourceAndDocument() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("corpus.sqlite").path
        #expect(try CommandRunner.run(["ingest", "--quiet", "--store", store] + ExtractCommandTests.examples).status == 0)

        // The server, on a free port it names on standard error.
        let server = Process()
        server.executableURL = CommandRunner.binary
        server.arguments = ["serve", "--store", store, "--port", "0"]
        let errors = Pipe()
        server.standardError = errors
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        var said = ""
        let deadline = Date().addingTimeInterval(60)
        while !said.contains("/\n"), Date() < deadline {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            said += String(decoding: data, as: UTF8.self)
        }
        let base = try #require(Self.first("serving .* at (http://127\\.0\\.0\\.1:[0-9]+)/", in: said), "\(said)")

        let search = try Self.dom(base + "/search?q=become+doors", folder: folder)
        let found = Self.all("<a class=\"sentence\" href=\"/claims/(c[0-9]+)\"", in: search)
        #expect(found.count >= 2, "\(search.prefix(2000))")
        #expect(search.contains("value=\"become doors\""))

        // The first claim found that comes from a claim of another document.
        var walked = false
        for claim in found {
            let page = try Self.dom(base + "/claims/" + claim, folder: folder)
            #expect(page.contains("<h1>Claim \(claim)</h1>"))
            #expect(page.contains("<mark>"))
            guard let origin = Self.first(
                "Where it comes from</h2><ul class=\"claims\"><li class=\"claim\"><a class=\"sentence\" href=\"/claims/(c[0-9]+)\"", in: page)
            else { continue }
            let originPage = try Self.dom(base + "/claims/" + origin, folder: folder)
            #expect(originPage.contains("<h1>Claim \(origin)</h1>"))
            #expect(originPage.contains("href=\"/claims/\(claim)\""), "the origin lists the claim as the same claim elsewhere")
            let source = try #require(Self.first("<ol class=\"chain\"><li><a class=\"source\" href=\"/sources/(s[0-9]+)\"", in: originPage))
            let sourcePage = try Self.dom(base + "/sources/" + source, folder: folder)
            #expect(sourcePage.contains("href=\"/claims/\(origin)\""))
            let document = try #require(Self.first("href=\"/documents/(d[0-9]+)#\(origin)\"", in: originPage))
            let documentPage = try Self.dom(base + "/documents/" + document, folder: folder)
            #expect(documentPage.contains("id=\"\(origin)\""))
            #expect(documentPage.contains("<div class=\"text\">"))
            #expect(documentPage.contains("Derived by"))
            walked = true
            break
        }
        #expect(walked, "no claim found comes from another document's claim")

        let missing = try Self.dom(base + "/claims/c999999", folder: folder)
        #expect(missing.contains("<h1>Not found</h1>"))
        #expect(server.isRunning)
    }
}

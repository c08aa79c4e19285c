import Foundation
import Hummingbird
import HummingbirdTesting
import ProvenanceAttribution
import ProvenanceParsing
@testable import ProvenanceServer
import ProvenanceStore
import Testing

/// The pages and API of `provenance serve`, called without a socket.
@Suite struct CorpusServerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = ["meridian-news-agency-dispatch.txt", "harbor-ledger-castavia-port-talks.html", "content-farm-rewrite.txt"]

    /// A store of `inputs` (name and bytes), opened for reading; and its path.
    static func store(_ inputs: [(String, [UInt8])]) throws -> (CorpusStore, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-\(UUID().uuidString).sqlite").path
        do {
            let writer = try CorpusStore(path: path)
            for (name, bytes) in inputs {
                let article = try ArticleExtractor().extract(bytes, path: name)
                _ = try writer.ingest(AttributionEngine().attribute(article), hash: CorpusStore.contentHash(of: bytes))
            }
        }
        return (try CorpusStore(path: path, access: .read), path)
    }

    static func exampleStore() throws -> (CorpusStore, String) {
        try store(try examples.map { name in
            ("Examples/" + name, [UInt8](try Data(contentsOf: root.appendingPathComponent("Examples").appendingPathComponent(name))))
        })
    }

    /// Status and body of a GET.
    static func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, String, HTTPFields) {
        try await client.execute(uri: uri, method: .get) { response in
            (response.status, String(buffer: response.body), response.headers)
        }
    }

    @Test func thePagesWalkFromSearchToClaimToOriginToSourceToDocument() async throws {
        let (store, path) = try Self.exampleStore()
        defer { TemporaryStore.remove(path) }
        let app = Application(router: CorpusServer(reader: store).router())
        try await app.test(.router) { client in
            let (status, home, headers) = try await Self.get(client, "/")
            #expect(status == .ok)
            #expect(home.contains("3 documents"))
            #expect(headers[.contentType] == "text/html; charset=utf-8")
            #expect(headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)

            let (searchStatus, search, _) = try await Self.get(client, "/search?q=Gannet+Strait")
            #expect(searchStatus == .ok)
            #expect(search.contains("value=\"Gannet Strait\""))
            // Every claim of the rewrite that has an origin: its page names the origin's claim.
            let graph = try store.graph()
            let rewrite = try #require(graph.documents.first { $0.path.hasSuffix("content-farm-rewrite.txt") })
            var walked = false
            for claim in graph.claims where claim.document == rewrite.id {
                guard let detail = try store.claim(ClaimID(claim.id)!), let origin = detail.origin, let source = origin.source else { continue }
                #expect(search.contains("/claims/") )
                let (claimStatus, page, _) = try await Self.get(client, "/claims/\(claim.id)")
                #expect(claimStatus == .ok)
                #expect(page.contains("<h1>Claim \(claim.id)</h1>"))
                #expect(page.contains("href=\"/claims/\(origin.id)\""))
                #expect(page.contains("<mark>"))
                for link in detail.chain { #expect(page.contains("href=\"/sources/\(link.id)\"")) }
                let (originStatus, originPage, _) = try await Self.get(client, "/claims/\(origin.id)")
                #expect(originStatus == .ok)
                #expect(originPage.contains("a rewrite of this document"))
                let (sourceStatus, sourcePage, _) = try await Self.get(client, "/sources/\(source.id)")
                #expect(sourceStatus == .ok)
                #expect(sourcePage.contains(SafeText.html(source.name)))
                #expect(sourcePage.contains("href=\"/claims/\(origin.id)\""))
                let (documentStatus, documentPage, _) = try await Self.get(client, "/documents/\(origin.document.id)")
                #expect(documentStatus == .ok)
                #expect(documentPage.contains("id=\"\(origin.id)\""))
                #expect(documentPage.contains("Derived by"))
                walked = true
                break
            }
            #expect(walked)
        }
    }

    @Test func missingIdsAre404AndMalformedOnes400() async throws {
        let (store, path) = try Self.exampleStore()
        defer { TemporaryStore.remove(path) }
        let app = Application(router: CorpusServer(reader: store).router())
        try await app.test(.router) { client in
            for uri in ["/claims/c999999", "/sources/s999999", "/documents/d999999"] {
                let (status, body, _) = try await Self.get(client, uri)
                #expect(status == .notFound, "\(uri)")
                #expect(body.contains("<h1>Not found</h1>"), "\(uri)")
                let (apiStatus, apiBody, _) = try await Self.get(client, "/api" + uri)
                #expect(apiStatus == .notFound, "\(uri)")
                #expect(apiBody.hasPrefix("{\"error\":"), "\(uri)")
            }
            for uri in ["/claims/d1", "/claims/c0", "/claims/c01", "/claims/c1x", "/sources/%3Cscript%3E", "/documents/d99999999999999999999",
                        "/search?finding=everything", "/search?source=1", "/search?document=dd", "/search?page=0", "/search?page=x",
                        "/sources/s1?page=-1"]
            {
                let (status, body, _) = try await Self.get(client, uri)
                #expect(status == .badRequest, "\(uri)")
                #expect(body.contains("<h1>Bad request</h1>"), "\(uri)")
                #expect(!body.contains("<script"), "\(uri)")
                let (apiStatus, _, _) = try await Self.get(client, "/api" + uri)
                #expect(apiStatus == .badRequest, "\(uri)")
            }
            let (status, _, _) = try await Self.get(client, "/api/search?size=101")
            #expect(status == .badRequest)
        }
    }

    @Test func theAPIGivesTheSameAsThePages() async throws {
        let (store, path) = try Self.exampleStore()
        defer { TemporaryStore.remove(path) }
        let app = Application(router: CorpusServer(reader: store).router())
        try await app.test(.router) { client in
            let (status, body, headers) = try await Self.get(client, "/api/search?q=gannet&size=2")
            #expect(status == .ok)
            #expect(headers[.contentType] == "application/json")
            let search = try JSONDecoder().decode(ClaimSearch.self, from: Data(body.utf8))
            #expect(search.page.items.count == 2)
            #expect(search.page.total == (try store.claims(matching: ClaimQuery(words: "gannet"), page: PageRequest())).page.total)
            let first = search.page.items[0].id
            let (_, claimBody, _) = try await Self.get(client, "/api/claims/\(first)")
            let claim = try JSONDecoder().decode(ClaimDetail.self, from: Data(claimBody.utf8))
            #expect(claim.summary.id == first)
            let (_, documentBody, _) = try await Self.get(client, "/api/documents/\(claim.summary.document.id)")
            let document = try JSONDecoder().decode(DocumentDetail.self, from: Data(documentBody.utf8))
            #expect(document.claims.contains { $0.id == first })
            let (_, countsBody, _) = try await Self.get(client, "/api/corpus")
            #expect(try JSONDecoder().decode(CorpusCounts.self, from: Data(countsBody.utf8)).documents == 3)
        }
    }

    /// Every route of the router is a path of `Schemas/serve.openapi.json`, and back.
    @Test func theOpenAPIDocumentDescribesEveryRoute() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Schemas/serve.openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let (store, path) = try Self.exampleStore()
        defer { TemporaryStore.remove(path) }
        let routes = CorpusServer(reader: store).router().routes.map { route in
            // ":id" in the router, "{id}" in OpenAPI.
            let path = "/" + route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                .joined(separator: "/")
            return (path, route.method.rawValue.lowercased())
        }
        #expect(routes.count == 10)
        for (route, method) in routes {
            #expect(paths[route]?[method] != nil, "\(method) \(route) is not in Schemas/serve.openapi.json")
        }
        #expect(Set(paths.keys) == Set(routes.map(\.0)))
    }

    /// A document written to attack the pages: markup, event handlers, a
    /// `javascript:` link, control characters. Nothing of it is live on any
    /// page or in the API.
    @Test func hostileTextIsEscapedOnEveryPageAndInTheAPI() async throws {
        let hostile = """
            Officials Say <img src=x onerror=alert(2)> Everything <script>alert(1)</script>

            “The plan <script>alert(3)</script> will work \u{7}\u{1B}[31m in <a href=\"javascript:alert(4)\">every</a> port,” \
            said Mayor <b onmouseover=alert(5)>Ana \u{0}Ruiz</b>, according to javascript:alert(6).

            The council said the vote was <iframe src=javascript:alert(7)></iframe> delayed, officials said.
            """
        let (store, path) = try Self.store([("hostile.txt", Array(hostile.utf8))])
        defer { TemporaryStore.remove(path) }
        let graph = try store.graph()
        #expect(!graph.claims.isEmpty)
        // Read as plain text: the markup is words of the document.
        #expect(graph.documents.first?.text.contains("<script>alert(3)</script>") == true)
        var uris = ["/", "/search?q=script", "/search?q=alert+plan", "/search?finding=unattributed", "/api/search?q=script", "/api/corpus"]
        uris += graph.claims.flatMap { ["/claims/\($0.id)", "/api/claims/\($0.id)"] }
        uris += graph.sources.flatMap { ["/sources/\($0.id)", "/api/sources/\($0.id)"] }
        uris += graph.documents.flatMap { ["/documents/\($0.id)", "/api/documents/\($0.id)"] }
        let allowedTags: Set<String> = [
            "html", "head", "meta", "title", "style", "body", "header", "form", "input", "button", "main", "h1", "h2", "p", "a", "ul", "ol", "li",
            "div", "span", "dl", "dt", "dd", "blockquote", "mark", "strong", "nav", "br",
        ]
        let app = Application(router: CorpusServer(reader: store).router())
        let pages = uris
        try await app.test(.router) { client in
            var sawHostileText = false
            for uri in pages {
                let (status, body, _) = try await Self.get(client, uri)
                #expect(status == .ok, "\(uri)")
                #expect(!body.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || (0x7F...0x9F).contains($0.value) }, "\(uri)")
                if uri.hasPrefix("/api/") {
                    #expect(!body.contains("<") && !body.contains(">"), "\(uri)")
                    if body.contains("\\u003cscript") { sawHostileText = true }
                    continue
                }
                if body.contains("&lt;script&gt;") { sawHostileText = true }
                for tag in Self.tags(in: body) {
                    #expect(allowedTags.contains(tag.name), "\(uri): <\(tag.name)>")
                    // Attribute names outside quoted values: never an event handler.
                    let unquoted = tag.text.replacingOccurrences(of: "\"[^\"]*\"", with: "\"\"", options: .regularExpression)
                    #expect(unquoted.range(of: "\\son[a-z]+\\s*=", options: [.regularExpression, .caseInsensitive]) == nil, "\(uri): \(tag.text)")
                    if let href = tag.text.range(of: "href=\"[^\"]*\"", options: .regularExpression) {
                        let value = tag.text[href].dropFirst(6)
                        #expect(value.hasPrefix("/") || value.hasPrefix("#"), "\(uri): \(tag.text)")
                    }
                }
            }
            #expect(sawHostileText)
        }
    }

    /// The opening tags of a page: name and whole text.
    static func tags(in html: String) -> [(name: String, text: String)] {
        let pattern = try! NSRegularExpression(pattern: "<([A-Za-z][A-Za-z0-9]*)[^>]*>")
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { match in
            (String(html[Range(match.range(at: 1), in: html)!]).lowercased(), String(html[Range(match.range, in: html)!]))
        }
    }

    @Test func controlCharactersAreReplacedOneForOne() {
        #expect(SafeText.scrub("a\u{0}b\u{1B}c\u{85}d\ne\tf") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\ne\tf")
    }
}

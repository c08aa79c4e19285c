import Foundation
import Hummingbird
import ProvenanceStore

/// `provenance serve`: pages and a JSON API over a corpus, read through an
/// `AsyncCorpusReader` (a store opened read-only, in practice): a handler
/// waits for its read without holding a thread, so no read blocks the
/// server's event loops or Swift's cooperative pool.
///
/// Pages: `/`, `/search?q=…&finding=…&source=…&document=…&page=N`,
/// `/claims/c12`, `/sources/s3`, `/documents/d4`. The API has the same under
/// `/api/…` (described in `Schemas/serve.openapi.json`). A malformed id or
/// parameter is a 400, an id the corpus lacks a 404, a store that fails a 500
/// with its message — a page for pages, a JSON object for the API.
public struct CorpusServer: Sendable {
    public let reader: any AsyncCorpusReader

    public init(reader: any AsyncCorpusReader) {
        self.reader = reader
    }

    /// Over a store, with its async reads.
    public init(reader store: CorpusStore) {
        self.init(reader: store.asyncReader)
    }

    /// The router, with every route of the pages and the API.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        router.get("/") { _, _ in try await page { Pages.home(try await reader.counts()) } }
        router.get("/search") { request, _ in
            try await page {
                let (query, number) = try Self.search(request)
                return Pages.search(query, result: try await reader.claims(matching: query, page: PageRequest(number: number)))
            }
        }
        router.get("/claims/:id") { _, context in
            try await page {
                let id: ClaimID = try Self.id(context)
                guard let detail = try await reader.claim(id) else { throw Failure.notFound("No claim \(id) in this corpus.") }
                return Pages.claim(detail)
            }
        }
        router.get("/sources/:id") { request, context in
            try await page {
                let id: SourceID = try Self.id(context)
                guard let detail = try await reader.source(id, page: PageRequest(number: try Self.pageNumber(request))) else {
                    throw Failure.notFound("No source \(id) in this corpus.")
                }
                return Pages.source(detail)
            }
        }
        router.get("/documents/:id") { _, context in
            try await page {
                let id: DocumentID = try Self.id(context)
                guard let detail = try await reader.document(id) else { throw Failure.notFound("No document \(id) in this corpus.") }
                return Pages.document(detail)
            }
        }

        router.get("/api/corpus") { _, _ in try await json { try await reader.counts() } }
        router.get("/api/search") { request, _ in
            try await json {
                let (query, number) = try Self.search(request)
                return try await reader.claims(matching: query, page: PageRequest(number: number, size: try Self.pageSize(request)))
            }
        }
        router.get("/api/claims/:id") { _, context in
            try await json {
                let id: ClaimID = try Self.id(context)
                guard let detail = try await reader.claim(id) else { throw Failure.notFound("no claim \(id)") }
                return detail
            }
        }
        router.get("/api/sources/:id") { request, context in
            try await json {
                let id: SourceID = try Self.id(context)
                let page = PageRequest(number: try Self.pageNumber(request), size: try Self.pageSize(request))
                guard let detail = try await reader.source(id, page: page) else { throw Failure.notFound("no source \(id)") }
                return detail
            }
        }
        router.get("/api/documents/:id") { _, context in
            try await json {
                let id: DocumentID = try Self.id(context)
                guard let detail = try await reader.document(id) else { throw Failure.notFound("no document \(id)") }
                return detail
            }
        }
        return router
    }

    /// The application, listening on `host:port`.
    public func application(host: String, port: Int, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "provenance"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) })
    }

    // MARK: Requests

    /// Why a request has no answer.
    enum Failure: Error {
        case badRequest(String)
        case notFound(String)
    }

    static func id<Kind>(_ context: BasicRequestContext) throws -> NodeID<Kind> {
        let text = context.parameters.get("id") ?? ""
        guard let id = NodeID<Kind>(text) else {
            throw Failure.badRequest("“\(text)” is not an id: ids are \(Kind.prefix) and a number, such as \(Kind.prefix)12.")
        }
        return id
    }

    /// The query string's parameters: `+` is a space, then percent-decoded.
    static func parameters(_ request: Request) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let key = decode(parts[0])
            if parameters[key] == nil { parameters[key] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return parameters
    }

    static func search(_ request: Request) throws -> (ClaimQuery, Int) {
        let parameters = parameters(request)
        var query = ClaimQuery(words: String((parameters["q"] ?? "").prefix(500)))
        if let finding = parameters["finding"], !finding.isEmpty {
            guard let known = ClaimFinding(rawValue: finding) else {
                throw Failure.badRequest("“\(finding)” is not a finding: one of "
                    + ClaimFinding.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            query.finding = known
        }
        if let source = parameters["source"], !source.isEmpty {
            guard let id = SourceID(source) else { throw Failure.badRequest("“\(source)” is not a source id (such as s12).") }
            query.source = id
        }
        if let document = parameters["document"], !document.isEmpty {
            guard let id = DocumentID(document) else { throw Failure.badRequest("“\(document)” is not a document id (such as d12).") }
            query.document = id
        }
        return (query, try pageNumber(request))
    }

    static func pageNumber(_ request: Request) throws -> Int {
        try number(parameters(request)["page"], name: "page", default: 1, range: 1...1_000_000)
    }

    static func pageSize(_ request: Request) throws -> Int {
        try number(parameters(request)["size"], name: "size", default: 20, range: 1...PageRequest.largest)
    }

    private static func number(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text, !text.isEmpty else { return value }
        guard text.count <= 7, text.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(text), range.contains(number) else {
            throw Failure.badRequest("“\(text)” is not a \(name): a number from \(range.lowerBound) to \(range.upperBound).")
        }
        return number
    }

    // MARK: Responses

    private func page(_ body: () async throws -> String) async throws -> Response {
        do {
            return Self.response(.ok, type: "text/html; charset=utf-8", body: try await body())
        } catch let failure as Failure {
            switch failure {
            case .badRequest(let message): return Self.response(.badRequest, type: "text/html; charset=utf-8", body: Pages.error(status: 400, message: message))
            case .notFound(let message): return Self.response(.notFound, type: "text/html; charset=utf-8", body: Pages.error(status: 404, message: message))
            }
        } catch {
            return Self.response(.internalServerError, type: "text/html; charset=utf-8", body: Pages.error(status: 500, message: "\(error)"))
        }
    }

    private func json(_ body: () async throws -> some Encodable) async throws -> Response {
        do {
            return Self.response(.ok, type: "application/json", body: try Self.encode(try await body()))
        } catch let failure as Failure {
            switch failure {
            case .badRequest(let message): return Self.response(.badRequest, type: "application/json", body: try Self.encode(["error": message]))
            case .notFound(let message): return Self.response(.notFound, type: "application/json", body: try Self.encode(["error": message]))
            }
        } catch {
            return Self.response(.internalServerError, type: "application/json", body: try Self.encode(["error": "\(error)"]))
        }
    }

    /// JSON with `<`, `>` and `&` written as `\u003c`… (they can only be in
    /// strings), so that no reading of it as HTML finds markup.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        return text.replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
    }

    private static func response(_ status: HTTPResponse.Status, type: String, body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

/// No script, no frame, nothing from elsewhere, and no guessing of types.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
        response.headers.append(.init(name: .init("X-Content-Type-Options")!, value: "nosniff"))
        response.headers.append(.init(name: .init("Referrer-Policy")!, value: "no-referrer"))
        return response
    }
}

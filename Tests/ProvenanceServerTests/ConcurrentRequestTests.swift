import Foundation
import Hummingbird
import HummingbirdTesting
@testable import ProvenanceServer
import ProvenanceStore
import Testing

/// `provenance serve` answering many requests at once (its reads are async,
/// on several connections): every request answers, and as it does alone.
@Suite struct ConcurrentRequestTests {
    @Test func manyRequestsAtOnceAllAnswerAsTheyDoAlone() async throws {
        let (store, path) = try CorpusServerTests.exampleStore()
        defer { TemporaryStore.remove(path) }
        let graph = try store.graph()
        var uris = ["/", "/api/corpus", "/search?q=gannet+strait", "/api/search?q=port", "/search?finding=unattributed",
                    "/api/search?finding=new_claim", "/claims/c999999", "/api/claims/c01"]
        uris += graph.claims.prefix(12).flatMap { ["/claims/\($0.id)", "/api/claims/\($0.id)"] }
        uris += graph.sources.prefix(6).flatMap { ["/sources/\($0.id)", "/api/sources/\($0.id)"] }
        uris += graph.documents.flatMap { ["/documents/\($0.id)", "/api/documents/\($0.id)"] }
        let pages = uris
        let app = Application(router: CorpusServer(reader: store).router())
        try await app.test(.router) { client in
            var alone: [String: (HTTPResponse.Status, String)] = [:]
            for uri in pages {
                let (status, body, _) = try await CorpusServerTests.get(client, uri)
                alone[uri] = (status, body)
            }
            #expect(alone["/claims/c999999"]?.0 == .notFound && alone["/api/claims/c01"]?.0 == .badRequest)
            let answers = try await withThrowingTaskGroup(of: (String, HTTPResponse.Status, String).self) { group in
                for _ in 0..<3 {
                    for uri in pages {
                        group.addTask {
                            let (status, body, _) = try await CorpusServerTests.get(client, uri)
                            return (uri, status, body)
                        }
                    }
                }
                var answers: [(String, HTTPResponse.Status, String)] = []
                for try await answer in group { answers.append(answer) }
                return answers
            }
            #expect(answers.count == 3 * pages.count)
            for (uri, status, body) in answers {
                #expect(status == alone[uri]?.0, "\(uri)")
                #expect(body == alone[uri]?.1, "\(uri)")
            }
        }
    }
}

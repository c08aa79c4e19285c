import Foundation
import Testing
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing
import ProvenanceStore

/// The async reads of a store (`CorpusStore.asyncReader`, what `serve` reads
/// through) answer as the synchronous ones do, alone and many at once.
@Suite struct AsyncCorpusReaderTests {
    /// A store of the three examples opened read-only, its path (to remove), and its graph.
    private static func examples() throws -> (CorpusStore, String, ProvenanceGraph) {
        try CorpusReaderTests.examples()
    }

    /// The answers compared as their JSON (the detail types are Codable, not Equatable).
    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static let queries = [
        ClaimQuery(words: "gannet strait"), ClaimQuery(words: "port"), ClaimQuery(),
        ClaimQuery(finding: .unattributed), ClaimQuery(finding: .newClaim), ClaimQuery(words: "talks", finding: .attributionDropped),
        ClaimQuery(words: "zyxwv"),
    ]

    @Test func asyncReadsAnswerAsTheSynchronousReadsDo() async throws {
        let (store, path, graph) = try Self.examples()
        defer { TemporaryStore.remove(path) }
        let reader = store.asyncReader
        #expect(try await reader.counts() == (try store.counts()))
        for query in Self.queries {
            for page in [PageRequest(size: 3), PageRequest(number: 2, size: 3)] {
                let expected = try Self.json(try store.claims(matching: query, page: page))
                #expect(try Self.json(try await reader.claims(matching: query, page: page)) == expected, "\(query)")
            }
        }
        for claim in graph.claims {
            let id = try #require(ClaimID(claim.id))
            let detail = try #require(try await reader.claim(id))
            #expect(try Self.json(detail) == (try Self.json(try store.claim(id))), "\(claim.id)")
        }
        for source in graph.sources {
            let id = try #require(SourceID(source.id))
            let detail = try #require(try await reader.source(id, page: PageRequest(size: 2)))
            #expect(try Self.json(detail) == (try Self.json(try store.source(id, page: PageRequest(size: 2)))), "\(source.id)")
        }
        for document in graph.documents {
            let id = try #require(DocumentID(document.id))
            let detail = try #require(try await reader.document(id))
            #expect(try Self.json(detail) == (try Self.json(try store.document(id))), "\(document.id)")
        }
        // A missing id is nil, as it is read synchronously.
        #expect(try await reader.claim(ClaimID(999_999)) == nil)
        #expect(try await reader.source(SourceID(999_999), page: PageRequest()) == nil)
        #expect(try await reader.document(DocumentID(999_999)) == nil)
    }

    /// Many reads at once, more than the store has connections: every one answers, and as it does alone.
    @Test func manyAsyncReadsAtOnceAllAnswer() async throws {
        let (store, path, graph) = try Self.examples()
        defer { TemporaryStore.remove(path) }
        var expected: [String: String] = [:]
        for claim in graph.claims { expected["claim " + claim.id] = try Self.json(try store.claim(ClaimID(claim.id)!)) }
        for document in graph.documents { expected["document " + document.id] = try Self.json(try store.document(DocumentID(document.id)!)) }
        for (index, query) in Self.queries.enumerated() {
            expected["search \(index)"] = try Self.json(try store.claims(matching: query, page: PageRequest()))
        }
        let reader = store.asyncReader
        let keys = Array(expected.keys.sorted())
        let answers = try await withThrowingTaskGroup(of: (String, String).self) { group in
            for round in 0..<4 {
                for key in keys {
                    group.addTask {
                        let parts = key.split(separator: " ")
                        let answer: String
                        switch parts[0] {
                        case "claim": answer = try Self.json(try await reader.claim(ClaimID(String(parts[1]))!))
                        case "document": answer = try Self.json(try await reader.document(DocumentID(String(parts[1]))!))
                        default: answer = try Self.json(try await reader.claims(matching: Self.queries[Int(parts[1])!], page: PageRequest()))
                        }
                        return ("\(round) \(key)", answer)
                    }
                }
            }
            var answers: [(String, String)] = []
            for try await answer in group { answers.append(answer) }
            return answers
        }
        #expect(answers.count == 4 * keys.count)
        for (key, answer) in answers {
            #expect(answer == expected[String(key.split(separator: " ", maxSplits: 1)[1])], "\(key)")
        }
    }

    /// A store opened read-only sees, through its async reads too, what an ingest adds while it is open.
    @Test func asyncReadsSeeDocumentsIngestedWhileTheStoreIsOpen() async throws {
        let path = CorpusReaderTests.temporaryStore()
        defer { TemporaryStore.remove(path) }
        let writer = try CorpusStore(path: path)
        let (first, firstHash) = try CorpusReaderTests.input(CorpusStoreTests.examples[0])
        _ = try writer.ingest(first, hash: firstHash)
        let reader = try CorpusStore(path: path, access: .read).asyncReader
        #expect(try await reader.counts().documents == 1)
        let (second, secondHash) = try CorpusReaderTests.input(CorpusStoreTests.examples[1])
        _ = try writer.ingest(second, hash: secondHash)
        #expect(try await reader.counts().documents == 2)
        #expect(try await reader.document(DocumentID(2)) != nil)
    }
}

import GRDB
import ProvenanceGraph

extension CorpusStore {
    /// The store's reads, async (`AsyncCorpusReader`): what `provenance serve` reads through.
    public var asyncReader: AsyncReads { AsyncReads(store: self) }

    /// `CorpusReader`'s reads of a store, each in one read transaction that
    /// runs on a connection's own thread while the caller is suspended.
    public struct AsyncReads: AsyncCorpusReader {
        public let store: CorpusStore

        public func claims(matching query: ClaimQuery, page: PageRequest) async throws(StoreError) -> ClaimSearch {
            let (linking, cache) = (store.linking, store.findingsCache)
            return try await store.readingAsync { db in
                try StoreReads(db: db, linking: linking, findingsCache: cache).claims(matching: query, page: page)
            }
        }

        public func claim(_ id: ClaimID) async throws(StoreError) -> ClaimDetail? {
            let linking = store.linking
            return try await store.readingAsync { db in try StoreReads(db: db, linking: linking).claim(id) }
        }

        public func source(_ id: SourceID, page: PageRequest) async throws(StoreError) -> SourceDetail? {
            let linking = store.linking
            return try await store.readingAsync { db in try StoreReads(db: db, linking: linking).source(id, page: page) }
        }

        public func document(_ id: DocumentID) async throws(StoreError) -> DocumentDetail? {
            let linking = store.linking
            return try await store.readingAsync { db in try StoreReads(db: db, linking: linking).document(id) }
        }

        public func counts() async throws(StoreError) -> CorpusCounts {
            let linking = store.linking
            return try await store.readingAsync { db in try StoreReads(db: db, linking: linking).counts() }
        }
    }

    /// One read transaction, async (GRDB runs it on the connection's own
    /// dispatch queue); every error a `StoreError`.
    func readingAsync<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await reader.read(body)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }
}

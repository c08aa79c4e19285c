/// The reads of `CorpusReader`, async: a caller on Swift's cooperative pool or
/// on a server's event loop is suspended while a read runs, never blocked.
/// The same answers and the same errors as the synchronous reads (a damaged
/// store is an error, a missing id nil).
///
/// `CorpusStore.asyncReader` is the store's: each read runs on the thread of
/// one of the store's connections (GRDB's), a read-only store having several,
/// so reads run side by side up to that many and queue after.
public protocol AsyncCorpusReader: Sendable {
    /// Claims matching `query`, a page of them.
    func claims(matching query: ClaimQuery, page: PageRequest) async throws(StoreError) -> ClaimSearch
    /// One claim with its chain, origin, same claims and evidence.
    func claim(_ id: ClaimID) async throws(StoreError) -> ClaimDetail?
    /// One source with its aliases, a page of the claims crediting it, and who carried them.
    func source(_ id: SourceID, page: PageRequest) async throws(StoreError) -> SourceDetail?
    /// One document with its text, claims and derivations.
    func document(_ id: DocumentID) async throws(StoreError) -> DocumentDetail?
    /// How many documents, claims and sources there are.
    func counts() async throws(StoreError) -> CorpusCounts
}

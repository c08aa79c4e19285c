import Crypto
import Foundation
import GRDB
import ProvenanceAttribution
import ProvenanceGraph
import ProvenanceParsing

/// A corpus of documents, their sources, claims and links, in one SQLite file.
///
/// Each document is ingested in one transaction: its rows, its claims'
/// index entries, and every edge that links it to the documents already there
/// (and them to it). Ingesting the same bytes twice changes nothing. The file
/// is in WAL mode, so readers never wait for the writer.
public final class CorpusStore: Sendable {
    /// What ingesting a document did.
    public enum IngestOutcome: Sendable, Equatable {
        /// The document was added, with this id.
        case added(document: String)
        /// The same bytes were already in the store, under this id.
        case unchanged(document: String)
    }

    /// A source and how much the corpus attributes to it.
    public struct SourceCount: Sendable {
        public var source: ProvenanceGraph.SourceNode
        public var claims: Int
        public var documents: Int
    }

    public let path: String
    private let pool: DatabasePool

    /// The page cache of each connection, in KiB.
    static let cacheKiB = 32 * 1024

    /// Opens the store at `path`, creating it when the file does not exist.
    /// Refuses files that are not provenance stores, without changing them.
    public init(path: String) throws(StoreError) {
        self.path = path
        try Self.checkHeader(path)
        try Self.inspect(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // Linking reads postings all over the file: keep more of it in
            // memory than SQLite's 2 MiB default.
            try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.storeError(error, path: path)
        }
        try prepare()
    }

    /// A file is either new, empty, or an SQLite database.
    private static func checkHeader(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        guard header.elementsEqual(Array("SQLite format 3\u{0}".utf8)) else {
            throw StoreError(path: path, reason: .notAStore)
        }
    }

    /// Looks at an existing database read-only, before anything (such as
    /// switching it to WAL) could change a file that is not ours.
    private static func inspect(_ path: String) throws(StoreError) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { return }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let state: (hasMeta: Bool, tables: Int, application: String?, schema: Int?) = try queue.read { db in
                let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                guard try db.tableExists("meta") else { return (false, tables, nil, nil) }
                let application = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'application'")
                let schema = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'").flatMap(Int.init)
                return (true, tables, application, schema)
            }
            try queue.close()
            if state.hasMeta {
                guard state.application == Schema.application else { throw StoreError(path: path, reason: .notAStore) }
                if let schema = state.schema, schema > Schema.version { throw StoreError(path: path, reason: .newerSchema(schema)) }
            } else if state.tables > 0 {
                throw StoreError(path: path, reason: .notAStore)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw storeError(error, path: path)
        }
    }

    private func prepare() throws(StoreError) {
        do {
            try Schema.migrator.migrate(pool)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    static func storeError(_ error: any Error, path: String) -> StoreError {
        if let database = error as? DatabaseError {
            if database.resultCode == .SQLITE_BUSY || database.resultCode == .SQLITE_LOCKED {
                return StoreError(path: path, reason: .busy)
            }
            if database.resultCode == .SQLITE_NOTADB || database.resultCode == .SQLITE_CORRUPT {
                return StoreError(path: path, reason: .notAStore)
            }
            return StoreError(path: path, reason: .database(database.message ?? "\(database.resultCode)"))
        }
        if let store = error as? StoreError { return store }
        return StoreError(path: path, reason: .database("\(error)"))
    }

    /// SHA-256 of `bytes`, in hexadecimal: a document's identity in the store.
    public static func contentHash(of bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Ingest

    /// Adds a document (or finds it already there) and links it into the corpus.
    public func ingest(_ attributed: AttributedArticle, hash: String) throws(StoreError) -> IngestOutcome {
        do {
            return try pool.writeWithoutTransaction { db in
                var outcome = IngestOutcome.unchanged(document: "")
                try db.inTransaction(.immediate) {
                    outcome = try Ingestion(db: db).ingest(attributed, hash: hash)
                    return .commit
                }
                return outcome
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    // MARK: Reading

    /// The whole corpus as a graph.
    public func graph() throws(StoreError) -> ProvenanceGraph {
        do {
            return try pool.read { db in try GraphLoader(db: db).load() }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Every source with the number of claims and documents attributed to it, most first.
    public func sources() throws(StoreError) -> [SourceCount] {
        do {
            return try pool.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT s.id, s.name, s.kind, s.aliases, s.descriptions,
                           COUNT(c.id) AS claims, COUNT(DISTINCT c.document_id) AS documents
                    FROM sources s LEFT JOIN claims c ON c.source_id = s.id
                    GROUP BY s.id ORDER BY claims DESC, s.name
                    """)
                return rows.map { row in
                    SourceCount(
                        source: GraphLoader.source(row), claims: row["claims"], documents: row["documents"])
                }
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// How many documents the store holds.
    public func documentCount() throws(StoreError) -> Int {
        do {
            return try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0 }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }
}

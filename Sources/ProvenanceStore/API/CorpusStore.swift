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

    /// A source and how much the corpus credits it with, in each role.
    public struct SourceCount: Sendable {
        public var source: ProvenanceGraph.SourceNode
        /// Claims crediting it in any role (each counted once).
        public var claims: Int
        /// Claims attributed to it: it said, reported or (for a picture) made them.
        public var attributed: Int
        /// Claims it carried from their source (an agency or wire on the way).
        public var carried: Int
        /// Claims of the documents it published.
        public var published: Int
        /// Documents crediting it in any role, or published by it.
        public var documents: Int
    }

    public let path: String
    /// How documents are linked as they come in.
    public let linking: LinkingConfiguration
    private let pool: DatabasePool

    /// The page cache of each connection, in KiB.
    static let cacheKiB = 32 * 1024

    /// Opens the store at `path`, creating it when the file does not exist
    /// and `create` allows (a reader of a store that is not there gets an
    /// error, not a new empty store). Refuses files that are not provenance
    /// stores, without changing them. `linking` is how documents ingested
    /// are linked.
    public init(path: String, create: Bool = true, linking: LinkingConfiguration = .default) throws(StoreError) {
        self.path = path
        self.linking = linking
        if !create, !FileManager.default.fileExists(atPath: path) { throw StoreError(path: path, reason: .missing) }
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
                    outcome = try Ingestion(db: db, linking: linking).ingest(attributed, hash: hash)
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

    /// Every source with the claims and documents that credit it — as the
    /// source of a claim, as a carrier on its way, as the publisher of its
    /// document — most claims first.
    public func sources() throws(StoreError) -> [SourceCount] {
        do {
            return try pool.read { db in
                // Each credit a (source, claim, document, role) row; `via` is a JSON array of source ids ("s12").
                let rows = try Row.fetchAll(db, sql: """
                    WITH credits(source, claim, document, role) AS (
                        SELECT source_id, id, document_id, 'attributed' FROM claims WHERE source_id IS NOT NULL
                        UNION ALL
                        SELECT CAST(substr(j.value, 2) AS INTEGER), c.id, c.document_id, 'carried'
                        FROM claims c, json_each(c.via) j
                        UNION ALL
                        SELECT d.publisher_source, c.id, d.id, 'published'
                        FROM documents d LEFT JOIN claims c ON c.document_id = d.id
                        WHERE d.publisher_source IS NOT NULL
                    )
                    SELECT s.id, s.name, s.kind, s.aliases, s.descriptions,
                           COUNT(DISTINCT k.claim) AS claims,
                           COUNT(DISTINCT CASE WHEN k.role = 'attributed' THEN k.claim END) AS attributed,
                           COUNT(DISTINCT CASE WHEN k.role = 'carried' THEN k.claim END) AS carried,
                           COUNT(DISTINCT CASE WHEN k.role = 'published' THEN k.claim END) AS published,
                           COUNT(DISTINCT k.document) AS documents
                    FROM sources s LEFT JOIN credits k ON k.source = s.id
                    GROUP BY s.id ORDER BY claims DESC, documents DESC, s.name, s.id
                    """)
                return rows.map { row in
                    SourceCount(
                        source: GraphLoader.source(row), claims: row["claims"], attributed: row["attributed"],
                        carried: row["carried"], published: row["published"], documents: row["documents"])
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

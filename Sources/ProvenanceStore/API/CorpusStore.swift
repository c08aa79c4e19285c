import Crypto
import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif
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

    /// What a command does with a store: reads it, or adds to it.
    public enum Access: Sendable {
        /// Opened read-only: never created, never written, not one byte
        /// changed (it works on a read-only file or mount).
        case read
        /// Created when missing; checked whole (`PRAGMA quick_check`) before
        /// anything is written, and refused when damaged.
        case write
    }

    public let path: String
    /// How documents are linked as they come in.
    public let linking: LinkingConfiguration
    /// Where reads go; for a writable store, the pool that also writes.
    /// (Set once; let go of first in `deinit`.)
    private nonisolated(unsafe) var connection: (any DatabaseReader)?
    private nonisolated(unsafe) var writer: DatabasePool?
    var reader: any DatabaseReader { connection! }
    private var pool: DatabasePool? { writer }
    /// Held (unlocked once set up) until the connections are closed.
    private let lock: FileLock
    /// Documents' findings kept between async reads (`FindingsCache`).
    let findingsCache = FindingsCache()

    /// The page cache of each connection, in KiB.
    static let cacheKiB = 32 * 1024
    /// How long, in seconds, a writer waits for another writer's document to
    /// be done. SQLite's wait is not a queue: a writer that adds one document
    /// after another can keep a second one waiting through many of them,
    /// so the wait is long enough for a whole busy batch, not one document.
    static let writerPatience: Double = 600

    /// Opens the store at `path`. For `.write` the store is created when
    /// there is no file (two processes creating it at once take turns), and
    /// an existing one is checked before anything is written to it. Files
    /// that are not provenance stores, and damaged stores, are refused
    /// without a byte of them changed. `linking` is how documents ingested
    /// are linked.
    public init(path: String, access: Access = .write, linking: LinkingConfiguration = .default) throws(StoreError) {
        self.path = path
        self.linking = linking
        try Self.checkPath(path, access: access)
        // Setting a store up (creating it, switching it to WAL, migrating it)
        // happens under an exclusive lock on the file, and readers take a
        // shared one while they open it: nobody reads, or sets up, a store
        // half made by another process.
        let lock = try FileLock(path: path, exclusive: access == .write)
        self.lock = lock
        defer { lock.release() }
        do {
            (connection, writer) = try Self.open(path, access: access)
        } catch {
            // A store this call made and could not set up is not left behind, empty.
            if lock.created { unlink(path) }
            throw error
        }
    }

    private static func open(_ path: String, access: Access) throws(StoreError) -> (any DatabaseReader, DatabasePool?) {
        try Self.checkHeader(path, access: access)
        switch access {
        case .read:
            let queue = try Self.openReadOnly(path)
            try Self.inspect(queue, path: path)
            return (Self.concurrentReader(path, instead: queue), nil)
        case .write:
            if try Self.fileSize(path) > 0 {
                let queue = try Self.openReadOnly(path)
                defer { try? queue.close() }
                try Self.inspect(queue, path: path)
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(Self.writerPatience)
            configuration.foreignKeysEnabled = true
            configuration.prepareDatabase { db in
                // Linking reads postings all over the file: keep more of it in
                // memory than SQLite's 2 MiB default.
                try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)")
            }
            let pool: DatabasePool
            do {
                pool = try DatabasePool(path: path, configuration: configuration)
                try Schema.migrator.migrate(pool)
            } catch {
                throw Self.storeError(error, path: path)
            }
            return (pool, pool)
        }
    }

    deinit {
        // The connections close (as GRDB closes them: the last one
        // checkpoints the WAL into the file) before the lock's descriptor of
        // the same file does — closing it would drop SQLite's locks under them.
        writer = nil
        connection = nil
    }

    /// A path a store can be at: not empty, not a folder or a device; for
    /// reading, an existing file.
    private static func checkPath(_ path: String, access: Access) throws(StoreError) {
        guard !path.isEmpty else { throw StoreError(path: path, reason: .unusable("no store named")) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            guard errno == ENOENT else { throw StoreError(path: path, reason: .unusable(String(cString: strerror(errno)))) }
            if access == .read { throw StoreError(path: path, reason: .missing) }
            let folder = (path as NSString).deletingLastPathComponent
            var folderInfo = stat()
            guard stat(folder.isEmpty ? "." : folder, &folderInfo) == 0, (folderInfo.st_mode & S_IFMT) == S_IFDIR else {
                throw StoreError(path: path, reason: .unusable("no such folder for a new store"))
            }
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw StoreError(path: path, reason: .unusable("a folder, not a store"))
        default: throw StoreError(path: path, reason: .notAStore)
        }
    }

    private static func fileSize(_ path: String) throws(StoreError) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError(path: path, reason: .unusable(String(cString: strerror(errno)))) }
        return Int(info.st_size)
    }

    /// A file is either new (for writing), empty (for writing), or an SQLite database.
    private static func checkHeader(_ path: String, access: Access) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if access == .write, !FileManager.default.fileExists(atPath: path) { return }
            throw StoreError(path: path, reason: .unusable("cannot be read"))
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty {
            if access == .read { throw StoreError(path: path, reason: .notAStore) }
            return
        }
        guard header.elementsEqual(Array("SQLite format 3\u{0}".utf8)) else {
            throw StoreError(path: path, reason: .notAStore)
        }
    }

    /// A read-only connection: on a read-only mount, where SQLite cannot
    /// make the shared-memory file a WAL store needs, it reads the file as
    /// immutable (nobody can change it there).
    private static func openReadOnly(_ path: String) throws(StoreError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            // Opening is lazy in places: a first read tells whether it works.
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN {
            do {
                let queue = try DatabaseQueue(path: Self.immutableURI(path), configuration: configuration)
                _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
                return queue
            } catch {
                throw storeError(error, path: path)
            }
        } catch {
            throw storeError(error, path: path)
        }
    }

    /// How many connections a read-only store reads on at once (`provenance
    /// serve`'s requests): more than the cores, so that a short read need not
    /// wait for a long one.
    static let readerCount = max(2, min(8, 2 * ProcessInfo.processInfo.activeProcessorCount))

    /// For a store in WAL mode, read-only connections that read side by side
    /// (a `DatabasePool` opened read-only, `readerCount` readers) in place of
    /// `queue`, which is closed; otherwise, or when they cannot be opened,
    /// `queue` itself (a store read as immutable on a read-only mount).
    private static func concurrentReader(_ path: String, instead queue: DatabaseQueue) -> any DatabaseReader {
        guard !queue.path.hasPrefix("file:"),
            (try? queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }) == "wal"
        else { return queue }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        configuration.maximumReaderCount = readerCount
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
            try? queue.close()
            return pool
        } catch {
            return queue
        }
    }

    /// `file:PATH?immutable=1`, the path percent-encoded where a URI needs it.
    static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0..<0x20, 0x7F...0xFF:
                encoded += String(format: "%%%02X", byte)
            default:
                encoded.append(Character(Unicode.Scalar(byte)))
            }
        }
        return "file:\(encoded)?immutable=1"
    }

    /// Looks at an existing database read-only, before anything could change
    /// a file that is not ours or is damaged: a provenance store of a schema
    /// we know, whole (`PRAGMA quick_check`).
    private static func inspect(_ queue: DatabaseQueue, path: String) throws(StoreError) {
        do {
            let state: (hasMeta: Bool, tables: Int, application: String?, schema: Int?, check: String?) = try queue.read { db in
                let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                guard try db.tableExists("meta") else { return (false, tables, nil, nil, nil) }
                let application = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'application'")
                let schema = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'").flatMap(Int.init)
                guard application == Schema.application else { return (true, tables, application, schema, nil) }
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check(3)")
                // Its findings, on one line, without the "*** in database main ***" heading.
                let findings = check.flatMap { $0.split(whereSeparator: \.isNewline) }.filter { !$0.hasPrefix("***") }
                return (true, tables, application, schema, check == ["ok"] ? nil : "quick_check: " + findings.joined(separator: "; "))
            }
            if state.hasMeta {
                guard state.application == Schema.application else { throw StoreError(path: path, reason: .notAStore) }
                if let schema = state.schema, schema > Schema.version { throw StoreError(path: path, reason: .newerSchema(schema)) }
                if let problem = state.check { throw StoreError(path: path, reason: .damaged(problem)) }
            } else if state.tables > 0 {
                throw StoreError(path: path, reason: .notAStore)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw storeError(error, path: path)
        }
    }

    static func storeError(_ error: any Error, path: String) -> StoreError {
        if let database = error as? DatabaseError {
            if database.resultCode == .SQLITE_BUSY || database.resultCode == .SQLITE_LOCKED {
                return StoreError(path: path, reason: .busy)
            }
            if database.resultCode == .SQLITE_NOTADB {
                return StoreError(path: path, reason: .notAStore)
            }
            if database.resultCode == .SQLITE_CORRUPT {
                return StoreError(path: path, reason: .damaged(database.message ?? "corrupt"))
            }
            return StoreError(path: path, reason: .database(database.message ?? "\(database.resultCode)"))
        }
        if let store = error as? StoreError { return store }
        if error is RowDecodingError || error is StoredValueError {
            return StoreError(path: path, reason: .damaged("a value is not what the schema says (\(error))"))
        }
        return StoreError(path: path, reason: .database("\(error)"))
    }

    /// SHA-256 of `bytes`, in hexadecimal: a document's identity in the store.
    public static func contentHash(of bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: Ingest

    /// Adds a document (or finds it already there) and links it into the corpus.
    public func ingest(_ attributed: AttributedArticle, hash: String) throws(StoreError) -> IngestOutcome {
        guard let pool else { throw StoreError(path: path, reason: .unusable("opened for reading only")) }
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
            return try reader.read { db in try GraphLoader(db: db).load() }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Every source with the claims and documents that credit it — as the
    /// source of a claim, as a carrier on its way, as the publisher of its
    /// document — most claims first.
    public func sources() throws(StoreError) -> [SourceCount] {
        do {
            return try reader.read { db in
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
                return try rows.map { row in
                    SourceCount(
                        source: try GraphLoader.source(row), claims: try row.decode(forColumn: "claims"),
                        attributed: try row.decode(forColumn: "attributed"), carried: try row.decode(forColumn: "carried"),
                        published: try row.decode(forColumn: "published"), documents: try row.decode(forColumn: "documents"))
                }
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// How many documents the store holds.
    public func documentCount() throws(StoreError) -> Int {
        do {
            return try reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0 }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }
}

/// Why the corpus store could not do what was asked.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        /// The file is not a provenance store (another SQLite database, or not SQLite at all).
        case notAStore
        /// There is no file at the path (and the command only reads a store).
        case missing
        /// The store was written by a newer provenance.
        case newerSchema(Int)
        /// Another process is writing to the store and did not finish in time.
        case busy
        /// A provenance store that SQLite finds damaged (`PRAGMA quick_check`),
        /// or whose values are not what its schema says.
        case damaged(String)
        /// The path cannot hold a store: empty, a folder, no such folder.
        case unusable(String)
        /// SQLite reported an error.
        case database(String)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The path names no store and could not be one: most likely mistyped
    /// (a usage error, exit status 2).
    public var isMistyped: Bool {
        switch reason {
        case .missing, .unusable: true
        default: false
        }
    }

    public var description: String {
        switch reason {
        case .notAStore: "\(path): not a provenance store (refusing to touch it)"
        case .missing: "\(path): no such store (`provenance ingest --store \(path) FILE…` makes one)"
        case .newerSchema(let version): "\(path): written by a newer provenance (schema \(version))"
        case .busy: "\(path): another process is writing to the store; try again when it is done"
        case .damaged(let problem): "\(path): a damaged store (\(problem)); refusing to use it (restore it from a copy, or ingest into a new one)"
        case .unusable(let why): "\(path.isEmpty ? "''" : path): \(why)"
        case .database(let message): "\(path): \(message)"
        }
    }
}

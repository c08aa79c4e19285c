import Foundation

/// A store file of a test: removed with its write-ahead log and shared-memory
/// files, which SQLite leaves beside it.
enum TemporaryStore {
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

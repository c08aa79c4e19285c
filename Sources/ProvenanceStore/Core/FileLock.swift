import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock (`flock`) on a store's file while it is opened: the
/// process that sets a store up (creates it, switches it to WAL, migrates
/// it) holds it exclusively, readers share it, so that no process reads or
/// sets up a store another one is half way through making. For writing,
/// the file is made when missing, so that there is something to lock.
/// (SQLite's own locks are `fcntl` locks, which this does not touch — but
/// closing any descriptor of a file drops a process's `fcntl` locks on it,
/// so the descriptor stays open, unlocked, until the store's connections
/// are closed: see `CorpusStore.deinit`.)
final class FileLock: Sendable {
    private let descriptor: Int32
    /// Whether this lock made the (empty) file.
    let created: Bool

    /// How long to wait for another process's set-up before giving up.
    static let patience: Double = 30

    init(path: String, exclusive: Bool) throws(StoreError) {
        var made = false
        var descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0, errno == ENOENT, exclusive {
            descriptor = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            made = descriptor >= 0
            // Another process made it first: lock theirs.
            if descriptor < 0, errno == EEXIST { descriptor = open(path, O_RDONLY | O_CLOEXEC) }
        }
        guard descriptor >= 0 else { throw StoreError(path: path, reason: .unusable(String(cString: strerror(errno)))) }
        let deadline = Date().addingTimeInterval(Self.patience)
        while flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                if made { unlink(path) }
                throw StoreError(path: path, reason: .busy)
            }
            usleep(20_000)
        }
        self.descriptor = descriptor
        created = made
    }

    /// Lets go of the lock, keeping the file open.
    func release() {
        flock(descriptor, LOCK_UN)
    }

    deinit {
        close(descriptor)
    }
}

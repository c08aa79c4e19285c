#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a file (or of standard input), decompressed when they are
/// gzip, in chunks: what lets a 1 GB web archive be read a record at a
/// time.
final class ByteSource {
    private var descriptor: Int32 = -1
    private var inflater: GzipInflater?
    /// A failure met after some output: thrown at the next call, so that what
    /// came before it is read first.
    private var deferred: ExtractionError?
    private let ownsDescriptor: Bool
    private(set) var isFinished = false
    /// Compressed (or plain) bytes read so far.
    private(set) var bytesRead = 0
    let path: String
    /// What gzip may inflate to in all (a gzip bomb is refused at this size).
    var inflateLimit = Int.max {
        didSet { inflater?.limit = inflateLimit }
    }

    /// Opens a regular file (its name as ``FileName`` keeps it); errors
    /// name the file as outputs show it.
    init(path name: String) throws(ExtractionError) {
        let path = FileName.display(name)
        self.path = path
        ownsDescriptor = true
        var info = stat()
        guard let found = FileName.withPath(name, { stat($0, &info) }) else {
            throw ExtractionError(path: path, reason: .unreadable("a file name cannot hold a NUL byte"))
        }
        guard found == 0 else {
            throw ExtractionError(path: path, reason: .unreadable(String(cString: strerror(errno))))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw ExtractionError(path: path, reason: .unreadable("it is a directory"))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ExtractionError(path: path, reason: .unreadable("not a regular file"))
        }
        descriptor = FileName.withPath(name) { open($0, O_RDONLY) } ?? -1
        guard descriptor >= 0 else {
            throw ExtractionError(path: path, reason: .unreadable(String(cString: strerror(errno))))
        }
    }

    /// Standard input, read in chunks like a file (and left open).
    init(standardInputNamed path: String) {
        self.path = path
        descriptor = STDIN_FILENO
        ownsDescriptor = false
    }

    deinit {
        if descriptor >= 0, ownsDescriptor { close(descriptor) }
    }

    /// The size of the file, when it is one.
    var fileSize: Int? {
        guard descriptor >= 0, ownsDescriptor else { return nil }
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : nil
    }

    /// The next chunk of decompressed bytes, or nil at the end. A gzip
    /// stream is recognised by its first bytes. (A chunk is at most what 64 KiB
    /// of input inflates to.)
    func next() throws(ExtractionError) -> [UInt8]? {
        if let deferred {
            isFinished = true
            self.deferred = nil
            throw deferred
        }
        while !isFinished {
            guard let raw = try readRaw() else {
                isFinished = true
                if let inflater {
                    do throws(GzipInflater.Failure) { try inflater.finish() } catch {
                        throw ExtractionError(path: path, gzip: error)
                    }
                }
                return nil
            }
            if bytesRead == raw.count, GzipInflater.isGzip(raw) {
                do throws(GzipInflater.Failure) { inflater = try GzipInflater(limit: inflateLimit) } catch {
                    throw ExtractionError(path: path, reason: .damagedCompression("zlib could not start"))
                }
            }
            guard let inflater else { return raw }
            var output: [UInt8] = []
            do throws(GzipInflater.Failure) {
                try inflater.inflate(raw, into: &output)
            } catch {
                let failure = ExtractionError(path: path, gzip: error)
                isFinished = true
                guard !output.isEmpty else { throw failure }
                deferred = failure
                return output
            }
            if !output.isEmpty { return output }
        }
        return nil
    }

    private func readRaw() throws(ExtractionError) -> [UInt8]? {
        guard descriptor >= 0 else { return nil }
        // 64 KiB at a time: even at deflate's best ratio that inflates to
        // tens of megabytes, never more.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ExtractionError(path: path, reason: .unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { return nil }
            bytesRead += count
            return Array(chunk[0..<count])
        }
    }
}

extension ExtractionError {
    /// A gzip failure of the input at `path`.
    init(path: String, gzip failure: GzipInflater.Failure) {
        switch failure {
        case .corrupt(let detail): self.init(path: path, reason: .damagedCompression(detail))
        case .truncated: self.init(path: path, reason: .damagedCompression("it ends too soon"))
        case .trailingGarbage: self.init(path: path, reason: .damagedCompression("bytes that are not gzip follow a member"))
        case .tooLarge(let limit): self.init(path: path, reason: .tooLargeDecompressed(limit: limit))
        }
    }
}

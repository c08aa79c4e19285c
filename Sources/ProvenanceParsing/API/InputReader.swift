#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the bytes of an input file, refusing what is not a readable regular
/// file and what is larger than the limit, with an ``ExtractionError`` that
/// names the file. gzip files (by their magic bytes, whatever the name) are
/// decompressed, the limit then bounding the decompressed size.
public enum InputReader {
    /// The bytes of the file at `path`, at most `limit` of them, decompressed
    /// when the file is gzip.
    public static func read(_ path: String, limit: Int = ExtractionOptions.defaultMaximumBytes) throws(ExtractionError) -> [UInt8] {
        let bytes = try readFile(path, limit: limit)
        return try decompressed(bytes, path: path, limit: limit)
    }

    /// `bytes` themselves, or inflated when they are gzip.
    public static func decompressed(_ bytes: [UInt8], path: String, limit: Int = ExtractionOptions.defaultMaximumBytes) throws(ExtractionError) -> [UInt8] {
        guard GzipInflater.isGzip(bytes) else { return bytes }
        do {
            return try GzipInflater.decompress(bytes, limit: limit)
        } catch {
            switch error {
            case .tooLarge: throw ExtractionError(path: path, reason: .tooLargeDecompressed(limit: limit))
            case .truncated: throw ExtractionError(path: path, reason: .damagedCompression("it ends too soon"))
            case .corrupt(let detail): throw ExtractionError(path: path, reason: .damagedCompression(detail))
            }
        }
    }

    /// Standard input, at most `limit` bytes of it.
    public static func readStandardInput(limit: Int = ExtractionOptions.defaultMaximumBytes) throws(ExtractionError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ExtractionError(path: "-", reason: .unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
            if bytes.count > limit { throw ExtractionError(path: "-", reason: .tooLarge(bytes: bytes.count, limit: limit)) }
        }
    }

    private static func readFile(_ path: String, limit: Int) throws(ExtractionError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ExtractionError(path: path, reason: .unreadable(String(cString: strerror(errno))))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw ExtractionError(path: path, reason: .unreadable("it is a directory"))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ExtractionError(path: path, reason: .unreadable("not a regular file"))
        }
        guard Int(info.st_size) <= limit else {
            throw ExtractionError(path: path, reason: .tooLarge(bytes: Int(info.st_size), limit: limit))
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ExtractionError(path: path, reason: .unreadable(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ExtractionError(path: path, reason: .unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                throw ExtractionError(path: path, reason: .tooLarge(bytes: bytes.count, limit: limit))
            }
        }
        return bytes
    }
}

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
        try readRest(of: ByteSource(path: path), after: [], limit: limit)
    }

    /// `bytes` themselves, or inflated when they are gzip.
    public static func decompressed(_ bytes: [UInt8], path: String, limit: Int = ExtractionOptions.defaultMaximumBytes) throws(ExtractionError) -> [UInt8] {
        guard GzipInflater.isGzip(bytes) else { return bytes }
        do {
            return try GzipInflater.decompress(bytes, limit: limit)
        } catch {
            throw ExtractionError(path: path, gzip: error)
        }
    }

    /// Standard input, at most `limit` bytes of it (decompressed when gzip).
    public static func readStandardInput(limit: Int = ExtractionOptions.defaultMaximumBytes) throws(ExtractionError) -> [UInt8] {
        try readRest(of: ByteSource(standardInputNamed: "-"), after: [], limit: limit)
    }

    /// `first` and the rest of `source`, refused once past `limit` bytes: as
    /// read when the input is larger, as decompressed when it inflates past it.
    static func readRest(of source: ByteSource, after first: [UInt8], limit: Int) throws(ExtractionError) -> [UInt8] {
        if let size = source.fileSize, size > limit {
            throw ExtractionError(path: source.path, reason: .tooLarge(bytes: size, limit: limit))
        }
        source.inflateLimit = limit
        var bytes = first
        while let chunk = try source.next() {
            bytes += chunk
            if bytes.count > limit {
                throw ExtractionError(path: source.path, reason: source.bytesRead == bytes.count
                    ? .tooLarge(bytes: source.fileSize ?? bytes.count, limit: limit) : .tooLargeDecompressed(limit: limit))
            }
        }
        return bytes
    }
}

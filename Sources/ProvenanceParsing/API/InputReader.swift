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

/// The lines of a file or of standard input (`-`), read a chunk at a time and
/// decompressed on the way when the input is gzip: what reads JSON Lines
/// shards of any size in bounded memory and linear time. A line longer than
/// `limit` bytes is read past (never held whole) and is an error naming the
/// input; the lines after it are read on. A damaged gzip stream is an error
/// after the lines before the damage, and ends the lines.
public struct InputLines: Sequence, IteratorProtocol {
    private let source: ByteSource
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts, and how far past it a line
    /// break was already looked for.
    private var start = 0
    private var searched = 0
    /// The bytes of a line too long to keep, counted while it is read past.
    private var skipped: Int?
    private var finished = false
    private let limit: Int

    public init(path: String, limit: Int = ExtractionOptions.defaultMaximumBytes) throws(ExtractionError) {
        source = path == "-" ? ByteSource(standardInputNamed: path) : try ByteSource(path: path)
        self.limit = limit
    }

    /// The next line without its line break (a final line without one
    /// included), or nil at the end; a failure once the lines before it are
    /// read (after a line too long, the next call goes on with the line after it).
    public mutating func nextLine() throws(ExtractionError) -> String? {
        while true {
            if let end = buffer[searched...].firstIndex(of: 0x0A) {
                let length = end - start + (skipped ?? 0)
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = end + 1
                searched = start
                if skipped != nil || length > limit {
                    skipped = nil
                    throw ExtractionError(path: source.path, reason: .tooLarge(bytes: length, limit: limit))
                }
                return line
            }
            searched = buffer.count
            if buffer.count - start > limit {
                // Too long to keep: count it and read on to its end.
                skipped = (skipped ?? 0) + buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
                searched = 0
            }
            if finished {
                if let length = skipped {
                    skipped = nil
                    defer { buffer.removeAll(); start = 0; searched = 0 }
                    throw ExtractionError(path: source.path, reason: .tooLarge(bytes: length + buffer.count - start, limit: limit))
                }
                guard start < buffer.count else { return nil }
                defer { buffer.removeAll(); start = 0; searched = 0 }
                return String(decoding: buffer[start...], as: UTF8.self)
            }
            // Drop what was read before taking more, so memory stays one line and one chunk.
            buffer.removeSubrange(..<start)
            searched -= start
            start = 0
            if let chunk = try source.next() { buffer += chunk } else { finished = true }
        }
    }

    /// `nextLine()`, with a failure ending the sequence (use `nextLine()` to see it).
    public mutating func next() -> String? {
        try? nextLine()
    }
}

import CZlib

/// gzip decompression through zlib — the only place zlib is used.
///
/// Input comes in chunks and output is bounded: an input that would inflate
/// past the limit (a gzip bomb) is refused as soon as it gets there, without
/// the rest being decompressed. Several gzip members one after another (as
/// `cat a.gz b.gz` and WARC files write them) are one stream.
final class GzipInflater {
    enum Failure: Error, Equatable {
        /// The decompressed data would pass the limit.
        case tooLarge(limit: Int)
        /// Not gzip, or damaged.
        case corrupt(String)
        /// The data ends inside a member.
        case truncated
    }

    private var stream = z_stream()
    private var isOpen = false
    /// The most it may inflate to in all; a reader may raise it once it knows
    /// what it reads (a web archive's records are bounded one by one).
    var limit: Int
    private(set) var produced = 0
    /// The start of a next member split over two chunks (one or two bytes).
    private var carry: [UInt8] = []
    /// Between members: the last one ended and no byte of the next came yet.
    private var betweenMembers = true
    /// Bytes after the last member were not gzip; the rest is ignored.
    private var trailing = false
    private let isGzip: Bool

    /// `windowBits` as zlib takes it: 15 + 16 (the default) for gzip,
    /// 15 for a zlib stream, -15 for raw deflate.
    init(limit: Int, windowBits: Int32 = 15 + 16) throws(Failure) {
        self.limit = limit
        guard provenance_inflateInit2(&stream, windowBits) == Z_OK else { throw .corrupt("zlib could not start") }
        isOpen = true
        isGzip = windowBits > 15
    }

    deinit {
        if isOpen { inflateEnd(&stream) }
    }

    /// Whether the bytes start like gzip (magic 1f 8b, method deflate).
    static func isGzip<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B && iterator.next() == 0x08
    }

    /// Whether one or two bytes may begin a gzip member.
    private static func isGzipStart(_ bytes: ArraySlice<UInt8>) -> Bool {
        Array(bytes) == [0x1F] || Array(bytes) == [0x1F, 0x8B]
    }

    /// Inflates the next chunk of input, appending what comes out to `output`.
    /// On a failure, `output` holds what came out before it.
    func inflate(_ chunk: [UInt8], into output: inout [UInt8]) throws(Failure) {
        guard !trailing else { return }
        let input = carry.isEmpty ? chunk : carry + chunk
        carry = []
        var offset = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while offset < input.count {
            // Padding between members (some writers add zeros) is not a member.
            if betweenMembers {
                while isGzip, offset < input.count, input[offset] == 0 { offset += 1 }
                guard offset < input.count else { return }
                // Too few bytes to tell a next member: wait for the next chunk.
                if isGzip, input.count - offset < 3, Self.isGzipStart(input[offset...]) {
                    carry = Array(input[offset...])
                    return
                }
                // Whatever follows the last member and is no member is
                // ignored, as gzip itself does.
                if !isGzip && produced > 0 || isGzip && !Self.isGzip(input[offset...]) {
                    trailing = true
                    return
                }
                betweenMembers = false
            }
            let consumedBefore = offset
            let (status, consumed, written) = input.withUnsafeBufferPointer { source in
                buffer.withUnsafeMutableBufferPointer { target in
                    stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress! + offset)
                    stream.avail_in = UInt32(source.count - offset)
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, source.count - offset - Int(stream.avail_in), target.count - Int(stream.avail_out))
                }
            }
            offset = consumedBefore + consumed
            produced += written
            guard produced <= limit else { throw .tooLarge(limit: limit) }
            output.append(contentsOf: buffer[0..<written])
            switch status {
            case Z_OK, Z_BUF_ERROR:
                if consumed == 0 && written == 0 { return }
            case Z_STREAM_END:
                guard inflateReset(&stream) == Z_OK else { throw .corrupt("zlib could not go on to the next member") }
                betweenMembers = true
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw .corrupt(detail)
            }
        }
    }

    /// Call after the last chunk: a member left open means the data was cut short.
    func finish() throws(Failure) {
        guard betweenMembers, carry.isEmpty else { throw .truncated }
    }

    /// An HTTP `deflate` body: zlib framing as the standard says, or the raw
    /// deflate some servers send.
    static func decompressDeflate(_ bytes: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        for windowBits: Int32 in [15, -15] {
            guard let inflater = try? GzipInflater(limit: limit, windowBits: windowBits) else { continue }
            var output: [UInt8] = []
            do {
                try inflater.inflate(bytes, into: &output)
                try inflater.finish()
                return output
            } catch .tooLarge(let limit) {
                throw .tooLarge(limit: limit)
            } catch {
                continue
            }
        }
        throw .corrupt("neither zlib nor raw deflate")
    }

    /// The whole of `bytes`, inflated, at most `limit` bytes of it.
    static func decompress(_ bytes: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        let inflater = try GzipInflater(limit: limit)
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, bytes.count * 4))
        try inflater.inflate(bytes, into: &output)
        try inflater.finish()
        return output
    }
}

import CZlib

/// gzip decompression through zlib — the only place zlib is used.
///
/// Input comes in chunks and output is bounded: an input that would inflate
/// past the limit (a gzip bomb) is refused as soon as it gets there, without
/// the rest being decompressed. Several gzip members one after another (as
/// `cat a.gz b.gz` and WARC files write them) are one stream; bytes between
/// or after them that are neither a member nor padding (zeros, white space) are an error
/// (gzip itself only warns of them, and what follows them is lost), and a
/// member that fails its check gives none of its output.
final class GzipInflater {
    enum Failure: Error, Equatable {
        /// The decompressed data would pass the limit.
        case tooLarge(limit: Int)
        /// Not gzip, or damaged.
        case corrupt(String)
        /// The data ends inside a member.
        case truncated
        /// Bytes after a member that are not the next one (nor zero padding).
        case trailingGarbage
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
    /// Bytes after the last member of a raw or zlib stream; the rest is ignored.
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

    /// A byte that may pad gzip members: zero, or white space.
    private static func isPadding(_ byte: UInt8) -> Bool {
        byte == 0 || byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09
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
        // Where the output of the member being read starts in `output`.
        var memberStart = output.count
        while offset < input.count {
            // Padding between members (some writers add zeros, some upload
            // tools a line break) is not a member.
            if betweenMembers {
                while isGzip, offset < input.count, Self.isPadding(input[offset]) { offset += 1 }
                guard offset < input.count else { return }
                // Too few bytes to tell a next member: wait for the next chunk.
                if isGzip, input.count - offset < 3, Self.isGzipStart(input[offset...]) {
                    carry = Array(input[offset...])
                    return
                }
                // After a gzip member, only another one may follow; after a
                // zlib or raw stream (an HTTP body) the rest is ignored.
                if isGzip, !Self.isGzip(input[offset...]) { throw .trailingGarbage }
                if !isGzip && produced > 0 {
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
                memberStart = output.count
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                // A damaged member (a wrong checksum is found at its end) gives nothing.
                output.removeSubrange(memberStart...)
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

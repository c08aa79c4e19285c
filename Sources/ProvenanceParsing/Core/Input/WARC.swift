/// Web archives (WARC 1.0/1.1, plain or gzipped a record at a time), read a
/// record at a time: every `response` record whose HTTP payload is HTML
/// becomes a document; every other record is skipped and counted.
final class WARCReader {
    private let source: ByteSource
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var recordNumber = 0
    private var finished = false
    /// What stopped the byte source (damaged gzip, a read error), if anything.
    private var sourceFailure: ExtractionError?
    /// Documents read, and records skipped by kind ("request", "metadata",
    /// "revisit", "non-HTML response"…).
    private(set) var documents = 0
    private(set) var skipped: [String: Int] = [:]

    init(source: ByteSource, firstChunk: [UInt8], limit: Int) {
        self.source = source
        self.limit = limit
        buffer = firstChunk
    }

    /// Whether decompressed bytes start like a WARC record (after blank lines).
    static func looksLikeWARC(_ bytes: [UInt8]) -> Bool {
        bytes.drop { $0 == 0x0D || $0 == 0x0A || $0 == 0x20 || $0 == 0x09 }.starts(with: Array("WARC/".utf8))
    }

    /// The next document, a failure (a record too large, a truncated archive),
    /// or nil at the end.
    func next() -> Result<InputDocument, ExtractionError>? {
        while !finished {
            // Records are separated by blank lines; anything else before
            // "WARC/" is skipped.
            skipToRecord()
            guard hasBytes(1) else {
                finished = true
                guard let sourceFailure else { return nil }
                recordNumber += 1
                return .failure(damaged(sourceFailure))
            }
            recordNumber += 1
            guard let (headers, bodyStart) = readHeaders() else {
                finished = true
                return .failure(truncated())
            }
            let length = Int(MIMEMessage.value("content-length", in: headers) ?? "") ?? -1
            // A length no file has is as good as none.
            guard length >= 0, length <= Int.max / 2 else {
                finished = true
                return .failure(ExtractionError(
                    path: source.path, reason: .damagedArchive("record \(recordNumber) has no usable Content-Length; \(kept)")))
            }
            let type = MIMEMessage.value("warc-type", in: headers)?.lowercased() ?? "unknown"
            let id = MIMEMessage.value("warc-record-id", in: headers).map { String($0.drop { $0 == "<" }.reversed().drop { $0 == ">" }.reversed()) } ?? "record-\(recordNumber)"
            let name = "\(source.path)#\(id)"
            if length > limit {
                guard skip(bodyStart + length) else {
                    finished = true
                    return .failure(truncated())
                }
                if type == "response" {
                    return .failure(ExtractionError(path: name, reason: .tooLarge(bytes: length, limit: limit)))
                }
                skipped[type, default: 0] += 1
                continue
            }
            guard hasBytes(bodyStart + length) else {
                finished = true
                return .failure(truncated())
            }
            let block = buffer[(start + bodyStart)..<(start + bodyStart + length)]
            start += bodyStart + length
            guard type == "response" else {
                skipped[type, default: 0] += 1
                continue
            }
            switch HTTPResponse.htmlPayload(of: block, limit: limit) {
            case .html(let body, let charset):
                documents += 1
                return .success(InputDocument(
                    name: name, bytes: body, format: .html, charset: charset,
                    url: MIMEMessage.value("warc-target-uri", in: headers), captured: MIMEMessage.value("warc-date", in: headers),
                    isWholeInput: false))
            case .notHTML:
                skipped["non-HTML response", default: 0] += 1
            case .status(let code):
                skipped["HTTP \(code) response", default: 0] += 1
            case .unreadable(let why):
                return .failure(ExtractionError(path: name, reason: .damagedArchive(why)))
            }
        }
        return nil
    }

    /// The counts, as one line for the user.
    var summary: String {
        var line = "\(documents) HTML response\(documents == 1 ? "" : "s") read"
        if !skipped.isEmpty {
            line += "; skipped " + skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        }
        return line
    }

    private var kept: String {
        switch documents {
        case 0: "no document before it"
        case 1: "the document before it kept"
        default: "the \(documents) documents before it kept"
        }
    }

    private func truncated() -> ExtractionError {
        if let sourceFailure { return damaged(sourceFailure) }
        return ExtractionError(path: source.path, reason: .damagedArchive("record \(recordNumber) is cut short; \(kept)"))
    }

    /// The source's failure, saying where in the archive it came and what was kept.
    private func damaged(_ failure: ExtractionError) -> ExtractionError {
        ExtractionError(path: source.path, reason: .damagedArchive("\(failure.message) at record \(recordNumber); \(kept)"))
    }

    /// The next chunk of the source, nil at its end or at a failure (kept).
    private func read() -> [UInt8]? {
        guard sourceFailure == nil else { return nil }
        do {
            return try source.next()
        } catch {
            sourceFailure = error
            return nil
        }
    }

    // MARK: Buffer

    /// Whether `count` bytes from `start` are buffered, reading more if needed.
    private func hasBytes(_ count: Int) -> Bool {
        while buffer.count - start < count {
            compact()
            guard let chunk = read() else { return false }
            buffer += chunk
        }
        return true
    }

    /// Drops what was read already, now and then.
    private func compact() {
        if start > 1 << 20 || (start > 0 && start == buffer.count) {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private func skipToRecord() {
        while true {
            while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A { start += 1 }
            if start < buffer.count { return }
            guard hasBytes(1) else { return }
        }
    }

    /// Skips `count` bytes from `start` without keeping them.
    private func skip(_ count: Int) -> Bool {
        var remaining = count
        while remaining > 0 {
            let available = buffer.count - start
            if available >= remaining {
                start += remaining
                return true
            }
            remaining -= available
            buffer.removeAll(keepingCapacity: true)
            start = 0
            guard let chunk = read() else { return false }
            buffer = chunk
        }
        return true
    }

    /// The record's headers and where its block starts (relative to `start`).
    private func readHeaders() -> (headers: [(String, String)], bodyStart: Int)? {
        var searched = 0
        while true {
            if let found = MIMEMessage.headers(in: buffer[start...]) {
                return (found.headers, found.bodyStart - start)
            }
            // Headers over 1 MiB are not a record.
            guard buffer.count - start < 1 << 20, searched < 64 else { return nil }
            searched += 1
            compact()
            guard let chunk = read() else { return nil }
            buffer += chunk
        }
    }
}

/// The HTTP response a WARC response record holds.
enum HTTPResponse {
    enum Payload {
        case html([UInt8], charset: String?)
        case notHTML
        /// Not a page's content: a redirect, an error, no content, not modified.
        case status(Int)
        case unreadable(String)
    }

    static func htmlPayload(of block: ArraySlice<UInt8>, limit: Int) -> Payload {
        guard block.starts(with: Array("HTTP/".utf8)) else { return .notHTML }
        // The status line, then headers.
        guard let lineEnd = block.firstIndex(of: 0x0A),
            let (headers, bodyStart) = MIMEMessage.headers(in: block[(lineEnd + 1)...])
        else { return .unreadable("the HTTP headers do not end") }
        // "HTTP/1.1 200 OK": only a successful response with content is a page.
        let statusWords = String(decoding: block[..<lineEnd], as: UTF8.self).split { $0 == " " || $0 == "\r" || $0 == "\t" }
        if statusWords.count >= 2, let code = Int(statusWords[1]), !(200...299).contains(code) || code == 204 {
            return .status(code)
        }
        let type = MIMEMessage.value("content-type", in: headers).map(MIMEMessage.mediaType) ?? ""
        guard type.isEmpty || type == "text/html" || type == "application/xhtml+xml" else { return .notHTML }
        var body = Array(block[bodyStart...])
        // Some archivers store the body already joined or decoded but keep
        // the header; a body that does not parse as it says is taken as is.
        if MIMEMessage.value("transfer-encoding", in: headers)?.lowercased().contains("chunked") == true {
            if let joined = dechunk(body) {
                body = joined
            } else if startsWithChunkSize(body) || !InputSniffer.isHTML(body) {
                return .unreadable("the chunked body is damaged")
            }
        }
        switch MIMEMessage.value("content-encoding", in: headers)?.lowercased() {
        case nil, "identity", "":
            break
        case "gzip", "x-gzip":
            // Already decoded by the archiver, the header left in place.
            if !GzipInflater.isGzip(body), InputSniffer.isHTML(body) { break }
            guard let inflated = try? GzipInflater.decompress(body, limit: limit) else { return .unreadable("the gzip body is damaged") }
            body = inflated
        case "deflate":
            guard let inflated = try? GzipInflater.decompressDeflate(body, limit: limit) else { return .unreadable("the deflate body is damaged") }
            body = inflated
        case let other?:
            return .unreadable("content encoding \(other) is not supported")
        }
        // Without a Content-Type, only what looks like HTML is HTML.
        if type.isEmpty, !InputSniffer.isHTML(body) { return .notHTML }
        return .html(body, charset: MIMEMessage.value("content-type", in: headers).flatMap { MIMEMessage.parameter("charset", of: $0) })
    }

    /// Whether the body's first line is a chunk size ("1f4", "1f4;ext=1").
    static func startsWithChunkSize(_ body: [UInt8]) -> Bool {
        let line = body.prefix { $0 != 0x0A && $0 != 0x0D && $0 != 0x3B }
        return !line.isEmpty && line.count <= 32 && line.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte) || byte == 0x20
        }
    }

    /// A chunked body joined: hex size lines, chunks, a zero-size end.
    static func dechunk(_ body: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        var index = 0
        while index < body.count {
            guard let lineEnd = body[index...].firstIndex(of: 0x0A) else { return nil }
            let sizeText = String(decoding: body[index..<lineEnd], as: UTF8.self)
                .split(separator: ";").first.map { $0.trimmingASCIIWhitespace() } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return nil }
            index = lineEnd + 1
            if size == 0 { return result }
            guard size <= body.count - index else { return nil }
            result += body[index..<(index + size)]
            index += size
            // The line break after the chunk.
            if index < body.count, body[index] == 0x0D { index += 1 }
            if index < body.count, body[index] == 0x0A { index += 1 }
        }
        return result
    }
}

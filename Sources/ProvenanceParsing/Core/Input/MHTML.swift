/// MHTML, as browsers write "Save as single file": a MIME
/// `multipart/related` message whose first `text/html` part is the page.
enum MHTML {
    /// Whether the bytes start like an MHTML file: MIME headers declaring a
    /// multipart message.
    static func looksLikeMHTML(_ bytes: [UInt8]) -> Bool {
        guard let (headers, _) = MIMEMessage.headers(in: bytes.prefix(16_384)[...]),
            let type = MIMEMessage.value("content-type", in: headers)
        else { return false }
        return MIMEMessage.mediaType(type).hasPrefix("multipart/")
    }

    enum Failure: Error, Equatable {
        case noBoundary
        case noHTMLPart
    }

    /// The page of an MHTML file, with the address and date it was saved from.
    static func page(_ bytes: [UInt8], name: String) throws(Failure) -> InputDocument {
        guard let (headers, bodyStart) = MIMEMessage.headers(in: bytes[...]),
            let type = MIMEMessage.value("content-type", in: headers),
            let boundary = MIMEMessage.parameter("boundary", of: type), !boundary.isEmpty
        else { throw .noBoundary }
        let delimiter = Array(("--" + boundary).utf8)
        var document: InputDocument?
        for part in parts(of: bytes[bodyStart...], delimiter: delimiter) {
            guard let (partHeaders, partBody) = MIMEMessage.headers(in: part) else { continue }
            let partType = MIMEMessage.value("content-type", in: partHeaders) ?? "text/plain"
            let media = MIMEMessage.mediaType(partType)
            guard media == "text/html" || media == "application/xhtml+xml" else { continue }
            let body = part[partBody...]
            let content: [UInt8]
            switch MIMEMessage.value("content-transfer-encoding", in: partHeaders)?.lowercased() {
            case "quoted-printable": content = MIMEMessage.decodeQuotedPrintable(body)
            case "base64": content = MIMEMessage.decodeBase64(body)
            default: content = Array(body)
            }
            document = InputDocument(
                name: name, bytes: content, format: .html, charset: MIMEMessage.parameter("charset", of: partType),
                url: MIMEMessage.value("snapshot-content-location", in: headers)
                    ?? MIMEMessage.value("content-location", in: partHeaders),
                saved: MIMEMessage.value("date", in: headers))
            break
        }
        guard let document else { throw .noHTMLPart }
        return document
    }

    /// The parts between delimiter lines, up to the closing delimiter.
    private static func parts(of body: ArraySlice<UInt8>, delimiter: [UInt8]) -> [ArraySlice<UInt8>] {
        var starts: [(lineStart: Int, contentStart: Int, closing: Bool)] = []
        var index = body.startIndex
        while index < body.endIndex {
            var end = index
            while end < body.endIndex, body[end] != 0x0A { end += 1 }
            let line = body[index..<end]
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                starts.append((index, min(end + 1, body.endIndex), rest.starts(with: [0x2D, 0x2D])))
            }
            index = end + 1
        }
        var parts: [ArraySlice<UInt8>] = []
        for (position, start) in starts.enumerated() where !start.closing {
            var end = position + 1 < starts.count ? starts[position + 1].lineStart : body.endIndex
            // The line break before a delimiter belongs to the delimiter.
            if end > start.contentStart, body[end - 1] == 0x0A { end -= 1 }
            if end > start.contentStart, body[end - 1] == 0x0D { end -= 1 }
            parts.append(body[start.contentStart..<max(start.contentStart, end)])
        }
        return parts
    }
}

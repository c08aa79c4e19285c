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
        guard let (part, partHeaders) = htmlPart(of: bytes[bodyStart...], boundary: boundary, depth: 0) else { throw .noHTMLPart }
        let partType = MIMEMessage.value("content-type", in: partHeaders) ?? "text/html"
        let content: [UInt8]
        switch MIMEMessage.value("content-transfer-encoding", in: partHeaders)?.lowercased() {
        case "quoted-printable": content = MIMEMessage.decodeQuotedPrintable(part)
        case "base64": content = MIMEMessage.decodeBase64(part)
        default: content = Array(part)
        }
        return InputDocument(
            name: name, bytes: content, format: .html, charset: MIMEMessage.parameter("charset", of: partType),
            url: MIMEMessage.value("snapshot-content-location", in: headers)
                ?? MIMEMessage.value("content-location", in: partHeaders),
            saved: MIMEMessage.value("date", in: headers), isWholeInput: false)
    }

    /// The first HTML part, looking into nested multiparts (a few levels deep).
    private static func htmlPart(
        of body: ArraySlice<UInt8>, boundary: String, depth: Int
    ) -> (body: ArraySlice<UInt8>, headers: [(String, String)])? {
        for part in parts(of: body, delimiter: Array(("--" + boundary).utf8)) {
            guard let (partHeaders, partBody) = MIMEMessage.headers(in: part) else { continue }
            let partType = MIMEMessage.value("content-type", in: partHeaders) ?? "text/plain"
            let media = MIMEMessage.mediaType(partType)
            if media == "text/html" || media == "application/xhtml+xml" { return (part[partBody...], partHeaders) }
            if media.hasPrefix("multipart/"), depth < 4, let inner = MIMEMessage.parameter("boundary", of: partType), !inner.isEmpty,
                let found = htmlPart(of: part[partBody...], boundary: inner, depth: depth + 1)
            {
                return found
            }
        }
        return nil
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
                // The delimiter alone on its line, or closing ("--"), with
                // nothing after it but white space.
                var rest = line.dropFirst(delimiter.count)
                let closing = rest.starts(with: [0x2D, 0x2D])
                if closing { rest = rest.dropFirst(2) }
                if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    starts.append((index, min(end + 1, body.endIndex), closing))
                }
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

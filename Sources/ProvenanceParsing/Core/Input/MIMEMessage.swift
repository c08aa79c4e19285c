/// Header blocks and bodies of MIME messages: what MHTML files (and, for
/// their headers, WARC records and HTTP responses) are made of.
enum MIMEMessage {
    /// Headers as (lowercased name, value), folded lines unfolded, with the
    /// offset where the body starts (after the blank line); nil when no
    /// blank line ends the headers.
    static func headers(in bytes: ArraySlice<UInt8>) -> (headers: [(String, String)], bodyStart: Int)? {
        var headers: [(String, String)] = []
        var index = bytes.startIndex
        var current: [UInt8] = []
        func finish() {
            guard !current.isEmpty else { return }
            let line = String(decoding: current, as: UTF8.self)
            if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingASCIIWhitespace().lowercased()
                let value = line[line.index(after: colon)...].trimmingASCIIWhitespace()
                headers.append((name, value))
            }
            current = []
        }
        while index < bytes.endIndex {
            // One line, without its CR LF or LF.
            var end = index
            while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
            guard end < bytes.endIndex else { return nil }
            var lineEnd = end
            if lineEnd > index, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = bytes[index..<lineEnd]
            index = end + 1
            if line.isEmpty {
                finish()
                return (headers, index)
            }
            if line.first == 0x20 || line.first == 0x09 {
                // A folded continuation of the header before.
                current.append(0x20)
                current += line.drop { $0 == 0x20 || $0 == 0x09 }
            } else {
                finish()
                current = Array(line)
            }
        }
        return nil
    }

    /// The value of a header, by lowercase name.
    static func value(_ name: String, in headers: [(String, String)]) -> String? {
        headers.first { $0.0 == name }?.1
    }

    /// A parameter of a header value: `boundary` of
    /// `multipart/related; boundary="----x"`, `charset` of `text/html; charset=utf-8`.
    static func parameter(_ name: String, of value: String) -> String? {
        for part in value.split(separator: ";").dropFirst() {
            let pieces = part.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2, pieces[0].trimmingASCIIWhitespace().lowercased() == name else { continue }
            var result = pieces[1].trimmingASCIIWhitespace()
            if result.hasPrefix("\""), result.hasSuffix("\""), result.count >= 2 { result = String(result.dropFirst().dropLast()) }
            return result
        }
        return nil
    }

    /// The media type of a Content-Type value, lowercased, without parameters.
    static func mediaType(_ value: String) -> String {
        (value.split(separator: ";").first.map { $0.trimmingASCIIWhitespace() } ?? "").lowercased()
    }

    /// Bytes of quoted-printable text decoded: `=XX` escapes, and soft line
    /// breaks (`=` at the end of a line) removed.
    static func decodeQuotedPrintable(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x41 + 10
            case 0x61...0x66: byte - 0x61 + 10
            default: nil
            }
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x3D else {
                result.append(byte)
                index += 1
                continue
            }
            let next = index + 1
            // A soft line break: "=" at the end of a line, maybe with
            // spaces after it that a mail system left.
            var lineEnd = next
            while lineEnd < bytes.endIndex, bytes[lineEnd] == 0x20 || bytes[lineEnd] == 0x09 { lineEnd += 1 }
            if lineEnd < bytes.endIndex, bytes[lineEnd] == 0x0A {
                index = lineEnd + 1
            } else if lineEnd + 1 < bytes.endIndex, bytes[lineEnd] == 0x0D, bytes[lineEnd + 1] == 0x0A {
                index = lineEnd + 2
            } else if lineEnd == bytes.endIndex, lineEnd > next {
                index = lineEnd
            } else if next + 1 < bytes.endIndex, let high = hex(bytes[next]), let low = hex(bytes[next + 1]) {
                result.append(high << 4 | low)
                index = next + 2
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    /// Base64 decoded, whitespace and line breaks skipped; what does not
    /// decode is dropped.
    static func decodeBase64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value: UInt32
            switch byte {
            case 0x41...0x5A: value = UInt32(byte - 0x41)
            case 0x61...0x7A: value = UInt32(byte - 0x61 + 26)
            case 0x30...0x39: value = UInt32(byte - 0x30 + 52)
            case 0x2B, 0x2D: value = 62
            case 0x2F, 0x5F: value = 63
            default: continue
            }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                result.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        return result
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

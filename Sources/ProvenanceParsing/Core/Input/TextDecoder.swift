#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of an input into UTF-8, whatever charset they came in.
///
/// The charset is taken, in order, from a byte-order mark, from what the page
/// declares (`<meta charset>`, `http-equiv` Content-Type, an XML declaration),
/// and from the bytes themselves: valid UTF-8 is UTF-8, anything else is read
/// as Windows-1252, the charset browsers assume for unlabelled Western pages.
/// Labels are understood the way browsers do (ISO-8859-1 and ASCII mean
/// Windows-1252); charsets beyond the built-in ones go through iconv.
struct TextDecoder {
    /// UTF-8 bytes and what was noticed on the way.
    struct Result {
        var utf8: [UInt8]
        var charset: String
        var notes: [String]
    }

    /// Decodes `bytes`; `declared` is the charset the document claims, if any.
    static func decode(_ bytes: [UInt8], declared: String?) -> Result {
        if let (charset, bomLength) = byteOrderMark(bytes) {
            let payload = Array(bytes[bomLength...])
            switch charset {
            case "UTF-8":
                return utf8(payload, declared: true)
            default:
                return convert(payload, from: charset) ?? lossyUTF8(payload, charset: charset)
            }
        }
        if let guess = utf16WithoutBOM(bytes) {
            if let converted = convert(bytes, from: guess) {
                var result = converted
                result.notes.append("no byte-order mark; read as \(guess)")
                return result
            }
        }
        let label = declared.map(normalizedLabel)
        switch label {
        case nil, "UTF-8"?:
            return utf8(bytes, declared: label != nil)
        case "WINDOWS-1252"?:
            return Result(utf8: windows1252ToUTF8(bytes), charset: "windows-1252", notes: [])
        case let other?:
            if let converted = convert(bytes, from: other) { return converted }
            var result = utf8(bytes, declared: false)
            result.notes.append("unknown charset \"\(declared ?? other)\"; read as \(result.charset)")
            return result
        }
    }

    private static func utf8(_ bytes: [UInt8], declared: Bool) -> Result {
        if UTF8Validation.isValid(bytes) {
            return Result(utf8: bytes, charset: "UTF-8", notes: [])
        }
        if declared {
            return lossyUTF8(bytes, charset: "UTF-8")
        }
        return Result(
            utf8: windows1252ToUTF8(bytes), charset: "windows-1252",
            notes: ["not valid UTF-8 and no charset declared; read as Windows-1252"])
    }

    private static func lossyUTF8(_ bytes: [UInt8], charset: String) -> Result {
        let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
        return Result(
            utf8: repaired, charset: charset,
            notes: ["invalid \(charset) byte sequences replaced with U+FFFD"])
    }

    private static func byteOrderMark(_ bytes: [UInt8]) -> (String, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return ("UTF-32LE", 4) }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }

    /// UTF-16 text without a byte-order mark shows as a zero in every other
    /// byte for Latin text.
    private static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(512)
        guard sample.count >= 8 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let half = sample.count / 2
        if oddZeros * 10 > half * 7, evenZeros * 10 < half { return "UTF-16LE" }
        if evenZeros * 10 > half * 7, oddZeros * 10 < half { return "UTF-16BE" }
        return nil
    }

    /// A charset label the way browsers read it (WHATWG Encoding: ISO-8859-1,
    /// US-ASCII and their aliases are Windows-1252).
    static func normalizedLabel(_ label: String) -> String {
        let cleaned = label.trimmingSpacesAndQuotes().uppercased()
        switch cleaned {
        case "UTF-8", "UTF8", "UNICODE-1-1-UTF-8", "X-UNICODE20UTF8":
            return "UTF-8"
        case "ISO-8859-1", "ISO8859-1", "ISO_8859-1", "LATIN1", "L1", "US-ASCII", "ASCII", "WINDOWS-1252",
             "CP1252", "X-CP1252", "CP819", "IBM819", "ISO-IR-100", "ANSI_X3.4-1968":
            return "WINDOWS-1252"
        case "X-SJIS", "SJIS", "MS_KANJI", "SHIFT-JIS":
            return "SHIFT_JIS"
        case "GB2312", "X-GBK", "GBK", "CHINESE":
            return "GB18030"
        case "KS_C_5601-1987", "EUC-KR", "WINDOWS-949":
            return "CP949"
        default:
            return cleaned
        }
    }

    /// Converts through iconv; nil when iconv does not know the charset.
    private static func convert(_ bytes: [UInt8], from charset: String) -> Result? {
        guard let converter = Iconv(from: charset) else { return nil }
        let (output, clean) = converter.convert(bytes)
        return Result(
            utf8: output, charset: charset,
            notes: clean ? [] : ["invalid \(charset) byte sequences skipped"])
    }

    /// Windows-1252 to UTF-8 with a table for 0x80–0x9F (bytes with no
    /// character there become U+FFFD).
    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            let scalar: UInt32 = byte < 0x80 ? UInt32(byte) : (byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte))
            appendUTF8(scalar, to: &output)
        }
        return output
    }

    private static func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case ..<0x80:
            output.append(UInt8(value))
        case ..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        default:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}

/// A charset converter to UTF-8 through the C library's iconv.
private struct Iconv {
    private let label: String

    init?(from charset: String) {
        let handle = iconv_open("UTF-8", charset)
        guard handle != iconv_t(bitPattern: -1) else { return nil }
        iconv_close(handle)
        label = charset
    }

    /// The converted bytes, and whether every input byte converted.
    func convert(_ bytes: [UInt8]) -> ([UInt8], Bool) {
        let handle = iconv_open("UTF-8", label)
        defer { iconv_close(handle) }
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var clean = true
        var input = bytes
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                while inLeft > 0 {
                    if iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                        // Skip a byte that does not convert, mark the loss, go on.
                        clean = false
                        guard inLeft > 0, outLeft >= 3 else { break }
                        inPointer! += 1
                        inLeft -= 1
                        for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                            outPointer!.pointee = CChar(bitPattern: byte)
                            outPointer! += 1
                            outLeft -= 1
                        }
                    }
                }
                return outBuffer.count - outLeft
            }
        }
        output.removeSubrange(produced...)
        return (output, clean)
    }
}

extension String {
    func trimmingSpacesAndQuotes() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, Whitespace.isSpace(first) || first == "\"" || first == "'" {
            scalars.removeFirst()
        }
        while let last = scalars.last, Whitespace.isSpace(last) || last == "\"" || last == "'" || last == ";" {
            scalars.removeLast()
        }
        return String(scalars)
    }
}

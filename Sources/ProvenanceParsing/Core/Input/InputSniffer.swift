/// Tells what an input is from its first bytes: a known binary format, HTML,
/// or plain text.
enum InputSniffer {
    /// The kind of binary file `bytes` starts like, or nil if it may be text.
    static func binaryKind(_ bytes: [UInt8]) -> String? {
        for (magic, name) in signatures where bytes.starts(with: magic) {
            return name
        }
        if bytes.count >= 12, bytes[4...7].elementsEqual(Array("ftyp".utf8)) { return "an MP4 or QuickTime video" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), bytes[8...11].elementsEqual(Array("WEBP".utf8)) {
            return "a WebP image"
        }
        return nil
    }

    /// Whether the bytes are control codes more than text: text has next to
    /// no control bytes besides tab, line feed, carriage return and form
    /// feed (NUL bytes are judged apart: text with a few NULs is still text).
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let count = min(bytes.count, 64 * 1024)
        guard count > 0 else { return false }
        var control = 0
        var nul = 0
        bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var index = 0
            while index < count {
                // Eight bytes at a time past words with no byte below 0x20 and
                // no 0x7F (a byte of 0x80 or more is never a control byte).
                if index + 8 <= count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let ascii = ~word & 0x8080_8080_8080_8080
                    let low = (word &- 0x2020_2020_2020_2020) & ascii
                    let delete = ((word ^ 0x7F7F_7F7F_7F7F_7F7F) &- 0x0101_0101_0101_0101) & ascii
                    if low | delete == 0 {
                        index += 8
                        continue
                    }
                }
                let byte = buffer[index]
                if byte == 0 {
                    nul += 1
                } else if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B)
                    || byte == 0x7F
                {
                    control += 1
                }
                index += 1
            }
        }
        return control * 100 > count * 3 || nul * 10 > count * 3
    }

    private static let signatures: [([UInt8], String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF87a".utf8), "a GIF image"),
        (Array("GIF89a".utf8), "a GIF image"),
        (Array("%PDF-".utf8), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive or office document"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ([0x42, 0x5A, 0x68], "bzip2-compressed data"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data"),
        (Array("OggS".utf8), "an Ogg media file"),
        (Array("ID3".utf8), "an MP3 audio file"),
        (Array("SQLite format 3".utf8), "an SQLite database"),
        ([0x00, 0x61, 0x73, 0x6D], "a WebAssembly module"),
        ([0xCA, 0xFE, 0xBA, 0xBE], "a Java class or Mach-O file"),
        ([0xCF, 0xFA, 0xED, 0xFE], "a Mach-O executable"),
        (Array("wOFF".utf8), "a web font"),
        (Array("wOF2".utf8), "a web font"),
        ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"),
        ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
    ]

    /// Whether UTF-8 text is a web page rather than plain text: markup
    /// near the start that only HTML has.
    static func isHTML(_ utf8: [UInt8]) -> Bool {
        // The first 4 KiB, ASCII letters lower-cased: the markers are ASCII.
        let head = utf8.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var start = 0
        while start < head.count {
            var bytes = head[start...].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&bytes), scalar.properties.isWhitespace || scalar == "\u{FEFF}"
            else { break }
            start += UTF8.width(scalar)
        }
        let text = head[start...]
        if text.first == UInt8(ascii: "<") {
            return markers.contains { text.starts(with: $0) } || NameMatcher.contains(Array(text), closingTag)
        }
        // Text before the markup (a scraper's banner, a BOM, a stray line).
        return tagsBeforeText.filter { NameMatcher.contains(head, $0) }.count >= 2
    }

    private static let markers = [
        "<!doctype html", "<html", "<head", "<body", "<meta ", "<title>", "<article", "<div", "<p>", "<p ", "<!--", "<?xml",
        "<script", "<link ", "<style", "<section", "<header", "<main", "<h1", "<h2", "<table", "<span", "<br", "<ul", "<img",
    ].map { Array($0.utf8) }
    private static let closingTag = Array("</".utf8)
    private static let tagsBeforeText = ["<html", "<body", "<head", "</p>", "</div>", "<!doctype"].map { Array($0.utf8) }
}

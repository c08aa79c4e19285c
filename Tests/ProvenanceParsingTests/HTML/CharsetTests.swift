import Testing
import ProvenanceParsing

/// Bytes in other charsets than UTF-8 read as the characters they stand for.
@Suite struct CharsetTests {
    private let extractor = ArticleExtractor()

    /// "“Quoted,” she said. Naïve café – test." in Windows-1252.
    private let windows1252Sentence: [UInt8] =
        [0x93] + Array("Quoted,".utf8) + [0x94] + Array(" she said. Na".utf8) + [0xEF] + Array("ve caf".utf8) + [0xE9]
        + Array(" ".utf8) + [0x96] + Array(" test.".utf8)

    @Test func declaredWindows1252() throws {
        let bytes = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>".utf8) + windows1252Sentence
            + Array("</p></body></html>".utf8)
        let article = try extractor.extract(bytes, path: "page.html")
        #expect(article.body == "“Quoted,” she said. Naïve café – test.")
    }

    @Test func latin1LabelMeansWindows1252() throws {
        let bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>".utf8)
            + windows1252Sentence + Array("</p></body></html>".utf8)
        #expect(try extractor.extract(bytes, path: "page.html").body == "“Quoted,” she said. Naïve café – test.")
    }

    @Test func undeclaredNonUTF8TextIsReadAsWindows1252() throws {
        let article = try extractor.extract(windows1252Sentence, path: "story.txt")
        #expect(article.text == "“Quoted,” she said. Naïve café – test.")
        #expect(article.notes.contains { $0.contains("Windows-1252") })
    }

    @Test func utf16WithByteOrderMark() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Hello “world”, she said.\n\nSecond paragraph.".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let article = try extractor.extract(bytes, path: "story.txt")
        #expect(article.text == "Hello “world”, she said.\n\nSecond paragraph.")
    }

    @Test func otherCharsetsGoThroughIconv() throws {
        // "東京" in Shift_JIS.
        let bytes = Array("<html><head><meta charset=\"shift_jis\"></head><body><p>".utf8) + [0x93, 0x8C, 0x8B, 0x9E]
            + Array("</p></body></html>".utf8)
        #expect(try extractor.extract(bytes, path: "page.html").body == "東京")
    }

    @Test func invalidUTF8IsRepairedNotDropped() throws {
        let bytes = Array("<html><head><meta charset=utf-8></head><body><p>Bad ".utf8) + [0xFF, 0xFE]
            + Array(" bytes here.</p></body></html>".utf8)
        let article = try extractor.extract(bytes, path: "page.html")
        #expect(article.body == "Bad \u{FFFD}\u{FFFD} bytes here.")
        #expect(article.notes.contains { $0.contains("U+FFFD") })
    }
}

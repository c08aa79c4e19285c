import Foundation
import Testing
@testable import ProvenanceParsing

/// Texts come out in NFC, and texts that already are come out untouched.
@Suite struct CanonicalCompositionTests {
    @Test func theTableIsBesideTheProgram() throws {
        let table = try #require(CanonicalComposition.candidates)
        #expect(table.count > 200)
        #expect(zip(table, table.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
    }

    /// Every code point of the Basic Multilingual Plane that NFC changes on its
    /// own, or that may combine with what comes before it, is in the table.
    @Test func theTableHoldsEveryCodePointNFCChanges() throws {
        let table = try #require(CanonicalComposition.candidates)
        var missed: [String] = []
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = String(Character(scalar))
            let changes = alone.precomposedStringWithCanonicalMapping != alone
                || scalar.properties.canonicalCombiningClass.rawValue != 0
            if changes, !CanonicalComposition.mayChange(Array(alone.utf8), table: table) {
                missed.append(String(format: "%04X", value))
            }
        }
        #expect(missed.isEmpty, "\(missed.prefix(20))")
    }

    @Test(arguments: [
        ("Zoe\u{308} said the plan would work.", "Zo\u{EB} said the plan would work."),
        ("কুষ্টিয়া-১ (দৌলতপুর)", "কুষ্টিয\u{9BC}া-১ (দৌলতপুর)"),
        ("Ha\u{0301}\u{0323}", "H\u{1EA1}\u{301}"),
        ("\u{1100}\u{1161}\u{11A8} news", "\u{AC01} news"),
    ])
    func textsComeOutComposed(input: String, expected: String) {
        let out = CanonicalComposition.composed(Array(input.utf8))
        #expect(out == Array(expected.unicodeScalars.map { String($0) }.joined().utf8), "\(String(decoding: out, as: UTF8.self).unicodeScalars.map { String($0.value, radix: 16) })")
    }

    /// Normalised piece by piece (between `<` and line breaks), a text comes
    /// out as normalised whole: random texts of letters, marks that combine
    /// or reorder, jamo, singletons and the separators.
    @Test func piecesComposeAsTheWholeText() {
        let alphabet = ["a", "e", "<", "\n", ">", " ", "\u{301}", "\u{323}", "\u{308}", "\u{1100}", "\u{1161}", "\u{11A8}",
                        "\u{9AF}", "\u{9BC}", "\u{9DF}", "\u{9C7}", "\u{9BE}", "Å", "\u{212B}", "\u{2001}", "“"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let text = (0..<(1 + next(24))).map { _ in alphabet[next(alphabet.count)] }.joined()
            let expected = Array(text.precomposedStringWithCanonicalMapping.utf8)
            #expect(CanonicalComposition.composed(Array(text.utf8)) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func composedTextsStayTheSameBytes() {
        let text = "The minister said “the plan would work” — Zoë’s café, 50 € and ½ of it; Łódź; Ελλάδα; 日本語; ‘quotes’."
        #expect(CanonicalComposition.composed(Array(text.utf8)) == Array(text.utf8))
        #expect(!CanonicalComposition.mayChange(Array(text.utf8), table: CanonicalComposition.candidates ?? []))
    }

    /// A page that spells its letters in two code points is read as one that
    /// spells them in one; plain text keeps its code points (offsets into it
    /// are offsets into the file).
    @Test func anArticleIsReadComposed() throws {
        let decomposed = "<html><body><article><p>Jonas Holt told Cafe\u{301} Zoe\u{308} the tax would double next year.</p></article></body></html>"
        let article = try ArticleExtractor().extract(Array(decomposed.utf8), path: "decomposed.html")
        #expect(article.text.contains("Caf\u{E9} Zo\u{EB}"))
        #expect(!article.text.unicodeScalars.contains { $0.value == 0x301 || $0.value == 0x308 })
        let text = try ArticleExtractor(options: ExtractionOptions(inputFormat: .text)).extract(Array("Title\n\nJonas said Zoe\u{308} would go.\n".utf8), path: "t.txt")
        #expect(text.text.unicodeScalars.contains { $0.value == 0x308 })
    }
}

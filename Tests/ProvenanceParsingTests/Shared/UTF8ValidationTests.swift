import Testing
import ProvenanceParsing

/// The in-place check agrees with the standard library's decoder.
@Suite struct UTF8ValidationTests {
    @Test(arguments: [
        [], [0x41], Array("Grüße, 世界 🙂".utf8), [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFF], Array("abcdefgh\u{E9}".utf8),
        Array("abcdefgh".utf8) + [0xE2, 0x28, 0xA1], [0xEF, 0xBF, 0xBD], [0xF0, 0x9F, 0x98, 0x80, 0x41],
    ] as [[UInt8]])
    func agreesOnChosenSequences(bytes: [UInt8]) {
        #expect(UTF8Validation.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil))
    }

    /// Random runs of bytes around the boundaries of the encoding, at
    /// every alignment of the eight-byte ASCII step.
    @Test func agreesOnRandomBytes() {
        var generator = SplitMix(seed: 7)
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                                    0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var valid = 0
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 14)
            var bytes: [UInt8] = Array(repeating: 0x61, count: Int(generator.next() % 9))
            for _ in 0..<count { bytes.append(interesting[Int(generator.next() % UInt64(interesting.count))]) }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if expected { valid += 1 }
            #expect(UTF8Validation.isValid(bytes) == expected, "\(bytes)")
        }
        #expect(valid > 100)
    }
}

/// A small seeded generator, so that a failure can be run again.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One pass over UTF-8 gives the scalars the standard library gives.
@Suite struct UnicodeScalarsTests {
    @Test(arguments: ["", "plain ASCII", "Grüße, Straße", "Самые популярные", "日本語のテキスト", "🙂 emoji 👩‍👩‍👧 and \u{10FFFF}", "a\u{0}b\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"])
    func scalarsAreTheStandardLibrarys(text: String) {
        #expect(UnicodeScalars.array(of: text) == Array(text.unicodeScalars))
    }
}

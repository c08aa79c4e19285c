import Foundation
import Testing
import ProvenanceParsing

/// The byte searches give what Foundation's string searches give, for the
/// kinds of separators and markers they are used with.
@Suite struct LiteralSearchTests {
    static let texts = [
        "", "a", "News – Politics – The Daily Ledger", "Café | Le Monde", "— —", "By Ana Ruiz and Tom Lee",
        "«Bonjour» said « », again «", "abcabcab", "||||", "ends with a separator | ",
    ]
    static let needles = [" – ", " | ", "«", "»", "—", "abc", "ab", "|", " and ", "é", "zz", "||"]

    @Test func componentsMatchFoundation() {
        for text in Self.texts {
            for needle in Self.needles {
                #expect(text.components(separatedByLiteral: needle) == text.components(separatedBy: needle), "\(text) / \(needle)")
            }
        }
        #expect("a b".components(separatedByLiteral: "") == ["a b"])
    }

    @Test func containsAndLastRangeMatchFoundation() {
        for text in Self.texts {
            for needle in Self.needles {
                #expect(text.contains(literal: needle) == text.contains(needle), "\(text) / \(needle)")
                let expected = text.range(of: needle, options: .backwards)
                #expect(text.lastRange(ofLiteral: needle) == expected, "\(text) / \(needle)")
            }
        }
        #expect("abc".contains(literal: ""))
    }

    @Test func lastIndexFindsTheLastPlace() {
        let haystack = Array("<p>one</p><p>two</p>".utf8)
        #expect(ByteSearch.lastIndex(of: Array("<p>".utf8), in: haystack) == 10)
        #expect(ByteSearch.lastIndex(of: Array("</p>".utf8), in: haystack) == 16)
        #expect(ByteSearch.lastIndex(of: Array("<p>one".utf8), in: haystack) == 0)
        #expect(ByteSearch.lastIndex(of: Array("<div>".utf8), in: haystack) == nil)
        #expect(ByteSearch.lastIndex(of: [], in: haystack) == haystack.count)
        #expect(ByteSearch.lastIndex(of: Array("a longer needle than the haystack".utf8), in: Array("short".utf8)) == nil)
        #expect(ByteSearch.lastIndex(of: Array("x".utf8), in: []) == nil)
    }
}

import Foundation
import Testing
@testable import ProvenanceAttribution

/// Initials and possessives read on bytes for ASCII words agree with the
/// general reading.
@Suite struct NameBytesTests {
    /// The general reading: words apart by spaces, "of", "the", "and", "for",
    /// "de" and "&" left out in any case, the first character of each word
    /// when it is uppercase.
    static func reference(_ name: String) -> String {
        String(name.split(separator: " ").filter { !["of", "the", "and", "for", "de", "&"].contains($0.lowercased()) }
            .compactMap(\.first).filter(\.isUppercase))
    }

    @Test(arguments: [
        "Korean Central News Agency", "Ministry of Maritime Affairs", "The Associated Press", "Agence France-Presse",
        "Bank Of England", "Procter & Gamble", "  Double  Spaced  Name ", "", "lowercase words only", "U.S. Navy",
        "DE Shaw And Company For Trade", "X", "Council of the EU", "3M Company", "Médecins Sans Frontières",
    ])
    func initialsAgree(name: String) {
        #expect(SourceRegistry.initials(name) == Self.reference(name))
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(SourceRegistry.asciiInitials(name) == Self.reference(name))
        }
    }

    /// Possessives come off a word on bytes as Foundation takes them off.
    @Test(arguments: ["minister's", "ministers'", "it's's", "'s", "s's", "agency", "", "o'sullivan's", "états's"])
    func possessivesComeOff(word: String) {
        #expect(NameReader.withoutPossessives(word) == word.replacingOccurrences(of: "'s", with: ""))
    }
}

import Foundation
import ProvenanceParsing

/// A language claims are read in: its function words, its negations and its
/// stemmer (`Resources/languages.txt`).
final class LanguageProfile: Sendable {
    /// The ISO 639-1 code ("en", "de").
    let code: String
    /// Its place in `Languages.all` (English is 0).
    let number: Int
    /// Snowball's stemmer of the language; nil where Snowball has none (the
    /// words are then cut to their first six letters).
    let stemmer: SnowballStemmer?
    let stopWords: Set<String>
    let negations: Set<String>
    /// What a term of this language starts with, so that no term of one
    /// language is taken for a term of another ("" for English).
    let termPrefix: String

    init(code: String, number: Int, algorithm: String, stopWords: Set<String>, negations: Set<String>) {
        self.code = code
        self.number = number
        stemmer = algorithm == "none" ? nil : SnowballStemmer(algorithm: algorithm)
        self.stopWords = stopWords
        self.negations = negations
        termPrefix = number == 0 ? "" : code + ":"
    }

    var isEnglish: Bool { number == 0 }

    /// The stem of a lowercase word (UTF-8 bytes), without the prefix.
    func stem(_ word: UnsafeBufferPointer<UInt8>) -> String {
        if let stemmer { return stemmer.stem(word) }
        let text = String(decoding: word, as: UTF8.self)
        return String(text.unicodeScalars.prefix(6).map(Character.init))
    }
}

/// The languages of `Resources/languages.txt`, and which one a claim is in.
enum Languages {
    static let all: [LanguageProfile] = load()
    static var english: LanguageProfile { all[0] }

    /// For every listed word, the languages that list it (a bit per
    /// language), found by the word's lowercase UTF-8 bytes.
    private static let marks: ByteKeyTable<UInt32> = {
        var masks: [String: UInt32] = [:]
        for profile in all {
            for word in profile.stopWords.union(profile.negations) { masks[word, default: 0] |= 1 << UInt32(profile.number) }
        }
        return ByteKeyTable(masks.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }()

    /// The profile of a language tag ("de", "de-AT", "pt_BR"), if listed.
    static func profile(tag: String?) -> LanguageProfile? {
        guard let tag, tag.count >= 2 else { return nil }
        let code = String(tag.prefix(2)).lowercased()
        return all.first { $0.code == code }
    }

    /// Counts a word toward the languages that list it.
    static func count(_ word: UnsafeBufferPointer<UInt8>, into hits: inout [Int]) {
        guard var mask = marks[word] else { return }
        while mask != 0 {
            let language = mask.trailingZeroBitCount
            hits[language] += 1
            mask &= mask - 1
        }
    }

    /// The language of a claim with these function-word counts: the one
    /// whose function words it uses most, the document's language winning
    /// ties and near-ties (a claim of two or three words says little), then
    /// English.
    static func choose(hits: [Int], document: LanguageProfile?) -> LanguageProfile {
        var best = document ?? english
        var bestScore = Double(hits[best.number]) + (document == nil ? 0 : documentBonus)
        for profile in all where Double(hits[profile.number]) > bestScore {
            best = profile
            bestScore = Double(hits[profile.number])
        }
        return best
    }

    /// How many function words of another language a claim needs beyond the
    /// document's own count to be read in that other language.
    static let documentBonus = 1.5

    private static func load() -> [LanguageProfile] {
        guard let url = BundledResources.file("languages.txt", target: "ProvenanceGraph"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            return [LanguageProfile(code: "en", number: 0, algorithm: "english", stopWords: [], negations: [])]
        }
        return parse(text)
    }

    /// Sections `[code algorithm]` with `stop:` and `negation:` lines.
    static func parse(_ text: String) -> [LanguageProfile] {
        var sections: [(code: String, algorithm: String, stop: Set<String>, negation: Set<String>)] = []
        for line in text.split(separator: "\n") {
            let line = line.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let fields = line.dropFirst().dropLast().split(separator: " ").map(String.init)
                guard fields.count == 2 else { continue }
                sections.append((fields[0], fields[1], [], []))
                continue
            }
            guard !sections.isEmpty, let colon = line.firstIndex(of: ":") else { continue }
            let words = line[line.index(after: colon)...].split(separator: " ").map { String($0).lowercased() }
            switch line[..<colon] {
            case "stop": sections[sections.count - 1].stop.formUnion(words)
            case "negation": sections[sections.count - 1].negation.formUnion(words)
            default: break
            }
        }
        return sections.prefix(32).enumerated().map { number, section in
            LanguageProfile(
                code: section.code, number: number, algorithm: section.algorithm, stopWords: section.stop,
                negations: section.negation)
        }
    }
}

import Foundation

/// Reads WordNet 3.0 as Debian's `wordnet-base` installs it into the word-sense table of the
/// attribution model: for every single-word verb and noun form, the lexicographer files
/// (WordNet's broad classes: verb.communication, verb.cognition, noun.person…) of its most
/// frequent senses. Inflected forms come from WordNet's exception lists and the regular endings.
struct WordNetReader {
    let folder: URL
    let senses: Int

    func read() throws -> [(form: String, verb: [UInt8], noun: [UInt8])] {
        var verbs = try classes(index: "index.verb", data: "data.verb", in: folder)
        var nouns = try classes(index: "index.noun", data: "data.noun", in: folder)
        try addForms(to: &verbs, exceptions: "verb.exc", in: folder, endings: Self.verbEndings)
        try addForms(to: &nouns, exceptions: "noun.exc", in: folder, endings: Self.nounEndings)
        return Set(verbs.keys).union(nouns.keys).sorted().map { form in
            (form, Array((verbs[form] ?? []).prefix(senses)), Array((nouns[form] ?? []).prefix(senses)))
        }
    }

    /// Lemma → the file numbers of its senses, most frequent first; single-word lemmas only.
    private func classes(index: String, data: String, in folder: URL) throws -> [String: [UInt8]] {
        let dataBytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(data)))
        // A synset's line starts at its offset: "offset lex_filenum ss_type …".
        func fileNumber(at offset: Int) -> UInt8? {
            guard offset + 12 < dataBytes.count else { return nil }
            var position = offset
            while position < dataBytes.count, dataBytes[position] != 0x20 { position += 1 }
            let digits = dataBytes[(position + 1)..<(position + 3)]
            return UInt8(String(decoding: digits, as: UTF8.self))
        }
        var table: [String: [UInt8]] = [:]
        let text = try String(contentsOf: folder.appendingPathComponent(index), encoding: .isoLatin1)
        for line in text.split(separator: "\n") where !line.hasPrefix(" ") {
            let fields = line.split(separator: " ")
            guard fields.count > 4, !fields[0].contains("_"), let count = Int(fields[2]), count > 0, fields.count >= count else { continue }
            let offsets = fields.suffix(count).compactMap { Int($0) }
            var seen: [UInt8] = []
            for offset in offsets {
                if let number = fileNumber(at: offset), !seen.contains(number) { seen.append(number) }
            }
            table[String(fields[0])] = seen
        }
        return table
    }

    private static let verbEndings: [(String, String)] = [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")]
    private static let nounEndings: [(String, String)] = [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("ies", "y")]

    /// Inflected forms: the exception list's, then the regular endings (doubled consonants
    /// included: "admitted", "planning"). A form that is a lemma itself keeps its own classes.
    private func addForms(to table: inout [String: [UInt8]], exceptions: String, in folder: URL, endings: [(String, String)]) throws {
        let lemmas = table
        var forms: [String: [UInt8]] = [:]
        let text = try String(contentsOf: folder.appendingPathComponent(exceptions), encoding: .isoLatin1)
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let classes = lemmas[String(fields[1])] else { continue }
            forms[String(fields[0]), default: []] += classes
        }
        for (lemma, classes) in lemmas.sorted(by: { $0.key < $1.key }) {
            for (ending, base) in endings where lemma.hasSuffix(base) {
                let stem = String(lemma.dropLast(base.count))
                var candidates = [stem + ending]
                if ending == "ed" || ending == "ing", base.isEmpty, let last = stem.last, "bdgklmnprt".contains(last) {
                    candidates.append(stem + String(last) + ending)
                }
                for form in candidates where lemmas[form] == nil && forms[form] == nil { forms[form] = classes }
            }
        }
        for (form, classes) in forms where table[form] == nil {
            var unique: [UInt8] = []
            for number in classes where !unique.contains(number) { unique.append(number) }
            table[form] = unique
        }
    }
}

/// Recognises a line that only gives a date ("Published March 14, 2024
/// 4:42pm GMT", "Updated: 19/11/2019 10:00", "November 20, 2019").
enum DateLine {
    /// The ISO date of `line` when the whole line is a (labelled) date.
    static func date(in line: String) -> String? {
        // Every date has a digit; most lines asked have none.
        guard line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var text = Whitespace.collapse(line)
        guard !text.isEmpty, text.count <= 80 else { return nil }
        let lower = text.lowercased()
        for label in labels where lower.hasPrefix(label) {
            text = String(text.dropFirst(label.count)).trimming([" ", ":", "-", "–", "|"])
            break
        }
        func isSeparator(_ character: Character) -> Bool { character == " " || character == "|" || character == "," }
        // Most lines fail at their first word: no need to split them all.
        let first = text.prefix { !isSeparator($0) }
        if !first.isEmpty, !DateNormalizer.isDateWord(String(first)) { return nil }
        let words = text.split(whereSeparator: isSeparator)
        guard !words.isEmpty, words.count <= 10, words.allSatisfy({ DateNormalizer.isDateWord(String($0)) }) else {
            return nil
        }
        return DateNormalizer.normalize(text)
    }

    private static let labels = [
        "last updated on", "last updated", "last modified", "published on", "published", "updated on", "updated",
        "posted on", "posted", "first published", "date:", "date", "dated", "publié le", "publicado em",
        "publicado el", "publicado", "pubblicato il", "veröffentlicht am", "veröffentlicht", "aktualisiert am",
        "aktualisiert", "zuletzt aktualisiert", "erstellt am", "stand:", "mis à jour le", "mis à jour", "publié",
        "actualizado el", "actualizado", "opublikowano", "aktualizacja", "data publikacji", "aggiornato il",
        "gepubliceerd op", "bijgewerkt op",
    ]
}

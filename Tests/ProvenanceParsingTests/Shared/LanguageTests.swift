import Testing
import ProvenanceParsing

/// The page's language: as the page declares it, or told by its words.
@Suite struct LanguageTests {
    private func page(lang: String?, paragraphs: [String]) -> [UInt8] {
        let attribute = lang.map { " lang=\"\($0)\"" } ?? ""
        return Array("<html\(attribute)><body><article>\(paragraphs.map { "<p>\($0)</p>" }.joined())</article></body></html>".utf8)
    }

    @Test(arguments: [
        ("de", ["Der Hafen wird im Mai für die Reparatur der alten Mauer geschlossen, sagte die Sprecherin am Dienstag.",
                "Die Fähren fahren in dieser Zeit von der anderen Seite ab, und der Fahrplan ändert sich nicht."]),
        ("fr", ["Le port sera fermé en mai pour la réparation du vieux mur, a dit la porte-parole mardi.",
                "Les bacs partiront pendant ce temps de l'autre quai, et les horaires ne changent pas pour les usagers."]),
        ("es", ["El puerto cerrará en mayo para la reparación del viejo muro, dijo la portavoz el martes.",
                "Los transbordadores saldrán durante ese tiempo desde el otro muelle, y el horario no cambia para nadie."]),
        ("pl", ["Port zostanie zamknięty w maju na czas naprawy starego muru, powiedziała we wtorek rzeczniczka.",
                "Promy będą w tym czasie odpływać z drugiego nabrzeża, a rozkład jazdy nie zmieni się, jak podano."]),
        ("en", ["The port will close in May for repairs to the old wall, the spokeswoman said on Tuesday.",
                "Ferries will leave from the other quay while the work goes on, and the timetable will not change."]),
    ])
    func aPageThatDoesNotSayItsLanguageIsToldByItsWords(language: String, paragraphs: [String]) throws {
        let article = try ArticleExtractor().extract(page(lang: nil, paragraphs: paragraphs), path: "page.html")
        #expect(article.metadata.language == language)
    }

    @Test func aDeclaredLanguageIsKept() throws {
        let paragraphs = ["The port will close in May for repairs to the old wall, the spokeswoman said on Tuesday and again today."]
        let article = try ArticleExtractor().extract(page(lang: "en-GB", paragraphs: paragraphs), path: "page.html")
        #expect(article.metadata.language == "en-GB")
    }

    @Test func tooFewWordsTellNoLanguage() throws {
        let article = try ArticleExtractor().extract(page(lang: nil, paragraphs: ["Port closed, May 2021."]), path: "page.html")
        #expect(article.metadata.language == nil)
    }

    @Test func aPlainTextArticleIsToldByItsWords() throws {
        let text = "Der Hafen wird im Mai für die Reparatur der alten Mauer geschlossen, sagte die Sprecherin am Dienstag.\n\n"
            + "Die Fähren fahren in dieser Zeit von der anderen Seite ab, und der Fahrplan ändert sich nicht."
        let article = try ArticleExtractor().extract(Array(text.utf8), path: "story.txt")
        #expect(article.metadata.language == "de")
    }
}

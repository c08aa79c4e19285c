import Foundation

/// Recognises boilerplate by its words alone: app promotions, comment forms,
/// newsletter boxes, share prompts, cookie notices, copyright lines and
/// related headlines set in capitals. Both parsers use it.
enum BoilerplateText {
    /// Why `line` (one block's text) is boilerplate, or nil.
    static func reason(for line: String) -> BoilerplateReason? {
        // One pass over the scalars: words and letter cases. Boilerplate is
        // short, so most paragraphs stop here.
        var words = 0
        var upper = 0
        var lowerLetters = 0
        var inWord = false
        for scalar in line.unicodeScalars {
            let isWordScalar: Bool
            if scalar.isASCII {
                let value = scalar.value
                if value >= 0x41 && value <= 0x5A {
                    upper += 1
                    isWordScalar = true
                } else if value >= 0x61 && value <= 0x7A {
                    lowerLetters += 1
                    isWordScalar = true
                } else {
                    isWordScalar = value >= 0x30 && value <= 0x39
                }
            } else {
                isWordScalar = ScalarProperties.isAlphabetic(scalar) || ScalarProperties.isNumeric(scalar)
                if ScalarProperties.isUppercase(scalar) {
                    upper += 1
                } else if ScalarProperties.isLowercase(scalar) {
                    lowerLetters += 1
                }
            }
            if isWordScalar && !inWord { words += 1 }
            inWord = isWordScalar
            if words > 30 { return nil }
        }
        guard words > 0 || !line.isEmpty else { return nil }
        let collapsed = Whitespace.collapse(line)
        // ASCII lowercased by its bytes; a line with other letters ("Ähnliche Beiträge") in full.
        let lower = collapsed.utf8.allSatisfy { $0 < 0x80 }
            ? Array(collapsed.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            : Array(collapsed.lowercased().utf8)
        if words <= 12 {
            let bare = withoutDecoration(String(decoding: lower, as: UTF8.self))
            if let reason = exactLines[bare] { return reason }
            if isAppPromotion(lower) { return .promotion }
        }
        if let reason = phraseReason(in: lower) { return reason }
        if leadInBytes.contains(where: { lower.starts(with: $0) }) { return .relatedLinks }
        if words <= 30, creditLeadBytes.contains(where: { lower.starts(with: $0) }) { return .metadata }
        if words <= 12, isPictureCredit(lower) { return .imageLabel }
        if isMenu(lower) { return .navigation }
        if words <= 25, isCopyright(lower) { return .copyright }
        if words >= 3, upper >= 12, Double(lowerLetters) <= Double(upper) * 0.05 { return .relatedHeadline }
        return nil
    }

    /// "CLICK HERE TO GET THE FOX NEWS APP", "Download the BBC News app".
    static func isAppPromotion(_ lower: String) -> Bool {
        isAppPromotion(Array(lower.utf8))
    }

    /// The same on the line's lower-case UTF-8 bytes.
    private static func isAppPromotion(_ lower: [UInt8]) -> Bool {
        guard appEndings.contains(where: { lower.reversed().starts(with: $0.reversed()) })
            || NameMatcher.contains(lower, appWord)
        else { return false }
        return promotionLeads.contains { NameMatcher.contains(lower, $0) }
    }

    private static let appEndings = [" app", " app.", " app!", " apps"].map { Array($0.utf8) }
    private static let appWord = Array(" app ".utf8)
    private static let promotionLeads = ["get the ", "download the ", "download our ", "install the ", "try the ", "click here", "tap here"]
        .map { Array($0.utf8) }

    /// The publisher named by an app promotion ("CLICK HERE TO GET THE FOX NEWS
    /// APP" names "FOX NEWS"), as written.
    static func appPromotionPublisher(_ line: String) -> String? {
        let trimmed = Whitespace.collapse(line)
        let lower = trimmed.lowercased()
        guard isAppPromotion(lower) else { return nil }
        for lead in ["get the ", "download the ", "install the ", "try the "] {
            guard let start = lower.range(of: lead),
                let end = lower.range(of: " app", range: start.upperBound..<lower.endIndex)
            else { continue }
            let startOffset = lower.distance(from: lower.startIndex, to: start.upperBound)
            let endOffset = lower.distance(from: lower.startIndex, to: end.lowerBound)
            let name = trimmed.dropFirst(startOffset).prefix(endOffset - startOffset)
            let cleaned = name.trimmingCharacters(in: CharacterSet(charactersIn: " ’'"))
            if !cleaned.isEmpty, cleaned.split(separator: " ").count <= 5 { return cleaned }
        }
        return nil
    }

    private static func isCopyright(_ lower: [UInt8]) -> Bool {
        copyrightLeads.contains { lower.starts(with: $0) } || NameMatcher.contains(lower, allRightsReserved)
    }

    private static let copyrightLeads = ["©", "(c) ", "copyright"].map { Array($0.utf8) }
    private static let allRightsReserved = Array("all rights reserved".utf8)

    /// The reason of the first list of `phrases` with a phrase in `lower`.
    /// One pass over the line: a place is looked at only when a phrase
    /// starts with its two bytes.
    private static func phraseReason(in lower: [UInt8]) -> BoilerplateReason? {
        guard lower.count >= 2 else { return nil }
        var first: Int?
        for index in 0..<(lower.count - 1) {
            let group = Int(phraseGroupOfStart[Int(lower[index]) << 8 | Int(lower[index + 1])])
            guard group > 0 else { continue }
            for (list, phrase) in phraseGroups[group - 1] where first.map({ list < $0 }) ?? true {
                if index + phrase.count <= lower.count, lower[index..<(index + phrase.count)].elementsEqual(phrase) {
                    first = list
                }
            }
        }
        return first.map { phrases[$0].0 }
    }

    /// The phrases grouped by their first two bytes, each with the index of
    /// its list; `phraseGroupOfStart[first << 8 | second]` is 1 + the group's
    /// index, or 0 when no phrase starts so.
    private static let (phraseGroups, phraseGroupOfStart): ([[(list: Int, phrase: [UInt8])]], [UInt16]) = {
        var groups: [[(list: Int, phrase: [UInt8])]] = []
        var groupOfStart = [UInt16](repeating: 0, count: 1 << 16)
        for (list, entry) in phrases.enumerated() {
            for phrase in entry.1 {
                let bytes = Array(phrase.utf8)
                let start = Int(bytes[0]) << 8 | Int(bytes[1])
                if groupOfStart[start] == 0 {
                    groups.append([])
                    groupOfStart[start] = UInt16(groups.count)
                }
                groups[Int(groupOfStart[start]) - 1].append((list, bytes))
            }
        }
        return (groups, groupOfStart)
    }()

    /// Whole lines that are never article text.
    private static let exactLines: [String: BoilerplateReason] = {
        var table: [String: BoilerplateReason] = [:]
        for line in ["leave a reply", "leave a comment", "post a comment", "add a comment", "comments",
                     "show comments", "view comments", "join the conversation", "comment", "reply",
                     "post comment", "cancel reply", "load comments", "comments are closed."] {
            table[line] = .comments
        }
        for line in ["share", "share this", "share this article", "share this story", "share on facebook",
                     "share on twitter", "tweet", "email", "print", "facebook", "twitter", "linkedin",
                     "whatsapp", "pinterest", "reddit", "copy link", "link copied", "share via email",
                     "share article", "share this:", "like this:", "like", "save", "save article"] {
            table[line] = .shareBar
        }
        for line in ["advertisement", "advertising", "sponsored", "sponsored content", "ad", "paid content",
                     "story continues below advertisement", "article continues below advertisement",
                     "continue reading below", "continue reading the main story", "scroll to continue with content",
                     "skip advertisement", "supported by"] {
            table[line] = .advertisement
        }
        for line in ["related", "related articles", "related stories", "related content", "read more",
                     "more stories", "recommended", "recommended for you", "you may also like", "trending",
                     "most popular", "most read", "see also", "more from", "up next", "watch", "watch now",
                     "more on this story", "related topics", "related coverage", "you might also like"] {
            table[line] = .relatedLinks
        }
        for line in ["subscribe", "sign up", "sign in", "log in", "register", "subscribe now",
                     "already a subscriber", "already a subscriber?", "continue reading", "click here",
                     "download the app"] {
            table[line] = .promotion
        }
        for line in ["image", "photo", "picture", "video", "caption", "caption close", "close caption", "image caption",
                     "media caption", "enlarge", "expand", "enlarge this image", "toggle caption", "hide caption",
                     "foto", "bild", "фото", "zdjęcie", "imagen"] {
            table[line] = .imageLabel
        }
        for line in ["skip to main content", "skip to content", "skip navigation", "menu", "search", "home",
                     "close", "open menu", "back to top", "next", "previous", "toggle navigation"] {
            table[line] = .navigation
        }
        // The same lines in the other languages of the pages we read most: German,
        // French, Spanish, Polish.
        for line in ["kommentare", "kommentar schreiben", "commentaires", "laisser un commentaire", "comentarios",
                     "deja un comentario", "dejar un comentario", "komentarze", "dodaj komentarz", "kommentare schreiben",
                     "kommentar verfassen", "kommentieren", "bisherige kommentare", "antworten", "répondre", "responder",
                     "odpowiedz", "écrire un commentaire", "escribe un comentario", "napisz komentarz"] {
            table[line] = .comments
        }
        for line in ["teilen", "artikel teilen", "drucken", "partager", "partager cet article", "imprimer",
                     "compartir", "imprimir", "udostępnij", "drukuj", "mit freunden teilen", "beitrag teilen",
                     "seite teilen", "artikel drucken", "seite drucken", "rezept drucken", "beitrag drucken",
                     "partager sur facebook", "compartir en facebook", "udostępnij na facebooku", "like it? share it!"] {
            table[line] = .shareBar
        }
        for line in ["anzeige", "werbung", "publicité", "publicidad", "reklama"] {
            table[line] = .advertisement
        }
        for line in ["mehr zum thema", "lesen sie auch", "das könnte sie auch interessieren", "weitere artikel",
                     "weiterlesen", "lire aussi", "à lire aussi", "lire la suite", "sur le même sujet", "leer más",
                     "lee también", "te puede interesar", "noticias relacionadas", "czytaj też", "czytaj także",
                     "czytaj więcej", "zobacz też", "zobacz także", "weitere informationen", "weitere infos",
                     "zum weiterlesen", "auch lesen", "das könnte dich auch interessieren",
                     "das thema könnte dich auch interessieren", "weitere beiträge", "ähnliche beiträge",
                     "ähnliche artikel", "empfohlene beiträge", "verwandte themen", "verwandte artikel",
                     "weiterführende links", "weiterführender link", "le puede interesar", "también te puede interesar",
                     "notas relacionadas", "temas relacionados", "artículos relacionados", "puedes ver",
                     "articles similaires", "à lire également", "sur le même thème", "dans la même rubrique",
                     "podobne artykuły", "powiązane artykuły", "czytaj również"] {
            table[line] = .relatedLinks
        }
        for line in ["newsletter abonnieren", "jetzt abonnieren", "abonnieren", "s'abonner", "s’abonner",
                     "abonnez-vous", "suscríbete", "suscribirse", "subskrybuj", "zaloguj się", "anmelden", "se connecter",
                     "iniciar sesión", "jetzt registrieren", "kostenlos registrieren", "newsletter bestellen",
                     "pour lire la suite", "inscrivez-vous", "regístrate", "zarejestruj się", "zaloguj"] {
            table[line] = .promotion
        }
        for line in ["zum inhalt springen", "nach oben", "zurück nach oben", "menü", "suche", "startseite",
                     "aller au contenu", "rechercher", "accueil", "retour en haut", "ir al contenido", "buscar",
                     "inicio", "volver arriba", "przejdź do treści", "szukaj", "strona główna", "zurück",
                     "zurück zur übersicht", "nächster artikel", "vorheriger artikel", "article suivant",
                     "article précédent", "siguiente", "anterior", "następny", "poprzedni"] {
            table[line] = .navigation
        }
        for line in ["impressum", "datenschutz", "datenschutzerklärung", "agb", "nutzungsbedingungen", "kontakt",
                     "mentions légales", "politique de confidentialité", "aviso legal", "política de privacidad",
                     "polityka prywatności", "regulamin"] {
            table[line] = .footer
        }
        return table
    }()

    /// Phrases that mark a short line as boilerplate wherever they occur.
    private static let phrases: [(BoilerplateReason, [String])] = [
        (.comments, ["your email address will not be published", "required fields are marked",
                     "e-mail-adresse wird nicht veröffentlicht", "erforderliche felder sind mit",
                     "votre adresse e-mail ne sera pas publiée", "les champs obligatoires sont indiqués",
                     "tu dirección de correo electrónico no será publicada", "los campos obligatorios están marcados",
                     "twój adres e-mail nie zostanie opublikowany", "wymagane pola są oznaczone",
                     "you must be logged in to post a comment", "comments are closed",
                     "be the first to comment", "notify me of follow-up comments", "notify me of new posts",
                     "save my name, email, and website"]),
        (.newsletter, ["sign up for our newsletter", "subscribe to our newsletter",
                       "newsletter sign-up", "newsletter signup", "enter your email", "get our newsletter",
                       "delivered to your inbox", "straight to your inbox", "newsletter abonnieren",
                       "für unseren newsletter", "inscrivez-vous à notre newsletter", "abonnez-vous à notre newsletter",
                       "suscríbete a nuestro boletín", "suscríbete a nuestro newsletter", "zapisz się do newslettera"]),
        (.cookieBanner, ["we use cookies", "this site uses cookies", "this website uses cookies",
                         "accept all cookies", "cookie policy", "by continuing to use this site",
                         "by using this site, you agree", "wir verwenden cookies", "diese website verwendet cookies",
                         "nous utilisons des cookies", "ce site utilise des cookies", "utilizamos cookies",
                         "este sitio web utiliza cookies", "używamy plików cookie", "korzystamy z plików cookie"]),
        (.promotion, ["click here to", "tap here to", "subscribe now", "subscribe today", "start your free trial",
                      "already a subscriber", "to continue reading", "unlimited digital access",
                      "support our journalism", "become a member", "download our app", "follow us on",
                      "like us on facebook", "follow us on twitter", "folgen sie uns auf", "suivez-nous sur",
                      "síguenos en", "siguenos en", "obserwuj nas", "war dieser artikel hilfreich",
                      "ist dieser beitrag hilfreich", "war der artikel nützlich", "was this article helpful"]),
        (.shareBar, ["share this article", "share on facebook", "share on twitter", "share via email"]),
        (.metadata, ["contributed to this report", "contributed reporting", "contributed to this article",
                     "contributed to this story"]),
    ]

    private static let leadInBytes = leadIns.map { Array($0.utf8) }

    /// Numbers, amounts and signs without a letter ("$915", "’17", "40%"): a
    /// chart's axis, a table's figure, a score. A date alone is a dateline.
    static func isFigure(_ line: String) -> Bool {
        !line.unicodeScalars.contains { ScalarProperties.isAlphabetic($0) }
            && line.unicodeScalars.contains { ScalarProperties.isNumeric($0) }
            && DateLine.date(in: line) == nil
    }

    /// "Order Reprints | Today's Paper | Subscribe": three or more short
    /// items between bars.
    private static func isMenu(_ lower: [UInt8]) -> Bool {
        let items = lower.split(separator: UInt8(ascii: "|"))
        guard items.count >= 3 else { return false }
        return items.allSatisfy { item in item.split(separator: 0x20).count <= 4 }
    }

    /// "A version of this article appears in print on…": where the story ran
    /// in the paper, however long the line.
    static func isPrintNote(_ text: String) -> Bool {
        let lower = Whitespace.collapse(String(text.prefix(80))).lowercased()
        return printNoteLeads.contains { lower.hasPrefix($0) }
    }

    private static let printNoteLeads = ["a version of this article appears in print", "a version of this article appeared in print",
                                         "a version of this story appears in print", "a version of this story appeared in print",
                                         "this article appeared in print", "this story appeared in print",
                                         "appeared in the print edition"]

    /// Whether a line ends as a sentence does: with a full stop, a question or
    /// exclamation mark, an ellipsis, or one of them inside a closing quote.
    static func endsAsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last(where: { !"\"”’»)]".unicodeScalars.contains($0) && !Whitespace.isSpace($0) })
        else { return false }
        return ".!?…:;".unicodeScalars.contains(last)
    }

    /// Whether a (lower-case) paragraph opens as a photo caption does.
    static func opensAsCaption(_ lower: String) -> Bool {
        captionLeads.contains { lower.hasPrefix($0) }
    }

    private static let captionLeads = ["in this photo", "in this image", "in this file photo", "in this undated photo",
                                       "this photo ", "this image ", "pictured:", "pictured above", "photo:", "above:"]

    /// "Jane Doe is a reporter for…", "John Roe covers the White House.",
    /// "Nelson D. Roe has covered economics since 2012.": two to four
    /// capitalised words, a verb, and a word of the trade in the sentence
    /// they begin.
    static func opensAuthorBio(_ text: String) -> Bool {
        let words = text.split(separator: " ", maxSplits: 40).map(String.init)
        guard words.count >= 3 else { return false }
        var names = 0
        while names < min(4, words.count - 1), let first = words[names].unicodeScalars.first,
            ScalarProperties.isUppercase(first)
        {
            names += 1
        }
        guard (2...4).contains(names), bioVerbs.contains(words[names].lowercased()) else { return false }
        // The first sentence after the name (whose initials have full stops of their own).
        var sentence: [String] = []
        for word in words[names...] {
            sentence.append(word.lowercased().trimmingCharacters(in: .punctuationCharacters))
            if word.hasSuffix(".") || sentence.count > 30 { break }
        }
        return sentence.count <= 30 && sentence.contains { bioWords.contains($0) }
    }

    /// A sentence that goes on about the person of a bio ("He joined…").
    static func continuesAuthorBio(_ text: String) -> Bool {
        let first = text.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return bioFollowers.contains(first.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
            && text.split(separator: " ").count <= 60
    }

    private static let bioVerbs: Set<String> = ["is", "covers", "has", "writes", "joined", "was", "reports"]
    private static let bioWords: Set<String> = ["reporter", "correspondent", "writer", "editor", "columnist",
                                                "journalist", "contributor", "covers", "covered", "bureau", "critic",
                                                "producer"]
    private static let bioFollowers: Set<String> = ["he", "she", "they", "his", "her", "their", "previously", "since",
                                                    "before"]

    private static let creditLeadBytes = creditLeads.map { Array($0.utf8) }

    /// A picture's credit standing alone: "Photo: Jane Roe", "(Image credit:
    /// NASA)", "(Jane Roe/AFP/Getty Images)".
    private static func isPictureCredit(_ lower: [UInt8]) -> Bool {
        if pictureCreditLeadBytes.contains(where: { lower.starts(with: $0) }) { return true }
        return lower.first == UInt8(ascii: "(") && lower.last == UInt8(ascii: ")") && lower.contains(UInt8(ascii: "/"))
    }

    private static let pictureCreditLeadBytes = pictureCreditLeads.map { Array($0.utf8) }

    private static let pictureCreditLeads = ["photo:", "photos:", "image:", "images:", "picture:", "photograph:",
                                             "photo credit", "image credit", "(photo", "(image", "(picture", "foto:",
                                             "bild:", "фото:", "zdjęcie:", "imagen:"]

    /// The signature under an embedded social post: "— Jane Roe (@janeroe)
    /// October 31, 2021".
    static func isEmbedSignature(_ line: String) -> Bool {
        guard line.unicodeScalars.count <= 160, ["— ", "– ", "- "].contains(where: { line.hasPrefix($0) }) else { return false }
        return line.contains("(@")
    }

    /// Lead-ins of the credit lines under a story, which name its reporters
    /// and editors rather than say anything.
    private static let creditLeads = ["additional reporting by", "reporting by", "editing by", "edited by",
                                      "compiled by", "writing by", "produced by", "follow him on", "follow her on",
                                      "follow them on"]

    /// Lead-ins of a related-story line ("Related: Chicago is America's…").
    private static let leadIns = ["read more:", "related:", "see also:", "read also:", "also read:", "more:",
                                  "read more »", "related stories:", "related article:", "watch:", "listen:",
                                  "recommended:", "read next:", "don't miss:", "must read:",
                                  // German, French, Spanish, Polish, Italian
                                  "lesen sie auch:", "lesen sie mehr:", "mehr dazu:", "auch interessant:", "lire aussi :",
                                  "lire aussi:", "à lire aussi :", "à lire aussi:", "lea también:", "lee también:",
                                  "lea más:", "puedes ver:", "te puede interesar:", "czytaj też:", "czytaj także:",
                                  "zobacz też:", "zobacz także:", "leggi anche:"]

    /// `line` without the punctuation lines are decorated with at either end.
    private static func withoutDecoration(_ line: String) -> String {
        let scalars = line.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, lineDecoration.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, lineDecoration.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    private static let lineDecoration = Set(":.!…>»|•·-–—*# ".unicodeScalars)
}

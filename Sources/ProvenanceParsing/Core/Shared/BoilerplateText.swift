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
        let lower = Array(Whitespace.collapse(line).utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        if words <= 12 {
            let bare = withoutDecoration(String(decoding: lower, as: UTF8.self))
            if let reason = exactLines[bare] { return reason }
            if isAppPromotion(lower) { return .promotion }
        }
        if let reason = phraseReason(in: lower) { return reason }
        if leadInBytes.contains(where: { lower.starts(with: $0) }) { return .relatedLinks }
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
        for line in ["skip to main content", "skip to content", "skip navigation", "menu", "search", "home",
                     "close", "open menu", "back to top", "next", "previous", "toggle navigation"] {
            table[line] = .navigation
        }
        // The same lines in the other languages of the pages we read most: German,
        // French, Spanish, Polish.
        for line in ["kommentare", "kommentar schreiben", "commentaires", "laisser un commentaire", "comentarios",
                     "deja un comentario", "dejar un comentario", "komentarze", "dodaj komentarz"] {
            table[line] = .comments
        }
        for line in ["teilen", "artikel teilen", "drucken", "partager", "partager cet article", "imprimer",
                     "compartir", "imprimir", "udostępnij", "drukuj"] {
            table[line] = .shareBar
        }
        for line in ["anzeige", "werbung", "publicité", "publicidad", "reklama"] {
            table[line] = .advertisement
        }
        for line in ["mehr zum thema", "lesen sie auch", "das könnte sie auch interessieren", "weitere artikel",
                     "weiterlesen", "lire aussi", "à lire aussi", "lire la suite", "sur le même sujet", "leer más",
                     "lee también", "te puede interesar", "noticias relacionadas", "czytaj też", "czytaj także",
                     "czytaj więcej", "zobacz też", "zobacz także"] {
            table[line] = .relatedLinks
        }
        for line in ["newsletter abonnieren", "jetzt abonnieren", "abonnieren", "s'abonner", "s’abonner",
                     "abonnez-vous", "suscríbete", "suscribirse", "subskrybuj", "zaloguj się", "anmelden", "se connecter",
                     "iniciar sesión"] {
            table[line] = .promotion
        }
        for line in ["zum inhalt springen", "nach oben", "zurück nach oben", "menü", "suche", "startseite",
                     "aller au contenu", "rechercher", "accueil", "retour en haut", "ir al contenido", "buscar",
                     "inicio", "volver arriba", "przejdź do treści", "szukaj", "strona główna"] {
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
                     "you must be logged in to post a comment", "comments are closed",
                     "be the first to comment", "notify me of follow-up comments", "notify me of new posts",
                     "save my name, email, and website"]),
        (.newsletter, ["sign up for our newsletter", "subscribe to our newsletter",
                       "newsletter sign-up", "newsletter signup", "enter your email", "get our newsletter",
                       "delivered to your inbox", "straight to your inbox"]),
        (.cookieBanner, ["we use cookies", "this site uses cookies", "this website uses cookies",
                         "accept all cookies", "cookie policy", "by continuing to use this site",
                         "by using this site, you agree"]),
        (.promotion, ["click here to", "tap here to", "subscribe now", "subscribe today", "start your free trial",
                      "already a subscriber", "to continue reading", "unlimited digital access",
                      "support our journalism", "become a member", "download our app", "follow us on",
                      "like us on facebook", "follow us on twitter"]),
        (.shareBar, ["share this article", "share on facebook", "share on twitter", "share via email"]),
    ]

    private static let leadInBytes = leadIns.map { Array($0.utf8) }

    /// Lead-ins of a related-story line ("Related: Chicago is America's…").
    private static let leadIns = ["read more:", "related:", "see also:", "read also:", "also read:", "more:",
                                  "read more »", "related stories:", "related article:", "watch:", "listen:",
                                  "recommended:", "read next:", "don't miss:", "must read:"]

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

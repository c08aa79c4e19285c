/// The words ``BoilerplateText`` recognises boilerplate by: whole lines, phrases
/// and lead-ins, in English and the other languages of the pages we read most
/// (German, French, Spanish, Polish). All lowercase; written for this project.
enum BoilerplateWords {
    /// How an app promotion ends or what it names ("… news app", "the app"), and how it
    /// asks ("get the …", "click here").
    static let appEndings = [" app", " app.", " app!", " apps"]
    static let appWord = " app "
    static let promotionLeads = appPublisherLeads + ["download our ", "click here", "tap here"]
    /// The leads an app promotion names its publisher after ("get the Fox News app").
    static let appPublisherLeads = ["get the ", "download the ", "install the ", "try the "]

    /// How a copyright line opens, or what it says.
    static let copyrightLeads = ["©", "(c) ", "copyright"]
    static let allRightsReserved = "all rights reserved"

    /// Whole lines that are never article text.
    static let exactLines: [String: BoilerplateReason] = {
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
    static let phrases: [(BoilerplateReason, [String])] = [
        (.comments, ["your email address will not be published", "required fields are marked",
                     "e-mail-adresse wird nicht veröffentlicht", "erforderliche felder sind mit",
                     "votre adresse e-mail ne sera pas publiée", "les champs obligatoires sont indiqués",
                     "tu dirección de correo electrónico no será publicada", "los campos obligatorios están marcados",
                     "twój adres e-mail nie zostanie opublikowany", "wymagane pola są oznaczone",
                     "you must be logged in to post a comment", "comments are closed",
                     "be the first to comment", "notify me of follow-up comments", "notify me of new posts",
                     "save my name, email, and website"]),
        (.relatedLinks, ["auch interessieren", "ebenfalls interessieren"]),
        (.newsletter, ["unsubscribe at any time", "withdraw your consent", "einwilligung jederzeit", "jederzeit widerrufen",
                       "désinscrire à tout moment", "darte de baja en cualquier momento",
                       "sign up for our newsletter", "subscribe to our newsletter",
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
                     "contributed to this story", "percent daily values are based on"]),
    ]

    /// Where the story ran in the paper.
    static let printNoteLeads = ["a version of this article appears in print", "a version of this article appeared in print",
                                         "a version of this story appears in print", "a version of this story appeared in print",
                                         "this article appeared in print", "this story appeared in print",
                                         "appeared in the print edition"]

    /// How a photo caption opens.
    static let captionLeads = ["in this photo", "in this image", "in this file photo", "in this undated photo",
                                       "this photo ", "this image ", "pictured:", "pictured above", "photo:", "above:"]

    /// An author's bio: the verb after the name, a word of the trade, the words a following sentence opens with.
    static let bioVerbs: Set<String> = ["is", "covers", "has", "writes", "joined", "was", "reports"]
    static let bioWords: Set<String> = ["reporter", "correspondent", "writer", "editor", "columnist",
                                                "journalist", "contributor", "covers", "covered", "bureau", "critic",
                                                "producer"]
    static let bioFollowers: Set<String> = ["he", "she", "they", "his", "her", "their", "previously", "since",
                                                    "before"]

    /// How a picture's credit standing alone opens.
    static let pictureCreditLeads = ["photo:", "photos:", "image:", "images:", "picture:", "photograph:",
                                             "photo credit", "image credit", "(photo", "(image", "(picture", "foto:",
                                             "bild:", "фото:", "zdjęcie:", "imagen:"]

    /// Lead-ins of the credit lines under a story, which name its reporters
    /// and editors rather than say anything.
    static let creditLeads = ["additional reporting by", "reporting by", "editing by", "edited by",
                                      "compiled by", "writing by", "produced by", "follow him on", "follow her on",
                                      "follow them on"]

    /// Lead-ins of a related-story line ("Related: Chicago is America's…").
    static let leadIns = ["read more:", "related:", "see also:", "read also:", "also read:", "more:",
                                  "read more »", "related stories:", "related article:", "watch:", "listen:",
                                  "recommended:", "read next:", "don't miss:", "must read:",
                                  // German, French, Spanish, Polish, Italian
                                  "lesen sie auch:", "lesen sie mehr:", "mehr dazu:", "auch interessant:", "lire aussi :",
                                  "lire aussi:", "à lire aussi :", "à lire aussi:", "lea también:", "lee también:",
                                  "lea más:", "puedes ver:", "te puede interesar:", "czytaj też:", "czytaj także:",
                                  "zobacz też:", "zobacz także:", "leggi anche:"]

    /// Punctuation lines are decorated with at either end.
    static let lineDecoration = Set(":.!…>»|•·-–—*# ".unicodeScalars)
}

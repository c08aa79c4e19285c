/// The commonest words of the languages our pages come in — articles,
/// pronouns, prepositions, conjunctions, auxiliaries — lowercase, one list
/// per language (ISO 639-1 code). They tell a page's language when it does
/// not say it (``LanguageDetector``), and prose from labels and menus (the
/// block model reads the share of a block's words found here).
///
/// A word common to two languages is listed under both; the detector counts
/// only the words that tell the languages apart.
enum LanguageWords {
    static let lists: [(language: String, words: [String])] = [
        ("en", [
            "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as", "he", "be",
            "at", "by", "this", "had", "not", "are", "but", "from", "or", "have", "an", "they", "which", "you",
            "were", "her", "she", "there", "been", "has", "their", "we", "his", "would", "will", "can", "more",
            "when", "who", "what", "said", "its", "also", "into", "than", "them", "these", "after", "about",
            "could", "other", "our", "only", "over", "such", "some", "there", "should", "because", "while",
        ]),
        ("de", [
            "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im",
            "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie",
            "nach", "wird", "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über", "einen", "so",
            "zum", "war", "haben", "nur", "oder", "aber", "vor", "zur", "bis", "mehr", "durch", "man", "sein",
            "wurde", "sei", "ich", "wir", "ihr", "können", "kann", "schon", "wenn", "diese", "dieser", "gibt",
        ]),
        ("fr", [
            "de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est", "pour", "qui", "dans",
            "par", "plus", "pas", "au", "sur", "ne", "se", "ce", "il", "sont", "aux", "avec", "son", "sa", "elle",
            "mais", "ont", "été", "nous", "vous", "leur", "leurs", "cette", "comme", "ou", "aussi", "tout", "très",
            "sans", "entre", "après", "fait", "être", "avait", "était", "ces", "ils", "lui", "dont", "où", "même",
        ]),
        ("es", [
            "de", "la", "que", "el", "en", "y", "a", "los", "del", "se", "las", "por", "un", "para", "con", "no",
            "una", "su", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o", "este", "sí", "porque", "esta",
            "entre", "cuando", "muy", "sin", "sobre", "también", "me", "hasta", "hay", "donde", "quien", "desde",
            "todo", "nos", "durante", "todos", "uno", "les", "ni", "contra", "otros", "ese", "eso", "ha", "fue",
            "está", "son", "ser", "dijo", "según", "han", "tiene",
        ]),
        ("pl", [
            "i", "w", "nie", "na", "się", "z", "do", "to", "że", "jest", "o", "jak", "ale", "po", "co", "tak",
            "za", "od", "przez", "jego", "już", "tym", "czy", "dla", "tylko", "być", "jej", "lub", "ten", "ta",
            "są", "które", "który", "która", "także", "oraz", "może", "przy", "jednak", "było", "został", "będzie",
            "bardzo", "jeszcze", "tego", "tej", "mnie", "sobie", "więc", "gdy", "kiedy", "teraz", "pod", "nad",
        ]),
        ("pt", [
            "de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "é", "com", "não", "uma", "os", "no",
            "se", "na", "por", "mais", "as", "dos", "como", "mas", "foi", "ao", "ele", "das", "tem", "à", "seu",
            "sua", "ou", "ser", "quando", "muito", "há", "nos", "já", "está", "eu", "também", "só", "pelo", "pela",
            "até", "isso", "ela", "entre", "era", "depois", "sem", "mesmo", "aos", "ter", "seus", "quem", "nas",
        ]),
        ("it", [
            "di", "e", "il", "la", "che", "a", "per", "in", "un", "è", "del", "non", "una", "della", "i", "le",
            "si", "con", "da", "al", "lo", "dei", "come", "più", "anche", "nel", "sono", "ma", "alla", "gli",
            "ha", "delle", "questo", "suo", "sua", "nella", "dalla", "essere", "stato", "tra", "ci", "se", "o",
            "quando", "molto", "anche", "dopo", "questa", "hanno", "sul", "degli", "ai",
        ]),
        ("nl", [
            "de", "en", "van", "het", "een", "in", "is", "dat", "op", "te", "zijn", "voor", "met", "die", "niet",
            "aan", "er", "om", "ook", "als", "bij", "of", "door", "naar", "maar", "wordt", "heeft", "dan", "nog",
            "uit", "werd", "ze", "hij", "was", "kan", "tot", "over", "geen", "wel", "meer", "worden", "deze",
            "zou", "zich", "hebben", "wat", "onder", "al", "na", "hun",
        ]),
    ]
}

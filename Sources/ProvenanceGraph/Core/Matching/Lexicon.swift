import ProvenanceParsing

/// Word lists for matching claims (data). Lowercase.
enum Lexicon {
    /// English negations and function words: `Resources/languages.txt`.
    static var negations: Set<String> { Languages.english.negations }

    /// Words that state the opposite of another: each counts as a negation of
    /// that other word.
    static let polarity: [String: String] = [
        "denied": "confirmed", "denies": "confirms", "deny": "confirm", "refused": "granted", "refuses": "grants",
        "criticised": "praised", "criticized": "praised", "criticises": "praises", "criticizes": "praises",
        "sell": "buy", "sold": "bought", "sells": "buys", "lost": "won", "lose": "win", "loses": "wins",
        "unfit": "fit", "unable": "able", "unlikely": "likely", "unsafe": "safe", "illegal": "legal",
        "failed": "succeeded", "fails": "succeeds", "rejected": "approved", "rejects": "approves",
        "opposed": "supported", "opposes": "supports", "acquitted": "convicted", "cancelled": "planned",
        "canceled": "planned", "left": "joined", "quit": "joined", "withdrew": "confirmed",
    ]

    /// Numbers written as words, and months, as the numbers they stand for.
    static let numberWords: [String: String] = [
        "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
        "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
        "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
        "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80",
        "ninety": "90", "hundred": "100", "dozen": "12", "half": "0.5", "third": "0.333", "quarter": "0.25",
        "twice": "2", "double": "2",
        "january": "m1", "february": "m2", "march": "m3", "april": "m4", "june": "m6", "july": "m7",
        "august": "m8", "september": "m9", "october": "m10", "november": "m11", "december": "m12",
        "monday": "d1", "tuesday": "d2", "wednesday": "d3", "thursday": "d4", "friday": "d5", "saturday": "d6",
        "sunday": "d7",
    ]

    static let scales: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]
    static let scaleSuffixes: [(String, Double)] = [("bn", 1e9), ("m", 1e6), ("k", 1e3)]

    /// Function words, reporting verbs and filler that say nothing about the claim.
    static var stopWords: Set<String> { Languages.english.stopWords }

    /// Words that scale a number ("1.2 billion", "1.2bn"): units, not content.
    static let scaleWords: [String: String] = [
        "billion": "b", "bn": "b", "million": "m", "mn": "m", "thousand": "k", "percent": "%", "per": "%",
        "cent": "%", "pct": "%", "trillion": "t",
    ]

    /// Words a rewrite swaps for each other, mapped to one of them.
    static let synonyms: [String: String] = {
        let groups: [[String]] = [
            ["increase", "raise", "raised", "raises", "raising", "lift", "lifted", "lifts", "hike", "hiked", "boost",
             "boosted", "rise", "rose", "risen", "rises", "grow", "grew", "grown", "growth", "climb", "climbed", "jump",
             "jumped", "surge", "surged", "increased", "increases", "increasing", "higher", "soar", "soared"],
            ["decrease", "cut", "cuts", "lower", "lowered", "reduce", "reduced", "reduction", "fall", "fell", "fallen",
             "falls", "drop", "dropped", "drops", "decline", "declined", "declines", "slide", "slid", "plunge",
             "plunged", "sink", "sank", "dip", "dipped", "decreased", "shrink", "shrank"],
            ["home", "homes", "house", "houses", "dwelling", "dwellings", "residence", "residences"],
            ["die", "died", "dead", "death", "deaths", "killed", "kill", "kills", "fatal", "fatalities", "lives"],
            ["fire", "fires", "blaze", "blazes", "flames", "wildfire", "wildfires"],
            ["country", "countries", "nation", "nations", "national"],
            ["company", "companies", "firm", "firms", "business", "businesses", "group"],
            ["vaccinate", "vaccinated", "vaccination", "vaccinations", "immunise", "immunised", "immunize",
             "immunized", "immunisation", "immunization", "inoculate", "inoculated", "jab", "jabs", "vaccine",
             "vaccines"],
            ["buy", "bought", "buys", "purchase", "purchased", "acquire", "acquired", "acquisition", "takeover"],
            ["start", "started", "begin", "began", "begun", "launch", "launched", "commence", "commenced"],
            ["large", "big", "major", "huge", "massive", "sizable", "significant"],
            ["small", "little", "minor", "modest", "slight"],
            ["talks", "negotiations", "negotiation", "discussions"],
            ["meeting", "session", "summit", "conference", "plenary"],
            ["deal", "agreement", "accord", "pact", "treaty"],
            ["child", "children", "kids", "youngsters", "infants"],
            ["cooperation", "collaboration", "cooperate", "collaborate", "partnership", "cooperating"],
            ["expand", "expansion", "widen", "widening", "broaden", "extend", "extension", "enlarge"],
            ["price", "prices", "cost", "costs"],
            ["ban", "banned", "prohibit", "prohibited", "outlaw", "outlawed", "bar", "barred"],
            ["approve", "approved", "approval", "pass", "passed", "adopt", "adopted", "endorse", "endorsed"],
            ["reject", "rejected", "refuse", "refused", "rebuff", "rebuffed", "dismissed"],
            ["warn", "warned", "warning", "caution", "cautioned"],
            ["attack", "attacks", "attacked", "assault", "strike", "strikes"],
            ["arrest", "arrested", "detain", "detained", "apprehend", "apprehended"],
            ["leader", "chief", "head"],
            ["military", "army", "forces", "troops", "soldiers"],
            ["war", "conflict", "fighting", "hostilities"],
            ["protest", "protests", "demonstration", "demonstrations", "rally", "rallies", "protesters", "demonstrators"],
            ["accelerate", "speed", "hasten", "quicken"],
            ["emphasize", "emphasise", "emphasized", "stress", "stressed", "underscore", "underscored", "highlight",
             "highlighted", "importance"],
            ["need", "needs", "necessity", "necessary", "require", "required"],
            ["infection", "infections", "case", "cases"],
            ["lawmakers", "legislators", "parliamentarians", "deputies", "mps"],
            ["parliament", "legislature", "assembly"],
            ["government", "administration", "cabinet", "authorities"],
            ["quit", "resign", "resigned", "resignation", "stepped", "step"],
            ["storm", "hurricane", "typhoon", "cyclone"],
            ["flood", "floods", "flooding", "flooded", "inundated"],
            ["doctor", "doctors", "physician", "physicians", "medics"],
            ["hospital", "hospitals", "clinic", "clinics"],
            ["job", "jobs", "posts", "positions", "employment"],
            ["worker", "workers", "staff", "employees", "personnel"],
            ["money", "funds", "funding", "cash"],
            ["rule", "ruled", "ruling", "decide", "decided", "decision"],
            ["sue", "sued", "lawsuit", "suit"],
            ["court", "tribunal"],
            ["investigate", "investigation", "probe", "inquiry"],
            ["accuse", "accused", "allege", "alleged", "accusation", "charge", "charged"],
            ["annual", "yearly", "annually"],
            ["traditional", "traditionally", "historically", "customary", "customarily", "usually"],
            ["speak", "spoke", "spoken", "speaks", "address", "addressed", "addresses", "speech", "speeches", "remarks"],
            ["united", "u.s", "us", "america", "american"],
            ["recap", "recaps", "review", "summary"],
        ]
        var table: [String: String] = [:]
        for group in groups {
            for word in group where table[word] == nil { table[word] = group[0] }
        }
        return table
    }()

    /// All the lexicon says of one word, so that reading a claim looks each
    /// word up once.
    struct Entry: Sendable {
        var scale: Double?
        var number: String?
        var isNegation = false
        var opposite: String?
        var isStop = false
        var synonym: String?
        var isScaleWord = false
        var isDecade = false
        /// "year", "week"…: what "this", "next", "last" count.
        var isPeriod = false
        /// "next" → "+1": the offset a period word after it gets.
        var periodOffset: String?
        /// A form of "to be", before a passive participle.
        var isBe = false
    }

    static let entries: [String: Entry] = {
        var entries: [String: Entry] = [:]
        func update(_ word: String, _ change: (inout Entry) -> Void) {
            var entry = entries[word] ?? Entry()
            change(&entry)
            entries[word] = entry
        }
        for (word, factor) in scales { update(word) { $0.scale = factor } }
        for (word, value) in numberWords { update(word) { $0.number = value } }
        for word in negations { update(word) { $0.isNegation = true } }
        for (word, opposite) in polarity { update(word) { $0.opposite = opposite } }
        for word in stopWords { update(word) { $0.isStop = true } }
        for (word, synonym) in synonyms { update(word) { $0.synonym = synonym } }
        for word in scaleWords.keys { update(word) { $0.isScaleWord = true } }
        for word in ["decade", "decades"] { update(word) { $0.isDecade = true } }
        for word in ["year", "week", "month", "quarter"] { update(word) { $0.isPeriod = true } }
        for (word, offset) in ["this": "0", "next": "+1", "last": "-1", "previous": "-1"] { update(word) { $0.periodOffset = offset } }
        for word in ["was", "were", "been", "being", "is", "are"] { update(word) { $0.isBe = true } }
        return entries
    }()

    /// The entries, found by a word's bytes.
    static let table = Table(entries)

    /// The entries with the stems their synonyms and opposites (which are
    /// only ever stemmed) come to, found by a word's UTF-8 bytes.
    struct Table: Sendable {
        private(set) var entries: [Entry] = []
        /// The stem of each entry's synonym, if it has one.
        private(set) var synonymStems: [String?] = []
        /// The stem of each entry's opposite, if it has one.
        private(set) var oppositeStems: [String?] = []
        /// The same two by Snowball's English stemmer.
        private(set) var synonymSnowballStems: [String?] = []
        private(set) var oppositeSnowballStems: [String?] = []
        /// The entries' words; an entry's number is its word's in this table.
        private let words: ByteKeyIndex

        init(_ dictionary: [String: Entry]) {
            let sorted = dictionary.sorted { $0.key < $1.key }
            words = ByteKeyIndex(sorted.map(\.key))
            entries = sorted.map(\.value)
            synonymStems = entries.map { $0.synonym.map(Stemmer.stem) }
            oppositeStems = entries.map { $0.opposite.map(Stemmer.stem) }
            func snowball(_ word: String) -> String {
                var word = word
                return word.withUTF8 { Languages.english.stem($0) }
            }
            synonymSnowballStems = entries.map { $0.synonym.map(snowball) }
            oppositeSnowballStems = entries.map { $0.opposite.map(snowball) }
        }

        /// The number of the entry for `word` (lowercase UTF-8), if it has one.
        func entry(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
            words.index(of: word)
        }
    }
}

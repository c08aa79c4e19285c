import ProvenanceParsing

/// The verbs that report speech, writing and thought, in every form, each
/// with its dictionary form and how strongly it signals an attribution.
enum ReportingVerbs {
    /// How a verb reports.
    enum Strength: Sendable {
        /// Says somebody said something: "said", "told", "warned".
        case speech
        /// Reports a belief or expectation; an attribution only with a clause
        /// after it: "expects (that) …", "believes …".
        case cognition
        /// Names a speech act without reporting its words ("offered",
        /// "outlined"); an attribution only when quoted words follow.
        case weak
    }

    struct Entry: Sendable {
        var lemma: String
        var strength: Strength
        /// A participle or gerund ("saying", "underscoring").
        var isParticiple: Bool
        /// A past participle that can follow "was"/"were" ("reported", "told").
        var isPastParticiple: Bool
    }

    /// Verbs that report another speaker inside reported content ("X reported
    /// that Y said C").
    static let nestingLemmas: WordSet = [
        "say", "tell", "report", "announce", "claim", "state", "warn", "confirm", "deny", "insist", "add", "write",
        "note", "argue", "declare", "explain", "predict", "suggest", "acknowledge", "admit", "stress", "emphasize",
        "emphasise", "tweet", "post", "reveal", "assert",
    ]

    /// Verbs whose participle after a comma reports for the sentence's
    /// subject ("…, underscoring his desire to …").
    static let participleLemmas: WordSet = [
        "say", "add", "note", "warn", "stress", "emphasize", "emphasise", "underscore", "insist", "argue", "claim",
        "explain", "highlight", "signal", "call", "urge", "acknowledge", "suggest", "assert", "declare", "announce",
        "predict", "indicate", "tell", "write", "describe", "caution", "reiterate", "concede", "admit", "vow",
        "pledge", "promise", "contend", "maintain", "state", "observe", "point", "underline", "recall", "reveal",
        "confirm", "deny", "clarify", "tweet", "post", "report", "rule",
    ]

    /// The entry for a lowercased word form, if it is a reporting verb.
    static func entry(for form: String) -> Entry? {
        forms.index(of: form).map { entries[$0] }
    }

    private static let speech = [
        "say", "tell", "report", "write", "add", "note", "state", "claim", "argue", "warn", "stress", "clarify",
        "emphasize", "emphasise", "underscore", "announce", "insist", "tweet", "post", "call", "describe", "explain",
        "acknowledge", "admit", "assert", "confirm", "deny", "declare", "suggest", "predict", "indicate", "highlight",
        "urge", "vow", "pledge", "promise", "reveal", "disclose", "recall", "concede", "contend", "maintain",
        "observe", "remark", "reply", "respond", "comment", "testify", "allege", "complain", "boast", "caution",
        "agree", "answer", "ask", "demand", "propose", "recommend", "reiterate", "repeat", "conclude", "counter",
        "retort", "quip", "joke", "lament", "affirm", "assure", "charge", "exclaim", "shout", "mention", "signal",
        "hint", "forecast", "project", "find", "show", "advise", "inform", "brief", "swear", "guarantee",
        "recount", "cite", "quote", "characterize", "characterise", "refer", "continue", "threaten", "contend",
        "opine", "muse", "speculate", "point", "stress", "estimate", "calculate", "accuse", "blame", "welcome",
        "criticize", "criticise", "praise", "concur", "dispute", "reject", "rebut", "underline", "specify",
        "conclude", "proclaim", "publish", "broadcast", "relay", "announce", "acknowledge", "admit", "rule",
    ]

    private static let cognition = [
        "believe", "think", "expect", "hope", "fear", "feel", "know", "doubt", "worry", "anticipate", "suspect",
        "assume", "understand", "reckon", "figure", "wonder", "recognize", "recognise", "realize", "realise",
        "consider", "hold", "envision", "foresee", "imagine", "guess",
    ]

    private static let weak = [
        "offer", "outline", "present", "lay", "set", "deliver", "give", "share", "list", "detail", "voice",
        "express", "label", "dub", "brand", "term", "nickname", "hail", "decry", "denounce", "condemn",
    ]

    /// Forms that do not follow the regular rules: past, past participle,
    /// third person, gerund.
    private static let irregular: [String: (String, String, String, String)] = [
        "say": ("said", "said", "says", "saying"),
        "tell": ("told", "told", "tells", "telling"),
        "write": ("wrote", "written", "writes", "writing"),
        "find": ("found", "found", "finds", "finding"),
        "show": ("showed", "shown", "shows", "showing"),
        "swear": ("swore", "sworn", "swears", "swearing"),
        "think": ("thought", "thought", "thinks", "thinking"),
        "know": ("knew", "known", "knows", "knowing"),
        "feel": ("felt", "felt", "feels", "feeling"),
        "hold": ("held", "held", "holds", "holding"),
        "understand": ("understood", "understood", "understands", "understanding"),
        "foresee": ("foresaw", "foreseen", "foresees", "foreseeing"),
        "lay": ("laid", "laid", "lays", "laying"),
        "set": ("set", "set", "sets", "setting"),
        "give": ("gave", "given", "gives", "giving"),
        "broadcast": ("broadcast", "broadcast", "broadcasts", "broadcasting"),
        "forecast": ("forecast", "forecast", "forecasts", "forecasting"),
        "quip": ("quipped", "quipped", "quips", "quipping"),
        "refer": ("referred", "referred", "refers", "referring"),
        "rebut": ("rebutted", "rebutted", "rebuts", "rebutting"),
        "admit": ("admitted", "admitted", "admits", "admitting"),
        "concur": ("concurred", "concurred", "concurs", "concurring"),
        "dub": ("dubbed", "dubbed", "dubs", "dubbing"),
    ]

    /// Every form, found by its bytes (asked for nearly every word of a
    /// text), and its entry under the same number.
    private static let forms = ByteKeyIndex(table.keys.sorted())
    private static let entries = table.keys.sorted().map { table[$0]! }

    private static let table: [String: Entry] = {
        var table: [String: Entry] = [:]
        func add(_ lemma: String, _ strength: Strength) {
            let (past, pastParticiple, third, gerund) = irregular[lemma] ?? regularForms(lemma)
            let forms: [(String, Bool, Bool)] = [
                (lemma, false, false), (third, false, false), (past, false, past == pastParticiple),
                (pastParticiple, false, true), (gerund, true, false),
            ]
            for (form, isParticiple, isPastParticiple) in forms {
                if let existing = table[form] {
                    if isPastParticiple && existing.lemma == lemma { table[form]?.isPastParticiple = true }
                    continue
                }
                table[form] = Entry(lemma: lemma, strength: strength, isParticiple: isParticiple, isPastParticiple: isPastParticiple)
            }
            // British spellings of the participles come along: "signalled".
            if lemma.hasSuffix("al") || lemma.hasSuffix("el") {
                let doubled = lemma + "l"
                table[doubled + "ed"] = Entry(lemma: lemma, strength: strength, isParticiple: false, isPastParticiple: true)
                table[doubled + "ing"] = Entry(lemma: lemma, strength: strength, isParticiple: true, isPastParticiple: false)
            }
        }
        speech.forEach { add($0, .speech) }
        cognition.forEach { add($0, .cognition) }
        weak.forEach { add($0, .weak) }
        return table
    }()

    /// "report" → reported, reports, reporting; "note" → noted…; "clarify" →
    /// clarified, clarifies; "stress" → stresses.
    private static func regularForms(_ lemma: String) -> (String, String, String, String) {
        if lemma.hasSuffix("e") {
            return (lemma + "d", lemma + "d", lemma + "s", String(lemma.dropLast()) + "ing")
        }
        if lemma.hasSuffix("y"), let before = lemma.dropLast().last, !"aeiou".contains(before) {
            let stem = String(lemma.dropLast())
            return (stem + "ied", stem + "ied", stem + "ies", lemma + "ing")
        }
        let third = lemma.hasSuffix("s") || lemma.hasSuffix("sh") || lemma.hasSuffix("ch") || lemma.hasSuffix("x")
            ? lemma + "es" : lemma + "s"
        return (lemma + "ed", lemma + "ed", third, lemma + "ing")
    }
}

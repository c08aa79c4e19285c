/// Word lists the attribution engine reads names, pronouns and descriptions
/// with. All entries are lowercase.
enum Words {
    /// Words that end in a dot without ending a sentence.
    static let titleAbbreviations: WordSet = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "sen", "rep",
        "gov", "pres", "rev", "hon", "st", "mt", "ft", "no", "nos", "vs", "v", "etc", "e.g", "i.e", "cf", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
        "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "fig", "al", "op", "ed", "vol", "p", "pp", "gov't",
        "supt", "det", "insp", "atty", "brig", "pvt", "cpl", "sr", "jr",
    ]

    /// Abbreviations that often end a sentence too; a capitalised function
    /// word after them starts a new one.
    static let closingAbbreviations: WordSet = ["inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "bros", "etc"]

    static let sentenceStarters: WordSet = [
        "the", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those", "but", "and", "in", "a",
        "an", "his", "her", "their", "its", "our", "there", "on", "at", "after", "as", "when", "while", "if",
    ]

    /// Personal pronouns that can name a source, with their number.
    static let personalPronouns: [String: (plural: Bool, person: Bool)] = [
        "he": (false, true), "she": (false, true), "him": (false, true), "her": (false, true),
        "they": (true, false), "them": (true, false), "it": (false, false), "we": (true, false),
        "i": (false, true), "you": (false, true),
    ]

    /// Titles and roles written before a name ("President", "Supreme Leader",
    /// "Foreign Minister", "Dr.").
    /// A person's gender as pronouns and titles show it.
    enum Gender: Sendable {
        case female, male
    }

    /// Possessive determiners, with the pronoun that resolves them.
    static let possessivePronouns: [String: String] = ["his": "he", "her": "she", "their": "they", "its": "it"]

    /// Pronouns that say the gender of whom they stand for.
    static let pronounGender: [String: Gender] = [
        "he": .male, "him": .male, "his": .male, "himself": .male,
        "she": .female, "her": .female, "hers": .female, "herself": .female,
    ]

    /// Titles that say a person's gender.
    static let genderedTitles: [String: Gender] = [
        "mr": .male, "sir": .male, "lord": .male, "king": .male, "prince": .male, "father": .male, "brother": .male,
        "mrs": .female, "ms": .female, "miss": .female, "dame": .female, "lady": .female, "queen": .female,
        "princess": .female, "sister": .female, "mother": .female,
    ]

    static let titles: WordSet = [
        "president", "vice", "prime", "minister", "secretary", "chairman", "chairwoman", "chair", "chairperson",
        "chief", "executive", "ceo", "cfo", "coo", "cto", "director", "governor", "gov", "senator", "sen",
        "representative", "rep", "mayor", "judge", "justice", "general", "gen", "colonel", "col", "lieutenant", "lt",
        "sergeant", "sgt", "captain", "capt", "admiral", "adm", "commander", "major", "maj", "dr", "mr", "mrs", "ms",
        "miss", "prof", "professor", "king", "queen", "prince", "princess", "emperor", "empress", "pope",
        "cardinal", "bishop", "archbishop", "rev", "reverend", "ambassador", "spokesman", "spokeswoman",
        "spokesperson", "commissioner", "chancellor", "premier", "deputy", "foreign", "defense", "defence",
        "interior", "finance", "health", "justice", "supreme", "leader", "speaker", "attorney", "sheriff", "officer",
        "head", "founder", "co-founder", "analyst", "economist", "coach", "manager", "editor", "correspondent",
        "reporter", "host", "lawmaker", "congressman", "congresswoman", "councilman", "councilwoman", "councillor",
        "councilor", "superintendent", "principal", "dean", "provost", "trustee", "agent", "inspector", "detective",
        "secretary-general", "president-elect", "former", "acting", "interim", "senior", "junior", "top", "state",
        "federal", "national", "regional", "local", "opposition", "dictator", "strongman", "premier", "sheikh",
        "emir", "crown", "lord", "lady", "sir", "dame", "rabbi", "imam", "father", "sister", "brother",
        "mother", "ceo", "owner", "partner", "researcher", "scientist", "doctor", "nurse", "lawyer", "counsel",
        "prosecutor", "defendant", "plaintiff", "investigator", "official", "spokesperson", "adviser", "advisor",
        "aide", "assistant", "associate", "fellow", "student", "resident", "worker", "farmer", "author",
        "writer", "historian", "expert", "strategist", "pollster", "candidate", "nominee", "member", "envoy",
        "diplomat", "delegate", "negotiator", "activist", "organizer", "organiser", "campaigner", "veteran",
        "marshal", "field", "air", "vice-president", "vice-chairman", "deputy-director", "first",
    ]

    /// Titles that only people hold (a run with one of these names a person).
    static let personTitles: WordSet = [
        "president", "minister", "secretary", "chairman", "chairwoman", "governor", "senator", "mayor", "judge",
        "general", "colonel", "dr", "mr", "mrs", "ms", "prof", "professor", "king", "queen", "prince", "princess",
        "ambassador", "spokesman", "spokeswoman", "spokesperson", "commissioner", "chancellor", "premier", "leader",
        "speaker", "sheriff", "director", "chief", "coach", "captain", "admiral", "commander", "deputy", "pope",
        // Abbreviated (``abbreviatedTitles`` says which title each stands for).
        "sen", "gov", "rep", "gen", "col", "lt", "capt", "cmdr", "adm", "sgt", "supt", "atty", "amb", "insp", "det",
    ]

    /// Last words of capitalised names that are places, days, events or
    /// things, not people ("Saltmarsh Point", "Independence Day").
    static let nonPersonEndings: WordSet = [
        "point", "strait", "straits", "island", "islands", "river", "lake", "mountain", "mountains", "mount", "sea",
        "ocean", "bay", "gulf", "coast", "street", "avenue", "road", "square", "park", "bridge", "port", "harbor",
        "harbour", "valley", "city", "county", "province", "region", "district", "peninsula", "day", "corridor",
        "week", "war", "act", "law", "bill", "plan", "summit", "games", "cup", "prize", "award", "festival",
        "museum", "stadium", "arena", "airport", "station", "hall", "palace", "tower", "building", "center",
        "centre", "plaza", "boulevard", "highway", "canal", "desert", "forest", "falls", "beach", "hill", "hills",
        "heights", "village", "town", "township", "borough", "quarter", "zone", "line", "route", "program",
        "programme", "project", "initiative", "agreement", "accord", "treaty", "deal", "declaration", "strategy",
        "year", "eve", "olympics", "championship", "league", "series", "conference", "index", "exchange", "report",
        "survey", "study", "fund", "system", "network", "prize", "medal", "policy", "doctrine", "model",
    ]

    /// Portfolios after a title and "of": "Minister of Maritime Affairs".
    static let portfolios: WordSet = [
        "affairs", "state", "defense", "defence", "health", "finance", "justice", "interior", "education",
        "transport", "transportation", "trade", "agriculture", "energy", "labor", "labour", "commerce", "treasury",
        "economy", "industry", "culture", "environment", "housing", "tourism", "security", "development",
        "communications", "information", "planning", "fisheries", "mines", "works", "welfare", "war", "maritime",
        "foreign", "home", "public", "national", "homeland", "veterans", "science", "technology", "research",
        "sport", "sports", "youth", "women", "family", "social", "human", "services", "resources", "water", "land",
        "lands", "infrastructure", "digital", "employment", "immigration", "police", "staff", "operations",
    ]

    /// People speaking for an organisation: "a spokeswoman for the company".
    static let roleNouns: WordSet = [
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials", "representative",
        "representatives", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "lawyer", "lawyers",
        "attorney", "attorneys", "executive", "executives", "source", "sources", "analyst", "analysts", "employee",
        "employees", "staffer", "staffers", "member", "members", "leader", "leaders", "director", "head",
        "chief", "manager", "managers", "researcher", "researchers", "economist", "economists", "expert",
        "experts", "insider", "insiders", "negotiator", "negotiators", "diplomat", "diplomats", "counsel",
    ]

    /// Plural nouns for unnamed groups of people.
    static let groupNouns: WordSet = [
        "officials", "analysts", "experts", "sources", "people", "residents", "witnesses", "critics",
        "supporters", "observers", "diplomats", "investigators", "prosecutors", "police", "authorities",
        "researchers", "scientists", "doctors", "economists", "lawmakers", "legislators", "activists", "protesters",
        "organizers", "organisers", "officers", "aides", "advisers", "insiders", "executives", "employees",
        "workers", "farmers", "parents", "teachers", "students", "voters", "fans", "players", "members", "leaders",
        "neighbors", "neighbours", "locals", "villagers", "survivors", "families", "relatives", "investors",
        "traders", "dealers", "brokers", "bankers", "regulators", "negotiators", "mediators", "monitors",
        "inspectors", "rescuers", "firefighters", "troops", "soldiers", "militants", "rebels", "opponents",
        "proponents", "advocates", "campaigners", "citizens", "physicians", "nurses", "officers", "representatives",
        "spokespeople", "staff", "staffers", "democrats", "republicans", "conservatives", "liberals",
    ]

    /// Heads of descriptions that stand for an earlier-named source ("the
    /// agency", "the supreme leader"), with the kind of source they stand for.
    static let nominalHeads: [String: NominalKind] = [
        "leader": .person, "president": .person, "minister": .person, "chancellor": .person, "premier": .person,
        "king": .person, "queen": .person, "official": .person, "spokesman": .person, "spokeswoman": .person,
        "spokesperson": .person, "governor": .person, "mayor": .person, "senator": .person, "judge": .person,
        "chairman": .person, "chairwoman": .person, "executive": .person, "director": .person, "secretary": .person,
        "ambassador": .person, "general": .person, "commander": .person, "lawmaker": .person, "founder": .person,
        "chief": .person, "coach": .person, "dictator": .person, "emperor": .person, "pope": .person,
        "prosecutor": .person, "lawyer": .person, "attorney": .person, "doctor": .person, "scientist": .person,
        "researcher": .person, "economist": .person, "analyst": .person, "author": .person, "official's": .person,
        "agency": .agency, "wire": .agency, "daily": .outlet, "newspaper": .outlet, "paper": .outlet,
        "broadcaster": .outlet, "network": .outlet, "outlet": .outlet, "magazine": .outlet, "publication": .outlet,
        "channel": .outlet, "station": .outlet, "tabloid": .outlet, "website": .outlet,
        "company": .organization, "firm": .organization, "group": .organization, "ministry": .organization,
        "department": .organization, "government": .organization, "administration": .organization,
        "organization": .organization, "organisation": .organization, "party": .organization,
        "committee": .organization, "council": .organization, "court": .organization, "regime": .organization,
        "military": .organization, "army": .organization, "bank": .organization, "university": .organization,
        "office": .organization, "agency's": .agency, "board": .organization, "commission": .organization,
        "authority": .organization, "union": .organization, "club": .organization, "team": .organization,
        "charity": .organization, "institute": .organization, "carrier": .organization, "airline": .organization,
        "retailer": .organization, "manufacturer": .organization, "automaker": .organization, "insurer": .organization,
        "lender": .organization, "startup": .organization, "police": .organization, "embassy": .organization,
        "kremlin": .organization, "pentagon": .organization, "white": .organization, "report": .document,
        "statement": .document, "study": .document, "survey": .document, "commentary": .document,
        "editorial": .document, "article": .document, "column": .document, "bulletin": .document,
        "dispatch": .document, "communique": .document, "release": .document, "announcement": .document,
        "notice": .document, "letter": .document, "memo": .document, "filing": .document, "ruling": .document,
        "verdict": .document, "complaint": .document, "review": .document, "assessment": .document,
        "audit": .document, "investigation": .document, "inquiry": .document, "post": .document, "tweet": .document,
    ]

    /// Heads of descriptions of a person that may stand for someone named
    /// before without the word ("the leader" for a president): the other
    /// heads of `nominalHeads` name an office or a trade, and stand only for
    /// someone the story described with it.
    static let genericPersonHeads: WordSet = ["leader", "official", "executive", "chief", "official's"]

    /// Abbreviated titles and the title they stand for ("Sen. Ted Cruz" …
    /// "the senator").
    static let abbreviatedTitles: [String: String] = [
        "sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "dr": "doctor",
        "prof": "professor", "sec": "secretary", "secy": "secretary", "pres": "president", "col": "colonel",
        "adm": "admiral", "lt": "lieutenant", "capt": "captain", "cmdr": "commander", "supt": "superintendent",
        "atty": "attorney", "amb": "ambassador", "insp": "inspector", "det": "detective", "sgt": "sergeant",
    ]

    /// Participles of reading a document: "seen by", "obtained by", "reviewed by".
    static let documentReadings: WordSet = ["seen", "obtained", "reviewed", "viewed", "read", "examined", "acquired"]

    /// Heads of descriptions that may stand for any organisation named before ("the
    /// company", "the firm"); other institutions ("the military", "the government")
    /// stand for one whose name has the word, or for themselves.
    static let genericOrganizationHeads: WordSet = [
        "company", "firm", "group", "organization", "organisation", "carrier", "airline", "retailer", "manufacturer",
        "automaker", "insurer", "lender", "startup", "charity", "club", "team", "union", "bank", "university", "institute",
    ]

    /// Records and documents that things are attributed to: "according to
    /// court filings", "the data showed".
    static let recordNouns: WordSet = [
        "filings", "documents", "records", "data", "figures", "statistics", "polls", "poll", "surveys", "reports",
        "studies", "research", "estimates", "projections", "minutes", "transcripts", "recordings", "emails",
        "messages", "accounts", "tallies", "tally", "results", "findings", "testimony", "evidence", "papers",
        "calculations", "analysis", "models", "forecasts", "rankings", "census", "logs",
    ]

    enum NominalKind: Sendable {
        case person, agency, outlet, organization, document
    }

    /// Words of organisation names ("Agency", "Ministry", "Inc.").
    static let organizationWords: WordSet = [
        "agency", "ministry", "party", "committee", "council", "company", "co", "co.", "inc", "inc.", "corp", "corp.",
        "corporation", "ltd", "llc", "plc", "university", "college", "school", "bank", "court", "department",
        "office", "army", "navy", "force", "forces", "association", "union", "institute", "foundation", "group",
        "commission", "authority", "police", "service", "services", "administration", "center", "centre", "board",
        "times", "post", "news", "journal", "network", "press", "television", "radio", "tv", "media", "herald",
        "tribune", "gazette", "daily", "magazine", "bureau", "federation", "league", "club", "society",
        "organization", "organisation", "fund", "trust", "church", "hospital", "clinic", "airlines", "airways",
        "motors", "holdings", "industries", "technologies", "systems", "labs", "laboratories", "partners",
        "capital", "securities", "exchange", "reserve", "assembly", "parliament", "congress", "senate", "cabinet",
        "government", "secretariat", "kremlin", "pentagon", "command", "guard", "brigade", "regiment", "council",
        "coalition", "alliance", "movement", "front", "congress", "chamber", "institution", "observatory", "museum",
        "library", "studio", "studios", "records", "entertainment", "pictures", "broadcasting", "telegraph",
        "chronicle", "observer", "guardian", "express", "mirror", "standard", "monitor", "review", "weekly",
        "channel", "wire", "reuters", "associated", "central",
    ]

    /// Last words of the names of newspapers, broadcasters and sites.
    static let outletWords: WordSet = [
        "herald", "times", "post", "journal", "gazette", "tribune", "news", "chronicle", "daily", "telegraph",
        "observer", "guardian", "express", "mirror", "standard", "monitor", "weekly", "magazine", "network", "tv",
        "radio", "television", "ledger", "courier", "inquirer", "dispatch", "bulletin", "register", "star", "sun",
        "record", "examiner", "independent", "reporter", "review", "today", "times-union", "broadcasting",
    ]

    /// Words that end a name leftwards: a subject before a reporting verb does
    /// not reach past them.
    static let clauseBoundaries: WordSet = [
        "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "although", "though", "if",
        "unless", "since", "after", "before", "as", "but", "and", "or", "nor", "so", "yet", "then", "than",
        "during", "amid", "despite", "following", "at", "in", "on", "into", "onto", "over", "under", "about",
        "against", "between", "through", "until", "upon", "whether", "why", "how", "what", "whereas", "meanwhile",
        "also", "however", "moreover", "still", "instead", "thus", "hence", "once", "now", "here", "there",
        "by", "to", "with", "without", "like", "unlike", "across", "toward", "towards", "behind", "beyond",
        "around", "near", "inside", "outside", "within",
    ]

    /// Words allowed between a subject and its reporting verb ("He also
    /// said", "The company has repeatedly denied").
    static let verbModifiers: WordSet = [
        "also", "later", "previously", "repeatedly", "then", "again", "further", "publicly", "recently", "once",
        "earlier", "separately", "privately", "openly", "explicitly", "firmly", "flatly", "quickly", "simply",
        "has", "had", "have", "will", "would", "could", "should", "may", "might", "must", "can", "did", "does", "do",
        "is", "was", "were", "are", "be", "been", "being", "not", "never", "already", "long", "often", "always",
        "reportedly", "allegedly", "apparently", "clearly", "strongly", "now", "still", "just", "first", "even",
        "subsequently", "initially", "originally", "ultimately", "finally", "angrily", "bluntly", "calmly",
        "confidently", "cautiously", "emphatically", "formally", "frankly", "jokingly", "loudly", "officially",
        "proudly", "quietly", "reluctantly", "sharply", "softly", "tearfully", "wryly", "told", "n't",
    ]

    /// Words that name a day or time ("Tuesday", "yesterday") and can sit
    /// between a reporting verb and what was said.
    static let timeWords: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tonight", "earlier", "later", "recently", "previously", "last", "this", "next", "week", "month", "year",
        "morning", "afternoon", "evening", "night", "weekend", "on", "in", "at", "the", "a", "an",
    ]

    /// Words that introduce a quotation as a name or a term, nobody's words:
    /// "the so-called “Blue Corridor”", "dubbed “the Rock”" (and "known as",
    /// read as two words).
    static let termMarkers: WordSet = ["so-called", "dubbed", "nicknamed", "termed", "self-styled", "self-described", "christened"]

    /// Recipients after "told" that are not the reported words ("told
    /// reporters", "told the council").
    static let audienceWords: WordSet = [
        "reporters", "journalists", "lawmakers", "parliament", "congress", "legislators", "members", "delegates",
        "supporters", "crowd", "audience", "viewers", "listeners", "readers", "investors", "analysts", "staff",
        "employees", "students", "residents", "voters", "senators", "colleagues", "council", "committee",
        "court", "jury", "judge", "panel", "hearing", "conference", "meeting", "summit", "rally", "him", "her",
        "them", "us", "me", "you", "police", "officials", "the", "a", "an", "local", "state", "news", "media",
        "radio", "television", "tv", "press", "broadcaster", "newspaper", "magazine", "website", "agency",
    ]
}

/// Place names and the adjectives made from them, so that "Chinese President
/// Xi Jinping" and "Supreme leader of North Korea Kim Jong Un" lose everything
/// but the name. Lowercase; several-word places are written with spaces.
enum Places {
    static let demonyms: WordSet = [
        "afghan", "african", "albanian", "algerian", "american", "angolan", "arab", "argentine", "argentinian",
        "armenian", "asian", "australian", "austrian", "azerbaijani", "bangladeshi", "belarusian", "belgian",
        "bolivian", "bosnian", "brazilian", "british", "bulgarian", "burmese", "cambodian", "cameroonian",
        "canadian", "chilean", "chinese", "colombian", "communist", "congolese", "croatian", "cuban", "cypriot",
        "czech", "danish", "dutch", "east", "eastern", "ecuadorian", "egyptian", "emirati", "english", "eritrean",
        "estonian", "ethiopian", "european", "federal", "filipino", "finnish", "french", "georgian", "german",
        "ghanaian", "greek", "guatemalan", "haitian", "honduran", "hungarian", "icelandic", "indian", "indonesian",
        "iranian", "iraqi", "irish", "israeli", "italian", "jamaican", "japanese", "jordanian", "kazakh", "kenyan",
        "korean", "kuwaiti", "kyrgyz", "lao", "latvian", "lebanese", "liberian", "libyan", "lithuanian",
        "malaysian", "malian", "maltese", "mexican", "moldovan", "mongolian", "moroccan", "mozambican", "namibian",
        "nepalese", "nigerian", "nigerien", "north", "northern", "norwegian", "omani", "pakistani", "palestinian",
        "panamanian", "paraguayan", "peruvian", "polish", "portuguese", "qatari", "romanian", "russian", "rwandan",
        "saudi", "scottish", "senegalese", "serbian", "singaporean", "slovak", "slovenian", "somali", "south",
        "southern", "soviet", "spanish", "sri", "sudanese", "swedish", "swiss", "syrian", "taiwanese", "tajik",
        "tanzanian", "thai", "tunisian", "turkish", "turkmen", "ugandan", "ukrainian", "uruguayan", "uzbek",
        "venezuelan", "vietnamese", "welsh", "west", "western", "yemeni", "zambian", "zimbabwean",
    ]

    static let names: WordSet = [
        "abu dhabi", "afghanistan", "africa", "albania", "algeria", "america", "americas", "andorra", "angola",
        "ankara", "antarctica", "argentina", "armenia", "asia", "athens", "atlanta", "australia", "austria",
        "azerbaijan", "baghdad", "bahamas", "bahrain", "bangkok", "bangladesh", "barbados", "beijing", "belarus",
        "belgium", "belize", "benin", "berlin", "bhutan", "bogota", "bolivia", "bosnia", "boston", "botswana",
        "brasilia", "brazil", "brunei", "brussels", "buenos aires", "bulgaria", "burkina", "burma", "burundi",
        "cairo", "california", "cambodia", "cameroon", "canada", "canberra", "cape verde", "caracas",
        "central african republic", "chad", "chicago", "chile", "china", "colombia", "comoros", "congo",
        "costa rica", "croatia", "cuba", "cyprus", "czech republic", "czechia", "damascus", "delhi", "denmark",
        "detroit", "djibouti", "doha", "dominica", "dominican republic", "dubai", "east timor", "ecuador", "egypt",
        "el salvador", "equatorial guinea", "eritrea", "estonia", "eswatini", "ethiopia", "europe",
        "european union", "faso", "fiji", "finland", "florida", "france", "gabon", "gambia", "gaza strip", "geneva",
        "georgia", "germany", "ghana", "greece", "grenada", "guatemala", "guinea", "guyana", "haiti", "hanoi",
        "havana", "herzegovina", "honduras", "hong kong", "houston", "hungary", "iceland", "india", "indonesia",
        "iran", "iraq", "ireland", "israel", "istanbul", "italy", "ivory coast", "jakarta", "jamaica", "japan",
        "jerusalem", "johannesburg", "jordan", "kabul", "kazakhstan", "kenya", "kiev", "kiribati", "kosovo",
        "kuwait", "kyiv", "kyrgyzstan", "lagos", "laos", "latin america", "latvia", "lebanon", "lesotho", "liberia",
        "libya", "liechtenstein", "lima", "lisbon", "lithuania", "london", "los angeles", "luxembourg",
        "madagascar", "madrid", "malawi", "malaysia", "maldives", "mali", "malta", "manila", "marshall islands",
        "mauritania", "mauritius", "mexico", "mexico city", "miami", "micronesia", "middle east", "moldova",
        "monaco", "mongolia", "montenegro", "morocco", "moscow", "mozambique", "mumbai", "myanmar", "nairobi",
        "namibia", "nauru", "nepal", "netherlands", "new delhi", "new york", "new zealand", "nicaragua", "niger",
        "nigeria", "north america", "north korea", "north macedonia", "norway", "oceania", "oman", "ottawa",
        "pakistan", "palau", "palestine", "panama", "papua new guinea", "paraguay", "paris", "peru", "philippines",
        "poland", "portugal", "puerto rico", "pyongyang", "qatar", "riyadh", "romania", "rome", "russia", "rwanda",
        "samoa", "san francisco", "san marino", "santiago", "saudi arabia", "seattle", "senegal", "seoul", "serbia",
        "seychelles", "shanghai", "sierra leone", "singapore", "slovakia", "slovenia", "solomon islands", "somalia",
        "south africa", "south america", "south korea", "south sudan", "soviet union", "spain", "sri lanka",
        "sudan", "suriname", "sweden", "switzerland", "sydney", "syria", "taipei", "taiwan", "tajikistan",
        "tanzania", "tehran", "tel aviv", "texas", "thailand", "togo", "tokyo", "tonga", "tunisia", "turkey",
        "turkmenistan", "tuvalu", "uganda", "ukraine", "united arab emirates", "united kingdom", "united states",
        "uruguay", "uzbekistan", "vanuatu", "vatican city", "venezuela", "vienna", "vietnam", "warsaw",
        "washington", "west bank", "yemen", "zambia", "zimbabwe",
    ]

    /// The longest place name in `words` that starts at `start`, as a number of words.
    static func placeLength(_ words: [String], at start: Int) -> Int {
        var best = 0
        var name = ""
        guard start < words.count else { return 0 }
        for length in 1...min(4, words.count - start) {
            name += (length == 1 ? "" : " ") + words[start + length - 1]
            if names.contains(name) { best = length }
        }
        return best
    }
}

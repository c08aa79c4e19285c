import Testing
import ProvenanceGraph
import ProvenanceParsing

@Suite struct FingerprintTests {
    static let sentences = [
        ("Ships are moving again and the channel is safe", "“Ships are moving again and the channel is safe,” harbour master Ana Ruiz told reporters."),
        ("Exports did not rise 12 percent in March.", "Exports did not rise 12 percent in March."),
        ("the losses reached 1.5 million dollars", "Velmora was accused by Castavia, which said “the losses reached 1.5 million dollars.”"),
        ("", ""),
    ]

    @Test(arguments: sentences)
    func theStoredFormReadsBackTheSame(content: String, sentence: String) throws {
        let fingerprint = ClaimFingerprint(content: content, sentence: sentence)
        let stored = fingerprint.stored(reading: .shipped)
        #expect(!stored.contains("\n"))
        let read = try #require(ClaimFingerprint(stored: stored, reading: .shipped))
        #expect(read == fingerprint)
        #expect(read.content.termKeys == fingerprint.content.terms.map(ClaimSignature.key).sorted())
    }

    /// Reading a claim in place, from its spans of the document's scalars,
    /// gives what reading its text gives; spans past the text are clamped.
    @Test func aFingerprintReadInPlaceIsTheOneReadFromText() {
        let document = "Intro. “Ships are moving again, the channel’s safe,” harbour master Ana Ruiz told reporters on Monday. "
            + "Ноябрь: Самые 12,5 тысяч домов. Exports did not rise 1.5m in May."
        let text = ScalarText(document)
        let scalars = Array(document.unicodeScalars)
        func string(_ start: Int, _ end: Int) -> String {
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
            return String(result)
        }
        let spans = [(8, 53, 7, 104), (0, 6, 0, 6), (105, 137, 105, 137), (138, 172, 138, 172), (150, 400, -3, 400), (20, 20, 7, 104)]
        for (contentStart, contentEnd, sentenceStart, sentenceEnd) in spans {
            let inPlace = ClaimFingerprint(
                text: text, content: TextSpan(start: contentStart, end: contentEnd),
                sentence: TextSpan(start: sentenceStart, end: sentenceEnd))
            let read = ClaimFingerprint(
                content: string(contentStart, contentEnd), sentence: string(sentenceStart, sentenceEnd))
            #expect(inPlace == read, "\(contentStart)..<\(contentEnd)")
            #expect(inPlace.indexTerms == read.indexTerms)
        }
        #expect(!ClaimFingerprint(text: text, content: TextSpan(start: 138, end: 172), sentence: TextSpan(start: 138, end: 172))
            .content.numbers.isEmpty)
    }

    @Test func anotherVersionOrDamagedFormIsRefused() {
        let stored = ClaimFingerprint(content: "Ports reopened.", sentence: "Ports reopened, officials said.").stored(reading: .shipped)
        #expect(ClaimFingerprint(stored: stored, reading: .shipped) != nil)
        #expect(ClaimFingerprint(stored: "fp0" + stored.dropFirst(3), reading: .shipped) == nil)
        #expect(ClaimFingerprint(stored: String(stored.dropLast(4)), reading: .shipped) == nil)
        #expect(ClaimFingerprint(stored: "", reading: .shipped) == nil)
        // A fingerprint read another way is read anew.
        let other = ClaimReading(englishStemmer: .light, handSynonyms: false)
        #expect(ClaimFingerprint(stored: stored, reading: other) == nil)
    }

    @Test func theKeysFollowTheTerms() {
        let signature = ClaimSignature(
            terms: ["reopen", "harbour", "port"], numbers: [], names: ["harbour"], negations: 0, quotedPhrases: [],
            nameOrder: ["harbour"], isPassive: false)
        #expect(signature.keyedTerms.sorted() == ["harbour", "port", "reopen"])
        #expect(signature.termKeys == signature.keyedTerms.map(ClaimSignature.key))
        #expect(signature.termKeys == signature.termKeys.sorted())
        #expect(signature.hasTerm(key: ClaimSignature.key("harbour")))
        #expect(!signature.hasTerm(key: ClaimSignature.key("ship")))
        #expect(signature.hasName(key: ClaimSignature.key("harbour")))
        #expect(!signature.hasName(key: ClaimSignature.key("port")))
    }

    @Test func signaturesAreEqualByWhatTheyHold() {
        let a = ClaimSignature(text: "The port reopened on Monday.")
        let b = ClaimSignature(text: "The port reopened on Monday.")
        let c = ClaimSignature(text: "The port closed on Monday.")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != c)
    }

    @Test func candidatesRankByTermsSharedThenAge() {
        let counts = [7: 1, 3: 2, 9: 2, 1: 1, 4: 3]
        #expect(DocumentLinker.mostShared(counts, limit: 3) == [4, 3, 9])
        #expect(DocumentLinker.mostShared(counts, limit: 10) == [4, 3, 9, 1, 7])
        #expect(DocumentLinker.mostShared([:], limit: 5).isEmpty)
    }

    /// The bucketed ranking, which orders only what it returns, against
    /// sorting every count: more shared first, then the smaller key.
    @Test func rankingAgreesWithSortingEverything() {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for trial in 0..<300 {
            var counts: [Int: Int] = [:]
            for _ in 0..<next(200) { counts[next(1000)] = 1 + next(4) }
            let limit = 1 + next(30)
            let minimum = 1 + next(2)
            let expected = counts.filter { $0.value >= minimum }
                .sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(limit).map(\.key)
            #expect(DocumentLinker.mostShared(counts, limit: limit, minimum: minimum) == expected, "trial \(trial)")
        }
    }
}

@Suite struct StemmerTests {
    @Test(arguments: [
        ("expansion", "expan"), ("expand", "expan"), ("development", "devel"), ("strategies", "strat"),
        ("strategic", "strat"), ("kim's", "kim"), ("harbors’", "harbo"), ("cities", "city"), ("worried", "worry"),
        ("talks", "talk"), ("crisis", "crisi"), ("news", "new"), ("résumés", "résum"), ("gas", "gas"), ("quickly", "quick"),
    ])
    func stems(word: String, stem: String) {
        #expect(ClaimSignature(text: word, reading: ClaimReading(englishStemmer: .light)).terms == [stem])
    }

    /// Snowball's English stemmer (the shipped reading), with British
    /// spellings read as American ones.
    @Test(arguments: [
        ("harbours", "harbors"), ("neighbour", "neighbor"), ("centre", "center"), ("organisation", "organization"),
        ("recognised", "recognized"), ("expanding", "expand"), ("cities", "city"), ("kim’s", "kim"),
    ])
    func snowballStemsBritishAndAmericanAlike(british: String, american: String) {
        let reading = ClaimReading(englishStemmer: .snowball)
        let stems = ClaimSignature(text: british, reading: reading, language: "en").terms
        #expect(!stems.isEmpty)
        #expect(stems == ClaimSignature(text: american, reading: reading, language: "en").terms)
    }

    /// A curly apostrophe stems as a straight one does, in any place.
    @Test(arguments: ["kim's", "minister's", "harbors'", "o'neill's", "rock'n'roll", "d'état's", "ma'am"])
    func curlyApostropheStemsAsAStraightOne(word: String) {
        let curly = String(word.map { $0 == "'" ? "’" : $0 })
        #expect(ClaimSignature(text: curly).terms == ClaimSignature(text: word).terms)
        #expect(!ClaimSignature(text: curly).terms.isEmpty)
    }
}

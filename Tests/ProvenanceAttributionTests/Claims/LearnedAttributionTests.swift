import Testing
import ProvenanceAttribution

/// What the learned model and the readings around it add to the rules: the model ships and
/// loads, beliefs and intentions are attributions, relations and intermediaries are kept, and
/// lists and captions keep their speakers. Every text here was written for the test.
@Suite struct LearnedAttributionTests {
    @Test func theBundledModelLoads() {
        #expect(AttributionEngine.modelProblem == nil)
        #expect(AttributionEngine().method == .model)
        #expect(AttributionEngine(method: .rules).method == .rules)
    }

    @Test func beliefsAndIntentionsAreAttributed() {
        let attributed = AttributionSupport.attribute("A story\n\nThe mayor believes the ferry will pay for itself within a decade.\n")
        let view = attributed.views.first { $0.kind != .unattributed }
        #expect(view?.source == "The mayor")
        #expect(view?.cue == "believes")
        #expect(view?.content == "the ferry will pay for itself within a decade")
    }

    @Test func worriesAndPollsAreAttributedWhereTheRulesReadNone() {
        for (text, cue) in [("Officials are worried that the ferry will lose money.", "worried"),
                            ("Polls show the mayor trailing by ten points.", "show")] {
            let learned = AttributionSupport.attribute("A story\n\n\(text)\n")
            #expect(learned.views.first { $0.kind != .unattributed }?.cue == cue, "\(text)")
            let rules = AttributionSupport.attribute("A story\n\n\(text)\n", method: .rules)
            #expect(rules.claims.allSatisfy { $0.kind == .unattributed }, "\(text)")
        }
    }

    @Test func aSpokesmanIsNotTheManHimself() throws {
        let attributed = AttributionSupport.attribute(
            "A story\n\nPresident Aurel Venn spoke on Monday. His spokesman said the port would reopen.\n")
        let claim = try #require(attributed.claims.first { $0.kind == .indirect })
        #expect(claim.attribution.map { attributed.sources[$0.source].name } == "Aurel Venn’s spokesman")
        #expect(claim.attribution?.antecedent.map { attributed.text($0) } == "Aurel Venn")
    }

    @Test func aHeadlinesCommonWordIsNoSpeaker() throws {
        // Title case made "Port" look like a name: the story writes "port" in lower case and
        // never names it, so the headline states its news unattributed.
        let story = "The union said the strike would go on, a port official said on Monday.\n"
        let attributed = AttributionSupport.attribute("Port talks stall\n\n" + story)
        let headline = try #require(attributed.claims.first { attributed.text($0.sentence) == "Port talks stall" })
        #expect(headline.kind == .unattributed && headline.attribution == nil)
        #expect(!attributed.sources.contains { $0.name == "Port" })
        // A name the story uses again stays the headline's speaker.
        let named = AttributionSupport.attribute("Venn says port talks stall\n\nAurel Venn said the talks would resume in May, and Venn said the port was calm.\n")
        let said = try #require(named.claims.first { named.text($0.sentence) == "Venn says port talks stall" })
        #expect(said.attribution.map { named.sources[$0.source].name } == "Aurel Venn")
    }

    @Test func aTitleCaseHeadlinesSpeakerAndWordsStopAtItsCue() throws {
        // Every word of the headline is capitalised, so "a name is never cut in two" took the
        // whole line as the source and as the content; the cue's words belong to neither.
        let attributed = AttributionSupport.attribute(
            "Port Director Says Harbour Board Hid Repair Costs\n\nThe former director of the port said the board kept the costs from the public.\n")
        let headline = try #require(attributed.claims.first { $0.cue.map { attributed.text($0.span) } == "Says" })
        #expect(headline.attribution.map { attributed.text($0.mention) } == "Port Director")
        #expect(attributed.text(headline.content) == "Harbour Board Hid Repair Costs")
        // The bound is the cue as trimmed: a name may end in a word read as an auxiliary.
        let named = AttributionSupport.attribute("A story\n\nHarbour Minister Ana May said this week that the port would reopen by the end of March.\n")
        let said = try #require(named.claims.first { $0.cue.map { named.text($0.span) } == "said" })
        #expect(said.attribution.map { named.text($0.mention) } == "Harbour Minister Ana May")
    }

    @Test func aPronounContractedWithItsVerbIsTheSource() throws {
        // The tokens keep "She’s" whole; the cue "She’s planning" took the pronoun with it.
        let attributed = AttributionSupport.attribute(
            "A story\n\nAna Ruiz spoke to reporters on Monday. She’s planning to widen the harbour by next spring.\n")
        let claim = try #require(attributed.claims.first { $0.kind == .indirect })
        #expect(claim.attribution.map { attributed.sources[$0.source].name } == "Ana Ruiz")
        #expect(claim.attribution.map { attributed.text($0.mention) } == "She")
        #expect(claim.cue.map { attributed.text($0.span) } == "planning")
    }

    @Test func aSecondVerbSharesTheSubjectOfTheFirst() throws {
        // The tagger reads "criticized", "expects" and "stressing" as cues but finds their
        // source too far back: a verb after "and", or a participle after a comma, reports
        // for the sentence's subject (or the speaker of the cue just before).
        let attributed = AttributionSupport.attribute("""
            A story

            Mayor Lena Ortiz met the dock workers on Monday. Ortiz praised the harbour crews for their work in the storm, and criticized the port board’s slow response to the flooding.

            Tomas Brand, the board chair, is cautious about the repairs and expects them to take most of next year.

            “We will rebuild every quay,” Ortiz said, stressing that the city would pay for the work itself.

            """)
        func speaker(of cue: String) -> String? {
            attributed.claims.first { claim in claim.cue.map { attributed.text($0.span) } == cue }?
                .attribution.map { attributed.sources[$0.source].name }
        }
        #expect(speaker(of: "criticized") == "Lena Ortiz")
        #expect(speaker(of: "expects") == "Tomas Brand")
        #expect(speaker(of: "stressing") == "Lena Ortiz")
    }

    @Test func theWritersWordsAfterAQuotationAndItsCueAreNotWhatWasSaid() throws {
        let attributed = AttributionSupport.attribute("""
            A story

            “I never doubted the crews for a moment,” the mayor said several weeks after the flood, and her calm owed much to the neighbouring towns.

            """)
        let claim = try #require(attributed.claims.first { $0.cue.map { attributed.text($0.span) } == "said" })
        #expect(attributed.text(claim.content) == "“I never doubted the crews for a moment,”")
        #expect(claim.kind == .direct)
    }

    @Test func theAudienceOfToldCarriesTheWords() throws {
        let attributed = AttributionSupport.attribute("A story\n\nA senior official told Reuters the deal was dead.\n")
        let claim = try #require(attributed.claims.first { $0.kind == .indirect })
        #expect(claim.via.map { attributed.sources[$0].name } == ["Reuters"])
    }

    @Test func documentsSeenByAWireSpeakThroughIt() throws {
        let attributed = AttributionSupport.attribute("A story\n\nDocuments seen by Reuters show the port was sold in March.\n")
        let claim = try #require(attributed.claims.first { $0.kind == .indirect })
        #expect(claim.attribution.map { attributed.sources[$0.source].name } == "Documents")
        #expect(claim.via.map { attributed.sources[$0].name } == ["Reuters"])
    }

    @Test func aQuotationKeepsTheSpeakerTheRulesName() throws {
        // The model reads the quotation's words as the content of "pointing", said by nobody.
        let attributed = AttributionSupport.attribute(
            "A story\n\nLooking back on the past year, Ana Ruiz called it “a year of long nights and full nets,” pointing to gains on every quay and aboard every boat in the fleet.\n")
        let quotation = try #require(attributed.view(containing: "long nights"))
        #expect(quotation.kind == .direct)
        #expect(quotation.source == "Ana Ruiz")
        #expect(!attributed.claims.contains { $0.attribution == nil && $0.kind == .indirect })
    }

    @Test func aPronounsContractionStandsForWhomThePronounDoes() throws {
        let attributed = AttributionSupport.attribute(
            "A story\n\nSenator Ana Ruiz spoke in Reno on Monday.\n\nShe’s predicting she will do “very, very well” in the Nevada contest.\n")
        let claim = try #require(attributed.claims.first { $0.attribution != nil })
        let attribution = try #require(claim.attribution)
        #expect(attributed.sources[attribution.source].name == "Ana Ruiz")
        #expect(attributed.text(attribution.mention) == "She")
    }

    @Test func aRelativePronounAfterAGroupStandsForTheGroup() throws {
        let attributed = AttributionSupport.attribute(
            "A story\n\nUnlike earlier leaders, who outlined fishing policy in a speech every June, Ruiz has chosen the spring session since 2021.\n")
        #expect(!attributed.sources.contains { $0.name == "who" })
        if let claim = attributed.claims.first(where: { $0.kind == .indirect }) {
            #expect(claim.attribution.map { attributed.sources[$0.source].name } == "earlier leaders")
        }
    }

    @Test func aWireDatelineIsTheLastCarrier() throws {
        let attributed = AttributionSupport.attribute(
            "Talks stall\n\nMOSCOW (AP) — The talks stalled on Monday, two diplomats said.\n", publisher: "The Harbor Ledger")
        let claim = try #require(attributed.claims.first { $0.kind == .indirect })
        #expect(attributed.chain(of: claim).map { attributed.sources[$0].name }.suffix(2) == ["Associated Press", "The Harbor Ledger"])
    }

    @Test func aColonLedListKeepsItsSpeaker() {
        let attributed = AttributionSupport.attribute(html: """
            <html><body><article><h1>Budget speech</h1><p>The president spoke for an hour. President Ana Ruiz also said:</p>
            <ul><li>The economy is growing faster than expected.</li><li>Taxes will not rise next year.</li></ul>
            <p>The speech ended at noon.</p></article></body></html>
            """)
        #expect(attributed.view(containing: "growing faster")?.source == "Ana Ruiz")
        #expect(attributed.view(containing: "Taxes will not rise")?.source == "Ana Ruiz")
        #expect(attributed.view(containing: "ended at noon")?.kind == .unattributed)
    }

    @Test func aCaptionWithItsOwnSpeakerIsTheirs() throws {
        let attributed = AttributionSupport.attribute(
            "Aid stalls\n\nAid trucks wait at the border. The ministry has said it will open a second crossing. (Reuters/Mona Adil)\n\nThe border stayed shut.\n")
        let spoken = try #require(attributed.claims.first { $0.kind == .indirect })
        #expect(attributed.text(spoken.content) == "it will open a second crossing")
        #expect(spoken.via.map { attributed.sources[$0].name }.contains("Reuters"))
        #expect(attributed.claims.contains { $0.kind == .caption })
    }

    @Test func aTitleInQuotationMarksIsNotSpeech() {
        let attributed = AttributionSupport.attribute("A story\n\n“Harbour Lights” director Ana Ruiz said the sequel would be shot in Ostrel.\n")
        let view = attributed.views.first { $0.kind != .unattributed }
        #expect(view?.content == "the sequel would be shot in Ostrel")
    }

    @Test func aQuotedReportIsTheReportersAndAboutItsSubject() throws {
        let attributed = AttributionSupport.attribute(
            "A story\n\nAurel Venn spoke at the council.\n\nThe agency report continued, “[Venn] clarified the principle of open sea lanes for every ship.”\n")
        let claim = try #require(attributed.claims.first { $0.kind == .direct })
        #expect(claim.attribution.map { attributed.sources[$0.source].name } != "Aurel Venn")
        #expect(claim.about.map { attributed.sources[$0].name } == ["Aurel Venn"])
    }
}

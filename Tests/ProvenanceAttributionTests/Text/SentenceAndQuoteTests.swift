import Testing
import ProvenanceAttribution

@Suite struct SentenceTests {
    private func sentences(_ body: String) -> [String] {
        let attributed = AttributionSupport.attribute("A story\n\n" + body + "\n")
        return attributed.sentences.dropFirst().map { attributed.text($0.span) }
    }

    @Test func abbreviationsInitialsAndDecimalsDoNotEndSentences() {
        #expect(sentences("Mr. Smith met Gen. J. R. Hale at 9 a.m. on Jan. 5 in the U.S. capital. Growth was 3.5 percent. It fell.")
            == ["Mr. Smith met Gen. J. R. Hale at 9 a.m. on Jan. 5 in the U.S. capital.", "Growth was 3.5 percent.", "It fell."])
    }

    @Test func ellipsesAndQuestionsEndSentences() {
        #expect(sentences("He paused… Then he left. Why? Nobody knows!") == ["He paused…", "Then he left.", "Why?", "Nobody knows!"])
    }

    @Test func aQuotationOfSeveralSentencesStaysWithItsAttribution() {
        #expect(sentences("“We will see. Not everyone will succeed,” Mayer said. The talks go on.")
            == ["“We will see. Not everyone will succeed,” Mayer said.", "The talks go on."])
    }

    @Test func aStopInsideAClosingMarkEndsTheSentence() {
        #expect(sentences("“I love what I’m doing.” He left the stage.") == ["“I love what I’m doing.”", "He left the stage."])
    }

    @Test func aHeadlineWithoutAStopIsOneSentence() {
        let attributed = AttributionSupport.attribute("Harbour chief says port will reopen\n\nBody text here.\n")
        #expect(attributed.text(attributed.sentences[0].span) == "Harbour chief says port will reopen")
    }
}

@Suite struct QuoteTests {
    private func roles(_ body: String) -> [String] {
        let attributed = AttributionSupport.attribute("A story\n\n" + body + "\n")
        return attributed.quotes.map { "\($0.role.rawValue): \(attributed.text($0.span))" }
    }

    @Test func termQuotesAreNotSpeech() {
        #expect(roles("The abbreviation “CFR” stands for the “Coastal Freight Registry,” the official register.")
            == ["term: “CFR”", "term: “Coastal Freight Registry,”"])
        #expect(roles("The council approved the so-called “Blue Corridor” on Friday.") == ["term: “Blue Corridor”"])
    }

    @Test func aCueMakesAShortQuotePartial() {
        #expect(roles("Venn called 2024 a “year of steady keels” in his speech.") == ["partial: “year of steady keels”"])
    }

    @Test func straightDoubleAndSingleQuotesPair() {
        #expect(roles("\"We will not give up,\" she said. He called it 'a fair deal' later.")
            == ["speech: \"We will not give up,\"", "partial: 'a fair deal'"])
    }

    @Test func nestedQuotesStayInside() {
        let attributed = AttributionSupport.attribute("A story\n\n“He told me ‘never again’ and walked out,” Ruiz said.\n")
        #expect(attributed.quotes.count == 1)
        #expect(attributed.views.first?.content == "“He told me ‘never again’ and walked out,”")
    }

    @Test func apostrophesAreNotQuotes() {
        #expect(roles("The parents’ group met at the nation’s capital in the ’90s.").isEmpty)
    }

    @Test func anUnbalancedMarkNeverSwallowsTheNextParagraph() {
        let attributed = AttributionSupport.attribute("A story\n\nShe said “this never closes.\n\nThe next paragraph is plain.\n")
        let plain = attributed.claims(containing: "The next paragraph").first
        #expect(plain?.kind == .unattributed)
    }

    @Test func aMultiParagraphQuotationKeepsItsSpeaker() {
        let text = """
            A story

            Ruiz said: “We were second best for an hour. I told them so.

            “But they listened, and they ran until the end.”
            """
        let attributed = AttributionSupport.attribute(text)
        let second = attributed.claims(containing: "But they listened").first
        #expect(second?.isContinuation == true)
        #expect(second?.attribution.map { attributed.sources[$0.source].name } == "Ruiz")
    }

    /// A quotation that goes on after its cue in the same paragraph is part of the same
    /// attribution, as annotated news has it: one claim from the first quotation to the last.
    @Test func aFollowingQuoteSentenceContinuesTheSpeaker() throws {
        let attributed = AttributionSupport.attribute("A story\n\n“We won,” Ruiz said. “Nobody expected it.”\n")
        let claim = try #require(attributed.claims(containing: "Nobody expected").first)
        #expect(attributed.text(claim.content) == "“We won,” Ruiz said. “Nobody expected it.”")
        #expect(claim.attribution.map { attributed.sources[$0.source].name } == "Ruiz")
        #expect(claim.problem == nil)
        #expect(claim.quotes.count == 2)
    }

    @Test func aQuoteWithNoSpeakerIsFlagged() {
        let attributed = AttributionSupport.attribute("A story\n\nThe port is closed.\n\n“Nobody knows when it will open again.”\n")
        #expect(attributed.claims(containing: "Nobody knows").first?.problem == .quoteWithoutSpeaker)
    }
}

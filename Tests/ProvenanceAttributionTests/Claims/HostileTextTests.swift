import Testing
import ProvenanceAttribution
import ProvenanceParsing

/// Text built to break the engine — quotation marks that never close, one
/// huge paragraph of reports, quotations nested without end — gives claims
/// whose spans all lie in the text.
@Suite struct HostileTextTests {
    static func checkSpans(_ attributed: AttributedArticle) {
        let count = attributed.article.text.unicodeScalars.count
        for claim in attributed.claims {
            #expect(claim.content.start >= 0 && claim.content.end <= count && claim.content.start <= claim.content.end)
        }
    }

    @Test func quotationMarksThatNeverClose() {
        let attributed = AttributionSupport.attribute("A story\n\n" + String(repeating: "“Quote without end, he said ‘ \" ", count: 5_000) + "\n")
        Self.checkSpans(attributed)
    }

    @Test func oneParagraphOfTwentyThousandReports() {
        let attributed = AttributionSupport.attribute("A story\n\n" + String(repeating: "He said the port was open. ", count: 20_000) + "\n")
        #expect(attributed.claims.count >= 20_000)
        Self.checkSpans(attributed)
    }

    @Test func quotationsNestedDeep() {
        let attributed = AttributionSupport.attribute(
            "A story\n\n" + String(repeating: "“She said ‘", count: 2_000) + "fine" + String(repeating: "’ ”", count: 2_000) + ", Ana Ruiz said.\n")
        Self.checkSpans(attributed)
    }

    /// Found by the fuzzer (Fuzz/run.sh attribution): a reporting verb as the
    /// very last word of a text, with no full stop after it, made the
    /// "X quoted Y as saying" search build a range backwards and trap; so did
    /// a semicolon right after "told" and its audience, for the search for a
    /// second attribution.
    @Test(arguments: [
        "The agency quotes", "Officials said", "It was reported", "Ana Ruiz told", "the ministry quoted the minister",
        // Also found: a semicolon right after what "told" takes as its audience.
        "“He told me,; ‘The council said the quay is open again.", "He told me,; the quay is open.",
    ])
    func aReportingVerbLastInTheText(_ ending: String) {
        let attributed = AttributionSupport.attribute("A story\n\nThe port reopened on Monday. " + ending)
        Self.checkSpans(attributed)
    }

    // Issue 20: each of these took time growing with its square (41 s for
    // n = 400,000 brackets, 110 s for 50,000 nested quotations); at these
    // sizes they take a moment, and `GrowthTests` counts that their work
    // grows only as they do.

    @Test func quotationsNestedTwentyThousandDeep() {
        let text = "A story\n\n" + String(repeating: "“a ‘", count: 20_000) + String(repeating: "’ a”", count: 20_000) + "\n"
        let attributed = AttributionSupport.attribute(text)
        Self.checkSpans(attributed)
        #expect(!attributed.claims.isEmpty)
    }

    @Test func aRunOfFortyThousandCapitalisedNames() {
        let attributed = AttributionSupport.attribute("A story\n\n" + String(repeating: "Ann Berg ", count: 20_000) + "said the port was open.\n")
        Self.checkSpans(attributed)
        // No name is longer than a name can be.
        for source in attributed.sources { #expect(source.name.split(separator: " ").count <= Limits.nameTokens) }
    }

    @Test func aNamedSpeakerTenThousandTimes() {
        let attributed = AttributionSupport.attribute(
            "A story\n\n" + String(repeating: "Jonas Holt said the harbour tax would double next year. ", count: 10_000) + "\n")
        #expect(attributed.claims.count == 10_000)
        #expect(attributed.sources.filter { $0.name == "Jonas Holt" }.count == 1)
        #expect(attributed.sources.first { $0.name == "Jonas Holt" }?.mentions.count == 10_000)
        Self.checkSpans(attributed)
    }

    /// A quotation of a thousand sentences is cut at its own full stops once
    /// it is long, and a paragraph of a hundred thousand words is read in
    /// pieces: no sentence, so no claim, grows with the text.
    @Test func aLongQuotationAndAHugeParagraphGiveBoundedClaims() {
        let quotation = "A story\n\n“" + String(repeating: "The minister said the plan would work. ", count: 1_000) + "”\n"
        let sentences = AttributionSupport.attribute(quotation).sentences
        #expect(sentences.count > 10)
        let words = "A story\n\n" + String(repeating: "word ", count: 100_000) + "\n"
        let attributed = AttributionSupport.attribute(words)
        Self.checkSpans(attributed)
        for claim in attributed.claims { #expect(claim.sentence.length <= Limits.longestSentenceTokens * 6) }
    }
}

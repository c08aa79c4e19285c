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
}


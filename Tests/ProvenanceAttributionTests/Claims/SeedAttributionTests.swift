import Foundation
import Testing
import ProvenanceAttribution

/// The seeds: every quote and attribution right, term quotes not speech, and
/// `check` flagging exactly the unattributed claims.
@Suite(.enabled(if: AttributionSupport.hasShared, "../shared/seeds is absent: seed tests skipped"))
struct SeedAttributionTests {
    private func seed(_ prefix: String) throws -> AttributedArticle {
        let folder = AttributionSupport.shared.appendingPathComponent("seeds")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(prefix) })
        return try AttributionSupport.attribute(file: folder.appendingPathComponent(name))
    }

    @Test func seed000AttributionsAreRight() throws {
        let attributed = try seed("000_")
        let expected: [(String, ClaimView)] = [
            ("tells committee", ClaimView(kind: .mixed, source: "Kim Jong Un", cue: "tells", content: "North Korea must cooperate with 'anti-imperialist' countries against US")),
            ("underscoring", ClaimView(kind: .indirect, source: "Kim Jong Un", cue: "underscoring", content: "his desire to align with foreign nations against U.S. interests in the region")),
            ("direction of struggle", ClaimView(kind: .mixed, source: "Kim Jong Un", cue: "offered", content: "the “direction of struggle” for the upcoming year")),
            ("He set forth", ClaimView(kind: .direct, source: "Korean Central News Agency", cue: "reported", content: attributed.text(attributed.claims(containing: "He set forth")[0].content))),
            ("report continued", ClaimView(kind: .direct, source: "Korean Central News Agency", cue: "continued", content: attributed.text(attributed.claims(containing: "report continued")[0].content))),
            ("he called 2023", ClaimView(kind: .mixed, source: "Kim Jong Un", cue: "called", content: "2023 a “year of great turn and great change” and a “year of great importance.”")),
            ("He said Tuesday", ClaimView(kind: .mixed, source: "Kim Jong Un", cue: "said", content: attributed.text(attributed.claims(containing: "He said Tuesday")[0].content))),
        ]
        for (words, view) in expected {
            #expect(attributed.view(containing: words) == view, "\(words)")
        }
        let direct = attributed.claims(containing: "He set forth")[0]
        #expect(attributed.text(direct.content).hasPrefix("“He set forth the militant tasks"))
        #expect(direct.about.map { attributed.sources[$0].name } == ["Kim Jong Un"])
        #expect(attributed.chain(of: direct).map { attributed.sources[$0].name } == ["Korean Central News Agency", "Fox News"])
        let pronoun = try #require(attributed.claims(containing: "He said Tuesday")[0].attribution)
        #expect(pronoun.antecedent != nil)
    }

    @Test func seed000TermQuotesAreNotSpeech() throws {
        let attributed = try seed("000_")
        let terms = attributed.quotes.filter { $0.role == .term }.map { attributed.text($0.inner) }
        #expect(terms.contains("DPRK"))
        #expect(terms.contains { $0.hasPrefix("Democratic People’s Republic of Korea") })
        #expect(attributed.claims(containing: "stands for")[0].kind == .unattributed)
    }

    @Test func seed000CaptionsAreCredited() throws {
        let attributed = try seed("000_")
        let chains = attributed.claims.filter { $0.kind == .caption }.map { claim in
            attributed.chain(of: claim).map { attributed.sources[$0].name }
        }
        #expect(chains == [
            ["Korean Central News Agency", "Reuters", "Fox News"],
            ["Korea Radio and Television", "Reuters", "Fox News"],
            ["Korean Central News Agency", "Reuters", "Fox News"],
        ])
    }

    @Test func checkFlagsTheUnattributedSentencesOnly() throws {
        let flagged = { (attributed: AttributedArticle) in
            attributed.claims.filter { $0.problem != nil }.map { attributed.text($0.sentence) }
        }
        let first = try flagged(seed("000_"))
        #expect(first.contains { $0.hasPrefix("North Korea has worked extensively") })
        #expect(!first.contains { $0.contains("Korean Central News Agency reported") || $0.contains("He said Tuesday") || $0.contains("he called 2023") })
        let second = try flagged(seed("001_"))
        #expect(second.contains { $0.hasPrefix("This strategic positioning reflects") })
        #expect(!second.contains { $0.contains("called for the expansion") })
    }

    @Test func seed001KeepsItsParaphrasesAttributedToKim() throws {
        let attributed = try seed("001_")
        #expect(attributed.view(containing: "called for the expansion")?.source == "Kim Jong Un")
        #expect(attributed.view(containing: "referred to 2023")?.kind == .mixed)
        #expect(attributed.view(containing: "North Korean leader also indicated")?.source == "Kim Jong Un")
        // The rewrite's own sentences stay unattributed (the model reads "Kim has chosen
        // party meetings to deliver his annual recaps" as Kim's choice, as annotated news does).
        #expect(attributed.claims.filter { $0.kind == .unattributed }.count >= 9)
    }
}

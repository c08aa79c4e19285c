import Testing
import ProvenanceAttribution

@Suite struct ClaimTests {
    @Test func questionsFAQLinesAndPlainHeadingsAreNotClaims() {
        let attributed = AttributionSupport.attribute("""
            Port reopens after storm

            The port reopened on Monday. Will it stay open?

            Background

            Frequently Asked Questions (FAQ)

            1. When did the port close?

            It closed on Friday.
            """)
        let sentences = attributed.claims.map { attributed.text($0.sentence) }
        #expect(sentences == ["Port reopens after storm", "The port reopened on Monday.", "It closed on Friday."])
        #expect(attributed.claims.allSatisfy { $0.kind == .unattributed })
    }

    @Test func tablesChartsCreditLinesAndAuthorBoxesAreNotClaims() {
        let attributed = AttributionSupport.attribute(html: """
            <html><body><article><h1>Port traffic doubles</h1>
            <p>Traffic through the port of Ostrel doubled last year, the harbour office said.</p>
            <p>Ships per month</p><div>1,200</div><div>900</div><div>’22</div><div>’23</div>
            <table><tr><td>Berth</td><td>Ships</td></tr><tr><td>North quay</td><td>410 in all.</td></tr></table>
            <p>The council will vote on a new quay in May.</p>
            <p>Mara Lind contributed to this report.</p>
            <p>Jonas Holt is a reporter covering the port. He joined the paper in 2015.</p>
            </article></body></html>
            """)
        let sentences = attributed.claims.map { attributed.text($0.sentence) }
        #expect(sentences == [
            "Port traffic doubles", "Traffic through the port of Ostrel doubled last year, the harbour office said.",
            "The council will vote on a new quay in May.",
        ])
    }

    @Test func captionsAreCreditedByTheirCreditLine() throws {
        let attributed = AttributionSupport.attribute("""
            A story

            Cranes line the port. (Meridian News Agency via Reuters)

            The port reopened on Monday.
            """, publisher: "The Harbor Ledger")
        let caption = try #require(attributed.claims.first { $0.kind == .caption })
        #expect(attributed.text(caption.content) == "Cranes line the port.")
        #expect(attributed.chain(of: caption).map { attributed.sources[$0].name } == ["Meridian News Agency", "Reuters", "The Harbor Ledger"])
    }

    @Test func chainsEndAtThePublisher() throws {
        let attributed = AttributionSupport.attribute("A story\n\nReuters reported that the minister said the port was safe.\n", publisher: "The Harbor Ledger")
        let claim = try #require(attributed.claims.first)
        #expect(attributed.chain(of: claim).count == 3)
        #expect(attributed.chain(of: claim).last.map { attributed.sources[$0].name } == "The Harbor Ledger")
        #expect(claim.via.map { attributed.sources[$0].name } == ["Reuters"])
    }

    @Test func unattributedClaimsAreFlaggedAndAttributedOnesAreNot() {
        let attributed = AttributionSupport.attribute("""
            A story

            The strait is 40 kilometres wide. Ana Ruiz said it was safe.
            """)
        // "A story" is too short to assert anything.
        #expect(attributed.claims.map(\.problem) == [.unattributed, nil])
    }

    @Test func spansPointAtTheWordsTheyName() throws {
        let attributed = AttributionSupport.attribute("A story\n\n“The port is safe,” Ana Ruiz said on Monday.\n")
        let claim = try #require(attributed.claims.first { $0.kind == .direct })
        #expect(attributed.text(claim.content) == "“The port is safe,”")
        #expect(attributed.text(claim.cue!.span) == "said")
        #expect(attributed.text(claim.attribution!.mention) == "Ana Ruiz")
        #expect(claim.sentence.contains(claim.content))
    }
}

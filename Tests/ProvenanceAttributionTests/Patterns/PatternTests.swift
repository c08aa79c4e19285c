import Testing
import ProvenanceAttribution

/// One sentence per pattern; each must yield the right source, cue, content and kind.
@Suite struct PatternTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var kind: Claim.Kind
        var source: String?
        var cue: String?
        var content: String
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "“The port will reopen on Monday,” Ana Ruiz said.", kind: .direct, source: "Ana Ruiz", cue: "said",
             content: "“The port will reopen on Monday,”"),
        Case(text: "“The port will reopen on Monday,” said Ana Ruiz, the harbour master.", kind: .direct, source: "Ana Ruiz",
             cue: "said", content: "“The port will reopen on Monday,”"),
        Case(text: "Ana Ruiz said: “The port will reopen on Monday.”", kind: .direct, source: "Ana Ruiz", cue: "said",
             content: "“The port will reopen on Monday.”"),
        Case(text: "Ana Ruiz said “the port will reopen on Monday” and left.", kind: .mixed, source: "Ana Ruiz", cue: "said",
             content: "“the port will reopen on Monday” and left"),
        Case(text: "Ana Ruiz said that the port would reopen on Monday.", kind: .indirect, source: "Ana Ruiz", cue: "said",
             content: "the port would reopen on Monday"),
        Case(text: "Ana Ruiz warned the port would stay closed for weeks.", kind: .indirect, source: "Ana Ruiz", cue: "warned",
             content: "the port would stay closed for weeks"),
        Case(text: "Ana Ruiz has repeatedly insisted that the port is safe.", kind: .indirect, source: "Ana Ruiz", cue: "insisted",
             content: "the port is safe"),
        Case(text: "Ana Ruiz told reporters on Tuesday that the port would reopen.", kind: .indirect, source: "Ana Ruiz",
             cue: "told", content: "the port would reopen"),
        Case(text: "According to Ana Ruiz, the port will reopen on Monday.", kind: .indirect, source: "Ana Ruiz",
             cue: "According to", content: "the port will reopen on Monday"),
        Case(text: "The port will reopen on Monday, according to the harbour authority.", kind: .indirect,
             source: "harbour authority", cue: "according to", content: "The port will reopen on Monday"),
        Case(text: "The port will reopen on Monday, Ana Ruiz said.", kind: .indirect, source: "Ana Ruiz", cue: "said",
             content: "The port will reopen on Monday"),
        Case(text: "The port will reopen on Monday, said Ana Ruiz.", kind: .indirect, source: "Ana Ruiz", cue: "said",
             content: "The port will reopen on Monday"),
        Case(text: "In a statement, the Ministry of Maritime Affairs said the port would reopen.", kind: .indirect,
             source: "Ministry of Maritime Affairs", cue: "said", content: "the port would reopen"),
        Case(text: "Ana Ruiz was quoted as saying that the port would reopen.", kind: .indirect, source: "Ana Ruiz",
             cue: "was quoted as saying", content: "the port would reopen"),
        Case(text: "It was reported that the port would reopen on Monday.", kind: .indirect, source: nil,
             cue: "It was reported", content: "the port would reopen on Monday"),
        Case(text: "Hugh Hill, a doctor, said the clinic would reopen on Monday.", kind: .indirect, source: "Hugh Hill",
             cue: "said", content: "the clinic would reopen on Monday"),
        Case(text: "Chinese President Xi Jinping said the talks had been useful.", kind: .indirect, source: "Xi Jinping",
             cue: "said", content: "the talks had been useful"),
        Case(text: "A spokeswoman for Coastline Shipping said the company would appeal.", kind: .indirect,
             source: "Coastline Shipping", cue: "said", content: "the company would appeal"),
        Case(text: "Two people familiar with the matter said a deal was close.", kind: .indirect,
             source: "Two people familiar with the matter", cue: "said", content: "a deal was close"),
        Case(text: "Ana Ruiz called the plan “a disaster for the harbour.”", kind: .mixed, source: "Ana Ruiz", cue: "called",
             content: "the plan “a disaster for the harbour.”"),
        Case(text: "Ana Ruiz called for an inquiry into the collision.", kind: .indirect, source: "Ana Ruiz", cue: "called for",
             content: "an inquiry into the collision"),
        Case(text: "Harbour chief says port will reopen on Monday", kind: .indirect, source: nil, cue: "says",
             content: "port will reopen on Monday"),
        // A quotation signed with a dash, as testimonials and pull quotes are.
        Case(text: "“We were never told the port would close. Nobody asked us.” ― Ana Ruiz", kind: .direct, source: "Ana Ruiz",
             cue: "―", content: "“We were never told the port would close. Nobody asked us.”"),
        Case(text: "“The harbour is ours.” — Hugh Hill, a fisherman.", kind: .direct, source: "Hugh Hill", cue: "—",
             content: "“The harbour is ours.”"),
        // A transcript's speaker label: the turn is the speaker's.
        Case(text: "HOLT: We will reopen the port on Monday. The ships are waiting.", kind: .indirect, source: "HOLT", cue: ":",
             content: "We will reopen the port on Monday. The ships are waiting"),
    ]

    /// A transcript introduced by "as follows:" whose turns open quoted paragraphs: each
    /// turn is its label's, not the introduction's ("Partial transcript" said nothing).
    @Test func quotedTranscriptTurnsAreTheirSpeakers() throws {
        let attributed = AttributionSupport.attribute(
            "The interview\n\nThe governor spoke to the host on Sunday. Partial transcript as follows:\n\n"
                + "\"HOLT: Will the port reopen on Monday? The ships are waiting.\n\n"
                + "\"RUIZ: Well, look, the harbour board thinks it will. But the tolls stay.\n")
        let turns = attributed.claims.filter { $0.cue.map { attributed.article.text(of: $0.span) } == ":" }
        let speakers = turns.compactMap { $0.attribution.map { attributed.sources[$0.source].name } }
        #expect(Set(speakers) == ["HOLT", "RUIZ"])
        #expect(turns.count == 2)
        #expect(!attributed.claims.contains { claim in
            claim.cue.map { attributed.article.text(of: $0.span) } == "as follows"
        })
    }

    /// "Y urged C, X said": Y's words reached us through X, and what Y urged ends at the comma;
    /// X is never part of it.
    @Test func aClosingAttributionCarriesTheReportedSpeechBeforeIt() throws {
        let attributed = AttributionSupport.attribute(
            "A story\n\nThe harbour board urged the council to hold off on its toll plans, Ana Ruiz said.\n")
        let claim = try #require(attributed.claims.first { $0.kind == .indirect })
        #expect(attributed.text(claim.content) == "the council to hold off on its toll plans")
        #expect(claim.attribution.map { attributed.sources[$0.source].name } == "harbour board")
        #expect(claim.via.map { attributed.sources[$0].name } == ["Ana Ruiz"])
    }

    /// A dash inside a sentence, or a quotation that does not end its block, signs nothing.
    @Test(arguments: [
        "“The harbour is ours.” — and the council agreed with that view at once.",
        "The minister — a former harbour pilot — said nothing.",
        "“The harbour is ours.” — Hugh Hill. The council met again on Monday.",
    ])
    func aDashThatSignsNothing(_ text: String) {
        let attributed = AttributionSupport.attribute("A story\n\n" + text + "\n")
        #expect(!attributed.views.contains { $0.cue == "—" })
    }

    /// A label in capitals opens a turn only at the start of its block, and only before a colon.
    @Test func aCapitalisedWordIsNoSpeakerLabelInRunningText() {
        let attributed = AttributionSupport.attribute("A story\n\nThe port said NATO: the talks went well.\n")
        #expect(!attributed.views.contains { $0.cue == ":" })
    }

    @Test(arguments: cases)
    func pattern(_ expected: Case) throws {
        let attributed = AttributionSupport.attribute("A story\n\n" + expected.text + "\n")
        let claim = try #require(attributed.views.first { $0.kind != .unattributed || expected.kind == .unattributed })
        #expect(claim.kind == expected.kind)
        #expect(claim.cue == expected.cue)
        #expect(claim.content == expected.content)
        if let source = expected.source {
            #expect(claim.source == source)
        }
    }

    @Test func nestedReportingKeepsTheInnerSpeakerAndTheCarrier() throws {
        let attributed = AttributionSupport.attribute(
            "A story\n\nThe Harbor Ledger reported that the minister, Ilse Maren, had said the port would reopen.\n")
        let claim = try #require(attributed.claims.first { $0.kind == .indirect })
        #expect(claim.attribution.map { attributed.sources[$0.source].name } == "Ilse Maren")
        #expect(claim.via.map { attributed.sources[$0].name } == ["Harbor Ledger"])
        #expect(attributed.text(claim.content) == "the port would reopen")
    }

    @Test func aReportItselfCanSpeak() throws {
        let attributed = AttributionSupport.attribute(
            "A story\n\nMeridian News Agency (MNA) covered the session.\n\nThe MNA report continued, “The session will close on Friday.”\n")
        let view = try #require(attributed.view(containing: "report continued"))
        #expect(view == ClaimView(kind: .direct, source: "Meridian News Agency", cue: "continued", content: "“The session will close on Friday.”"))
    }

    @Test func aParticipleReportsForTheSubject() throws {
        let attributed = AttributionSupport.attribute(
            "A story\n\nPresident Aurel Venn spoke at the council, underscoring his wish to open the strait.\n")
        let view = try #require(attributed.view(containing: "underscoring"))
        #expect(view == ClaimView(kind: .indirect, source: "Aurel Venn", cue: "underscoring", content: "his wish to open the strait"))
    }

    @Test func twoAttributionsInOneSentence() {
        let attributed = AttributionSupport.attribute(
            "A story\n\nAna Ruiz said the port was safe, adding that ships would be inspected.\n")
        #expect(attributed.views.map(\.content) == ["the port was safe", "ships would be inspected"])
        #expect(attributed.views.map(\.cue) == ["said", "adding"])
    }

    /// Annotated news counts a refusal to comment as the source's own act (PolNeAR does): the
    /// sentence is attributed, so `check` does not report it as a claim without a source.
    @Test func declinedToCommentIsTheSpokeswomansAct() throws {
        let attributed = AttributionSupport.attribute("A story\n\nA spokeswoman for the port declined to comment.\n")
        let claim = try #require(attributed.claims.first { $0.kind != .unattributed })
        #expect(claim.cue.map { attributed.text($0.span) } == "declined")
        #expect(attributed.text(claim.content) == "to comment")
        #expect(claim.problem == nil)
    }

    @Test func nobodyIsNoSource() {
        let attributed = AttributionSupport.attribute("A story\n\nNo group claimed responsibility for the attack on the depot.\n")
        #expect(attributed.claims.allSatisfy { $0.kind == .unattributed })
    }
}

import Testing
import ProvenanceAttribution

@Suite struct SourceTests {
    @Test func pronounsResolveToTheLastPersonNamed() throws {
        let attributed = AttributionSupport.attribute("""
            A story

            Harbour master Ana Ruiz inspected the quay on Monday.

            She said the port would reopen within a week.
            """)
        let claim = try #require(attributed.claims(containing: "She said").first)
        let attribution = try #require(claim.attribution)
        #expect(attributed.sources[attribution.source].name == "Ana Ruiz")
        #expect(attributed.text(attribution.mention) == "She")
        #expect(attribution.antecedent.map(attributed.text) == "Ana Ruiz")
    }

    @Test func aPronounSkipsSomeoneOfTheOtherGender() throws {
        let attributed = AttributionSupport.attribute("""
            A story

            President Aurel Venn opened the session and spoke for an hour.

            Minister Ilse Maren said her ministry would publish a draft in April.

            He said the republic had recorded “remarkable gains in every harbour.”

            Mr. Tomas Rell, the harbour master, inspected the quay. Mrs. Ana Ruiz, his deputy, joined him.

            She said the quay was safe.
            """)
        #expect(attributed.view(containing: "remarkable gains")?.source == "Aurel Venn")
        #expect(attributed.view(containing: "the quay was safe")?.source == "Ana Ruiz")
    }

    @Test func descriptionsResolveToTheSourceTheyDescribe() throws {
        let attributed = AttributionSupport.attribute("""
            A story

            Meridian News Agency said on Monday that the strait was calm.

            The agency added that patrols would continue.

            President Aurel Venn visited the port. The president said the talks would open soon.
            """)
        #expect(attributed.view(containing: "The agency added")?.source == "Meridian News Agency")
        #expect(attributed.view(containing: "The president said")?.source == "Aurel Venn")
    }

    @Test func aDescriptionIsNeverSomeoneWhoseDescriptionItIsNot() throws {
        // The employers' spokeswoman is not the union man quoted before her;
        // the mayor is not the film director named last; the senator is the
        // one the story calls "Sen.", the leader the story's titled figure.
        let attributed = AttributionSupport.attribute("""
            Port talks go on

            “We will stay out until the owners come back with a better offer,” said Mr. Tomas Rell, a union organiser.

            “The offer stands,” the employers' spokeswoman said.

            “Parasite” director Bong Joon Ho said he would return to the festival next year.

            The mayor said the ferry would run twice a day.

            Sen. Ilse Maren visited the quay on Monday. The senator said the port would reopen within a week.
            """)
        #expect(attributed.view(containing: "The offer stands")?.source == "employers' spokeswoman")
        let mayor = try #require(attributed.claims(containing: "The mayor said").first?.attribution)
        #expect(attributed.sources[mayor.source].name != "Bong Joon Ho")
        #expect(!mayor.isResolved)
        #expect(attributed.view(containing: "would reopen within a week")?.source == "Ilse Maren")
    }

    @Test func oneCanonicalNamePerSource() {
        let attributed = AttributionSupport.attribute("""
            A story

            Supreme leader of Castavia Aurel Venn spoke at the meeting.

            Venn said the talks would open soon. He added that the strait must stay open.
            """)
        let names = Set(attributed.claims.compactMap { $0.attribution.map { attributed.sources[$0.source].name } })
        #expect(names == ["Aurel Venn"])
        #expect(attributed.sources.first { $0.name == "Aurel Venn" }?.aliases.contains("Venn") == true)
    }

    @Test func acronymsLearnedFromTheText() {
        let attributed = AttributionSupport.attribute("""
            A story

            The Coastal Freight Registry (CFR) publishes monthly figures.

            The CFR said 214 vessels had joined since January.
            """)
        #expect(attributed.view(containing: "The CFR said")?.source == "Coastal Freight Registry")
    }

    @Test func abbreviationSentencesTeachAliases() {
        let attributed = AttributionSupport.attribute("""
            A story

            MNA is the abbreviation for Meridian News Agency, the state agency.

            MNA reported that the session had closed.
            """)
        #expect(attributed.view(containing: "MNA reported")?.source == "Meridian News Agency")
    }

    @Test func newsAgenciesComeFromTheGazetteer() throws {
        let attributed = AttributionSupport.attribute("A story\n\nKCNA reported that the plenary meeting had ended.\n")
        let source = try #require(attributed.claims.first { $0.kind == .indirect }?.attribution).source
        #expect(attributed.sources[source].name == "Korean Central News Agency")
        #expect(attributed.sources[source].kind == .agency)
    }

    @Test func anUnresolvablePronounIsFlagged() throws {
        let attributed = AttributionSupport.attribute("A story\n\nHe said the port would reopen.\n")
        let claim = try #require(attributed.claims.first)
        #expect(claim.problem == .unresolvedSource)
    }
}

@Suite struct SourceKindTests {
    @Test func theMoreTellingKindWins() {
        #expect(Source.Kind.organization.merged(with: .agency) == .agency)
        #expect(Source.Kind.agency.merged(with: .organization) == .agency)
        #expect(Source.Kind.unknown.merged(with: .person) == .person)
        #expect(Source.Kind.person.merged(with: .organization) == .organization)
        #expect(Source.Kind.outlet.merged(with: .wire) == .wire)
        #expect(Source.Kind.group.merged(with: .person) == .person)
    }

    /// Which document's view comes first does not matter.
    @Test func mergingKindsIsSymmetric() {
        for a in Source.Kind.allCases {
            for b in Source.Kind.allCases {
                #expect(a.merged(with: b) == b.merged(with: a), "\(a), \(b)")
                for c in Source.Kind.allCases {
                    #expect(a.merged(with: b).merged(with: c) == a.merged(with: b.merged(with: c)))
                }
            }
        }
    }
}

/// Word lists answer for words in any script.
@Suite struct WordSetTests {
    @Test func anEnglishListSaysNoToOtherScriptsAtOnce() {
        let titles: WordSet = ["minister", "president"]
        #expect(titles.contains("minister"))
        #expect(!titles.contains("ministre"))
        #expect(!titles.contains("министр"))
        #expect(!titles.contains("présidént"))
    }

    @Test func aListWithAccentsStillFindsThem() {
        let titles: WordSet = ["président", "minister"]
        #expect(titles.contains("président"))
        #expect(titles.contains("minister"))
        #expect(!titles.contains("presidént"))
        #expect(titles.union(["министр"]).contains("министр"))
    }
}

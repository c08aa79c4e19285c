import Testing
import ProvenanceParsing

/// Credit lines become chains, origin first.
@Suite struct CreditChainTests {
    private func chain(of caption: String) throws -> [String]? {
        let html = "<html><body><article><p>A paragraph of article text that is long enough, with a comma.</p>"
            + "<figure><figcaption>\(caption)</figcaption></figure></article></body></html>"
        return try TestSupport.extract(html).captions.first?.credit?.chain
    }

    @Test(arguments: [
        ("Kim attends the meeting. (Korean Central News Agency via Reuters)", ["Korean Central News Agency", "Reuters"]),
        ("Kim speaks. (KRT via Reuters)", ["KRT", "Reuters"]),
        ("Security forces secure the area. Fethi Belaid/AFP/Getty Images", ["Fethi Belaid", "AFP", "Getty Images"]),
        ("The president arrives. (AP Photo/Evan Vucci)", ["Evan Vucci", "AP"]),
        ("A launch pad. (Oleg Urusov/ Roscosmos State Space Corporation photo via AP)",
         ["Oleg Urusov", "Roscosmos State Space Corporation", "AP"]),
        ("Peacekeepers at a camp. Ashraf Shazly/Agence France-Presse — Getty Images",
         ["Ashraf Shazly", "Agence France-Presse", "Getty Images"]),
        ("A street in Harare. Credit: STR/AFP", ["STR", "AFP"]),
        ("Boats in the bay. Photo: Jane Doe/Reuters", ["Jane Doe", "Reuters"]),
        ("A quay at dawn. (REUTERS/Kim Kyung-Hoon)", ["Kim Kyung-Hoon", "Reuters"]),
        ("The old harbour. (AP Photo/Ahn Young-joon, File)", ["Ahn Young-joon", "AP"]),
    ])
    func chains(caption: String, expected: [String]) throws {
        #expect(try chain(of: caption) == expected)
    }

    @Test func aParentheticalThatIsNotACreditIsNotOne() throws {
        #expect(try chain(of: "The ministry of maritime affairs (the MMA) opened the berth.") == nil)
    }
}

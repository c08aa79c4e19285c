import Testing
@testable import ProvenanceParsing

@Suite struct DateNormalizerTests {
    @Test(arguments: [
        ("2023-12-28", "2023-12-28"),
        ("2019-11-20T01:50:59.000Z", "2019-11-20T01:50:59Z"),
        ("2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"),
        ("2019-04-28 06:01:07", "2019-04-28T06:01:07"),
        ("2019/11/19", "2019-11-19"),
        ("Tue, 19 Nov 2019 10:03:00 +0000", "2019-11-19T10:03:00Z"),
        ("November 19, 2019", "2019-11-19"),
        ("Nov. 2, 2023 at 5:30 p.m.", "2023-11-02T17:30:00"),
        ("March 14, 2024 4:42pm GMT", "2024-03-14T16:42:00Z"),
        ("19 novembre 2019", "2019-11-19"),
        ("1574168580", "2019-11-19T13:03:00Z"),
        ("31. Mai 2021", "2021-05-31"),
        ("31.05.2021 um 14:20 Uhr", "2021-05-31T14:20:00"),
        ("3. Okt. 2022", "2022-10-03"),
        ("31 de mayo de 2021", "2021-05-31"),
        ("12 października 2021", "2021-10-12"),
        ("7 mei 2020", "2020-05-07"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(DateNormalizer.normalize(input) == expected)
    }

    @Test(arguments: ["", "yesterday", "2019-13-45", "February 30, 2023", "Kim Jong Un", "31.13.2021", "Mai"])
    func rejects(input: String) {
        #expect(DateNormalizer.normalize(input) == nil)
    }

    @Test(arguments: [
        ("Aktualisiert am 31.05.2021 um 14:20 Uhr", "2021-05-31T14:20:00"),
        ("Veröffentlicht: 31. Mai 2021", "2021-05-31"),
        ("Publicado el 31 de mayo de 2021", "2021-05-31"),
        ("Mis à jour le 19 novembre 2019", "2019-11-19"),
    ])
    func readsLabelledDateLines(line: String, expected: String) {
        #expect(DateLine.date(in: line) == expected)
    }
}

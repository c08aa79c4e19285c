import Testing
import ProvenanceParsing

/// Names found by their bytes, exactly.
@Suite struct ShortNameTableTests {
    static let table = ShortNameTable([
        "a": 1, "div": 2, "dir": 3, "figcaption": 4, "data-component": 5, "sixteen-bytes-xx": 6, "seventeen-bytes-x": 7,
    ])

    private func value(_ name: String) -> Int? {
        Array(name.utf8).withUnsafeBufferPointer { Self.table.value(for: $0) }
    }

    @Test func eachNameFindsItsValue() {
        #expect(value("a") == 1)
        #expect(value("div") == 2)
        #expect(value("dir") == 3)
        #expect(value("figcaption") == 4)
        #expect(value("data-component") == 5)
        #expect(value("sixteen-bytes-xx") == 6)
    }

    @Test func nearMissesFindNothing() {
        for name in ["", "b", "di", "divs", "dix", "figcaptio", "data-componenT", "sixteen-bytes-xy", "seventeen-bytes-x"] {
            #expect(value(name) == nil, "\(name)")
        }
    }
}

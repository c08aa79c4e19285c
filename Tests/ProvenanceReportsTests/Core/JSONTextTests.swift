import Foundation
import Testing
@testable import ProvenanceReports

/// The JSON writer the renderers use: text any JSON reader takes back as the
/// same tree, keys in byte order, numbers as `JSONSerialization` writes them.
@Suite struct JSONTextTests {
    @Test func writesWhatAJSONReaderReadsBack() throws {
        let tree: [String: Any] = [
            "text": "quote \" backslash \\ slash / tab \t newline \n return \r NUL \u{0} bell \u{7} é “curly” 🚢",
            "numbers": [0, -3, 1.0, 0.72, 1e-7, 2.5, 123_456_789.0] as [Any],
            "flags": [true, false] as [Any],
            "nothing": NSNull(),
            "nested": ["b": [[String: Any]](), "a": [Any]()] as [String: Any],
        ]
        let written = JSONText.string(tree)
        let read = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
        #expect(read["text"] as? String == tree["text"] as? String)
        #expect((read["numbers"] as? [Double]) == [0, -3, 1, 0.72, 1e-7, 2.5, 123_456_789])
        #expect(read["nothing"] is NSNull)
        #expect(written.contains(#""numbers":[0,-3,1,0.72,1e-07,2.5,123456789]"#))
        #expect(written.contains(#""flags":[true,false]"#))
        #expect(written.contains(#"\u0000 bell \u0007"#))
        #expect(written.contains("slash / tab"))
    }

    @Test func keysComeInByteOrder() {
        let written = JSONText.string(["s2": 1, "s10": 2, "B": 3, "a": 4, "_": 5, "é": 6] as [String: Any])
        #expect(written == #"{"B":3,"_":5,"a":4,"s10":2,"s2":1,"é":6}"#)
    }
}

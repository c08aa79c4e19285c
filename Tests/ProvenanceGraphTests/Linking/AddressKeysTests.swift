import Foundation
import Testing
import ProvenanceGraph

/// Address keys and slugs read by hand for plain addresses agree with
/// `URLComponents`, which reads all the others.
@Suite struct AddressKeysTests {
    /// The keys as `URLComponents` alone gives them.
    static func reference(_ url: String) -> String? {
        guard let components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)),
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        let bareHost = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        var path = components.path
        while path.hasSuffix("/") { path.removeLast() }
        for suffix in ["/index.html", "/index.htm", ".html", ".htm"] where path.lowercased().hasSuffix(suffix) {
            path.removeLast(suffix.count)
        }
        return bareHost + path.lowercased()
    }

    static let addresses = [
        "https://www.foxnews.com/world/story/?x=1#y", "http://Example.COM/News/Index.html", "https://example.com",
        "https://example.com/", "https://example.com?q=1", "https://example.com#top", "https://example.com/a/b/c.htm",
        "https://www.example.com/world/kim-jong-un-committee-north-korea-cooperate", "https://example.com/a(b)/c;d=e,f",
        "https://example.com/a%20b/c", "https://user@example.com/a", "https://example.com:8080/a", "https://[::1]/a",
        "https://exa mple.com/a", " https://example.com/a ", "https://example.com/a b", "https://example.com/ä",
        "https://пример.рф/статья", "ftp://example.com/a", "mailto:news@example.com", "/relative/path", "", "https://",
        "https:///a", "https://example.com/a|b", "https://example.com/a{b}", "https://example.com/a\"b", "HTTPS://EXAMPLE.COM/A",
        "https://example.com/~user/./x/../y", "https://example.com/a?b=/c#d/e", "https://a.b.c.example.co.uk/x-y_z.php",
        "https://example.com/a//b//", "http://www./a", "https://www.example.com/index.htm",
    ]

    @Test(arguments: addresses)
    func keysAgreeWithURLComponents(url: String) {
        #expect(AddressKeys.key(of: url) == Self.reference(url))
    }

    @Test(arguments: addresses)
    func slugsAgreeWithURLComponents(url: String) {
        // slugTokens reads the path as URLComponents gives it, untrimmed.
        let path = URLComponents(string: url)?.path
        let expected: Set<String>? = path.flatMap { path in
            let segments = path.split(separator: "/").map(String.init)
            guard segments.last(where: { $0.contains("-") || $0.contains("_") }) != nil else { return nil }
            return AddressKeys.slugTokens(of: "https://reference.example" + path)
        }
        #expect(AddressKeys.slugTokens(of: url) == expected)
    }

    /// The byte reading of a plain path's slug agrees with the string one.
    @Test(arguments: [
        "/world/kim-jong-un-committee-north-korea-cooperate", "/News/Kim-Jong-Un-Meets-Leaders.HTML", "/a_b_c/d",
        "/2024/05/17/the-port-of-a-city-2024.php.html", "/x/1-2-3-4", "/a-b-c-d//", "//", "", "/one-two/three",
        "/Story_About_The_Harbour_Reopening.aspx", "/a--b--c--d", "/-_-/x", "/in-the-of-a", "/ports-reopen-after-storm.htm",
    ])
    func slugBytesAgreeWithStrings(path: String) {
        #expect(AddressKeys.slugTokens(asciiPath: path) == AddressKeys.slugTokens(path: path))
    }

    /// The byte reading of an ASCII headline agrees with the folding one.
    @Test(arguments: [
        "Kim Jong Un's Committee Meets in Pyongyang", "N. Korea: 'DPRK' to cooperate -- KCNA", "", "   ", "A-B_C d'e'f",
        "Ports reopen after storm (UPDATE 2)\r\nfor the 3rd time", "The Of And", "x86_64 v2.0.1 #1 & @home",
    ])
    func titleBytesAgreeWithFolding(title: String) {
        #expect(AddressKeys.asciiTitleTokens(of: title) == AddressKeys.foldedTitleTokens(of: title))
    }
}

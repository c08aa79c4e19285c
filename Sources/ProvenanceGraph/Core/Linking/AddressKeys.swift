import Foundation
import ProvenanceParsing

/// Comparable forms of addresses and headlines, for telling when one
/// document links to another.
public enum AddressKeys {
    /// "https://www.foxnews.com/world/story/?x=1#y" → "foxnews.com/world/story".
    public static func key(of url: String) -> String? {
        key(of: url, plain: PlainAddress(url))
    }

    /// The key of `url`, whose plain reading (if it has one) is `plain`.
    static func key(of url: String, plain: PlainAddress?) -> String? {
        let host: String
        var path: String
        if let plain {
            (host, path) = (plain.host.lowercased(), plain.path)
        } else {
            guard let components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)),
                let componentsHost = components.host?.lowercased()
            else { return nil }
            (host, path) = (componentsHost, components.path)
        }
        guard !host.isEmpty else { return nil }
        let bareHost = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        while path.hasSuffix("/") { path.removeLast() }
        for suffix in ["/index.html", "/index.htm", ".html", ".htm"] where path.lowercased().hasSuffix(suffix) {
            path.removeLast(suffix.count)
        }
        return bareHost + path.lowercased()
    }

    /// The site of an address: its host less "www." and any subdomain, kept
    /// to the registered name ("us.news.example.com" → "example.com"). Under
    /// a country's domain a second level of three letters or fewer is taken
    /// for the country's own ("news.example.co.uk" → "example.co.uk"), which
    /// errs toward telling two sites apart.
    public static func site(of url: String) -> String? {
        guard let key = key(of: url) else { return nil }
        let labels = key.prefix { $0 != "/" }.split(separator: ".")
        guard labels.count > 2, let top = labels.last else { return labels.joined(separator: ".") }
        let countrySecondLevel = top.count == 2 && labels[labels.count - 2].count <= 3
        return labels.suffix(countrySecondLevel ? 3 : 2).joined(separator: ".")
    }

    /// The words of an address's last path segment, when it reads like a
    /// headline ("kim-jong-un-committee-north-korea-cooperate…").
    public static func slugTokens(of url: String) -> Set<String>? {
        slugTokens(of: url, plain: PlainAddress(url))
    }

    static func slugTokens(of url: String, plain: PlainAddress?) -> Set<String>? {
        if let plain { return slugTokens(asciiPath: plain.path) }
        return URLComponents(string: url).flatMap { slugTokens(path: $0.path) }
    }

    /// The slug words of an address's path.
    package static func slugTokens(path: String) -> Set<String>? {
        let segments = path.split(separator: "/").map(String.init)
        guard let slug = segments.last(where: { $0.contains("-") || $0.contains("_") }) else { return nil }
        var base = slug
        for suffix in [".html", ".htm", ".php", ".aspx"] where base.lowercased().hasSuffix(suffix) { base.removeLast(suffix.count) }
        let tokens = Set(base.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
            .filter { !$0.allSatisfy(\.isNumber) && !stopWords.contains($0) })
        return tokens.count >= 3 ? tokens : nil
    }

    /// The same for an ASCII path, read as bytes (a plain address's path is
    /// ASCII; it is most links' case).
    package static func slugTokens(asciiPath path: String) -> Set<String>? {
        var path = path
        return path.withUTF8 { bytes -> Set<String>? in
            // The last segment with a hyphen or an underscore.
            var end = bytes.count
            var found: Range<Int>?
            while end > 0, found == nil {
                while end > 0, bytes[end - 1] == 0x2F { end -= 1 }
                var start = end
                while start > 0, bytes[start - 1] != 0x2F { start -= 1 }
                if bytes[start..<end].contains(where: { $0 == 0x2D || $0 == 0x5F }) { found = start..<end }
                end = start
            }
            guard let segment = found else { return nil }
            var base = Array(bytes[segment].lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            for suffix in Self.pageSuffixes where base.count >= suffix.count && base.suffix(suffix.count).elementsEqual(suffix) {
                base.removeLast(suffix.count)
            }
            var tokens: Set<String> = []
            for word in base.split(whereSeparator: { $0 == 0x2D || $0 == 0x5F }) where !word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                let token = String(decoding: word, as: UTF8.self)
                if !stopWords.contains(token) { tokens.insert(token) }
            }
            return tokens.count >= 3 ? tokens : nil
        }
    }

    private static let pageSuffixes = [".html", ".htm", ".php", ".aspx"].map { Array($0.utf8) }

    /// The words of a headline, as a slug would write them.
    public static func titleTokens(of title: String) -> Set<String> {
        title.utf8.allSatisfy({ $0 < 0x80 }) ? asciiTitleTokens(of: title) : foldedTitleTokens(of: title)
    }

    /// The words of any headline: lowercased, accents folded, apostrophes dropped.
    package static func foldedTitleTokens(of title: String) -> Set<String> {
        let folded = title.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "’", with: "").replacingOccurrences(of: "'", with: "")
        return Set(folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            .filter { !stopWords.contains($0) })
    }

    /// The same for an ASCII headline, on bytes: lowercase, apostrophes
    /// dropped, words of letters and digits.
    package static func asciiTitleTokens(of title: String) -> Set<String> {
        var tokens: Set<String> = []
        var word: [UInt8] = []
        func flush() {
            if !word.isEmpty {
                let token = String(decoding: word, as: UTF8.self)
                if !stopWords.contains(token) { tokens.insert(token) }
                word.removeAll(keepingCapacity: true)
            }
        }
        for byte in title.utf8 where byte != 0x27 {
            switch byte {
            case 0x41...0x5A: word.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            default: flush()
            }
        }
        flush()
        return tokens
    }

    /// Whether a slug is the headline: nearly all its words are headline words.
    public static func slug(_ slug: Set<String>, matches title: Set<String>) -> Double? {
        guard slug.count >= 3 else { return nil }
        let covered = Double(slug.intersection(title).count) / Double(slug.count)
        return covered >= 0.8 ? covered : nil
    }

    /// An `http`/`https` address of plain characters — no spaces, no
    /// percent escapes, no user, port or bracketed host — cut into host and
    /// path by hand, as `URLComponents` would cut it but without its cost
    /// (it was a tenth of preparing a document for linking). Anything else
    /// is left to `URLComponents`.
    struct PlainAddress {
        let host: String
        let path: String

        init?(_ url: String) {
            let bytes = Array(url.utf8)
            let start: Int
            if bytes.starts(with: Self.https) {
                start = Self.https.count
            } else if bytes.starts(with: Self.http) {
                start = Self.http.count
            } else {
                return nil
            }
            guard bytes.allSatisfy({ Self.plain[Int($0)] }) else { return nil }
            var hostEnd = start
            while hostEnd < bytes.count, bytes[hostEnd] != UInt8(ascii: "/"), bytes[hostEnd] != UInt8(ascii: "?"),
                bytes[hostEnd] != UInt8(ascii: "#")
            {
                // A user, a port or an IPv6 host: URLComponents' business.
                if bytes[hostEnd] == UInt8(ascii: "@") || bytes[hostEnd] == UInt8(ascii: ":") { return nil }
                hostEnd += 1
            }
            var pathEnd = hostEnd
            while pathEnd < bytes.count, bytes[pathEnd] != UInt8(ascii: "?"), bytes[pathEnd] != UInt8(ascii: "#") { pathEnd += 1 }
            host = String(decoding: bytes[start..<hostEnd], as: UTF8.self)
            path = String(decoding: bytes[hostEnd..<pathEnd], as: UTF8.self)
        }

        private static let https = Array("https://".utf8)
        private static let http = Array("http://".utf8)
        /// Letters, digits and the characters RFC 3986 allows unescaped,
        /// less "%" (escapes would need decoding) and "[" "]" (IPv6 hosts).
        private static let plain: [Bool] = (0..<256).map { byte in
            guard byte < 0x80, let scalar = Unicode.Scalar(UInt32(byte)) else { return false }
            return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~:/?#@!$&'()*+,;=".unicodeScalars.contains(scalar)
        }
    }

    static let stopWords: Set<String> = ["the", "a", "an", "of", "to", "in", "on", "for", "and", "with", "s", "at", "by", "is"]
}

/// A document's own address, headline and links in the comparable forms of
/// ``AddressKeys``, read once: linking asks for them, and so does the index
/// the document then joins.
public struct DocumentAddresses: Sendable {
    /// One link's address key and slug words.
    public struct LinkAddress: Sendable {
        public let key: String?
        public let slug: Set<String>?
    }

    /// The key of the document's own address.
    public let urlKey: String?
    /// The words of its headline, as a slug would write them; nil without one.
    public let titleWords: Set<String>?
    /// One per link of the document, in its order.
    public let links: [LinkAddress]

    public init(url: String?, title: String?, links: [ProvenanceParsing.Link]) {
        urlKey = url.flatMap(AddressKeys.key(of:))
        titleWords = title.map(AddressKeys.titleTokens(of:))
        self.links = links.map { link in
            let plain = AddressKeys.PlainAddress(link.url)
            return LinkAddress(key: AddressKeys.key(of: link.url, plain: plain), slug: AddressKeys.slugTokens(of: link.url, plain: plain))
        }
    }
}

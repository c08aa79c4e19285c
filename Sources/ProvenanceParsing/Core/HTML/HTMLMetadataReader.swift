import Foundation

/// Reads what a page says about itself: JSON-LD (`NewsArticle` and kin, also
/// inside `@graph`), OpenGraph, `article:*` and Twitter meta tags, classic
/// `<meta name>` tags, microdata, `<time>`, `<link rel=canonical>`, `lang`,
/// and visible bylines. Sources are tried from the most to the least
/// deliberate; broken JSON-LD is repaired where it can be and skipped with a
/// note where it cannot.
struct HTMLMetadataReader {
    let tree: HTMLTree
    let hints: PageHints
    /// The page's JSON-LD.
    let linked: LinkedData

    func read() -> ArticleMetadata {
        let meta = metaTags()
        let article = linked.article

        var metadata = ArticleMetadata()
        metadata.url = firstNonEmpty([
            canonicalLink(), meta["og:url"], article?.string("url"), article?.mainEntityURL, meta["twitter:url"],
        ]).flatMap { $0.hasPrefix("http") ? $0 : nil }

        let siteName = firstNonEmpty([
            article?.publisherName, meta["og:site_name"], meta["application-name"], meta["publisher"],
            meta["dc.publisher"], meta["cxenseparse:recs:publisher"],
        ])
        metadata.publisher = siteName.map(Whitespace.collapse).flatMap(publisherName)
            ?? metadata.url.flatMap(URLResolver.host).flatMap { Gazetteer.standard.organization(forHost: $0)?.name }

        metadata.title = title(article: article, meta: meta, siteName: metadata.publisher)
        let bylineEntries = bylineEntries(article: article, meta: meta, publisher: metadata.publisher, title: metadata.title)
        metadata.bylines = personNames(in: bylineEntries, publisher: metadata.publisher)
        metadata.wire = WireReader.wire(bylines: bylineEntries, text: "", blocks: [])
        let dates = [
            article?.string("datePublished"), meta["article:published_time"], meta["og:published_time"],
            meta["datepublished"], meta["pubdate"], meta["publishdate"], meta["publish-date"], meta["publish_date"],
            meta["publication_date"], meta["article.published"], meta["parsely-pub-date"], meta["sailthru.date"],
            meta["dc.date.issued"], meta["dc.date"], meta["dcterms.created"], meta["date"], meta["og:pubdate"],
            meta["article:published"], meta["citation_publication_date"], meta["timestamp"], microdataDate(),
            timeElementDate(), article?.string("dateCreated"), article?.string("dateModified"),
            meta["article:modified_time"],
        ]
        metadata.published = dates.lazy.compactMap { $0.flatMap(DateNormalizer.normalize) }.first
            ?? metadata.url.flatMap(dateInURL)
        metadata.language = firstNonEmpty([
            rootLanguage(), meta["content-language"], meta["og:locale"]?.replacingOccurrences(of: "_", with: "-"),
            article?.string("inLanguage"), meta["language"], meta["dc.language"],
        ]).map { Whitespace.collapse($0) }
        return metadata
    }

    /// A site name as a publisher: an address stands for the organisation
    /// behind it ("http://www.tmz.com" is TMZ).
    /// A site name with its slogan ("Daily Harbour - Latest News & Headlines")
    /// is the name alone.
    private func publisherName(_ siteName: String) -> String? {
        guard siteName.lowercased().hasPrefix("http") || siteName.lowercased().hasPrefix("www.") else {
            return withoutSlogan(siteName)
        }
        let host = URLResolver.host(of: siteName.hasPrefix("www.") ? "http://" + siteName : siteName)
        guard let host else { return nil }
        if let known = Gazetteer.standard.organization(forHost: host) { return known.name }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    private func withoutSlogan(_ siteName: String) -> String {
        for separator in [" - ", " | ", " – ", " — ", ": "] {
            let parts = siteName.components(separatedByLiteral: separator)
            guard parts.count >= 2 else { continue }
            let head = Whitespace.trim(parts[0])
            let tail = parts.dropFirst().joined(separator: separator)
            if (1...sloganNameWords).contains(head.split(separator: " ").count), tail.split(separator: " ").count >= 2 {
                return head
            }
        }
        return siteName
    }

    /// The most words of a site's name before its slogan.
    private let sloganNameWords = 4

    // MARK: Meta tags

    /// `<meta>` contents by lowercase `property`, `name`, `itemprop` or
    /// `http-equiv`; the first of each wins.
    private func metaTags() -> [String: String] {
        var result: [String: String] = [:]
        for id in tree.elements(.meta) {
            guard let raw = tree.attribute(.content, of: id) else { continue }
            let content = Whitespace.collapse(HTMLEntities.decode(raw))
            guard !content.isEmpty else { continue }
            for key in [HTMLAttribute.property, .name, .itemprop, .httpEquiv] {
                if let name = tree.attribute(key, of: id)?.lowercased(), result[name] == nil {
                    result[name] = content
                }
            }
        }
        return result
    }

    private func canonicalLink() -> String? {
        for id in tree.elements(.link) {
            let rel = tree.attribute(.rel, of: id)?.lowercased().split(separator: " ") ?? []
            if rel.contains("canonical"), let href = tree.attribute(.href, of: id) {
                return Whitespace.trim(href)
            }
        }
        return nil
    }

    private func rootLanguage() -> String? {
        tree.elements(.html).first.flatMap { tree.attribute(.lang, of: $0) }
    }

    private func microdataDate() -> String? {
        for index in 0..<tree.count {
            let id = HTMLTree.NodeID(index)
            guard tree[id].tag != .text, tree[id].tag != .meta,
                tree.attribute(.itemprop, of: id)?.lowercased() == "datepublished"
            else { continue }
            return tree.attribute(.datetime, of: id) ?? tree.attribute(.content, of: id) ?? tree.textContent(of: id)
        }
        return nil
    }

    private func timeElementDate() -> String? {
        let times = tree.elements(.time)
        let preferred = times.first { id in
            tree.attribute(.name, of: id) == "pubdate"
                || (tree.attribute(.class, of: id)?.lowercased().contains("publish") ?? false)
        }
        guard let id = preferred ?? times.first else { return nil }
        return tree.attribute(.datetime, of: id) ?? tree.textContent(of: id)
    }

    /// "/2019/11/19/" in an address.
    private func dateInURL(_ url: String) -> String? {
        let parts = url.split(separator: "/")
        for index in parts.indices.dropLast(2) {
            guard parts[index].count == 4, let year = Int(parts[index]), (1990...2100).contains(year),
                parts[index + 1].count == 2, let month = Int(parts[index + 1]),
                parts[index + 2].count == 2, let day = Int(parts[index + 2])
            else { continue }
            return DateNormalizer.normalize(String(format: "%04d-%02d-%02d", year, month, day))
        }
        return nil
    }

    // MARK: Title

    private func title(article: LinkedData.Object?, meta: [String: String], siteName: String?) -> String? {
        let candidates = [
            article?.string("headline"), meta["og:title"], meta["twitter:title"], meta["headline"],
            meta["dc.title"], meta["parsely-title"], meta["sailthru.title"],
        ]
        let documentTitle = tree.elements(.title).first.map { stripSiteName(tree.textContent(of: $0), siteName: siteName) }
            .flatMap { $0.isEmpty ? nil : $0 }
        let headings = Set(tree.elements(.h1).map { Self.comparable(tree.textContent(of: $0)) })
        if let found = firstNonEmpty(candidates) {
            let title = stripSiteName(Whitespace.collapse(found), siteName: siteName)
            // A title that is the site's own name ("Daily Harbour"), or that no
            // headline shows when the document's title does, names the site, not the story.
            let namesSite = siteName.map { Self.comparable($0).hasPrefix(Self.comparable(title)) } ?? false
            let unshown = !headings.contains(Self.comparable(title))
                && documentTitle.map { headings.contains(Self.comparable($0)) } == true
            if let documentTitle, namesSite || unshown { return documentTitle }
            return title
        }
        if let documentTitle { return documentTitle }
        if let id = tree.elements(.h1).first {
            let text = tree.textContent(of: id)
            if !text.isEmpty { return text }
        }
        return nil
    }

    private static func comparable(_ text: String) -> String { Whitespace.collapse(text).lowercased() }

    /// "Headline | Site" → "Headline" (also "–", "—", "-", "::", "·" and a
    /// site name in front).
    private func stripSiteName(_ title: String, siteName: String?) -> String {
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · ", " « ", " » "] {
            guard let range = title.lastRange(ofLiteral: separator) else { continue }
            let head = String(title[..<range.lowerBound])
            let tail = String(title[range.upperBound...])
            let site = siteName?.lowercased()
            if let site, tail.lowercased().contains(site) || site.contains(tail.lowercased()) {
                return Whitespace.trim(head)
            }
            if let site, head.lowercased() == site {
                return Whitespace.trim(tail)
            }
            if tail.split(separator: " ").count <= 3, head.split(separator: " ").count >= 4 {
                return Whitespace.trim(head)
            }
        }
        return title
    }

    // MARK: Bylines

    /// The byline entries as the page gives them (JSON-LD authors, an author
    /// meta tag, or the visible bylines), organisations included.
    private func bylineEntries(article: LinkedData.Object?, meta: [String: String], publisher: String?, title: String?)
        -> [String]
    {
        var raw: [String] = article?.authorNames ?? []
        if raw.isEmpty {
            for key in ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl",
                        "twitter:creator", "citation_author"] {
                if let value = meta[key], !value.hasPrefix("http"), !value.hasPrefix("@") {
                    raw.append(value)
                    break
                }
            }
        }
        if raw.isEmpty { raw = visibleBylines(publisher: publisher, title: title) }
        return raw
    }

    /// The people of byline entries, each once.
    private func personNames(in entries: [String], publisher: String?) -> [String] {
        var names: [String] = []
        for entry in entries {
            for name in personNames(in: entry, publisher: publisher) where !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }

    /// The names in a byline that are people, not the publisher or a news organisation.
    private func personNames(in byline: String, publisher: String?) -> [String] {
        BylineParser.names(in: byline).filter { name in
            if let publisher, name.lowercased() == publisher.lowercased() { return false }
            return Gazetteer.standard.organization(named: name) == nil
        }
    }

    /// The text of the page's first byline element and of the byline elements
    /// beside it (co-authors), innermost elements only, line breaks kept. The
    /// first after the headline when there is one: bylines above it belong to
    /// other stories' teasers. An element that offers to follow an author
    /// ("author-follow") is a widget, not a byline.
    private func visibleBylines(publisher: String?, title: String?) -> [String] {
        var candidates: [HTMLTree.NodeID] = []
        let authorLinks = tree.elements(.a).filter { tree.attribute(.rel, of: $0)?.lowercased() == "author" }
        let headline = title.flatMap { title in
            tree.elements(.h1).first { Self.comparable(tree.textContent(of: $0)) == Self.comparable(title) }
        }
        var found = (hints.bylines + authorLinks).sorted()
        if let headline, found.contains(where: { $0 > headline }) { found.removeAll { $0 < headline } }
        for id in found {
            let tag = tree[id].tag
            guard tag != .meta, tag != .link, !isFollowWidget(id) else { continue }
            // Keep the innermost: drop an earlier candidate that holds this one.
            if let last = candidates.last, tree.isAncestor(last, of: id) { candidates.removeLast() }
            candidates.append(id)
        }
        let texts = candidates.map { (id: $0, text: tree.textContent(of: $0, keepingLineBreaks: true)) }
            .filter { !$0.text.isEmpty && $0.text.count < 200 && !personNames(in: $0.text, publisher: publisher).isEmpty }
        guard let first = texts.first else { return [] }
        let neighbourhood = tree[tree[first.id].parent].parent
        return texts.filter { $0.id == first.id || (neighbourhood >= 0 && tree.isAncestor(neighbourhood, of: $0.id)) }
            .prefix(6).map(\.text)
    }

    private func isFollowWidget(_ id: HTMLTree.NodeID) -> Bool {
        var node = id
        for _ in 0..<3 where node >= 0 {
            let names = ((tree.attribute(.class, of: node) ?? "") + " " + (tree.attribute(.id, of: node) ?? "")).lowercased()
            if names.contains("follow") { return true }
            node = tree[node].parent
        }
        return false
    }

    private func firstNonEmpty(_ values: [String?]) -> String? {
        values.lazy.compactMap { $0 }.first { !Whitespace.collapse($0).isEmpty }
    }
}

/// Splits a byline into names: "By Jane Doe and John Roe, Reuters" → [Jane Doe,
/// John Roe] (organisation names are left to the caller).
enum BylineParser {
    static func names(in byline: String) -> [String] {
        var pieces = [HTMLEntities.decode(byline)]
        for separator in ["\n", " and ", " & ", ", ", " | ", " - ", " – ", " — ", " • ", " y ", " e ", " et ", " und ",
                          ";", " (avec ", " (with ", " (and ", " avec ", " with "] {
            pieces = pieces.flatMap { $0.components(separatedByLiteral: separator) }
        }
        var names: [String] = []
        for piece in pieces {
            var words = Whitespace.collapse(piece).split(separator: " ").map(String.init)
            while let first = words.first?.lowercased(), leadingWords.contains(first) { words.removeFirst() }
            while let last = words.last, DateNormalizer.isDateWord(last) || credentials.contains(last.trimming([".", ","])) {
                words.removeLast()
            }
            var name = words.joined(separator: " ").trimming([",", ".", ":", " "])
            if name.hasSuffix(")"), !name.contains("(") { name.removeLast() }
            guard name.count >= 3, words.count <= 5, words.count >= 1 else { continue }
            // "Jonas Petrov/Reuters files" is a photo credit, not a name.
            guard !name.contains("@"), !name.contains(":"), !name.contains("/"), !name.lowercased().hasPrefix("http"),
                !name.contains(where: \.isNumber)
            else { continue }
            let lower = name.lowercased()
            if ignoredPhrases.contains(where: { lower.contains(literal: $0) }) { continue }
            guard let first = name.unicodeScalars.first, first.properties.isUppercase else { continue }
            if name == name.uppercased(), words.count >= 2, words.allSatisfy({ $0.count >= 2 }) {
                name = words.map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
            }
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    private static let leadingWords: Set<String> = [
        "by", "von", "par", "por", "di", "de", "avec", "with", "con", "mit", "written", "words", "story", "posted", "and", "reporting", "text:", "by:",
        "more",
    ]

    private static let credentials: Set<String> = [
        "MA", "MD", "PhD", "Ph.D", "MPH", "RN", "DO", "MS", "MSc", "BSc", "JD", "MBA", "RD", "CPT", "FACP",
    ]

    private static let ignoredPhrases = [
        "updated", "published", "contributor", "view all", "more from", "follow", "email", "twitter", "posted",
        "min read", "read more", "comments", "share", "see all", "about the author", "other publications",
    ]
}

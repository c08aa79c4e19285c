/// What an element's tag and attributes say about its role on the page:
/// navigation, a share bar, a caption, the article body…
///
/// Pages name their parts in `class`, `id`, `role`, `itemprop` and a few
/// `data-*` attributes; these are matched against word lists. A name that also
/// says "content" or "article" is trusted over a name that says "related", the
/// way readability-style extractors protect wrappers like
/// `class="article-body has-comments"`.
struct ElementHints: Sendable {
    /// Why the element and all it contains are not article text.
    var boilerplate: BoilerplateReason?
    /// The element holds a photo caption.
    var isCaption = false
    /// The element holds a photo credit.
    var isCredit = false
    /// The element declares itself the article body.
    var isArticleBody = false
    /// The element is a byline.
    var isByline = false
    /// The element is hidden by its markup (`hidden`, `display: none`), not
    /// just by a class name that may only apply to some screens.
    var isHiddenByMarkup = false
    /// `boilerplate` was read from class-like names alone, a weak signal
    /// (``NameWeighing``), not from the tag, a landmark role or the markup.
    var boilerplateFromNames = false
    /// The word lists the element's class-like names match (``NameMatcher``),
    /// whatever was made of them: one weak signal for the block model.
    var nameLists: UInt64 = 0

    init() {}

    /// The hints of element `id`; `names` matches its class-like attribute
    /// values against the word lists, remembering the page's class names.
    init(tree: HTMLTree, node id: HTMLTree.NodeID, names: inout PageNames) {
        let tag = tree[id].tag
        switch tag {
        case .nav: boilerplate = .navigation
        case .aside: boilerplate = .sidebar
        case .footer: boilerplate = .footer
        case .figcaption: isCaption = true
        default: break
        }
        // One pass over the attributes.
        var itemprop: String?
        var role: String?
        // The lists the names match: those of each value, together.
        var found: UInt64 = 0
        var hasNames = false
        for attribute in tree.attributes(of: id) {
            switch attribute.name {
            case .hidden:
                isHiddenByMarkup = true
            case .style:
                if ElementHints.isHiddenByStyle(attribute.value) { isHiddenByMarkup = true }
            case .itemprop:
                itemprop = attribute.value.lowercased()
            case .role:
                role = attribute.value
            case .id:
                // Likely unique on the page: not worth remembering.
                found |= NameMatcher.lists(matching: attribute.value)
                hasNames = true
            case .class, .dataComponent, .dataTestID, .dataModule, .dataType:
                found |= names.lists(matching: attribute.value)
                hasNames = true
            default:
                break
            }
        }
        nameLists = found
        if isHiddenByMarkup {
            boilerplate = .hidden
            return
        }
        if let itemprop {
            let bytes = Array(itemprop.utf8)
            if NameMatcher.contains(bytes, Array("articlebody".utf8)) || itemprop == "reviewbody" || itemprop == "text" {
                isArticleBody = true
            }
            if NameMatcher.contains(bytes, Array("caption".utf8)) { isCaption = true }
            if NameMatcher.contains(bytes, Array("author".utf8)) || itemprop == "creator" { isByline = true }
            if itemprop == "copyrightholder" { isCredit = true }
        }
        // Wrappers of the whole page carry all sorts of words in their class
        // names ("single-post has-comments"); never judge them by names.
        switch tag {
        case .html, .body, .main, .document:
            return
        default:
            break
        }
        if hasNames {
            let named = NameMatcher.hints(lists: found)
            isArticleBody = isArticleBody || named.isArticleBody
            isCaption = isCaption || named.isCaption
            isCredit = isCredit || named.isCredit
            isByline = isByline || named.isByline
            if boilerplate == nil, !isArticleBody, let reason = named.boilerplate {
                boilerplate = reason
                boilerplateFromNames = reason != .hidden
            }
        }
        // Landmark roles, where tag and names said nothing.
        if boilerplate == nil, !isArticleBody, let role {
            boilerplate = ElementHints.landmarkRoles[role.lowercased()]
        }
    }

    private static func isHiddenByStyle(_ style: String) -> Bool {
        guard style.utf8.count < 2000 else { return false }
        let compact = Array(style.utf8.lazy.filter { $0 != 0x20 }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        return NameMatcher.contains(compact, Array("display:none".utf8))
            || NameMatcher.contains(compact, Array("visibility:hidden".utf8))
    }

    private static let landmarkRoles: [String: BoilerplateReason] = [
        "navigation": .navigation, "menubar": .navigation, "menu": .navigation, "tablist": .navigation,
        "search": .navigation, "banner": .header, "contentinfo": .footer, "complementary": .sidebar,
        "dialog": .promotion, "alertdialog": .promotion,
    ]
}

/// What an element's class-like names (`class`, `id`, `data-component`, …) say.
struct NameHints: Sendable {
    var boilerplate: BoilerplateReason?
    var isCaption = false
    var isCredit = false
    var isArticleBody = false
    var isByline = false
}

/// The hints of every element of a page, worked out once.
struct PageHints: Sendable {
    private var table: [ElementHints]
    /// The page hid most of its prose, and its hidden prose is shown (``HiddenProse``).
    private(set) var showsHiddenProse = false

    init(tree: HTMLTree) {
        var table = [ElementHints](repeating: ElementHints(), count: tree.count)
        var names = PageNames()
        for index in 0..<tree.count {
            let id = HTMLTree.NodeID(index)
            guard tree[id].tag != .text else { continue }
            table[index] = ElementHints(tree: tree, node: id, names: &names)
        }
        // "Page-ad-margins", "penci_sidebar", "entry author-…": a name that
        // says junk on an element that holds the article.
        // (Names on elements that hold less are weighed again against the content
        // they hold, `NameWeighing`.)
        let declared = table.indices.filter { table[$0].isArticleBody }.map { HTMLTree.NodeID($0) }
        let wrappers = WrapperDetector(tree: tree, declaredBodies: declared)
        for index in table.indices
        where (table[index].boilerplate != nil || table[index].isByline) && !table[index].isHiddenByMarkup
            && wrappers.isWrapper(HTMLTree.NodeID(index))
        {
            table[index].boilerplate = nil
            table[index].boilerplateFromNames = false
            table[index].isByline = false
        }
        showsHiddenProse = HiddenProse.showIfMostOfThePage(&table, in: tree)
        self.table = table
    }

    subscript(id: HTMLTree.NodeID) -> ElementHints { table[Int(id)] }

    /// The elements that are bylines, in document order.
    var bylines: [HTMLTree.NodeID] {
        table.indices.filter { table[$0].isByline }.map { HTMLTree.NodeID($0) }
    }
}

/// Hidden elements that hold most of a page's prose are shown.
///
/// A page that pages through its article with a script (a gallery of thirty
/// sections, all but one `display: none`; tabs; "read more") hides most of
/// its text in the markup. A reader who clicks through sees it all, so when
/// the prose hidden outweighs the prose shown (``ExtractionThresholds``),
/// the hidden elements that hold prose are judged like any other.
enum HiddenProse {
    /// Shows the hidden elements holding prose when they hold most of it; true if so.
    static func showIfMostOfThePage(_ table: inout [ElementHints], in tree: HTMLTree) -> Bool {
        // Prose: text inside a paragraph, outside links and ignored elements.
        var prose = [Int32](repeating: 0, count: tree.count)
        var paragraphEnd: HTMLTree.NodeID = 0
        var skippedEnd: HTMLTree.NodeID = 0
        for index in 0..<HTMLTree.NodeID(tree.count) {
            let node = tree[index]
            switch node.tag {
            case .text:
                if index < paragraphEnd, index >= skippedEnd, let text = tree.text(of: index) {
                    prose[Int(index)] = Int32(clamping: text.unicodeScalars.count)
                }
            case .p:
                paragraphEnd = max(paragraphEnd, node.end)
            case .a:
                skippedEnd = max(skippedEnd, node.end)
            default:
                if node.tag.isIgnored { skippedEnd = max(skippedEnd, node.end) }
            }
        }
        tree.sumOverSubtrees(&prose, adding: &+)
        var hidden = 0
        var index: HTMLTree.NodeID = 1
        while index < HTMLTree.NodeID(tree.count) {
            if table[Int(index)].boilerplate == .hidden {
                hidden += Int(prose[Int(index)])
                index = tree[index].end
            } else {
                index += 1
            }
        }
        let shown = Int(prose[Int(HTMLTree.root)]) - hidden
        guard hidden >= ExtractionThresholds.hiddenProseMinimum,
            Double(hidden) > ExtractionThresholds.hiddenProseRatio * Double(shown)
        else { return false }
        for index in table.indices where table[index].boilerplate == .hidden && prose[index] > 0 {
            table[index].boilerplate = nil
            table[index].isHiddenByMarkup = false
        }
        return true
    }
}

/// The word lists a page's class-like names match, remembered name by name:
/// pages repeat the same class names on element after element, and a name
/// seen before costs a hash of its bytes instead of a scan of the lists.
///
/// A value is matched name by name (split at ASCII whitespace), which
/// matches what the whole value does because no list entry holds a blank.
struct PageNames {
    private var names = ByteKeyIndex()
    /// The lists each name matches, by its number in `names`.
    private var lists: [UInt64] = []

    mutating func lists(matching value: String) -> UInt64 {
        var value = value
        return value.withUTF8 { bytes in
            var found: UInt64 = 0
            var start = 0
            for index in 0...bytes.count where index == bytes.count || NameMatcher.isBlank(bytes[index]) {
                if index > start {
                    let name = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    let (number, isNew) = names.insert(name)
                    if isNew { lists.append(NameMatcher.lists(matching: name)) }
                    found |= lists[number]
                }
                start = index + 1
            }
            return found
        }
    }
}

/// Matches class-like names against the word lists, on bytes.
///
/// A name matches a list entry either as a whole word of the lowercased
/// names (split at anything but ASCII letters and digits), for entries
/// written with a leading `*` anywhere inside the names, or, for entries
/// written with a leading `=`, only as the whole name ("hidden" hides an
/// element; "overflow-hidden" and "field--label-hidden" do not). All lists are
/// matched in one pass: every word and every substring entry carries the
/// set of lists (a bit mask) it belongs to.
enum NameMatcher {
    /// The word lists class-like names match, as bits. Names matched apart
    /// match together what they match apart (no entry spans a space), so
    /// the values of an element's attributes are matched one by one.
    static func lists(matching names: String) -> UInt64 {
        var names = names
        return names.withUTF8(lists(matching:))
    }

    /// The same for names given as UTF-8 bytes.
    static func lists(matching names: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let bytes = [UInt8](unsafeUninitializedCapacity: names.count) { buffer, count in
            for byte in names {
                buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                count += 1
            }
        }
        return table.lists(matching: bytes)
    }

    /// The blanks class lists separate names with (HTML's ASCII whitespace).
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// The bytes of the words a name is split into for whole-word entries
    /// (lower-case letters, digits, anything not ASCII); every other byte
    /// ends a word.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    /// The hints the lists matched (`lists(matching:)`) give.
    static func hints(lists found: UInt64) -> NameHints {
        var hints = NameHints()
        hints.isArticleBody = found & Bit.articleBody != 0
        hints.isCaption = found & Bit.caption != 0
        hints.isCredit = found & Bit.credit != 0
        hints.isByline = found & Bit.byline != 0
        let protected = found & Bit.contentWord != 0 && found & Bit.unprotectedWord == 0
        guard !hints.isArticleBody, !protected else { return hints }
        for (index, entry) in boilerplateNames.enumerated() where found & (Bit.firstReason << UInt64(index)) != 0 {
            hints.boilerplate = entry.0
            break
        }
        if hints.boilerplate == nil, hints.isByline { hints.boilerplate = .metadata }
        return hints
    }

    /// Whether `haystack` contains `needle`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        ByteSearch.firstIndex(of: needle, in: haystack) != nil
    }

    enum Bit {
        /// How many lists there are (bits 0..<count).
        static let count = 6 + boilerplateNames.count
        static let articleBody: UInt64 = 1 << 0
        static let caption: UInt64 = 1 << 1
        static let credit: UInt64 = 1 << 2
        static let byline: UInt64 = 1 << 3
        static let contentWord: UInt64 = 1 << 4
        static let unprotectedWord: UInt64 = 1 << 5
        static let firstReason: UInt64 = 1 << 6
    }

    /// All word lists, compiled.
    private struct Table {
        /// Whole-word entries, with their lists.
        private let words: ByteKeyTable<UInt64>
        /// Whole-name entries, with their lists.
        private let wholeNames: ByteKeyTable<UInt64>
        /// Substring entries (two bytes or more), grouped by their first two
        /// bytes; their bytes are runs of `patternBytes`. All plain values,
        /// which the scan over every byte of a name reads through buffer
        /// pointers.
        private var substrings: [(start: Int, count: Int, lists: UInt64)] = []
        private var patternBytes: [UInt8] = []
        /// Whether some substring entry starts with these two bytes (first
        /// byte × 256 + second), one bit each: 8 KiB, so that it stays in the
        /// first-level cache. Most places in a name start none.
        private var startsAPattern: [UInt64] = Array(repeating: 0, count: 256 * 256 / 64)
        /// How many bits are set in the words of `startsAPattern` before each:
        /// a pair's group is `groups[rank]`, its rank the bits set before it.
        private var bitsBefore: [Int32] = []
        private var groups: [Range<Int>] = []

        init(_ lists: [([String], UInt64)]) {
            var patterns: [(pattern: [UInt8], lists: UInt64)] = []
            var words: [String: UInt64] = [:]
            var wholeNames: [String: UInt64] = [:]
            for (entries, bit) in lists {
                for entry in entries {
                    // `PageNames` matches a class list name by name.
                    precondition(!entry.utf8.contains(where: NameMatcher.isBlank), "a list entry holds a blank")
                    if entry.hasPrefix("*") {
                        precondition(entry.utf8.count >= 3, "a substring entry is shorter than two bytes")
                        patterns.append((Array(entry.dropFirst().utf8), bit))
                    } else if entry.hasPrefix("=") {
                        wholeNames[String(entry.dropFirst()), default: 0] |= bit
                    } else {
                        precondition(
                            entry.utf8.allSatisfy(NameMatcher.isWordByte), "a whole-word entry holds a byte that splits words: \(entry)")
                        words[entry, default: 0] |= bit
                    }
                }
            }
            self.words = ByteKeyTable(words.sorted { $0.key < $1.key })
            self.wholeNames = ByteKeyTable(wholeNames.sorted { $0.key < $1.key })
            // Grouped by first two bytes, in the order given within a group.
            var byPair: [Int: [(pattern: [UInt8], lists: UInt64)]] = [:]
            for entry in patterns { byPair[Int(entry.pattern[0]) * 256 + Int(entry.pattern[1]), default: []].append(entry) }
            for (pair, entries) in byPair.sorted(by: { $0.key < $1.key }) {
                startsAPattern[pair >> 6] |= 1 << UInt64(pair & 63)
                let start = substrings.count
                for (pattern, bit) in entries {
                    substrings.append((patternBytes.count, pattern.count, bit))
                    patternBytes += pattern
                }
                groups.append(start..<substrings.count)
            }
            var total: Int32 = 0
            for word in startsAPattern {
                bitsBefore.append(total)
                total += Int32(word.nonzeroBitCount)
            }
        }

        func lists(matching name: [UInt8]) -> UInt64 {
            var found: UInt64 = 0
            // Whole-name entries, name by name (the names a value lists are separated by blanks).
            name.withUnsafeBufferPointer { bytes in
                var start = 0
                for index in 0...bytes.count where index == bytes.count || NameMatcher.isBlank(bytes[index]) {
                    if index > start, let lists = wholeNames[UnsafeBufferPointer(rebasing: bytes[start..<index])] { found |= lists }
                    start = index + 1
                }
            }
            var wordStart = -1
            name.withUnsafeBufferPointer { bytes in
                substrings.withUnsafeBufferPointer { substrings in
                    patternBytes.withUnsafeBufferPointer { patternBytes in
                        startsAPattern.withUnsafeBufferPointer { startsAPattern in
                            bitsBefore.withUnsafeBufferPointer { bitsBefore in
                                let count = bytes.count
                                for index in 0...count {
                                    let byte = index < count ? bytes[index] : 0x20
                                    let second = index + 1 < count ? Int(bytes[index + 1]) : 0
                                    let pair = Int(byte) * 256 + second
                                    let bits = startsAPattern[pair >> 6]
                                    let bit: UInt64 = 1 << UInt64(pair & 63)
                                    if index + 1 < count, bits & bit != 0 {
                                        let rank = Int(bitsBefore[pair >> 6]) + (bits & (bit - 1)).nonzeroBitCount
                                        for entry in substrings[groups[rank]]
                                        where found & entry.lists != entry.lists && index + entry.count <= count {
                                            var offset = 2
                                            while offset < entry.count, bytes[index + offset] == patternBytes[entry.start + offset] {
                                                offset += 1
                                            }
                                            if offset == entry.count { found |= entry.lists }
                                        }
                                    }
                                    if NameMatcher.isWordByte(byte) {
                                        if wordStart < 0 { wordStart = index }
                                    } else if wordStart >= 0 {
                                        if let lists = words[UnsafeBufferPointer(rebasing: bytes[wordStart..<index])] { found |= lists }
                                        wordStart = -1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return found
        }
    }

    private static let table = Table(
        [
            (articleBodyNames, Bit.articleBody), (captionNames, Bit.caption), (creditNames, Bit.credit),
            (bylineNames, Bit.byline), (contentWords, Bit.contentWord), (unprotectedWords, Bit.unprotectedWord),
        ] + boilerplateNames.enumerated().map { index, entry in (entry.1, Bit.firstReason << UInt64(index)) })

    /// Names that say "this is the content" and overrule boilerplate words…
    private static let contentWords = ["article", "content", "main", "story", "post", "entry", "body", "text"]

    /// … unless they also say one of these.
    private static let unprotectedWords = [
        "related", "comments", "comment", "share", "sharing", "social", "newsletter", "promo", "sidebar", "footer",
        "nav", "navigation", "recommended", "ad", "ads", "advertisement", "outbrain", "taboola", "trending",
        "popular", "tags", "byline", "author", "meta", "subscribe", "signup", "cookie", "toolbar", "tools",
        "breadcrumb", "breadcrumbs", "caption", "credit",
    ]

    static let articleBodyNames = [
        "*articlebody", "*article-body", "*article_body", "*article__body", "*storybody", "*story-body",
        "*story_body", "*story__body", "*entry-content", "*post-content", "*post-body", "*postbody",
        "*article-content", "*article__content", "*articlecontent", "*story-content", "*storycontent",
        "*body-text", "*bodytext", "*article-text", "*articletext", "*story-text", "*content-body",
        "*td-post-content", "*field-body", "*rich-text", "*entry-body", "*main-text",
    ]

    static let captionNames = [
        "caption", "figcaption", "*caption", "*wp-caption-text", "imagetext", "*image-text", "*photo-text",
        "*img-desc", "*image-desc", "*photo-desc",
    ]

    static let creditNames = [
        "credit", "credits", "*credit", "copyright", "photographer", "*image-source", "*photo-source",
        "attribution",
    ]

    static let bylineNames = [
        "byline", "*byline", "author", "authors", "*author-name", "*authorname", "*writer", "contributor",
        "contributors",
    ]

    /// Boilerplate reasons with the names that give them away, most specific first.
    static let boilerplateNames: [(BoilerplateReason, [String])] = [
        (.cookieBanner, ["cookie", "cookies", "*cookie", "consent", "*consent", "gdpr", "*cmp-"]),
        (.comments, ["comments", "comment", "*comment-", "*comments", "*disqus", "respond", "replies",
                     "*commentlist", "*comment_", "discussion", "*livefyre", "*coral", "*viafoura"]),
        (.newsletter, ["newsletter", "*newsletter", "subscribe", "*subscribe", "signup", "*sign-up", "*signup",
                       "*optin", "*opt-in", "*email-capture"]),
        (.shareBar, ["share", "sharing", "*share-", "*-share", "*sharebar", "*sharing", "social", "*social-",
                     "*socialshare", "toolbar", "tools", "*article-tools", "*print-", "*addthis", "*sharethis",
                     "*follow-us"]),
        (.relatedLinks, ["related", "*related", "recommended", "*recommend", "*outbrain", "*taboola", "trending",
                         "*trending", "popular", "*most-popular", "*mostpopular", "*most-read", "*mostread",
                         "*more-stories", "*morestories", "*read-more", "*readmore", "*also-read", "*see-also",
                         "*read-next", "*readnext", "*up-next", "*upnext", "*more-from", "*morefrom",
                         "*you-may-like", "*dont-miss", "*further-reading", "teaser", "teasers", "*promo-list",
                         "*crosslink", "*cross-link", "*linkbox"]),
        (.advertisement, ["ad", "ads", "*advert", "*ad-slot", "*adslot", "*ad-container", "*ad-wrapper", "*adunit",
                          "*ad-unit", "*dfp", "*gpt-ad", "*sponsor", "sponsored", "*native-ad",
                          "*-ad-", "*googlead", "*adsense", "*banner-ad", "*leaderboard", "*billboard",
                          "advertisement", "*outstream"]),
        (.promotion, ["promo", "*promo", "*paywall-prompt", "*paywall-cta", "*paywall-offer", "*paywall-message", "*subscription", "*register", "modal", "*modal",
                      "popup", "*popup", "overlay", "*app-promo", "*download-app", "*cta", "callout",
                      "*donate", "*membership", "*inline-offer"]),
        (.navigation, ["nav", "*navbar", "*navigation", "menu", "*menu", "breadcrumb", "breadcrumbs",
                       "*breadcrumb", "pagination", "pager", "*skip-link", "*skiplink", "*jump-link"]),
        (.header, ["masthead", "*site-header", "*siteheader", "*page-header", "*global-header", "*top-bar",
                   "*topbar"]),
        (.footer, ["footer", "*footer", "*site-footer", "colophon"]),
        (.sidebar, ["sidebar", "*sidebar", "rail", "*right-rail", "*rightrail", "*side-bar"]),
        (.metadata, ["tags", "*tag-list", "*taglist", "topics", "keywords", "*post-meta", "*article-meta",
                     "*entry-meta", "timestamp", "*publish-date", "*pubdate", "*author-bio",
                     "*authorbio", "*about-author", "*author-info", "bio", "*byline", "categories"]),
        (.hidden, ["=hidden", "=is-hidden", "=d-none", "*sr-only", "*visually-hidden", "*visuallyhidden", "*screen-reader", "*screenreader",
                   "*offscreen", "*off-screen", "*a11y"]),
    ]
}

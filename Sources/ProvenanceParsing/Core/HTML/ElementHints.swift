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

    init(tree: HTMLTree, node id: HTMLTree.NodeID) {
        let tag = tree[id].tag
        switch tag {
        case .nav: boilerplate = .navigation
        case .aside: boilerplate = .sidebar
        case .footer: boilerplate = .footer
        case .figcaption: isCaption = true
        default: break
        }
        if tree.attribute(.hidden, of: id) != nil {
            boilerplate = .hidden
            isHiddenByMarkup = true
            return
        }
        if let style = tree.attribute(.style, of: id)?.lowercased(),
            style.replacingOccurrences(of: " ", with: "").contains("display:none")
                || style.replacingOccurrences(of: " ", with: "").contains("visibility:hidden")
        {
            boilerplate = .hidden
            isHiddenByMarkup = true
            return
        }
        let itemprop = tree.attribute(.itemprop, of: id)?.lowercased() ?? ""
        if itemprop.contains("articlebody") || itemprop == "reviewbody" || itemprop == "text" {
            isArticleBody = true
        }
        if itemprop.contains("caption") { isCaption = true }
        if itemprop.contains("author") || itemprop == "creator" { isByline = true }
        if itemprop == "copyrightholder" { isCredit = true }

        // Wrappers of the whole page carry all sorts of words in their class
        // names ("single-post has-comments"); never judge them by names.
        switch tag {
        case .html, .body, .main, .document:
            return
        default:
            break
        }
        defer {
            // Landmark roles, where names said nothing.
            if boilerplate == nil, !isArticleBody {
                boilerplate = ElementHints.landmarkRoles[tree.attribute(.role, of: id)?.lowercased() ?? ""]
            }
        }
        var names = ""
        for attribute in [HTMLAttribute.class, .id, .dataComponent, .dataTestID, .dataModule, .dataType] {
            if let value = tree.attribute(attribute, of: id) {
                names += " " + value.lowercased()
            }
        }
        if names.isEmpty { return }
        let words = ElementHints.words(names)
        if ElementHints.matchesArticleBody(names, words) {
            isArticleBody = true
        }
        if ElementHints.matchesAny(names, words, ElementHints.captionNames) { isCaption = true }
        if ElementHints.matchesAny(names, words, ElementHints.creditNames) { isCredit = true }
        if ElementHints.matchesAny(names, words, ElementHints.bylineNames) { isByline = true }
        guard boilerplate == nil, !isArticleBody, !ElementHints.protects(words) else { return }
        for (reason, list) in ElementHints.boilerplateNames where ElementHints.matchesAny(names, words, list) {
            boilerplate = reason
            break
        }
        if boilerplate == nil, isByline { boilerplate = .metadata }
    }

    // MARK: Word lists

    private static let landmarkRoles: [String: BoilerplateReason] = [
        "navigation": .navigation, "menubar": .navigation, "menu": .navigation, "tablist": .navigation,
        "search": .navigation, "banner": .header, "contentinfo": .footer, "complementary": .sidebar,
        "dialog": .promotion, "alertdialog": .promotion,
    ]

    /// A name matches a list entry either as a whole word of the lowercased
    /// names (split at anything but letters and digits) or, for
    /// entries written with a leading `*`, anywhere inside the names.
    private static func matchesAny(_ names: String, _ words: Set<String>, _ list: [String]) -> Bool {
        for entry in list {
            if entry.hasPrefix("*") {
                if names.contains(entry.dropFirst()) { return true }
            } else if words.contains(entry) {
                return true
            }
        }
        return false
    }

    private static func words(_ names: String) -> Set<String> {
        var result: Set<String> = []
        var current = ""
        for character in names {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                if !current.isEmpty { result.insert(current) }
                current = ""
            }
        }
        if !current.isEmpty { result.insert(current) }
        return result
    }

    private static func matchesArticleBody(_ names: String, _ words: Set<String>) -> Bool {
        matchesAny(names, words, articleBodyNames)
    }

    /// Names that say "this is the content" and overrule boilerplate words.
    private static func protects(_ words: Set<String>) -> Bool {
        !words.isDisjoint(with: ["article", "content", "main", "story", "post", "entry", "body", "text"])
            && words.isDisjoint(with: ["related", "comments", "comment", "share", "sharing", "social", "newsletter",
                                       "promo", "sidebar", "footer", "nav", "navigation", "recommended", "ad",
                                       "ads", "advertisement", "outbrain", "taboola", "trending", "popular",
                                       "tags", "byline", "author", "meta", "subscribe", "signup", "cookie",
                                       "toolbar", "tools", "breadcrumb", "breadcrumbs", "caption", "credit"])
    }

    static let articleBodyNames = [
        "*articlebody", "*article-body", "*article_body", "*article__body", "*storybody", "*story-body",
        "*story_body", "*story__body", "*entry-content", "*post-content", "*post-body", "*postbody",
        "*article-content", "*article__content", "*articlecontent", "*story-content", "*storycontent",
        "*body-text", "*bodytext", "*article-text", "*articletext", "*story-text", "*content-body",
        "*td-post-content", "*field-body", "*rich-text", "*entry-body", "*main-text",
    ]

    static let captionNames = [
        "caption", "figcaption", "*caption", "*wp-caption-text", "imagetext", "image-text", "photo-text",
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
        (.hidden, ["hidden", "*sr-only", "*visually-hidden", "*visuallyhidden", "*screen-reader", "*screenreader",
                   "*offscreen", "*a11y"]),
    ]
}

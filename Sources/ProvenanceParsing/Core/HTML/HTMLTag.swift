/// The HTML elements extraction tells apart; everything else is `.other`.
enum HTMLTag: UInt8, Sendable {
    case document, text, other
    case a
    case abbr
    case address
    case article
    case aside
    case audio
    case b
    case blockquote
    case body
    case br
    case button
    case canvas
    case caption
    case center
    case cite
    case code
    case dd
    case del
    case details
    case dialog
    case div
    case dl
    case dt
    case em
    case embed
    case fieldset
    case figcaption
    case figure
    case font
    case footer
    case form
    case h1
    case h2
    case h3
    case h4
    case h5
    case h6
    case head
    case header
    case hr
    case html
    case i
    case iframe
    case img
    case input
    case ins
    case label
    case legend
    case li
    case link
    case main
    case mark
    case menu
    case meta
    case nav
    case noscript
    case object
    case ol
    case option
    case p
    case picture
    case pre
    case q
    case s
    case script
    case section
    case select
    case small
    case source
    case span
    case strong
    case style
    case sub
    case summary
    case sup
    case svg
    case table
    case tbody
    case td
    case template
    case textarea
    case tfoot
    case th
    case thead
    case time
    case title
    case tr
    case u
    case ul
    case video
    case wbr
    case math

    /// The tag for a lowercase element name given as UTF-8 bytes, as the
    /// parser hands them over: no string is made.
    init(name bytes: UnsafeBufferPointer<UInt8>) {
        self = HTMLTag.byBytes.value(for: bytes) ?? .other
    }

    private static let byBytes = ShortNameTable(byName)

    private static let byName: [String: HTMLTag] = [
        "a": .a,
        "abbr": .abbr,
        "address": .address,
        "article": .article,
        "aside": .aside,
        "audio": .audio,
        "b": .b,
        "blockquote": .blockquote,
        "body": .body,
        "br": .br,
        "button": .button,
        "canvas": .canvas,
        "caption": .caption,
        "center": .center,
        "cite": .cite,
        "code": .code,
        "dd": .dd,
        "del": .del,
        "details": .details,
        "dialog": .dialog,
        "div": .div,
        "dl": .dl,
        "dt": .dt,
        "em": .em,
        "embed": .embed,
        "fieldset": .fieldset,
        "figcaption": .figcaption,
        "figure": .figure,
        "font": .font,
        "footer": .footer,
        "form": .form,
        "h1": .h1,
        "h2": .h2,
        "h3": .h3,
        "h4": .h4,
        "h5": .h5,
        "h6": .h6,
        "head": .head,
        "header": .header,
        "hr": .hr,
        "html": .html,
        "i": .i,
        "iframe": .iframe,
        "img": .img,
        "input": .input,
        "ins": .ins,
        "label": .label,
        "legend": .legend,
        "li": .li,
        "link": .link,
        "main": .main,
        "mark": .mark,
        "menu": .menu,
        "meta": .meta,
        "nav": .nav,
        "noscript": .noscript,
        "object": .object,
        "ol": .ol,
        "option": .option,
        "p": .p,
        "picture": .picture,
        "pre": .pre,
        "q": .q,
        "s": .s,
        "script": .script,
        "section": .section,
        "select": .select,
        "small": .small,
        "source": .source,
        "span": .span,
        "strong": .strong,
        "style": .style,
        "sub": .sub,
        "summary": .summary,
        "sup": .sup,
        "svg": .svg,
        "table": .table,
        "tbody": .tbody,
        "td": .td,
        "template": .template,
        "textarea": .textarea,
        "tfoot": .tfoot,
        "th": .th,
        "thead": .thead,
        "time": .time,
        "title": .title,
        "tr": .tr,
        "u": .u,
        "ul": .ul,
        "video": .video,
        "wbr": .wbr,
        "math": .math,
    ]
}

extension HTMLTag {
    /// Elements that start a new block of text.
    var isBlock: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .body, .caption, .center, .dd, .details, .dialog,
             .div, .dl, .dt, .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5,
             .h6, .header, .hr, .html, .legend, .li, .main, .menu, .nav, .ol, .p, .pre, .section,
             .summary, .table, .tbody, .td, .tfoot, .th, .thead, .tr, .ul, .br, .document, .noscript:
            true
        default:
            false
        }
    }

    /// Elements that hold blocks rather than being one.
    var isContainer: Bool {
        switch self {
        case .document, .html, .body, .main, .article, .section, .div, .td, .th, .tr, .tbody, .table, .center,
             .form, .header, .footer, .aside, .nav, .details, .dialog, .figure, .ul, .ol, .dl, .other:
            true
        default:
            false
        }
    }

    /// Headings `h1`…`h6`.
    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }

    /// Elements whose content is never article text.
    var isIgnored: Bool {
        switch self {
        case .script, .style, .template, .svg, .math, .canvas, .iframe, .object, .embed, .select,
             .option, .textarea, .button, .input, .audio, .video, .source, .head, .title, .meta, .link:
            true
        default:
            false
        }
    }
}

/// The attributes extraction reads; others are dropped while parsing.
enum HTMLAttribute: UInt8, Sendable {
    case id, `class`, itemprop, itemtype, role, href, rel, name, property, content, datetime, alt
    case ariaHidden, ariaLabel, hidden, style, type, charset, httpEquiv, lang
    case dataComponent, dataTestID, dataModule, dataType

    /// The attribute for a lowercase attribute name given as UTF-8 bytes: no
    /// string is made, and most names (`src`, `width`, `data-…`) are turned
    /// down by their length and first bytes.
    init?(name bytes: UnsafeBufferPointer<UInt8>) {
        guard let known = HTMLAttribute.byBytes.value(for: bytes) else { return nil }
        self = known
    }

    private static let byBytes = ShortNameTable(byName)

    private static let byName: [String: HTMLAttribute] = [
        "id": .id, "class": .class, "itemprop": .itemprop, "itemtype": .itemtype, "role": .role, "href": .href,
        "rel": .rel, "name": .name, "property": .property, "content": .content, "datetime": .datetime, "alt": .alt,
        "aria-hidden": .ariaHidden, "aria-label": .ariaLabel, "hidden": .hidden, "style": .style, "type": .type,
        "charset": .charset, "http-equiv": .httpEquiv, "lang": .lang, "data-component": .dataComponent,
        "data-testid": .dataTestID, "data-module": .dataModule, "data-type": .dataType,
    ]
}

/// Names of at most 16 bytes looked up by their bytes: each name packed into
/// two integers, filed by length, and compared with the packed input — for
/// the handful of names of each length, cheaper than making a string and
/// hashing it.
package struct ShortNameTable<Value: Sendable>: Sendable {
    private var byLength: [[(low: UInt64, high: UInt64, value: Value)]] = Array(repeating: [], count: 17)

    package init(_ names: [String: Value]) {
        for (name, value) in names.sorted(by: { $0.key < $1.key }) {
            let bytes = Array(name.utf8)
            guard bytes.count <= 16 else { continue }
            let (low, high) = bytes.withUnsafeBufferPointer(Self.packed)
            byLength[bytes.count].append((low, high, value))
        }
    }

    package func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard bytes.count <= 16 else { return nil }
        let (low, high) = Self.packed(bytes)
        for entry in byLength[bytes.count] where entry.low == low && entry.high == high { return entry.value }
        return nil
    }

    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { low |= UInt64(byte) << (8 * UInt64(index)) } else { high |= UInt64(byte) << (8 * UInt64(index - 8)) }
        }
        return (low, high)
    }
}

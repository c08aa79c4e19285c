import Foundation
import Testing
import ProvenanceParsing

/// Script and style bodies and unread attributes come out before the parse,
/// and nothing else does: the tree is the same either way.
@Suite struct UnusedMarkupTests {
    private func removed(_ html: String) -> String {
        String(decoding: UnusedMarkup.removed(from: Array(html.utf8)), as: UTF8.self)
    }

    @Test func scriptAndStyleBodiesGoTheTagsStay() {
        let page = #"<p>a</p><script>var x = "<p>not text</p>";</script><STYLE media="x">p { color: red }</Style><p>b</p>"#
        #expect(removed(page) == #"<p>a</p><script></script><STYLE media="x"></Style><p>b</p>"#)
    }

    @Test func aScriptEndsAtTheFirstClosingTagInAnyCase() {
        #expect(removed("<script>a = '</SCRIPT>'; b</script><p>c</p>") == "<script></SCRIPT>'; b</script><p>c</p>")
    }

    @Test func linkedDataKeepsItsBody() {
        let page = #"<script type="application/ld+json">{"headline": "Port reopens"}</script><p>a</p>"#
        #expect(removed(page) == page)
    }

    @Test(arguments: [
        // In a comment, a script tag is no tag.
        "<!-- <script> --><p>kept</p></script>",
        // Nor inside a quoted attribute value.
        #"<div class="<script>">text</div><p>after</p></script>"#,
        // Nor inside an end tag or a processing instruction, which end at ">".
        "<p>a</p <script>>kept</p></script>",
        #"<?php echo "<script>"; ?><p>kept</p></script>"#,
        // A self-closed script has no body: what follows is the page.
        #"<script src="a.js"/><p>kept</p></script>"#,
        // A name that only starts like one.
        "<scripts>kept</scripts><stylesheet>kept</stylesheet>",
        // Never closed, or a tag that never ends: left to the parser.
        "<p>a</p><script>var x = 1;",
        #"<p>a</p><script src="never closed"#,
        "<p>a < b and c<d</p>",
        "",
    ])
    func whatIsNotABodyIsLeftAlone(page: String) {
        #expect(removed(page) == page)
    }

    @Test func theArticleIsTheSameWithoutTheBodies() throws {
        let paragraph = "The harbour reopened on Monday after the storm, the port authority said in a statement."
        let script = "<script>document.write('<p>\(paragraph) Injected.</p>'); var s = \"</div>\";</script>"
        let html = """
            <html><head><title>Harbour reopens</title><style>article p { margin: 0 }</style></head>
            <body><article><h1>Harbour reopens</h1>\(script)<p>\(paragraph)</p><p>\(paragraph)</p></article></body></html>
            """
        let article = try TestSupport.extract(html)
        #expect(article.body.contains(paragraph))
        #expect(!article.body.contains("Injected"))
        #expect(!article.body.contains("margin"))
    }

    @Test(arguments: [
        (#"<div class="story" data-id="7" id=main>"#, #"<div class="story" id=main>"#),
        (#"<DIV CLASS="a" DATA-X='1' Role=main>"#, #"<DIV CLASS="a" Role=main>"#),
        (#"<img alt="Harbour" src="a.png" srcset="a.png 1x, b.png 2x"/>"#, #"<img alt="Harbour"/>"#),
        ("<br data-x=1 />", "<br/>"),
        // The slash belongs to the plain value: the tag does not close itself.
        ("<a data-x=foo/>", "<a>"),
        ("<p\n  data-a = \"x\"\n  hidden>", "<p hidden>"),
        (#"<a href="/x" onclick="go('<b>')" rel=nofollow>"#, #"<a href="/x" rel=nofollow>"#),
    ])
    func unreadAttributesGo(tag: String, trimmed: String) {
        #expect(removed(tag + "text</p>") == trimmed + "text</p>")
    }

    @Test(arguments: [
        // Nothing to drop.
        #"<div class="a" id="b">"#, "<p>", "<br/>",
        // Not plainly written: no blank between attributes, odd bytes in a
        // plain value or a name, a form feed, a name libxml2 would cut.
        #"<a href="x"data-y="z">"#, "<a data-x=a=b>", "<a data-x=a`b>", "<a 1x=2 data-y=z>", "<a\u{0C}data-x=1>",
        "<a data-x=1 \(String(repeating: "b", count: 120))=2>", "<\(String(repeating: "x", count: 120)) data-x=1>",
    ])
    func otherTagsStayWhole(tag: String) {
        #expect(removed(tag + "text") == tag + "text")
    }

    /// The same tree either way, and every text in the same place of the page.
    static func treesAgree(_ page: [UInt8]) -> Bool {
        htmlTreeDump(parsingUTF8: page, keepingUnusedMarkup: false) == htmlTreeDump(parsingUTF8: page, keepingUnusedMarkup: true)
            && htmlTextPlaces(parsingUTF8: page, keepingUnusedMarkup: false)
                == htmlTextPlaces(parsingUTF8: page, keepingUnusedMarkup: true)
    }

    /// Tags written every which way: the tree is the same with the unused
    /// markup taken out as with it left in.
    @Test func theTreeIsTheSameEitherWay() {
        let page = #"""
            <!DOCTYPE html><html lang="en" data-theme=dark><head><meta charset="utf-8" data-x=1>
            <title data-t="x">Harbour reopens</title><script src="a.js" async></script></head>
            <body class="single" onload="init()"><nav data-nav aria-label="Main"><a href="/" data-track=home/>Home</a></nav>
            <article itemprop="articleBody" data-id='7'><h1 data-h>Harbour <em class=x data-y="<b>">reopens</em></h1>
            <p data-a="1"data-b="2">Joined attributes.</p><p data-a=1 =2>Bogus.</p><p data-x=a/>After a plain slash.</p>
            <figure data-f><img src="p.jpg" alt="The port" srcset="p.jpg 1x" /><figcaption class="caption" data-c>The port.
            (Photo: Ana Ruiz/Reuters)</figcaption></figure><div data-x=1/><p>After a plain slash.</p><div data-x="1"/><p>After a self-closed div.</p><span data-s='x' />Outside the span.
            <p STYLE="display:none" DATA-HIDDEN>Hidden.</p><svg viewBox="0 0 1 1"><path d="M0 0"/></svg>
            <ul data-list><li data-i=1>One<li data-i=2>Two</ul><table data-t><tr data-r><td data-d>Cell</table>
            </article><footer data-f role="contentinfo">Footer</footer></body></html>
            """#
        #expect(Self.treesAgree(Array(page.utf8)))
    }

    /// Constructs libxml2 reads differently from a plain tag scan; each would
    /// let an attribute value run over a later tag if the scan misread it.
    /// (The first was found by the html fuzz target.)
    @Test(arguments: [
        #"<!DOC<link rel="canonic><p>a</p><img src="x" alt="y"><p>b</p>"#,
        #"</ <a title="x data-y=1><p>z</p><img src="q" alt="r">"><p>after</p>"#,
        #"<? <a title="x><img src="q" alt="r">"><p>after</p>"#,
        #"<!DOCTYPE html PUBLIC "-//X>Y//EN" "x"><p data-x=1>a</p><img src="q" alt="r">"#,
        #"<!--><a title="--><img src=q alt=r>"><p>after</p>"#,
        #"<!---><a title="--><img src=q alt=r>"><p>after</p>"#,
        #"<!-- a --!><a title="x --><img src=q alt=r>"><p>after</p>"#,
        #"<![CDATA[<a title="]]><img src="q" alt="r">"]]><p>after</p>"#,
        #"<p>a</p><a title='x"><img src="q" alt="r">'>b</a>"#,
        // A script's body goes on after an end tag of another name (found by the fuzzer).
        #"<script type="application/ld+json">{"a":1}</scripts x><meta data-x=1 name=a content=b>{}</script><p data-y=2>c</p>"#,
        #"<script>var a;</scriptx><img src="q" alt="r"></script><p data-y=2>c</p>"#,
        // A name ends at any byte that is not a name's: "<script<b" starts a script (found by the fuzzer).
        #"<script<b type="application/ld+json">{"a": "<img src='q' alt='r'>"}</script><p data-y=2>c</p>"#,
        // Where a body starts, libxml2 reads an end tag, or a start tag that
        // closes the element, as markup (found by the fuzzer).
        #"<div><p>a<script type="x"></html><img src="q" alt="r"></script></div><html><p data-y=2>c</p></body></html>"#,
        #"<script><noscript><img src="q" alt="r"></noscript></script><p data-y=2>c</p>"#,
        #"<style><frameset><img src="q" alt="r"></style><p data-y=2>c</p>"#,
        #"<script type="application/ld+json"></scriptx></p><img src="q" alt="r"></script><p data-y=2>c</p>"#,
        // Bogus attributes are skipped to a blank or ">", quotes or not.
        #"<a <b="x>y" data-z=1><img src="q" alt="r">"><p>after</p>"#,
    ])
    func oddConstructsGiveTheSameTree(page: String) {
        #expect(Self.treesAgree(Array(page.utf8)))
    }

    /// The same for every page we wrote: the examples, the fuzzer's seeds
    /// and the HTML report snapshot.
    @Test func theTreeIsTheSameForOurPages() throws {
        let folders = ["Examples", "Fuzz/seeds/html", "Tests/EndToEndTests/Snapshots"].map { TestSupport.packageRoot.appendingPathComponent($0) }
        var pages = 0
        for folder in folders {
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where ["html", "htm"].contains(file.pathExtension.lowercased()) {
                #expect(Self.treesAgree(Array(try Data(contentsOf: file))), "\(file.lastPathComponent)")
                pages += 1
            }
        }
        #expect(pages >= 5)
    }
}

import Testing
import ProvenanceParsing

/// Script and style bodies come out before the parse, and nothing else does.
@Suite struct ScriptBodiesTests {
    private func removed(_ html: String) -> String {
        String(decoding: ScriptBodies.removed(from: Array(html.utf8)), as: UTF8.self)
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
        #"<div data-html="<script>">text</div><p>after</p></script>"#,
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
}

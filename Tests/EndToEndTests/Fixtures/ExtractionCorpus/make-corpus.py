#!/usr/bin/env python3
"""Writes the small extraction corpus of the training test: pages we wrote,
laid out as the two corpora `provenance-train extraction` reads —
benchmark/ (ground-truth.json, html/ID.html.gz) and snippets/ (evaldata.json,
html/FILE.gz). Run from the package root:

    python3 Tests/EndToEndTests/Fixtures/ExtractionCorpus/make-corpus.py

The files are committed; this script says how they were made (gzip with a
fixed time stamp, so that they come out the same). Standard library only.
"""
import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

STORIES = [
    ("harbour-dredging", "Dredging of the north harbour starts in May",
     ["The port authority said on Tuesday that dredging of the north harbour will start in May, two months later than planned.",
      "Engineers found more silt than the survey of last year had shown, a spokeswoman for the authority said.",
      "Ferries will use the south quay while the work goes on, and the timetable will not change.",
      "The work is paid for by the regional fund and is expected to cost about four million."]),
    ("library-hours", "Libraries to open on Sundays from autumn",
     ["The city council voted on Monday to open its three main libraries on Sundays from September.",
      "Staff will work the new hours on a voluntary basis, the council's culture officer told members.",
      "A trial last spring drew more than two thousand visitors a week, according to figures from the library service.",
      "Smaller branches will keep their present hours until the budget for next year is set."]),
    ("rail-strike", "Rail workers call off the weekend strike",
     ["Rail workers called off a strike planned for the weekend after talks with the operator ran late into Thursday night.",
      "The union said the offer on shift patterns was good enough to put to its members in a vote.",
      "Trains will run to the normal timetable on Saturday and Sunday, the operator said in a statement.",
      "The vote closes in two weeks; a further strike is possible if members reject the offer."]),
    ("school-meals", "Free school meals extended to all primary pupils",
     ["All primary pupils in the region will get free school meals from January, the education department announced.",
      "The scheme will cost about twelve million a year and is funded from a new levy, officials said.",
      "Head teachers welcomed the plan but warned that some kitchens will need new equipment first.",
      "Parents do not need to apply: schools will be told which pupils are covered before the holidays."]),
    ("bridge-repair", "Old bridge reopens to cyclists after repairs",
     ["The old river bridge reopened to cyclists and walkers on Friday after eight months of repairs.",
      "Cars will stay off the bridge for good, the transport committee decided in the spring.",
      "Workers replaced the rotten deck timbers and painted the iron arches in the original green.",
      "A small ceremony was held at the east end, where the mayor cut a ribbon in the rain."]),
    ("marsh-carbon", "Restored marsh stores more carbon than expected",
     ["A salt marsh restored ten years ago now stores more carbon than the scientists who planned it expected.",
      "Soil cores taken last summer show the layer of new sediment growing by almost a centimetre a year.",
      "The researchers said the result should encourage similar projects along the coast.",
      "Birds have returned as well: the marsh counted forty breeding pairs of redshank this year."]),
    ("cup-semifinal", "Town club reaches the cup semifinal",
     ["The town's football club reached the cup semifinal for the first time on Saturday, beating the holders two goals to one.",
      "Both goals came in the second half, after the coach changed the shape of the team at the break.",
      "More than six thousand fans saw the match, the largest crowd at the ground in twenty years.",
      "The semifinal will be played next month at a neutral ground yet to be chosen."]),
]


def page(slug, title, paragraphs, index):
    nav = "".join(f'<li><a href="/section/{n}">{n.title()}</a></li>' for n in ["news", "sport", "weather", "culture", "travel"])
    related = "".join(f'<li><a href="/story/{s}">{t}</a></li>' for s, t, _ in STORIES if s != slug)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | The Coast Courier</title></head>
<body><header class="site-header"><a href="/">The Coast Courier</a><nav><ul>{nav}</ul></nav></header>
<div class="page"><main><article><h1>{title}</h1><p class="byline">By Staff Reporter</p>
<div class="story-{index % 2 and 'text' or 'content'}">{body}</div>
<div class="share-tools"><a href="#">Share</a> <a href="#">Print</a> <a href="#">Email</a></div></article>
<aside class="rail"><h2>Most read</h2><ul>{related}</ul></aside></main></div>
<div class="newsletter-box"><p>Sign up for our morning newsletter.</p></div>
<footer><p>Copyright The Coast Courier. All rights reserved.</p><p><a href="/about">About us</a> <a href="/contact">Contact</a></p></footer>
</body></html>"""


def write_gzip(path, text):
    with open(path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
            handle.write(text.encode("utf-8"))


def main():
    os.makedirs(os.path.join(HERE, "benchmark", "html"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "snippets", "html"), exist_ok=True)
    truth = {}
    evaldata = {}
    for index, (slug, title, paragraphs) in enumerate(STORIES):
        html = page(slug, title, paragraphs, index)
        if index < 3:
            truth[slug] = {"articleBody": "\n\n".join(paragraphs), "url": f"https://courier.example/{slug}"}
            write_gzip(os.path.join(HERE, "benchmark", "html", slug + ".html.gz"), html)
        else:
            name = slug + ".html"
            evaldata[f"https://courier.example/{slug}"] = {
                "file": name, "with": [paragraphs[0][:40], paragraphs[-1][-40:]],
                "without": ["Most read", "Sign up for our morning newsletter."]}
            write_gzip(os.path.join(HERE, "snippets", "html", name + ".gz"), html)
    with open(os.path.join(HERE, "benchmark", "ground-truth.json"), "w", encoding="utf-8") as handle:
        json.dump(truth, handle, indent=1, sort_keys=True)
    with open(os.path.join(HERE, "snippets", "evaldata.json"), "w", encoding="utf-8") as handle:
        json.dump(evaldata, handle, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()

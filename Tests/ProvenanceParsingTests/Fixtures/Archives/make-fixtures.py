#!/usr/bin/env python3
"""Writes the web-archive and MHTML fixtures of the input tests from our own
example pages (Examples/). Run from the package root:

    python3 Tests/ProvenanceParsingTests/Fixtures/Archives/make-fixtures.py

The files are committed; this script says how they were made. It needs
nothing beyond Python's standard library.
"""
import base64
import gzip
import io
import os
import quopri
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))


def example(name):
    with open(os.path.join(ROOT, "Examples", name), "rb") as handle:
        return handle.read()


PAGE = example("harbor-ledger-castavia-port-talks.html")
SMALL_PAGE = (b"<html><head><title>Ferry timetable changes</title></head><body><article>"
              b"<p>\xe2\x80\x9cThe winter timetable starts on Monday,\xe2\x80\x9d the ferry operator said.</p>"
              b"</article></body></html>")


def record(warc_type, uri, date, record_id, block, content_type):
    headers = [
        ("WARC-Type", warc_type),
        ("WARC-Record-ID", f"<urn:uuid:{record_id}>"),
        ("WARC-Date", date),
        ("WARC-Target-URI", uri),
        ("Content-Type", content_type),
        ("Content-Length", str(len(block))),
    ]
    head = "WARC/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n"
    return head.encode() + block + b"\r\n\r\n"


def http(body, content_type="text/html; charset=utf-8", extra=()):
    lines = ["HTTP/1.1 200 OK", f"Content-Type: {content_type}"] + list(extra)
    if not any(line.lower().startswith("transfer-encoding") for line in extra):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def chunked(body, size=500):
    out = b""
    for start in range(0, len(body), size):
        piece = body[start:start + size]
        out += f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def records():
    http_type = "application/http; msgtype=response"
    yield record("warcinfo", "", "2024-03-15T09:00:00Z", "00000000-0000-4000-8000-000000000000",
                 b"software: provenance fixtures\r\n", "application/warc-fields")
    yield record("request", "https://www.harborledger.example/world/castavia-port-talks", "2024-03-15T09:00:01Z",
                 "00000000-0000-4000-8000-000000000001", b"GET /world/castavia-port-talks HTTP/1.1\r\n\r\n",
                 "application/http; msgtype=request")
    yield record("response", "https://www.harborledger.example/world/castavia-port-talks", "2024-03-15T09:00:02Z",
                 "00000000-0000-4000-8000-000000000002", http(PAGE), http_type)
    yield record("response", "https://www.harborledger.example/logo.png", "2024-03-15T09:00:03Z",
                 "00000000-0000-4000-8000-000000000003", http(b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"), http_type)
    yield record("metadata", "https://www.harborledger.example/world/castavia-port-talks", "2024-03-15T09:00:04Z",
                 "00000000-0000-4000-8000-000000000004", b"outlinks: 12\r\n", "application/warc-fields")
    yield record("response", "https://ferries.example/timetable", "2024-03-15T09:00:05Z",
                 "00000000-0000-4000-8000-000000000005",
                 http(chunked(gzip.compress(SMALL_PAGE, mtime=0)), extra=("Transfer-Encoding: chunked", "Content-Encoding: gzip")),
                 http_type)
    yield record("revisit", "https://www.harborledger.example/world/castavia-port-talks", "2024-03-16T09:00:00Z",
                 "00000000-0000-4000-8000-000000000006", b"", "application/http; msgtype=response")
    yield record("response", "https://ferries.example/deflate", "2024-03-15T09:00:07Z",
                 "00000000-0000-4000-8000-000000000007",
                 http(zlib.compress(SMALL_PAGE.replace(b"winter", b"summer")), extra=("Content-Encoding: deflate",)), http_type)


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as handle:
        handle.write(data)


def main():
    parts = list(records())
    write("crawl.warc", b"".join(parts))
    # One gzip member a record, as crawlers write them.
    write("crawl.warc.gz", b"".join(gzip.compress(part, mtime=0) for part in parts))
    # Cut inside the sixth record: the five before it are kept.
    whole = b"".join(parts)
    cut = len(b"".join(parts[:5])) + 300
    write("truncated.warc", whole[:cut])
    # An MHTML page: quoted-printable HTML, its address and save date in the headers.
    html = PAGE
    mhtml = (
        b"From: <Saved by Blink>\r\n"
        b"Snapshot-Content-Location: https://www.harborledger.example/world/castavia-port-talks\r\n"
        b"Subject: Castavia president says port talks with neighbors must secure open sea lanes\r\n"
        b"Date: Fri, 15 Mar 2024 10:12:00 -0000\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--fixture----\"\r\n"
        b"\r\n"
        b"------MultipartBoundary--fixture----\r\n"
        b"Content-Type: text/html\r\n"
        b"Content-ID: <frame-0@mhtml.blink>\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://www.harborledger.example/world/castavia-port-talks\r\n"
        b"\r\n" + quopri.encodestring(html) + b"\r\n"
        b"------MultipartBoundary--fixture----\r\n"
        b"Content-Type: image/png\r\n"
        b"Content-Transfer-Encoding: base64\r\n"
        b"Content-Location: https://www.harborledger.example/logo.png\r\n"
        b"\r\n" + base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(64)) + b"\r\n"
        b"------MultipartBoundary--fixture------\r\n"
    )
    write("page.mhtml", mhtml)
    # The same with base64 HTML, and one without any HTML part.
    write("page-base64.mht", mhtml.replace(b"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://www.harborledger.example/world/castavia-port-talks\r\n\r\n" + quopri.encodestring(html),
                                           b"Content-Transfer-Encoding: base64\r\nContent-Location: https://www.harborledger.example/world/castavia-port-talks\r\n\r\n" + base64.encodebytes(html)))
    write("no-html-part.mhtml", mhtml.replace(b"Content-Type: text/html\r\n", b"Content-Type: text/css\r\n"))
    malformed(parts, mhtml)


def malformed(parts, mhtml):
    """Damaged and odd inputs, each the way some tool or accident writes them."""
    members = [gzip.compress(part, mtime=0) for part in parts]
    # The fifth member's deflate data overwritten: the two pages before it are kept.
    damaged = bytearray(members[5])
    damaged[12:40] = b"\xff" * 28
    write("damaged-member.warc.gz", b"".join(members[:5]) + bytes(damaged) + b"".join(members[6:]))
    # Bytes that are no gzip member between the fourth and fifth members: an
    # error at the fifth record, the documents before it kept.
    write("garbage-between-members.warc.gz", b"".join(members[:4]) + b"not gzip at all\n" + b"".join(members[4:]))
    # The last member's checksum wrong: its record is not kept, and is the one named.
    checked = bytearray(members[-1])
    checked[-8] ^= 0xFF
    write("bad-checksum.warc.gz", b"".join(members[:-1]) + bytes(checked))
    # The last member cut inside its gzip header: not a complete archive.
    write("cut-member.warc.gz", b"".join(members) + gzip.compress(parts[2], mtime=0)[:5])
    # Lengths no file has: the record length, and a chunk size.
    write("huge-length.warc", parts[2].replace(b"Content-Length: ", b"Content-Length: 9223372036854775807\r\nX-Was: ", 1))
    write("huge-chunk.warc", record("response", "https://ferries.example/huge", "2024-03-15T09:00:08Z",
                                    "00000000-0000-4000-8000-000000000008",
                                    http(b"7fffffffffffffff\r\n" + SMALL_PAGE + b"\r\n0\r\n\r\n", extra=("Transfer-Encoding: chunked",)),
                                    "application/http; msgtype=response"))
    # Redirects, errors and not-modified responses are not pages.
    http_type = "application/http; msgtype=response"
    statuses = [
        http(SMALL_PAGE).replace(b"200 OK", b"301 Moved Permanently", 1),
        http(b"").replace(b"200 OK", b"304 Not Modified", 1),
        http(b"<html><body><h1>Page not found</h1></body></html>").replace(b"200 OK", b"404 Not Found", 1),
        http(SMALL_PAGE),
    ]
    write("statuses.warc", b"".join(
        record("response", f"https://ferries.example/status/{number}", "2024-03-15T09:00:09Z",
               f"00000000-0000-4000-8000-00000000001{number}", block, http_type)
        for number, block in enumerate(statuses)))
    # Blank lines before the first record.
    write("leading-blank-lines.warc", b"\r\n\r\n" + parts[2])
    # A body stored already joined while the header still says chunked.
    write("dechunked-body.warc", record("response", "https://ferries.example/joined", "2024-03-15T09:00:10Z",
                                        "00000000-0000-4000-8000-000000000020",
                                        http(SMALL_PAGE, extra=("Transfer-Encoding: chunked",)), http_type))
    # One newline after the gzip data (as some upload tools append).
    write("trailing-newline.html.gz", gzip.compress(SMALL_PAGE, mtime=0) + b"\n")
    # Bytes after the gzip data that are no member (a newline is padding, this is not).
    write("trailing-garbage.html.gz", gzip.compress(SMALL_PAGE, mtime=0) + b"\ntrailing words\n")
    # The HTML inside a nested multipart/alternative, a line that starts like
    # the boundary without being one, and soft breaks with spaces after "=".
    nested = (
        b"MIME-Version: 1.0\r\n"
        b"Snapshot-Content-Location: https://ferries.example/nested\r\n"
        b"Content-Type: multipart/related; boundary=outer\r\n"
        b"\r\n"
        b"--outer\r\n"
        b"Content-Type: multipart/alternative; boundary=inner\r\n"
        b"\r\n"
        b"--inner\r\n"
        b"Content-Type: text/plain\r\n"
        b"\r\n"
        b"Ferry timetable changes\r\n"
        b"--inner\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b"\r\n"
        b"<html><head><title>Ferry timetable changes</title></head><body><article>\r\n"
        b"<p>The winter timetable starts on Monday, the harbour mini= \r\nster said.</p>\r\n"
        b"--outer-and-inner are words in this paragraph, not a boundary.\r\n"
        b"</article></body></html>\r\n"
        b"--inner--\r\n"
        b"--outer--\r\n"
    )
    write("nested.mhtml", nested)


if __name__ == "__main__":
    main()

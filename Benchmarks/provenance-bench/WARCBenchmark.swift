import CZlib
import Foundation
import ProvenanceParsing

#if canImport(Glibc)
import Glibc
#endif

/// The benchmark pages written into one gzipped web archive, the way crawlers
/// write them (a gzip member per record, each page a `response` record with
/// its HTTP head, a `request` record before it), then read back through
/// `InputItems`: how fast a crawl streams in, in MB/s of the `.warc.gz`.
func runWARCBenchmark(_ inputs: [Input], rounds: Int, best: (() -> Void) -> Double) {
    let path = "/tmp/provenance-bench-\(getpid()).warc.gz"
    defer { unlink(path) }
    var archive: [UInt8] = []
    var uncompressed = 0
    for (number, input) in inputs.enumerated() {
        let uri = "https://example.org/bench/\(number)"
        let request = Array("GET /bench/\(number) HTTP/1.1\r\nHost: example.org\r\n\r\n".utf8)
        let response = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(input.bytes.count)\r\n\r\n".utf8)
            + input.bytes
        for (type, block, contentType) in [
            ("request", request, "application/http; msgtype=request"),
            ("response", response, "application/http; msgtype=response"),
        ] {
            let head = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", number))>\r\n"
                + "WARC-Date: 2026-11-23T12:00:00Z\r\nWARC-Target-URI: \(uri)\r\nContent-Type: \(contentType)\r\n"
                + "Content-Length: \(block.count)\r\n\r\n"
            let record = Array(head.utf8) + block + Array("\r\n\r\n".utf8)
            uncompressed += record.count
            archive += gzipMember(record)
        }
    }
    guard FileManager.default.createFile(atPath: path, contents: Data(archive)) else {
        print("WARC: cannot write \(path)")
        return
    }
    let megabytes = Double(archive.count) / 1e6
    print(String(
        format: "web archive: %d response and %d request records, %.1f MB .warc.gz (%.1f MB uncompressed)",
        inputs.count, inputs.count, megabytes, Double(uncompressed) / 1e6))
    let extractor = ArticleExtractor()
    var documents = 0
    let read = best {
        documents = 0
        for item in InputItems(paths: [path]) {
            if case .document(let document) = item { documents += 1; sink &+= document.bytes.count }
        }
    }
    report("WARC read (.warc.gz)", megabytes: megabytes, documents: documents, seconds: read)
    let extract = best {
        for item in InputItems(paths: [path]) {
            if case .document(let document) = item, let article = try? extractor.extract(document) { sink &+= article.blocks.count }
        }
    }
    report("WARC read + extract", megabytes: megabytes, documents: documents, seconds: extract)
}

/// `bytes` as one gzip member.
func gzipMember(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    guard provenance_deflateInit2(&stream, 6, 31) == Z_OK else { fatalError("deflateInit2 failed") }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
    var input = bytes
    let written = input.withUnsafeMutableBufferPointer { source in
        output.withUnsafeMutableBufferPointer { target in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            stream.next_out = target.baseAddress
            stream.avail_out = uInt(target.count)
            guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { fatalError("deflate did not finish") }
            return target.count - Int(stream.avail_out)
        }
    }
    return Array(output[..<written])
}

// provenance-bench serve-load: `provenance serve` under concurrent clients.
//
// A small load client of our own (no wrk needed): each client is a thread
// with one keep-alive HTTP/1.1 connection to a loopback address, sending a
// request, reading the whole answer, and timing it, one after the other. The
// requests are a fixed mix drawn from the store itself (deterministic for a
// given store): searches by one or two words of its claims' sentences, the
// same with a finding facet, claim, source and document pages by id, each
// half the time as its /api/ twin. The run is bounded in count and in time,
// and stops the server it started.

import Foundation
import ProvenanceStore

#if canImport(Glibc)
import Glibc
#endif

/// The kinds of requests the mix has, in the order the table lists them.
private enum LoadKind: Int, CaseIterable {
    case search, searchFinding, claim, source, document
    case apiSearch, apiSearchFinding, apiClaim, apiSource, apiDocument

    var name: String {
        switch self {
        case .search: "search"
        case .searchFinding: "search + finding"
        case .claim: "claim"
        case .source: "source"
        case .document: "document"
        case .apiSearch: "api/search"
        case .apiSearchFinding: "api/search + finding"
        case .apiClaim: "api/claims"
        case .apiSource: "api/sources"
        case .apiDocument: "api/documents"
        }
    }
}

/// What the requests are drawn from: the store's size and words of its sentences.
private struct LoadMix: Sendable {
    let documents: Int
    let claims: Int
    let sources: Int
    let words: [String]

    /// Out of 100: search 25, with a finding 10, claim 25, source 15, document 25; half of each the API.
    func request(_ random: inout LoadRandom) -> (LoadKind, String) {
        let api = random.next() % 2 == 0
        let roll = Int(random.next() % 100)
        func query() -> String {
            let count = 1 + Int(random.next() % 2)
            return (0..<count).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: "+")
        }
        let findings = ["attribution_dropped", "new_claim", "unattributed"]
        switch roll {
        case 0..<25:
            return api ? (.apiSearch, "/api/search?q=\(query())") : (.search, "/search?q=\(query())")
        case 25..<35:
            let finding = findings[Int(random.next() % 3)]
            return api ? (.apiSearchFinding, "/api/search?q=\(query())&finding=\(finding)") : (.searchFinding, "/search?q=\(query())&finding=\(finding)")
        case 35..<60:
            let id = 1 + Int(random.next() % UInt64(max(1, claims)))
            return api ? (.apiClaim, "/api/claims/c\(id)") : (.claim, "/claims/c\(id)")
        case 60..<75:
            let id = 1 + Int(random.next() % UInt64(max(1, sources)))
            return api ? (.apiSource, "/api/sources/s\(id)") : (.source, "/sources/s\(id)")
        default:
            let id = 1 + Int(random.next() % UInt64(max(1, documents)))
            return api ? (.apiDocument, "/api/documents/d\(id)") : (.document, "/documents/d\(id)")
        }
    }
}

/// A small deterministic generator (a linear congruential one), one per client.
private struct LoadRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
}

/// What every client adds to, under a lock.
private final class LoadResults: @unchecked Sendable {
    private let lock = NSLock()
    private var latencies: [[Double]] = Array(repeating: [], count: LoadKind.allCases.count)
    private var statuses: [[Int: Int]] = Array(repeating: [:], count: LoadKind.allCases.count)
    private var issued = 0
    private(set) var failures: [String] = []
    let limit: Int
    let deadline: Double

    init(limit: Int, deadline: Double) {
        self.limit = limit
        self.deadline = deadline
    }

    /// Takes the next request's turn, or nil when the count or the time is up.
    func take() -> Int? {
        lock.withLock {
            guard issued < limit, monotonicSeconds() < deadline else { return nil }
            issued += 1
            return issued
        }
    }

    var done: Int { lock.withLock { latencies.reduce(0) { $0 + $1.count } } }

    func add(_ kind: LoadKind, status: Int, seconds: Double) {
        lock.withLock {
            latencies[kind.rawValue].append(seconds)
            statuses[kind.rawValue][status, default: 0] += 1
        }
    }

    func fail(_ message: String) { lock.withLock { failures.append(message) } }

    func snapshot() -> (latencies: [[Double]], statuses: [[Int: Int]]) { lock.withLock { (latencies, statuses) } }
}

func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// One keep-alive HTTP/1.1 connection to an IPv4 loopback address.
private final class LoadConnection {
    let host: String
    let port: UInt16
    private var socketFD: Int32 = -1
    private var buffer: [UInt8] = []

    init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    deinit { close() }

    func close() {
        if socketFD >= 0 { Glibc.close(socketFD) }
        socketFD = -1
        buffer.removeAll(keepingCapacity: true)
    }

    private func connect() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoadError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            Glibc.close(fd)
            throw LoadError("\(host) is not an IPv4 address")
        }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let message = String(cString: strerror(errno))
            Glibc.close(fd)
            throw LoadError("connect to \(host):\(port): \(message)")
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        // No answer in 30 s is a failure, not a hang.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        socketFD = fd
    }

    /// GETs `path`: the status and the body's size.
    func get(_ path: String) throws -> (status: Int, bytes: Int) {
        if socketFD < 0 { try connect() }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nAccept: */*\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else {
                close()
                throw LoadError("send: \(String(cString: strerror(errno)))")
            }
            sent += n
        }
        do {
            let head = try readHead()
            guard let statusLine = head.first, statusLine.hasPrefix("HTTP/1."),
                let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "")
            else { throw LoadError("not an HTTP answer: \(head.first ?? "")") }
            var length: Int?
            var chunked = false
            var closing = false
            for line in head.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let name = line[..<colon].lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
                if name == "content-length" { length = Int(value) }
                if name == "transfer-encoding", value.contains("chunked") { chunked = true }
                if name == "connection", value == "close" { closing = true }
            }
            var bytes = 0
            if chunked {
                while true {
                    let sizeLine = try readLine()
                    guard let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) else {
                        throw LoadError("bad chunk size \(sizeLine)")
                    }
                    if size == 0 {
                        // Trailers, up to an empty line.
                        while try !readLine().isEmpty {}
                        break
                    }
                    try skip(size)
                    bytes += size
                    _ = try readLine()
                }
            } else if let length {
                try skip(length)
                bytes = length
            } else {
                throw LoadError("an answer with neither a length nor chunks")
            }
            if closing { close() }
            return (status, bytes)
        } catch {
            close()
            throw error
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(socketFD, $0.baseAddress, $0.count, 0) }
        guard n > 0 else {
            throw LoadError(n == 0 ? "the server closed the connection" : "recv: \(String(cString: strerror(errno)))")
        }
        buffer.append(contentsOf: chunk[0..<n])
    }

    private func readLine() throws -> String {
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<end])
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                buffer.removeSubrange(...end)
                return String(decoding: line, as: UTF8.self)
            }
            try fill()
        }
    }

    private func readHead() throws -> [String] {
        var lines: [String] = []
        while true {
            let line = try readLine()
            if line.isEmpty { return lines }
            lines.append(line)
        }
    }

    private func skip(_ count: Int) throws {
        while buffer.count < count { try fill() }
        buffer.removeSubrange(..<count)
    }
}

struct LoadError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Resident and peak resident memory of a process, in MiB, from /proc.
private func processMemory(_ pid: Int32) -> (rss: Double, peak: Double)? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    func value(_ key: String) -> Double? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
        return line.split(separator: " ").compactMap { Double($0) }.first.map { $0 / 1024 }
    }
    guard let rss = value("VmRSS"), let peak = value("VmHWM") else { return nil }
    return (rss, peak)
}

/// `provenance serve` on a free loopback port, started beside this binary.
private final class ServerProcess {
    let process = Process()
    let url: String

    init(store: String) throws {
        let here = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        let binary = here.deletingLastPathComponent().appendingPathComponent("provenance")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw LoadError("no \(binary.path): build it (swift build -c release --product provenance) or give --url")
        }
        process.executableURL = binary
        process.arguments = ["serve", "--store", store, "--port", "0", "--host", "127.0.0.1"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // "provenance: serving PATH at http://127.0.0.1:PORT/", within 60 s.
        let found = LoadFound()
        let handle = errors.fileHandleForReading
        let reading = Thread {
            var text = ""
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
                if let range = text.range(of: "http://127.0.0.1:"), let end = text[range.upperBound...].firstIndex(of: "/") {
                    found.set(String(text[range.lowerBound..<end]))
                    break
                }
            }
            found.set(nil)
        }
        reading.start()
        guard let url = found.wait(seconds: 60) else {
            process.terminate()
            throw LoadError("the server did not say where it listens")
        }
        self.url = url
    }

    var pid: Int32 { process.processIdentifier }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = monotonicSeconds() + 10
        while process.isRunning, monotonicSeconds() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// The first value set, waited for.
private final class LoadFound: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: String??

    func set(_ new: String?) {
        condition.withLock {
            if value == nil { value = .some(new) }
            condition.broadcast()
        }
    }

    func wait(seconds: Double) -> String? {
        condition.withLock {
            let until = Date(timeIntervalSinceNow: seconds)
            while value == nil, condition.wait(until: until) {}
            return value ?? nil
        }
    }
}

func runServeLoadBenchmark(_ arguments: [String]) {
    func option(_ name: String) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
    guard let store = arguments.first, !store.hasPrefix("--") else {
        print("usage: provenance-bench serve-load STORE [--clients 8] [--requests 4000] [--seconds 120] [--url http://127.0.0.1:PORT [--pid PID]]")
        exit(2)
    }
    let clients = max(1, min(64, option("--clients").flatMap(Int.init) ?? 8))
    let limit = max(1, min(1_000_000, option("--requests").flatMap(Int.init) ?? 4000))
    let seconds = max(1, min(3600, option("--seconds").flatMap(Double.init) ?? 120))

    // The mix, from the store (read-only, as the server reads it).
    let mix: LoadMix
    do {
        let reader = try CorpusStore(path: store, access: .read)
        let counts = try reader.counts()
        guard counts.claims > 0 else {
            print("\(store) has no claims")
            exit(2)
        }
        var random = LoadRandom(state: 7)
        var words: Set<String> = []
        for _ in 0..<200 {
            let id = ClaimID(Int64(1 + random.next() % UInt64(counts.claims)))
            guard let claim = try reader.claim(id) else { continue }
            for word in claim.summary.sentence.split(whereSeparator: { !$0.isLetter }) where word.count >= 3 {
                words.insert(word.lowercased())
            }
        }
        mix = LoadMix(documents: counts.documents, claims: counts.claims, sources: counts.sources, words: words.sorted())
        print("store \(store): \(counts.documents) documents, \(counts.claims) claims, \(counts.sources) sources; "
            + "\(mix.words.count) search words drawn from 200 claims")
    } catch {
        print("cannot read \(store): \(error)")
        exit(1)
    }

    // The server: ours, or the one at --url (loopback only).
    var server: ServerProcess?
    let base: String
    if let url = option("--url") {
        base = url.hasSuffix("/") ? String(url.dropLast()) : url
    } else {
        do {
            server = try ServerProcess(store: store)
            base = server!.url
        } catch {
            print("cannot start the server: \(error)")
            exit(1)
        }
    }
    defer { server?.stop() }
    guard base.hasPrefix("http://"), let authority = base.dropFirst(7).split(separator: "/").first else {
        print("\(base) is not an http:// address")
        exit(2)
    }
    let parts = authority.split(separator: ":")
    let host = parts[0] == "localhost" ? "127.0.0.1" : String(parts[0])
    guard host.hasPrefix("127."), parts.count == 2, let port = UInt16(parts[1]) else {
        print("\(base): the load goes to a loopback address (127.x.x.x) with a port, nothing else")
        exit(2)
    }
    let pid = server?.pid ?? option("--pid").flatMap(Int32.init)
    let serverNote = server == nil ? "at \(base)" : "started at \(base) (pid \(server!.pid))"
    print("server \(serverNote); \(clients) clients, at most \(limit) requests or \(Int(seconds)) s")

    var memory: [(String, Double, Double)] = []
    func sample(_ label: String) {
        if let pid, let (rss, peak) = processMemory(pid) { memory.append((label, rss, peak)) }
    }
    sample("start")

    let start = monotonicSeconds()
    let results = LoadResults(limit: limit, deadline: start + seconds)
    let group = DispatchGroup()
    for client in 0..<clients {
        group.enter()
        let thread = Thread {
            defer { group.leave() }
            var random = LoadRandom(state: UInt64(1000 + client))
            let connection = LoadConnection(host: host, port: port)
            while results.take() != nil {
                let (kind, path) = mix.request(&random)
                let began = monotonicSeconds()
                do {
                    let (status, _) = try connection.get(path)
                    results.add(kind, status: status, seconds: monotonicSeconds() - began)
                } catch {
                    results.fail("\(path): \(error)")
                }
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    // Memory at the middle of the run (by count or by time, whichever comes first).
    var sampledMiddle = false
    while group.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
        let progress = max(Double(results.done) / Double(limit), (monotonicSeconds() - start) / seconds)
        if !sampledMiddle, progress >= 0.5 {
            sample("middle")
            sampledMiddle = true
        }
    }
    let elapsed = monotonicSeconds() - start
    if !sampledMiddle { sample("middle") }
    sample("end")

    let (latencies, statuses) = results.snapshot()
    let total = latencies.reduce(0) { $0 + $1.count }
    print(String(format: "%d requests in %.1f s: %.0f requests/s; %d failed", total, elapsed, Double(total) / elapsed, results.failures.count))
    for failure in results.failures.prefix(5) { print("  failed: \(failure)") }
    print("")
    print("| page | requests | statuses | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|---|")
    func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))] * 1000
    }
    func row(_ name: String, _ values: [Double], _ codes: [Int: Int]) {
        let sorted = values.sorted()
        let statusText = codes.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
        print(String(
            format: "| %@ | %d | %@ | %.1f | %.1f | %.1f | %.1f |", name as NSString, sorted.count, statusText as NSString,
            percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99), sorted.last.map { $0 * 1000 } ?? .nan))
    }
    for kind in LoadKind.allCases { row(kind.name, latencies[kind.rawValue], statuses[kind.rawValue]) }
    var allCodes: [Int: Int] = [:]
    for codes in statuses { allCodes.merge(codes, uniquingKeysWith: +) }
    row("all", latencies.flatMap { $0 }, allCodes)
    print("")
    if memory.isEmpty {
        print("server memory: unknown (give --pid with --url)")
    } else {
        print("server memory (MiB): " + memory.map { String(format: "%@ %.0f resident, %.0f peak", $0.0 as NSString, $0.1, $0.2) }
            .joined(separator: "; "))
    }
}

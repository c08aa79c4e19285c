import ArgumentParser
import Foundation
import ProvenanceServer
import ProvenanceStore

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Browse a corpus store in a web browser: search claims, follow each to its origin.",
        discussion: """
            Serves pages (search, claim, source, document) and a JSON API under /api/ over the store, \
            opened read-only: an ingest may go on writing to it. Listens on 127.0.0.1 unless --host \
            says otherwise; stop it with Ctrl-C.
            """
    )

    @Option(help: "The corpus store (SQLite).")
    var store: String

    @Option(help: "The port to listen on (0: any free one).")
    var port: Int = 8080

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
    }

    func run() throws {
        let reader = try CorpusStore(path: store, access: .read)
        let host = host
        let application = CorpusServer(reader: reader).application(host: host, port: port) { port in
            FileHandle.standardError.write(Data("provenance: serving \(reader.path) at http://\(host):\(port)/\n".utf8))
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await application.runService()
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}

/// How the server stopped, handed from its task to the command.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? { lock.withLock { stored } }

    func set(_ error: any Error) { lock.withLock { stored = error } }
}

import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

@main
struct Provenance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provenance",
        abstract: "Track claims and quotes in news articles back to who said them.",
        discussion: """
            Exit status: 0 when every input was read, 1 when some inputs failed \
            (each failure is one line on standard error), 2 for a usage error.
            """,
        version: "0.1.0",
        subcommands: [Extract.self, Report.self, Check.self, Ingest.self, Sources.self]
    )

    /// Runs the command, mapping usage errors to exit status 2 as documented.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandleOutput.standardError.write(fullMessage(for: error) + "\n")
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}

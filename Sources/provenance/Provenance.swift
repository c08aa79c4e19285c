import ArgumentParser
import ProvenanceParsing
import ProvenanceStore

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
        subcommands: [Extract.self, Report.self, Check.self, Ingest.self, Sources.self, Serve.self]
    )

    /// Runs the command. Every error is one line in one voice,
    /// `provenance: error: …`, usage errors (exit status 2) followed by how
    /// to get help.
    static func main() {
        // (Read from the raw arguments: a file name that is not UTF-8 keeps its bytes.)
        let arguments = Array(FileName.arguments().dropFirst())
        if let unknown = arguments.first, let message = CommandSuggestion.message(for: unknown, among: subcommandNames) {
            fail(message, usage: "Usage: provenance <subcommand>\n  See 'provenance --help' for more information.", status: 2)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // A store that is not there (or a path that cannot be one) is a mistyped argument.
            if let store = error as? StoreError, store.isMistyped { fail(store.description, usage: "", status: 2) }
            let code = exitCode(for: error)
            // Help, the version, completion scripts: ArgumentParser prints them.
            if code == .success { exit(withError: error) }
            let message = message(for: error)
            guard !message.isEmpty else { Glibc.exit(code.rawValue) }  // an exit status, already explained
            if code == .validationFailure {
                // What ArgumentParser adds after its own error line: the option's help, the usage.
                let usage = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
                    .drop { !$0.hasPrefix("Help:") && !$0.hasPrefix("Usage:") }.joined(separator: "\n")
                fail(message, usage: usage, status: 2)
            }
            fail(message, usage: "", status: code.rawValue)
        }
    }

    static var subcommandNames: [String] {
        configuration.subcommands.map { $0.configuration.commandName ?? $0._commandName } + ["help"]
    }

    private static func fail(_ message: String, usage: String, status: Int32) -> Never {
        var text = "provenance: error: \(VisibleText.name(message))\n"
        if !usage.isEmpty { text += usage.hasSuffix("\n") ? usage : usage + "\n" }
        FileHandleOutput.standardError.write(text)
        Glibc.exit(status)
    }
}

/// What to say about a first argument that is not a command: nothing when
/// it is one (or an option), else that it is not, with the nearest command
/// when one is a slip of the keys away ("reprot" → "report").
enum CommandSuggestion {
    static func message(for argument: String, among commands: [String]) -> String? {
        guard !argument.hasPrefix("-"), !commands.contains(argument) else { return nil }
        guard argument.count <= 40 else { return "'\(argument.prefix(40))…' is not a provenance command." }
        let ranked = commands.map { (name: $0, distance: distance(argument.lowercased(), $0)) }.sorted { $0.distance < $1.distance }
        if let best = ranked.first, best.distance <= max(1, best.name.count / 3) || best.name.hasPrefix(argument.lowercased()) {
            return "'\(argument)' is not a provenance command; did you mean '\(best.name)'?"
        }
        return "'\(argument)' is not a provenance command; the commands are \(commands.filter { $0 != "help" }.joined(separator: ", "))."
    }

    /// Edit distance, a swap of two neighbouring letters counting as one edit.
    static func distance(_ left: String, _ right: String) -> Int {
        let a = Array(left)
        let b = Array(right)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }
}

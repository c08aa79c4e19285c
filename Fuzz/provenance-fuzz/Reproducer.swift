// provenance-fuzz: libFuzzer targets for the HTML reader, the text reader and
// the attribution engine (see Fuzz/README.md).
//
// Built by Fuzz/run.sh (`--sanitize fuzzer --sanitize address -Xswiftc -DFUZZING`),
// libFuzzer supplies `main` and calls `fuzzOneInput` in FuzzTarget.swift.
// Built plainly it is a runner for saved inputs:
//
//   provenance-fuzz html|text|attribution|archive|jsonl|store FILE...
//
// runs each file once through the same code and prints "ok FILE".
//
// The runner is an `@main` type rather than top-level code in main.swift:
// the fuzz build parses every file as a library, and the parser refuses
// top-level statements even inside an inactive `#if`.

#if !FUZZING
import ProvenanceParsing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@main
enum Reproducer {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            let targets = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandleError.write("usage: provenance-fuzz \(targets) FILE...\n")
            exit(2)
        }
        var failed = false
        for path in arguments.dropFirst() {
            do {
                // The archive, jsonl and store targets take the file's bytes as they are.
                let bytes = [.archive, .jsonl, .store].contains(target) ? try rawBytes(path) : try InputReader.read(path)
                run(bytes, through: target)
                print("ok \(path)")
            } catch {
                FileHandleError.write("provenance-fuzz: \(error)\n")
                failed = true
            }
        }
        exit(failed ? 1 : 0)
    }
}
/// A file's bytes, unread by any of our readers.
func rawBytes(_ path: String) throws(ExtractionError) -> [UInt8] {
    guard let file = fopen(path, "rb") else {
        throw ExtractionError(path: path, reason: .unreadable(String(cString: strerror(errno))))
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
        if count == 0 { break }
        bytes += chunk[0..<count]
    }
    return bytes
}

/// Writes to standard error (the C `stderr` is shared mutable state to Swift 6).
enum FileHandleError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
#endif

import Foundation
import ProvenanceParsing

#if canImport(Glibc)
import Glibc
#endif

/// An input page, its bytes decompressed.
struct Input: Sendable {
    let path: String
    let bytes: [UInt8]
}

/// The files given, folders walked for article files as the commands walk
/// them (`InputPaths.expand`); names that do not exist are reported and left out.
func inputPaths(_ arguments: [String]) -> [String] {
    InputPaths.expand(arguments).filter { path in
        if FileManager.default.fileExists(atPath: path) { return true }
        FileHandle.standardError.write(Data("provenance-bench: no such file: \(path)\n".utf8))
        return false
    }
}

/// The value of `--rounds N` among the arguments (taken out of them), else `defaultRounds`.
func takeRounds(_ arguments: inout [String], default defaultRounds: Int) -> Int {
    guard let index = arguments.firstIndex(of: "--rounds"), index + 1 < arguments.count, let value = Int(arguments[index + 1])
    else { return defaultRounds }
    arguments.removeSubrange(index...index + 1)
    return max(1, value)
}

func seconds(_ body: () -> Void) -> Double {
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    body()
    clock_gettime(CLOCK_MONOTONIC, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// One line of a results table.
func report(_ name: String, megabytes: Double, documents: Int, seconds: Double, floor: Double? = nil) {
    var line = String(
        format: "%-24@ %8.1f MB/s %9.1f documents/s %8.3f s", name as NSString, megabytes / seconds, Double(documents) / seconds, seconds)
    if let floor { line += String(format: "  %3.0f%% of raw parse", 100 * (megabytes / seconds) / floor) }
    print(line)
}

/// Keeps results alive so that the optimizer cannot skip the work.
nonisolated(unsafe) var sink = 0

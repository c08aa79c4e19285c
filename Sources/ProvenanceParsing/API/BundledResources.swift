import Foundation

/// Where the data files a target ships (models, word lists) are when the
/// program runs: in the folder SwiftPM puts beside the program,
/// `provenance_<Target>.resources`. Looked for without `Bundle.module`, which
/// stops the program when that folder is missing — as it is when the binary
/// alone is copied to a cluster node; a caller then gets nil and says so.
package enum BundledResources {
    /// The file `name` of `target`'s resources, beside the program (or beside
    /// the file a link to the program points to), if it is there.
    package static func file(_ name: String, target: String) -> URL? {
        let folder = "provenance_\(target).resources"
        var places = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            places.append(executable.deletingLastPathComponent())
            places.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for place in places {
            let file = place.appendingPathComponent(folder).appendingPathComponent(name)
            if FileManager.default.isReadableFile(atPath: file.path) { return file }
        }
        return nil
    }
}

import Foundation

/// What reading one input gives, one item at a time.
public enum InputItem: Sendable {
    /// A document to extract.
    case document(InputDocument)
    /// An input, or one record of it, that could not be read.
    case failure(ExtractionError)
    /// Something worth telling about an input that was read: how many
    /// records a web archive held and which were skipped.
    case note(path: String, message: String)
}

/// Reads inputs into documents: plain files, gzip (by its bytes), MHTML
/// pages, and web archives (WARC, plain or gzipped) a record at a time, so a
/// large archive never sits in memory whole. `-` is standard input.
public struct InputItems: Sequence, Sendable {
    public let paths: [String]
    /// The largest document (or archive record), in bytes.
    public let limit: Int

    public init(paths: [String], limit: Int = ExtractionOptions.defaultMaximumBytes) {
        self.paths = paths
        self.limit = limit
    }

    public func makeIterator() -> Iterator {
        Iterator(paths: paths, limit: limit)
    }

    public struct Iterator: IteratorProtocol {
        private var paths: IndexingIterator<[String]>
        private let limit: Int
        private var archive: WARCReader?
        private var archivePath = ""

        init(paths: [String], limit: Int) {
            self.paths = paths.makeIterator()
            self.limit = limit
        }

        public mutating func next() -> InputItem? {
            if let reader = archive {
                if let result = reader.next() {
                    switch result {
                    case .success(let document): return .document(document)
                    case .failure(let error): return .failure(error)
                    }
                }
                archive = nil
                return .note(path: archivePath, message: reader.summary)
            }
            guard let path = paths.next() else { return nil }
            do {
                return try open(path)
            } catch {
                return .failure(error)
            }
        }

        /// The first item of an input: its one document, or (for an
        /// archive) the first record, the reader kept for the rest.
        private mutating func open(_ path: String) throws(ExtractionError) -> InputItem? {
            let source = path == "-" ? ByteSource(standardInputNamed: path) : try Self.openFile(path)
            // The first chunk (at most what 64 KiB inflates to) tells an
            // archive, which inflates past any one page and whose records
            // are bounded one by one, from a page, bounded whole.
            guard let first = try source.next() else { throw ExtractionError(path: path, reason: .empty) }
            if WARCReader.looksLikeWARC(first) {
                archive = WARCReader(source: source, firstChunk: first, limit: limit)
                archivePath = path
                return next()
            }
            let bytes = try InputReader.readRest(of: source, after: first, limit: limit)
            if MHTML.looksLikeMHTML(bytes) {
                do throws(MHTML.Failure) {
                    return .document(try MHTML.page(bytes, name: path))
                } catch {
                    throw ExtractionError(path: path, reason: .damagedArchive(
                        error == .noBoundary ? "an MHTML file without a part boundary" : "an MHTML file without an HTML part"))
                }
            }
            return .document(InputDocument(name: path, bytes: bytes))
        }

        /// A file to read; a folder reaches here only when the walk found
        /// nothing to read in it.
        private static func openFile(_ path: String) throws(ExtractionError) -> ByteSource {
            do {
                return try ByteSource(path: path)
            } catch {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw ExtractionError(path: path, reason: .unreadable("a folder with no article files in it"))
                }
                throw error
            }
        }
    }
}

/// Expands the inputs a user names: folders walked (in path order) for the
/// files in them that can be articles; files and `-` kept as given.
public enum InputPaths {
    /// Names of files that are never articles: pictures, media, fonts,
    /// scripts, style sheets, data.
    static let skippedExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "avif", "heic",
        "mp3", "mp4", "m4a", "webm", "ogg", "wav", "mov", "avi", "woff", "woff2", "ttf", "otf", "eot",
        "js", "mjs", "css", "map", "json", "xml", "rss", "pdf", "zip", "exe", "wasm", "swf",
    ]

    /// Names (before the first dot, any case) of the files a project keeps
    /// beside its content — read-me, licence, change log and the like —
    /// which a folder walk passes over; named on the command line, they are read.
    static let projectFileNames: Set<String> = [
        "readme", "license", "licence", "copying", "changelog", "changes", "notice", "authors", "contributors",
        "contributing", "code_of_conduct",
    ]

    /// What a walk found: the inputs to read, and the project files it passed over.
    public struct Expansion: Sendable, Equatable {
        public var paths: [String]
        public var skipped: [String]
    }

    public static func expand(_ arguments: [String]) -> [String] {
        expansion(of: arguments).paths
    }

    public static func expansion(of arguments: [String]) -> Expansion {
        var result = Expansion(paths: [], skipped: [])
        let manager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard argument != "-", manager.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.paths.append(argument)
                continue
            }
            let found = walk(argument)
            // A folder with nothing to read stays in the list, to be reported.
            result.paths += found.paths.isEmpty ? [argument] : found.paths
            result.skipped += found.skipped
        }
        return result
    }

    /// The article files under a folder, sorted by path; hidden files and
    /// folders and a saved page's `*_files` folder left out, project files
    /// (read-me, licence…) set apart. A folder reached again through a
    /// symbolic link is not walked twice.
    private static func walk(_ folder: String) -> (paths: [String], skipped: [String]) {
        let manager = FileManager.default
        var found: [String] = []
        var skipped: [String] = []
        var pending = [folder]
        var walked: Set<String> = []
        while let current = pending.popLast() {
            guard walked.insert(realPath(current)).inserted,
                let names = try? manager.contentsOfDirectory(atPath: current)
            else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if !name.hasSuffix("_files") { pending.append(path) }
                } else if isProjectFile(name) {
                    skipped.append(path)
                } else if isArticleFile(name) {
                    found.append(path)
                }
            }
        }
        return (found.sorted(), skipped.sorted())
    }

    static func isProjectFile(_ name: String) -> Bool {
        let stem = name.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return projectFileNames.contains(stem.replacingOccurrences(of: "-", with: "_"))
    }

    /// The path with every symbolic link resolved.
    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isArticleFile(_ name: String) -> Bool {
        var lower = name.lowercased()
        if lower.hasSuffix(".gz") { lower.removeLast(3) }
        guard let dot = lower.lastIndex(of: ".") else { return true }
        return !skippedExtensions.contains(String(lower[lower.index(after: dot)...]))
    }
}

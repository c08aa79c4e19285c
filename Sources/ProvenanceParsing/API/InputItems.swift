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
            guard let first = try source.next() else { throw ExtractionError(path: source.path, reason: .empty) }
            if WARCReader.looksLikeWARC(first) {
                archive = WARCReader(source: source, firstChunk: first, limit: limit)
                archivePath = source.path
                return next()
            }
            let bytes = try InputReader.readRest(of: source, after: first, limit: limit)
            if MHTML.looksLikeMHTML(bytes) {
                do throws(MHTML.Failure) {
                    return .document(try MHTML.page(bytes, name: source.path))
                } catch {
                    throw ExtractionError(path: source.path, reason: .damagedArchive(
                        error == .noBoundary ? "an MHTML file without a part boundary" : "an MHTML file without an HTML part"))
                }
            }
            return .document(InputDocument(name: source.path, bytes: bytes))
        }

        /// A file to read; a folder reaches here only when the walk found
        /// nothing to read in it.
        private static func openFile(_ path: String) throws(ExtractionError) -> ByteSource {
            do {
                return try ByteSource(path: path)
            } catch {
                if let info = FileName.status(path), (info.st_mode & S_IFMT) == S_IFDIR {
                    throw ExtractionError(path: FileName.display(path), reason: .unreadable("a folder with no article files in it"))
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

    /// Why a folder walk passed a file (or folder) over.
    public enum Skip: String, Sendable, Hashable, CaseIterable {
        /// A read-me, licence or change log.
        case projectFile
        /// A picture, script, style sheet, font, medium or data file.
        case notAnArticle
        /// A name starting with a dot.
        case hidden
        /// The `*_files` folder a browser saves beside a page.
        case savedPageFiles
        /// A symbolic link to nothing.
        case brokenLink
        /// A socket, a device or a pipe.
        case notAFile
        /// A file or folder that could not be looked at.
        case unreadable
    }

    /// A file or folder a walk did not read, and why.
    public struct PassedOver: Sendable, Hashable {
        public var path: String
        public var reason: Skip
    }

    /// What a walk found: the inputs to read, the project files it set
    /// apart, and everything else it did not read (nothing is left out
    /// without being counted).
    public struct Expansion: Sendable, Equatable {
        public var paths: [String]
        public var skipped: [String]
        public var passedOver: [PassedOver] = []
    }

    public static func expand(_ arguments: [String]) -> [String] {
        expansion(of: arguments).paths
    }

    public static func expansion(of arguments: [String]) -> Expansion {
        var result = Expansion(paths: [], skipped: [])
        for argument in arguments {
            guard argument != "-", let info = FileName.status(argument), (info.st_mode & S_IFMT) == S_IFDIR else {
                result.paths.append(argument)
                continue
            }
            let found = walk(argument)
            // A folder with nothing to read stays in the list, to be reported.
            result.paths += found.paths.isEmpty ? [argument] : found.paths
            result.skipped += found.skipped
            result.passedOver += found.passedOver
        }
        return result
    }

    /// The article files under a folder, sorted by path; hidden files and
    /// folders and a saved page's `*_files` folder left out, project files
    /// (read-me, licence…) set apart, and what is not read counted with its
    /// reason. Names are read as bytes (see ``FileName``), so a name that is
    /// not UTF-8 is read like any other. A folder reached again through a
    /// symbolic link is not walked twice.
    private static func walk(_ folder: String) -> (paths: [String], skipped: [String], passedOver: [PassedOver]) {
        var found: [String] = []
        var skipped: [String] = []
        var passedOver: [PassedOver] = []
        var pending = [folder]
        var walked: Set<String> = []
        while let current = pending.popLast() {
            guard walked.insert(realPath(current)).inserted else { continue }
            guard let names = entries(of: current) else {
                passedOver.append(PassedOver(path: current, reason: .unreadable))
                continue
            }
            for name in names {
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                if name.hasPrefix(".") {
                    passedOver.append(PassedOver(path: path, reason: .hidden))
                    continue
                }
                guard let info = FileName.status(path) else {
                    let isLink = FileName.status(path, follow: false).map { ($0.st_mode & S_IFMT) == S_IFLNK } ?? false
                    passedOver.append(PassedOver(path: path, reason: isLink ? .brokenLink : .unreadable))
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if name.hasSuffix("_files") {
                        passedOver.append(PassedOver(path: path, reason: .savedPageFiles))
                    } else {
                        pending.append(path)
                    }
                case S_IFREG:
                    if isProjectFile(name) {
                        skipped.append(path)
                    } else if isArticleFile(name) {
                        found.append(path)
                    } else {
                        passedOver.append(PassedOver(path: path, reason: .notAnArticle))
                    }
                default:
                    passedOver.append(PassedOver(path: path, reason: .notAFile))
                }
            }
        }
        return (found.sorted(), skipped.sorted(), passedOver.sorted { $0.path < $1.path })
    }

    /// The names in a folder (not "." and ".."), as the file system has
    /// their bytes; nil when it cannot be read.
    private static func entries(of folder: String) -> [String]? {
        guard let directory = FileName.withPath(folder, { opendir($0) }), let directory else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            names.append(FileName.string(fromBytes: bytes))
        }
        return names
    }

    static func isProjectFile(_ name: String) -> Bool {
        let stem = name.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return projectFileNames.contains(stem.replacingOccurrences(of: "-", with: "_"))
    }

    /// The path with every symbolic link resolved.
    private static func realPath(_ path: String) -> String {
        guard let resolved = FileName.withPath(path, { realpath($0, nil) }), let resolved else { return path }
        defer { free(resolved) }
        return FileName.string(fromBytes: Array(UnsafeBufferPointer(start: resolved, count: strlen(resolved))).map { UInt8(bitPattern: $0) })
    }

    static func isArticleFile(_ name: String) -> Bool {
        var lower = name.lowercased()
        if lower.hasSuffix(".gz") { lower.removeLast(3) }
        guard let dot = lower.lastIndex(of: ".") else { return true }
        return !skippedExtensions.contains(String(lower[lower.index(after: dot)...]))
    }
}

import Crypto
import Foundation
import ProvenanceParsing

/// A page of the extraction corpora with what is known of its article.
struct ExtractionPage {
    enum Truth {
        /// The article's text (the benchmark's ground truth).
        case body(String)
        /// Snippets of the main text, and snippets that must not be in it (trafilatura's corpus).
        case snippets(with: [String], without: [String])
    }

    /// `benchmark/ID` or `snippets/FILE`.
    var id: String
    var path: String
    var truth: Truth
    /// `tune` or `dev` for the snippet pages (the split `snippets.py` uses), `train` for the others.
    var split: String
}

enum ExtractionCorpus {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    /// The benchmark's pages with their ground-truth bodies.
    static func benchmark(_ folder: String) throws -> [ExtractionPage] {
        let truthPath = folder + "/ground-truth.json"
        guard let data = FileManager.default.contents(atPath: truthPath),
            let truth = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
        else { throw ReadError(description: "\(truthPath): not found or not JSON (is ../shared beside the repository?)") }
        return truth.keys.sorted().compactMap { key in
            guard let body = truth[key]?["articleBody"] as? String else { return nil }
            return ExtractionPage(id: "benchmark/" + key, path: folder + "/html/" + key + ".html.gz", truth: .body(body), split: "train")
        }
    }

    /// Trafilatura's evaluation pages with their snippets.
    static func snippets(_ folder: String) throws -> [ExtractionPage] {
        let path = folder + "/evaldata.json"
        guard let data = FileManager.default.contents(atPath: path),
            let entries = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
        else { throw ReadError(description: "\(path): not found or not JSON (is ../shared beside the repository?)") }
        var pages: [ExtractionPage] = []
        for entry in entries.values {
            guard let file = entry["file"] as? String else { continue }
            let page = folder + "/html/" + file + ".gz"
            guard FileManager.default.fileExists(atPath: page) else { continue }
            pages.append(
                ExtractionPage(
                    id: "snippets/" + file, path: page,
                    truth: .snippets(with: entry["with"] as? [String] ?? [], without: entry["without"] as? [String] ?? []),
                    split: splitOf(file)))
        }
        return pages.sorted { $0.id < $1.id }
    }

    /// `dev` for a third of the snippet pages — the first 32 bits of the SHA-256 of the file name
    /// ≡ 0 mod 3, as `Benchmarks/extraction/snippets.py` splits them — else `tune`.
    static func splitOf(_ file: String) -> String {
        let digest = Array(SHA256.hash(data: Array(file.utf8)))
        let first = UInt32(digest[0]) << 24 | UInt32(digest[1]) << 16 | UInt32(digest[2]) << 8 | UInt32(digest[3])
        return first % 3 == 0 ? "dev" : "tune"
    }
}

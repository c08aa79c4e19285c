import Foundation

/// Resolves link targets against the page address.
enum URLResolver {
    /// `href` made absolute against `base` when it is relative and a base is
    /// known; otherwise `href` trimmed.
    static func resolve(_ href: String, against base: String?) -> String {
        let trimmed = Whitespace.trim(href)
        guard let base, !trimmed.isEmpty, !hasScheme(trimmed), let baseURL = URL(string: base),
            let resolved = URL(string: trimmed, relativeTo: baseURL)?.absoluteString
        else { return trimmed }
        return resolved
    }

    private static func hasScheme(_ href: String) -> Bool {
        guard let colon = href.firstIndex(of: ":") else { return false }
        let scheme = href[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// The host of `url`, lowercased, if it has one.
    static func host(of url: String) -> String? {
        URL(string: url)?.host?.lowercased()
    }
}

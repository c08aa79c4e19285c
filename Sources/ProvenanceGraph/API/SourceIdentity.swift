import ProvenanceAttribution

/// How the sources of many documents become the nodes of one graph (in
/// memory and in a store alike), so that the same documents give the same
/// sources whatever order they arrive in.
///
/// Documents meet under their names: each document resolves the names it
/// uses for a source ("Venn", "the president") to one name ("Aurel Venn"),
/// and that name, case and a leading "the" folded (``key(of:)``), is the
/// node's identity. A document's other names are kept as aliases but join
/// nothing: a surname or an acronym shared by two people or bodies would
/// make them one, and which one a later document joined would depend on
/// which came first.
///
/// What a node shows is the same whatever the order: the longest of the
/// names it was given (of equal ones the first in code-point order, so
/// "Analysts" over "analysts"), the most telling kind (``Source/Kind/merged(with:)``
/// is symmetric), and its aliases and descriptions sorted.
public enum SourceIdentity {
    /// The key documents meet under.
    public static func key(of source: Source) -> String {
        GraphConversion.key(source.name)
    }

    /// A node's fields as one document gives them.
    public static func node(from source: Source) -> (name: String, kind: Source.Kind, aliases: [String], descriptions: [String]) {
        (source.name, source.kind, sortedNames(source.aliases, besides: source.name), Array(Set(source.descriptions)).sorted())
    }

    /// The fields of a node once another document's view of it is added.
    public static func merge(
        name: inout String, kind: inout Source.Kind, aliases: inout [String], descriptions: inout [String], with source: Source
    ) {
        let names = [name] + aliases + [source.name] + source.aliases
        if preferred(source.name, over: name) { name = source.name }
        kind = kind.merged(with: source.kind)
        aliases = sortedNames(names, besides: name)
        descriptions = Array(Set(descriptions + source.descriptions)).sorted()
    }

    /// Whether `candidate` is the better name to show: the longer, then
    /// the first in code-point order.
    static func preferred(_ candidate: String, over current: String) -> Bool {
        let (a, b) = (candidate.unicodeScalars.count, current.unicodeScalars.count)
        return a != b ? a > b : Array(candidate.unicodeScalars.map(\.value)).lexicographicallyPrecedes(current.unicodeScalars.map(\.value))
    }

    private static func sortedNames(_ names: [String], besides name: String) -> [String] {
        Array(Set(names).subtracting([name])).sorted {
            Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value))
        }
    }
}

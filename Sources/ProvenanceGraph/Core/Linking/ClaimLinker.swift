/// Decides which claims are the same claim.
public enum ClaimLinker {
    /// The similarity from which two claims count as the same.
    public static let threshold = 0.5
    /// The similarity from which a claim of a derived document counts as
    /// the same as a claim of its source.
    public static let derivedThreshold = 0.3
}

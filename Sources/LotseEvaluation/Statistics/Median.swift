extension Collection where Element: BinaryInteger {
    /// The median: the middle value of the sorted values, or the mean of the two middle values
    /// when the count is even; nil when the collection is empty.
    ///
    /// Same as `numpy.median`. Used for durations such as days between contacts (DOMAIN §9.5).
    public func median() -> Double? {
        sortedMedian(sorted().map { Double($0) })
    }
}

extension Collection where Element: BinaryFloatingPoint {
    /// The median: the middle value of the sorted values, or the mean of the two middle values
    /// when the count is even; nil when the collection is empty or contains NaN.
    ///
    /// Same as `numpy.median`.
    public func median() -> Double? {
        guard !contains(where: { $0.isNaN }) else { return nil }
        return sortedMedian(sorted().map { Double($0) })
    }
}

/// The median of values already sorted ascending.
private func sortedMedian(_ sorted: [Double]) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    if sorted.count % 2 == 1 { return sorted[middle] }
    // a + (b − a)/2 does not overflow for large values of the same sign, and is exact for halves.
    let low = sorted[middle - 1], high = sorted[middle]
    return low + (high - low) / 2
}
